// Serves routes/vocabulary-terms: NNS keeps the catalogue's vocabularies (decision 0027).
import { rowsOf, type Tx, transaction } from "@nns/db";
import {
  AppError,
  fieldError,
  type Orientation,
  type OutcomeClass,
  type VocabularyKind,
  vocabularyCode,
} from "@nns/domain";
import { sql } from "drizzle-orm";
import { requireNnsAdmin } from "../access.js";
import { writeAudit } from "../audit.js";
import type { ServiceContext } from "../context.js";

export interface VocabularyTerm {
  code: string;
  labelSv: string;
  position: number;
  retired: boolean;
  /** Focus areas only. */
  orientation?: Orientation;
  /** Outcome categories only. */
  outcomeClass?: OutcomeClass;
}

export interface NewTermInput {
  labelSv: string;
  orientation?: Orientation;
  outcomeClass?: OutcomeClass;
}

export interface TermChanges {
  labelSv?: string;
  retired?: boolean;
  /** 1-based place in the list; the terms between move one step. */
  position?: number;
  outcomeClass?: OutcomeClass;
}

const TABLES: Record<VocabularyKind, string> = {
  "focus-areas": "catalog_focus_areas",
  methods: "catalog_methods",
  "outcome-categories": "catalog_outcome_categories",
  "target-groups": "catalog_target_groups",
};

/** The column only one kind has, and the field it is written from. */
const EXTRA: Partial<Record<VocabularyKind, { column: string; field: "orientation" | "outcomeClass" }>> = {
  "focus-areas": { column: "orientation", field: "orientation" },
  "outcome-categories": { column: "outcome_class", field: "outcomeClass" },
};

interface Row {
  code: string;
  label_sv: string;
  position: number;
  retired: boolean;
  extra: string | null;
}

async function readTerms(tx: Tx, kind: VocabularyKind): Promise<Row[]> {
  const extra = EXTRA[kind];
  return rowsOf<Row>(
    await tx.execute(sql`select code, label_sv, position, retired_at is not null as retired,
      ${extra ? sql.identifier(extra.column) : sql`null`}::text as extra
      from ${sql.identifier(TABLES[kind])} order by position, label_sv for update`),
  );
}

function view(kind: VocabularyKind, row: Row): VocabularyTerm {
  const extra = EXTRA[kind];
  return {
    code: row.code,
    labelSv: row.label_sv,
    position: row.position,
    retired: row.retired,
    ...(extra ? { [extra.field]: row.extra } : {}),
  };
}

function checkLabelFree(rows: Row[], labelSv: string, except?: string): void {
  const taken = rows.find(
    (r) => r.code !== except && r.label_sv.localeCompare(labelSv, "sv", { sensitivity: "base" }) === 0,
  );
  if (taken)
    throw fieldError("body.labelSv", "unique_label", "Det finns redan en term med den benämningen i listan.");
}

/**
 * Adds a term at the end of its list. Its code is made from the label once (`vocabularyCode`) and never
 * changes afterwards, whatever the label becomes.
 */
export async function addVocabularyTerm(
  ctx: ServiceContext,
  kind: VocabularyKind,
  input: NewTermInput,
): Promise<VocabularyTerm> {
  // The NNS organization's audit log records vocabulary changes.
  const { organizationId } = requireNnsAdmin(ctx, "catalog:editorial");
  return transaction(ctx.deps.db, { organizationId }, async (tx) => {
    const rows = await readTerms(tx, kind);
    const labelSv = input.labelSv.trim();
    checkLabelFree(rows, labelSv);
    const extra = EXTRA[kind];
    const extraValue = extra ? input[extra.field] : undefined;
    if (extra && !extraValue)
      throw fieldError(`body.${extra.field}`, "required", "Ange ett värde för den här listan.");
    for (const field of ["orientation", "outcomeClass"] as const)
      if (input[field] !== undefined && extra?.field !== field)
        throw fieldError(`body.${field}`, "not_for_vocabulary", "Den här listan har inget sådant fält.");
    const code = vocabularyCode(labelSv, new Set(rows.map((r) => r.code)));
    const position = Math.max(0, ...rows.map((r) => r.position)) + 1;
    const columns = extra
      ? sql`(code, label_sv, position, ${sql.identifier(extra.column)})`
      : sql`(code, label_sv, position)`;
    const values = extra
      ? sql`(${code}, ${labelSv}, ${position}, ${extraValue})`
      : sql`(${code}, ${labelSv}, ${position})`;
    await tx.execute(sql`insert into ${sql.identifier(TABLES[kind])} ${columns} values ${values}`);
    const term = view(kind, { code, label_sv: labelSv, position, retired: false, extra: extraValue ?? null });
    await writeAudit(tx, ctx, organizationId, {
      action: "catalog.vocabulary_term_added",
      entityType: "catalog_vocabulary_term",
      entityId: `${kind}:${code}`,
      before: null,
      after: { kind, ...term },
    });
    return term;
  });
}

/**
 * Renames, retires, reinstates or moves a term. A rename reaches the published entries in the same
 * transaction (the relabel trigger of migration 0018) and the catalogue's generation moves, so public pages,
 * facets and cached searches show the new label. An outcome category may change between negative and
 * neutral, but never into or out of positive: that would rewrite the positive share of every report made.
 */
export async function updateVocabularyTerm(
  ctx: ServiceContext,
  kind: VocabularyKind,
  code: string,
  changes: TermChanges,
): Promise<VocabularyTerm> {
  // The NNS organization's audit log records vocabulary changes.
  const { organizationId } = requireNnsAdmin(ctx, "catalog:editorial");
  return transaction(ctx.deps.db, { organizationId }, async (tx) => {
    const rows = await readTerms(tx, kind);
    const before = rows.find((r) => r.code === code);
    if (!before) throw new AppError("not_found", "The vocabulary has no term with this code.");
    const table = sql.identifier(TABLES[kind]);
    const labelSv = changes.labelSv?.trim() ?? before.label_sv;
    if (labelSv !== before.label_sv) checkLabelFree(rows, labelSv, code);
    let extra = before.extra;
    if (changes.outcomeClass !== undefined) {
      if (kind !== "outcome-categories")
        throw fieldError("body.outcomeClass", "not_for_vocabulary", "Den här listan har inget sådant fält.");
      if (changes.outcomeClass !== before.extra && [changes.outcomeClass, before.extra].includes("positive"))
        throw fieldError(
          "body.outcomeClass",
          "positive_class_fixed",
          "En positiv kategori kan inte bli icke-positiv eller tvärtom: de rapporterade andelarna skulle ändras.",
        );
      extra = changes.outcomeClass;
    }
    const retired = changes.retired ?? before.retired;
    await tx.execute(sql`update ${table} set label_sv = ${labelSv},
      retired_at = ${retired ? (before.retired ? sql`retired_at` : sql`now()`) : null}
      ${kind === "outcome-categories" ? sql`, outcome_class = ${extra}` : sql``}
      where code = ${code}`);
    let position = before.position;
    if (changes.position !== undefined) {
      const order = rows.filter((r) => r.code !== code);
      const index = Math.min(Math.max(changes.position, 1), order.length + 1) - 1;
      order.splice(index, 0, before);
      for (const [i, row] of order.entries())
        if (row.position !== i + 1)
          await tx.execute(sql`update ${table} set position = ${i + 1} where code = ${row.code}`);
      position = index + 1;
    }
    const after = view(kind, { code, label_sv: labelSv, position, retired, extra });
    const action =
      retired === before.retired
        ? "catalog.vocabulary_term_changed"
        : retired
          ? "catalog.vocabulary_term_retired"
          : "catalog.vocabulary_term_reinstated";
    await writeAudit(tx, ctx, organizationId, {
      action,
      entityType: "catalog_vocabulary_term",
      entityId: `${kind}:${code}`,
      before: { kind, ...view(kind, before) },
      after: { kind, ...after },
    });
    return after;
  });
}
