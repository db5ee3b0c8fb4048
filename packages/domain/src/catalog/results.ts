/**
 * Derived figures of an intervention's results. Shares are computed from the counts, never typed in, so
 * the catalogue can compare förbund on the same arithmetic.
 *
 * Rounding rule: a share is a percentage of all participants of the period with one decimal, rounded
 * half away from zero in integer arithmetic (no floating point), each share on its own. Rounded shares
 * therefore need not sum to 100.0 (RESAM's sum to 99.9). The positive-outcome share is computed from the
 * summed counts of the positive categories, not by adding rounded shares. With no participants every
 * share is null: there is nothing to divide.
 */

export interface OutcomeCategory {
  code: string;
  positive: boolean;
}

export interface ResultCounts {
  participantsWomen: number;
  participantsMen: number;
  participantsOther: number;
  /** Participants per outcome category code. */
  outcomes: Readonly<Record<string, number>>;
}

export interface DerivedResults {
  participantsTotal: number;
  /** Per outcome category, in the categories' order: the count and its share in percent (one decimal). */
  outcomeShares: { code: string; count: number; sharePercent: number | null }[];
  positiveCount: number;
  positiveSharePercent: number | null;
  /** Participants not yet counted in any outcome (still enrolled). */
  withoutOutcome: number;
}

/** `part / whole` as a percentage with one decimal, rounded half away from zero; exact for whole numbers. */
export function percentOneDecimal(part: number, whole: number): number | null {
  if (whole === 0) return null;
  const tenths = Math.floor((2 * 1000 * part + whole) / (2 * whole));
  return tenths / 10;
}

export class ResultCountsError extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
    message: string,
  ) {
    super(message);
  }
}

/** Checks counts against the category list; throws `ResultCountsError` naming the field and rule. */
export function validateResultCounts(counts: ResultCounts, categories: readonly OutcomeCategory[]): void {
  const known = new Set(categories.map((c) => c.code));
  for (const [field, value] of [
    ["participantsWomen", counts.participantsWomen],
    ["participantsMen", counts.participantsMen],
    ["participantsOther", counts.participantsOther],
    ...Object.entries(counts.outcomes).map(([code, n]) => [`outcomes.${code}`, n] as const),
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0)
      throw new ResultCountsError(field, "non_negative_integer", "Antalet måste vara ett heltal ≥ 0.");
  }
  for (const code of Object.keys(counts.outcomes)) {
    if (!known.has(code))
      throw new ResultCountsError(`outcomes.${code}`, "known_outcome_category", "Okänd utfallskategori.");
  }
  const total = counts.participantsWomen + counts.participantsMen + counts.participantsOther;
  const counted = Object.values(counts.outcomes).reduce((a, b) => a + b, 0);
  if (counted > total)
    throw new ResultCountsError(
      "outcomes",
      "at_most_participants",
      `Utfallen (${counted}) får inte vara fler än deltagarna (${total}).`,
    );
}

export function deriveResults(counts: ResultCounts, categories: readonly OutcomeCategory[]): DerivedResults {
  validateResultCounts(counts, categories);
  const total = counts.participantsWomen + counts.participantsMen + counts.participantsOther;
  const outcomeShares = categories.map((c) => {
    const count = counts.outcomes[c.code] ?? 0;
    return { code: c.code, count, sharePercent: percentOneDecimal(count, total) };
  });
  const positiveCount = categories
    .filter((c) => c.positive)
    .reduce((sum, c) => sum + (counts.outcomes[c.code] ?? 0), 0);
  const counted = outcomeShares.reduce((sum, s) => sum + s.count, 0);
  return {
    participantsTotal: total,
    outcomeShares,
    positiveCount,
    positiveSharePercent: percentOneDecimal(positiveCount, total),
    withoutOutcome: total - counted,
  };
}
