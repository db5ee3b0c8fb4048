import {
  catalogFocusAreas,
  catalogMethods,
  catalogOutcomeCategories,
  catalogTargetGroups,
  counties,
  type Executor,
  interventionResults,
  municipalities,
  transaction,
} from "@nns/db";
import {
  AppError,
  type FieldError,
  type InterventionContent,
  type Orientation,
  type OutcomeClass,
} from "@nns/domain";
import { type AnyColumn, and, asc, eq, inArray } from "drizzle-orm";
import type { Deps } from "../context.js";

interface Term {
  code: string;
  labelSv: string;
  position: number;
  /** Retired terms stay valid where they are already used and keep their label; new content cannot use them. */
  retired: boolean;
}

export interface Vocabularies {
  focusAreas: (Term & { orientation: Orientation })[];
  targetGroups: Term[];
  methods: Term[];
  /** `positive` is derived from the class: the categories the positive-outcome share counts. */
  outcomeCategories: (Term & { outcomeClass: OutcomeClass; positive: boolean })[];
}

const term = <T extends { retiredAt: Date | null }>({ retiredAt, ...row }: T) => ({
  ...row,
  retired: retiredAt !== null,
});

/** Every term of every vocabulary, retired ones included (stored content and reports still name them), in order. */
export async function readVocabularies(tx: Executor): Promise<Vocabularies> {
  const ordered = <T extends { position: AnyColumn; labelSv: AnyColumn }>(t: T) => [
    asc(t.position),
    asc(t.labelSv),
  ];
  const [focusAreas, targetGroups, methods, outcomeCategories] = await Promise.all([
    tx
      .select()
      .from(catalogFocusAreas)
      .orderBy(...ordered(catalogFocusAreas)),
    tx
      .select()
      .from(catalogTargetGroups)
      .orderBy(...ordered(catalogTargetGroups)),
    tx
      .select()
      .from(catalogMethods)
      .orderBy(...ordered(catalogMethods)),
    tx
      .select()
      .from(catalogOutcomeCategories)
      .orderBy(...ordered(catalogOutcomeCategories)),
  ]);
  return {
    focusAreas: focusAreas.map(term),
    targetGroups: targetGroups.map(term),
    methods: methods.map(term),
    outcomeCategories: outcomeCategories.map((c) => ({
      ...term(c),
      positive: c.outcomeClass === "positive",
    })),
  };
}

/**
 * The vocabularies for choosing and labelling: the terms in use, and with `includeRetired` the retired
 * ones too (marked), for showing the labels of what older content and reports name.
 */
export async function catalogVocabularies(
  deps: Deps,
  options: { includeRetired?: boolean } = {},
): Promise<Vocabularies> {
  const vocab = await transaction(deps.db, {}, (tx) => readVocabularies(tx));
  if (options.includeRetired) return vocab;
  const inUse = <T extends Term>(list: T[]) => list.filter((t) => !t.retired);
  return {
    focusAreas: inUse(vocab.focusAreas),
    targetGroups: inUse(vocab.targetGroups),
    methods: inUse(vocab.methods),
    outcomeCategories: inUse(vocab.outcomeCategories),
  };
}

/**
 * The terms new content or a new report may name: those in use, and retired ones the stored version
 * already names (`kept`), so correcting an older entry or report does not force its terms out.
 */
export function usableTerms<T extends Term>(list: T[], kept: Iterable<string> = []): T[] {
  const keep = new Set(kept);
  return list.filter((t) => !t.retired || keep.has(t.code));
}

/** The codes of `values` a list does not have, and the retired terms among them that `kept` does not keep. */
function misfits<T extends Term>(values: string[], list: T[], kept: string[]) {
  const usable = usableTerms(list, kept);
  const found = values.map((code) => ({ code, term: list.find((t) => t.code === code) }));
  return {
    unknown: found.filter((f) => !f.term).map((f) => f.code),
    retired: found.flatMap((f) => (f.term && !usable.includes(f.term) ? [f.term] : [])),
  };
}

/**
 * Checks the controlled-vocabulary fields of content against the lists in the database, reporting every
 * offending field at once (the shape and lengths are checked by the API schema before this). A retired
 * term is refused unless the content being replaced (`previous`) already names it.
 */
export async function checkContent(
  tx: Executor,
  content: InterventionContent,
  prefix = "body.content",
  previous?: InterventionContent,
): Promise<void> {
  const vocab = await readVocabularies(tx);
  const errors: FieldError[] = [];
  const retiredMessage = (term: Term) => `${term.labelSv} används inte längre och kan inte väljas.`;
  const focusArea = misfits([content.focusArea], vocab.focusAreas, previous ? [previous.focusArea] : []);
  for (const code of focusArea.unknown)
    errors.push({
      field: `${prefix}.focusArea`,
      rule: "known_focus_area",
      message: `Okänd preciserad inriktning: ${code}.`,
    });
  for (const term of focusArea.retired)
    errors.push({ field: `${prefix}.focusArea`, rule: "active_focus_area", message: retiredMessage(term) });
  const focus = vocab.focusAreas.find((f) => f.code === content.focusArea);
  if (focus && focus.orientation !== content.orientation)
    errors.push({
      field: `${prefix}.focusArea`,
      rule: "focus_area_of_orientation",
      message: "Den preciserade inriktningen hör till den andra inriktningen.",
    });
  const targetGroups = misfits(content.targetGroups, vocab.targetGroups, previous?.targetGroups ?? []);
  for (const code of targetGroups.unknown)
    errors.push({
      field: `${prefix}.targetGroups`,
      rule: "known_target_group",
      message: `Okänd målgrupp: ${code}.`,
    });
  for (const term of targetGroups.retired)
    errors.push({
      field: `${prefix}.targetGroups`,
      rule: "active_target_group",
      message: retiredMessage(term),
    });
  const methods = misfits(content.methods, vocab.methods, previous?.methods ?? []);
  for (const code of methods.unknown)
    errors.push({ field: `${prefix}.methods`, rule: "known_method", message: `Okänd metod: ${code}.` });
  for (const term of methods.retired)
    errors.push({ field: `${prefix}.methods`, rule: "active_method", message: retiredMessage(term) });
  const unknown = (values: string[], known: { code: string }[]) =>
    values.filter((v) => !known.some((k) => k.code === v));
  if (content.municipalityCodes.length > 0) {
    const found = await tx
      .select({ code: municipalities.code })
      .from(municipalities)
      .where(inArray(municipalities.code, content.municipalityCodes));
    for (const code of unknown(content.municipalityCodes, found))
      errors.push({
        field: `${prefix}.municipalityCodes`,
        rule: "known_municipality",
        message: `Okänd kommunkod: ${code}.`,
      });
  }
  if (content.startDate && content.endDate && content.endDate < content.startDate)
    errors.push({
      field: `${prefix}.endDate`,
      rule: "not_before_start",
      message: "Slutdatum får inte ligga före startdatum.",
    });
  if (errors.length > 0)
    throw new AppError("validation_failed", errors.map((e) => `${e.field}: ${e.message}`).join(" "), {
      errors,
    });
}

/**
 * A results report may count only outcome categories in use, or retired ones the stored report of the same
 * period already counts (a correction keeps them). Unknown codes are left to `validateResultCounts`.
 */
export async function checkReportedOutcomes(
  tx: Executor,
  interventionId: string,
  input: { periodStart: string; periodEnd: string; outcomes: Record<string, number> },
  vocab: Vocabularies,
): Promise<void> {
  const [stored] = await tx
    .select({ outcomes: interventionResults.outcomes })
    .from(interventionResults)
    .where(
      and(
        eq(interventionResults.interventionId, interventionId),
        eq(interventionResults.periodStart, input.periodStart),
        eq(interventionResults.periodEnd, input.periodEnd),
      ),
    );
  const kept = Object.entries(stored?.outcomes ?? {})
    .filter(([, n]) => n > 0)
    .map(([code]) => code);
  const usable = usableTerms(vocab.outcomeCategories, kept);
  const errors: FieldError[] = Object.entries(input.outcomes)
    .filter(([code, n]) => n > 0 && vocab.outcomeCategories.some((c) => c.code === code))
    .filter(([code]) => !usable.some((c) => c.code === code))
    .map(([code]) => ({
      field: `body.outcomes.${code}`,
      rule: "active_outcome_category",
      message: "Utfallskategorin används inte längre och kan inte rapporteras.",
    }));
  if (errors.length > 0)
    throw new AppError("validation_failed", errors.map((e) => `${e.field}: ${e.message}`).join(" "), {
      errors,
    });
}

/** Kommun and län of an area, with names, for the public entry and its search text. */
export async function placesOf(tx: Executor, municipalityCodes: string[]) {
  if (municipalityCodes.length === 0) return { municipalities: [], counties: [] };
  const rows = await tx
    .select({
      code: municipalities.code,
      name: municipalities.name,
      countyCode: counties.code,
      countyName: counties.name,
    })
    .from(municipalities)
    .innerJoin(counties, eq(counties.code, municipalities.countyCode))
    .where(inArray(municipalities.code, municipalityCodes))
    .orderBy(asc(municipalities.code));
  const countyMap = new Map(rows.map((r) => [r.countyCode, r.countyName]));
  return {
    municipalities: rows.map((r) => ({ code: r.code, name: r.name })),
    counties: [...countyMap]
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => a.code.localeCompare(b.code)),
  };
}
