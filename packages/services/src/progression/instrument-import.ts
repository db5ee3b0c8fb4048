// Routes: apps/api/src/routes/progression-instruments — a new draft version from a file: how NNS loads the
// official SKAPA wording (docs/progression-instruments.md), and how a förbund loads its own instrument.
import {
  AppError,
  type Direction,
  type FieldError,
  fieldError,
  type InstrumentDefinition,
} from "@nns/domain";
import { parse } from "csv-parse/sync";
import { requirePermission } from "../access.js";
import type { OrgContext } from "../context.js";
import { csvDelimiterOf } from "../csv.js";
import { checkDefinition, type InstrumentVersionView, insertDraft } from "./instrument-versions.js";

/** The CSV's columns, one row per item; the two questions may be empty, but not both. */
export const INSTRUMENT_CSV_COLUMNS = [
  "kod",
  "grupp",
  "etikett",
  "fråga_deltagare",
  "fråga_handledare",
  "min",
  "max",
  "ankare",
  "riktning",
] as const;
type Column = (typeof INSTRUMENT_CSV_COLUMNS)[number];

const DIRECTIONS: Record<string, Direction> = {
  högre_bättre: "higher_is_better",
  lägre_bättre: "lower_is_better",
  higher_is_better: "higher_is_better",
  lower_is_better: "lower_is_better",
};

/** `1=Stämmer inte alls|3=Delvis|5=Stämmer helt`: the labelled steps of the scale. */
const ANCHOR = /^\s*(-?\d+)\s*=\s*(.+?)\s*$/;

/** A CSV row's place in the file, the header being row 1: `rows[3].scale.max`. */
const rowField = (row: number, path: string) => `rows[${row}]${path ? `.${path}` : ""}`;

function readRecords(csv: string): string[][] {
  try {
    return parse(csv, {
      delimiter: csvDelimiterOf(csv),
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as string[][];
  } catch (error) {
    throw fieldError("body", "csv_syntax", `Filen kan inte läsas som CSV: ${(error as Error).message}`);
  }
}

function columnsOf(header: readonly string[]): Map<Column, number> {
  const names = header.map((cell) => cell.trim().toLowerCase());
  const errors: FieldError[] = [];
  const unknown = names.filter(
    (name) => name && !(INSTRUMENT_CSV_COLUMNS as readonly string[]).includes(name),
  );
  if (unknown.length > 0)
    errors.push({
      field: "rows[1]",
      rule: "known_columns",
      message: `Okända kolumner: ${unknown.join(", ")}. Kolumnerna är ${INSTRUMENT_CSV_COLUMNS.join(";")}.`,
    });
  const missing = INSTRUMENT_CSV_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0)
    errors.push({
      field: "rows[1]",
      rule: "required_columns",
      message: `Rubrikraden saknar kolumnerna ${missing.join(", ")}.`,
    });
  if (errors[0]) throw new AppError("validation_failed", errors[0].message, { errors });
  return new Map(INSTRUMENT_CSV_COLUMNS.map((column) => [column, names.indexOf(column)]));
}

function wholeNumber(value: string): number | null {
  return /^-?\d+$/.test(value) ? Number(value) : null;
}

/**
 * A definition from the CSV format (docs/progression-instruments.md): comma or semicolon, UTF-8 with or
 * without BOM, a header row naming the columns. Every problem is reported with its row, the header being
 * row 1, and nothing is stored unless the whole file is right.
 */
export function definitionFromCsv(csv: string): InstrumentDefinition {
  const records = readRecords(csv);
  const [header, ...rows] = records;
  if (!header)
    throw fieldError("rows", "too_small", "Filen är tom: den behöver en rubrikrad och en rad per fråga.");
  const columns = columnsOf(header);
  const errors: FieldError[] = [];
  const items = rows.map((cells, index) => {
    const row = index + 2;
    const cell = (column: Column) => (cells[columns.get(column) ?? -1] ?? "").trim();
    const bound = (column: "min" | "max") => {
      const value = wholeNumber(cell(column));
      if (value === null)
        errors.push({
          field: rowField(row, `scale.${column}`),
          rule: "integer",
          message: `Rad ${row}: ${column} ska vara ett heltal.`,
        });
      return value ?? 0;
    };
    const anchors = cell("ankare")
      .split("|")
      .filter((part) => part.trim() !== "")
      .map((part) => {
        const match = ANCHOR.exec(part);
        if (!match) {
          errors.push({
            field: rowField(row, "scale.anchors"),
            rule: "anchor_format",
            message: `Rad ${row}: ankare skrivs värde=text, åtskilda med |, till exempel 1=Stämmer inte alls|5=Stämmer helt.`,
          });
          return { value: 0, label: "" };
        }
        return { value: Number(match[1]), label: match[2] ?? "" };
      });
    const direction = DIRECTIONS[cell("riktning").toLowerCase()];
    if (!direction)
      errors.push({
        field: rowField(row, "direction"),
        rule: "direction",
        message: `Rad ${row}: riktning ska vara högre_bättre eller lägre_bättre.`,
      });
    const participant = cell("fråga_deltagare");
    const coach = cell("fråga_handledare");
    return {
      code: cell("kod"),
      group: cell("grupp"),
      label: cell("etikett"),
      questions: { ...(participant && { participant }), ...(coach && { coach }) },
      scale: { min: bound("min"), max: bound("max"), anchors },
      direction: direction ?? "higher_is_better",
    };
  });
  if (errors[0]) throw new AppError("validation_failed", errors[0].message, { errors });
  return checkDefinition({ items }, ([top, index, ...rest]) =>
    top === "items" && typeof index === "number" ? rowField(index + 2, rest.map(String).join(".")) : "rows",
  );
}

/**
 * The JSON import takes `{ definition: { items }, changeNote? }` (what the API returns for a version) or
 * bare `{ items, changeNote? }`; problems are named where the body has them.
 */
export function definitionFromJson(body: unknown): {
  definition: InstrumentDefinition;
  changeNote: string | null;
} {
  const object =
    body !== null && typeof body === "object" && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {};
  const { changeNote, ...rest } = object;
  const wrapped = "definition" in rest;
  const note = typeof changeNote === "string" ? changeNote : null;
  const definition = checkDefinition(wrapped ? rest.definition : body === object ? rest : body, (path) =>
    [wrapped ? "body.definition" : "body", ...path.map(String)].join("."),
  );
  if (wrapped && Object.keys(rest).length > 1)
    throw fieldError(
      "body",
      "unrecognized_keys",
      "Skicka { definition, changeNote } eller { items, changeNote }.",
    );
  return { definition, changeNote: note };
}

export type InstrumentImport = { format: "csv"; csv: string } | { format: "json"; body: unknown };

/**
 * A new draft version from a file. The change note comes with the request: the JSON body's `changeNote`,
 * or beside a CSV the caller's own (a query parameter).
 */
export async function importInstrumentVersion(
  ctx: OrgContext,
  instrumentId: string,
  input: InstrumentImport,
  changeNote?: string | null,
): Promise<InstrumentVersionView> {
  requirePermission(ctx, "instruments:manage");
  if (input.format === "csv")
    return insertDraft(ctx, instrumentId, definitionFromCsv(input.csv), changeNote, "csv");
  const json = definitionFromJson(input.body);
  return insertDraft(ctx, instrumentId, json.definition, changeNote ?? json.changeNote, "json");
}
