/**
 * The catalogue's vocabularies are data NNS keeps (migration 0018, decision 0027): the lists live in the
 * database and content is checked against them there. What is fixed is their shape: the four kinds, the
 * classes of an outcome category, and how a new term's code is made from its label.
 */
export const VOCABULARY_KINDS = ["focus-areas", "methods", "outcome-categories", "target-groups"] as const;
export type VocabularyKind = (typeof VOCABULARY_KINDS)[number];

/** Positive categories count towards the positive-outcome share; the other two only say which way. */
export const OUTCOME_CLASSES = ["positive", "negative", "neutral"] as const;
export type OutcomeClass = (typeof OUTCOME_CLASSES)[number];

export const ORIENTATIONS = ["individual", "structural"] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

export const VOCABULARY_CODE_MAX = 60;

/**
 * The code of a new term, made once from its label and never changed: lower-case ASCII letters, digits
 * and `_` (å and ä become a, ö becomes o, other accents are dropped), at most 60 characters, with `_2`,
 * `_3`… when the code is taken in that vocabulary. A label with no letter or digit gets `term`.
 */
export function vocabularyCode(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, VOCABULARY_CODE_MAX)
      .replace(/_+$/, "") || "term";
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const code = `${base.slice(0, VOCABULARY_CODE_MAX - suffix.length).replace(/_+$/, "")}${suffix}`;
    if (!taken.has(code)) return code;
  }
}

/**
 * The categories of RESAM's results table (seed 002), in its order: the seeded outcome categories, and the
 * outcomes a progression participant's end is recorded with.
 */
export const OUTCOME_CATEGORY_CODES = [
  "vocational_rehabilitation",
  "reduced_sick_leave",
  "job_seeking_studies_work",
  "back_to_fk",
  "dropped_out",
  "social_services",
] as const;
