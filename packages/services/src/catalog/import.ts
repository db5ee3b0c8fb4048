import { transaction } from "@nns/db";
import { AppError, type FieldError, INTERVENTION_STATUSES, type InterventionContent } from "@nns/domain";
import { parse } from "csv-parse/sync";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { insertIntervention } from "./interventions.js";

/**
 * Bulk import of interventions from CSV (UTF-8, comma-separated, one header row). Lists are separated by
 * semicolons. Every row is checked; if any row fails, nothing is written and the answer lists every
 * problem by row and column. Imported entries start as drafts.
 */
export const IMPORT_COLUMNS = [
  "title",
  "summary",
  "description",
  "orientation",
  "focusArea",
  "targetGroups",
  "targetGroupNote",
  "memberParties",
  "municipalityCodes",
  "startDate",
  "endDate",
  "status",
  "followUpMethod",
  "esfFunded",
  "methods",
  "resultGoalPercent",
  "resultGoalWithinMonths",
  "volumeGoalParticipants",
  "plannedThroughputMonths",
] as const;
const REQUIRED = ["title", "summary", "orientation", "focusArea", "status"] as const;
const MAX_ROWS = 1000;

type Row = Partial<Record<(typeof IMPORT_COLUMNS)[number], string>>;

function rowToContent(
  row: Row,
  at: (column: string) => string,
): { content?: InterventionContent; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (column: string, rule: string, message: string) =>
    errors.push({ field: at(column), rule, message });
  const text = (column: keyof Row) => (row[column] ?? "").trim();
  const list = (column: keyof Row) =>
    text(column)
      .split(";")
      .map((v) => v.trim())
      .filter(Boolean);
  const date = (column: keyof Row) => {
    const value = text(column);
    if (!value) return null;
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
      Number.isNaN(Date.parse(value)) ||
      !new Date(value).toISOString().startsWith(value)
    )
      fail(column, "invalid_format:date", "Datum skrivs ÅÅÅÅ-MM-DD.");
    return value;
  };
  const number = (column: keyof Row, max: number, integer: boolean) => {
    const value = text(column);
    if (!value) return null;
    const n = Number(value.replace(",", "."));
    if (!Number.isFinite(n) || n < 0 || n > max || (integer && !Number.isInteger(n))) {
      fail(column, "number_range", `Ett ${integer ? "heltal" : "tal"} mellan 0 och ${max}.`);
      return null;
    }
    return n;
  };
  for (const column of REQUIRED) if (!text(column)) fail(column, "required", "Fältet måste fyllas i.");
  if (text("title").length > 200) fail("title", "too_big", "Högst 200 tecken.");
  if (text("summary").length > 1000) fail("summary", "too_big", "Högst 1000 tecken.");
  const orientation = text("orientation");
  if (orientation && orientation !== "individual" && orientation !== "structural")
    fail("orientation", "invalid_value", "individual eller structural.");
  const status = text("status");
  if (status && !(INTERVENTION_STATUSES as readonly string[]).includes(status))
    fail("status", "invalid_value", `En av ${INTERVENTION_STATUSES.join(", ")}.`);
  const memberParties = list("memberParties");
  if (memberParties.some((p) => !["fk", "af", "region", "kommun"].includes(p)))
    fail("memberParties", "invalid_value", "fk, af, region eller kommun, åtskilda med semikolon.");
  const municipalityCodes = list("municipalityCodes");
  if (municipalityCodes.some((c) => !/^\d{4}$/.test(c)))
    fail("municipalityCodes", "invalid_format", "Kommunkoder med fyra siffror, åtskilda med semikolon.");
  const esf = text("esfFunded").toLowerCase();
  if (esf && !["true", "false", "ja", "nej"].includes(esf))
    fail("esfFunded", "invalid_value", "ja eller nej.");
  const content: InterventionContent = {
    title: text("title"),
    summary: text("summary"),
    description: text("description"),
    orientation: orientation as InterventionContent["orientation"],
    focusArea: text("focusArea") as InterventionContent["focusArea"],
    targetGroups: list("targetGroups"),
    targetGroupNote: text("targetGroupNote") || null,
    memberParties: memberParties as InterventionContent["memberParties"],
    municipalityCodes,
    startDate: date("startDate"),
    endDate: date("endDate"),
    status: status as InterventionContent["status"],
    followUpMethod: text("followUpMethod") || null,
    esfFunded: esf === "true" || esf === "ja",
    budget: [],
    goals: {
      resultGoalPercent: number("resultGoalPercent", 100, false),
      resultGoalWithinMonths: number("resultGoalWithinMonths", 120, true),
      volumeGoalParticipants: number("volumeGoalParticipants", 100_000, true),
      plannedThroughputMonths: number("plannedThroughputMonths", 120, false),
    },
    methods: list("methods") as InterventionContent["methods"],
    links: [],
    contacts: [],
  };
  return errors.length > 0 ? { errors } : { content, errors };
}

function parseCsv(csv: string): Row[] {
  try {
    return parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Row[];
  } catch (error) {
    throw new AppError("validation_failed", "The CSV cannot be read.", {
      errors: [{ field: "body.csv", rule: "csv_syntax", message: (error as Error).message }],
    });
  }
}

export async function importInterventions(ctx: OrgContext, csv: string): Promise<{ ids: string[] }> {
  requirePermission(ctx, "interventions:write");
  const rows = parseCsv(csv);
  const header =
    csv
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/, 1)[0]
      ?.split(",")
      .map((h) => h.trim()) ?? [];
  const unknown = header.filter((h) => !(IMPORT_COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0 || rows.length === 0 || rows.length > MAX_ROWS)
    throw new AppError("validation_failed", "The CSV needs a known header and 1–1000 rows.", {
      errors: [
        {
          field: "body.csv",
          rule: unknown.length > 0 ? "known_columns" : "row_count",
          message:
            unknown.length > 0
              ? `Okända kolumner: ${unknown.join(", ")}. Tillåtna: ${IMPORT_COLUMNS.join(", ")}.`
              : `Mellan 1 och ${MAX_ROWS} rader.`,
        },
      ],
    });
  // Rows are numbered as in a spreadsheet: the header is row 1.
  const at = (index: number) => (column: string) => `csv.row${index + 2}.${column}`;
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const report: FieldError[] = [];
    const ids: string[] = [];
    for (const [index, row] of rows.entries()) {
      const parsed = rowToContent(row, at(index));
      if (!parsed.content) {
        report.push(...parsed.errors);
        continue;
      }
      try {
        // A savepoint per row: a failing row leaves the others' checks meaningful.
        const created = await tx.transaction((sp) =>
          insertIntervention(
            sp,
            ctx,
            { content: parsed.content as InterventionContent },
            `csv.row${index + 2}`,
          ),
        );
        ids.push(created.id);
      } catch (error) {
        if (!(error instanceof AppError) || !error.errors) throw error;
        report.push(...error.errors);
      }
    }
    if (report.length > 0)
      throw new AppError(
        "validation_failed",
        `Nothing was imported: ${new Set(report.map((e) => e.field.split(".")[1])).size} of ${rows.length} rows have errors.`,
        { errors: report },
      );
    await audit(tx, ctx, {
      action: "intervention.imported",
      entityType: "intervention",
      entityId: null,
      after: { count: ids.length, ids },
    });
    return { ids };
  });
}
