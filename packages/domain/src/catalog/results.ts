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

/**
 * One line of a report's budget against outcome (RESAM's "Läkare 20 %", "Lokalhyra"): what it is, the
 * share of a post when it is one, and the budgeted and spent amounts in öre (either may be unknown).
 */
export interface BudgetLine {
  description: string;
  sharePercent: number | null;
  budgetOre: number | null;
  costOre: number | null;
}

/** A breakdown under an outcome category: of job-seeking/studies/work, 8 employed in a kommun. */
export interface SubOutcome {
  outcome: string;
  label: string;
  count: number;
}

/** A participant survey: how many answered, and what they said as text and/or labelled figures. */
export interface ParticipantSurvey {
  responses: number;
  summary: string | null;
  figures: { label: string; count: number }[];
}

/** A socio-economic evaluation: payback time, net benefit over a number of years, and its source. */
export interface SocioEconomicEvaluation {
  paybackMonths: number | null;
  netBenefitOre: number | null;
  netBenefitYears: number | null;
  method: string | null;
}

export interface ResultDetails {
  budgetLines: readonly BudgetLine[];
  subOutcomes: readonly SubOutcome[];
  assessedNotEnrolled: number | null;
  survey: ParticipantSurvey | null;
  socioEconomic: SocioEconomicEvaluation | null;
}

const count = (field: string, value: number | null) => {
  if (value !== null && (!Number.isSafeInteger(value) || value < 0))
    throw new ResultCountsError(field, "non_negative_integer", "Antalet måste vara ett heltal ≥ 0.");
};

const text = (field: string, value: string | null, max: number, required = false) => {
  if (required && (value === null || value.trim() === ""))
    throw new ResultCountsError(field, "required", "Fältet måste fyllas i.");
  if (value !== null && value.length > max)
    throw new ResultCountsError(field, "too_long", `Högst ${max} tecken.`);
};

/**
 * Checks a report's details against its counts; throws `ResultCountsError` naming the field (paths as the
 * API's body, e.g. `budgetLines.2.sharePercent`). Sub-outcomes belong to a known category and together
 * do not exceed its count.
 */
export function validateResultDetails(
  details: ResultDetails,
  counts: ResultCounts,
  categories: readonly OutcomeCategory[],
): void {
  details.budgetLines.forEach((line, i) => {
    text(`budgetLines.${i}.description`, line.description, 200, true);
    if (line.sharePercent !== null && !(line.sharePercent > 0 && line.sharePercent <= 100))
      throw new ResultCountsError(
        `budgetLines.${i}.sharePercent`,
        "percent_range",
        "Andelen av en tjänst ska vara över 0 och högst 100 %.",
      );
    count(`budgetLines.${i}.budgetOre`, line.budgetOre);
    count(`budgetLines.${i}.costOre`, line.costOre);
  });
  const known = new Set(categories.map((c) => c.code));
  const perCategory = new Map<string, number>();
  details.subOutcomes.forEach((sub, i) => {
    if (!known.has(sub.outcome))
      throw new ResultCountsError(
        `subOutcomes.${i}.outcome`,
        "known_outcome_category",
        "Okänd utfallskategori.",
      );
    text(`subOutcomes.${i}.label`, sub.label, 200, true);
    count(`subOutcomes.${i}.count`, sub.count);
    const sum = (perCategory.get(sub.outcome) ?? 0) + sub.count;
    perCategory.set(sub.outcome, sum);
    if (sum > (counts.outcomes[sub.outcome] ?? 0))
      throw new ResultCountsError(
        `subOutcomes.${i}.count`,
        "at_most_outcome",
        `Uppdelningen (${sum}) får inte vara fler än utfallet (${counts.outcomes[sub.outcome] ?? 0}).`,
      );
  });
  count("assessedNotEnrolled", details.assessedNotEnrolled);
  if (details.survey) {
    count("survey.responses", details.survey.responses);
    text("survey.summary", details.survey.summary, 4000);
    details.survey.figures.forEach((figure, i) => {
      text(`survey.figures.${i}.label`, figure.label, 200, true);
      count(`survey.figures.${i}.count`, figure.count);
      if (figure.count > (details.survey as ParticipantSurvey).responses)
        throw new ResultCountsError(
          `survey.figures.${i}.count`,
          "at_most_responses",
          "Fler än antalet svar på enkäten.",
        );
    });
  }
  if (details.socioEconomic) {
    const s = details.socioEconomic;
    count("socioEconomic.paybackMonths", s.paybackMonths);
    count("socioEconomic.netBenefitYears", s.netBenefitYears);
    if (s.netBenefitOre !== null && !Number.isSafeInteger(s.netBenefitOre))
      throw new ResultCountsError(
        "socioEconomic.netBenefitOre",
        "integer",
        "Beloppet måste vara ett heltal öre.",
      );
    if (s.netBenefitOre !== null && s.netBenefitYears === null)
      throw new ResultCountsError(
        "socioEconomic.netBenefitYears",
        "required",
        "Ange över hur många år nettonyttan är räknad.",
      );
    text("socioEconomic.method", s.method, 4000);
  }
}

/**
 * A report's cost and budget when it has budget lines: the sums of the lines' amounts (null when no line
 * has one). Without lines the report's own pair stands, so reports from before lines existed keep theirs.
 */
export function budgetTotals(
  lines: readonly BudgetLine[],
  own: { costOre: number | null; budgetOre: number | null },
): { costOre: number | null; budgetOre: number | null } {
  if (lines.length === 0) return own;
  const sum = (pick: (l: BudgetLine) => number | null) =>
    lines.reduce<number | null>((s, l) => (pick(l) === null ? s : (s ?? 0) + (pick(l) as number)), null);
  return { costOre: sum((l) => l.costOre), budgetOre: sum((l) => l.budgetOre) };
}
