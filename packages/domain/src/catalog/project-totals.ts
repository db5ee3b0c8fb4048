/**
 * A national or regional project's results added up over its delprojekt. Each delprojekt reports its own
 * periods; what it contributes is its whole run, totalled by the same rule as a single entry's
 * (`resultTotals`: the latest cumulative report, plus intervals it does not cover). Shares of the sum are
 * derived by `deriveResults`, on the same arithmetic as a single entry's.
 */
import { resultTotals, type TotalsReport } from "./result-periods.js";
import { type DerivedResults, deriveResults, type OutcomeCategory, type ResultCounts } from "./results.js";

const EMPTY: ResultCounts = { participantsWomen: 0, participantsMen: 0, participantsOther: 0, outcomes: {} };

function add(a: ResultCounts, b: ResultCounts): ResultCounts {
  const outcomes: Record<string, number> = { ...a.outcomes };
  for (const [code, n] of Object.entries(b.outcomes)) outcomes[code] = (outcomes[code] ?? 0) + n;
  return {
    participantsWomen: a.participantsWomen + b.participantsWomen,
    participantsMen: a.participantsMen + b.participantsMen,
    participantsOther: a.participantsOther + b.participantsOther,
    outcomes,
  };
}

/** What one delprojekt contributes to its project's totals. */
export function delprojektContribution(periods: readonly TotalsReport[]): ResultCounts {
  const totals = resultTotals(periods);
  return {
    participantsWomen: totals.participantsWomen,
    participantsMen: totals.participantsMen,
    participantsOther: totals.participantsOther,
    outcomes: totals.outcomes,
  };
}

export interface ProjectTotals extends DerivedResults {
  participantsWomen: number;
  participantsMen: number;
  participantsOther: number;
  /** Delprojekt that have reported at least one period. */
  reportingParts: number;
}

/** The project's totals over its delprojekt, each given as its reported periods. */
export function projectTotals(
  parts: readonly (readonly TotalsReport[])[],
  categories: readonly OutcomeCategory[],
): ProjectTotals {
  const sum = parts.map(delprojektContribution).reduce(add, EMPTY);
  return {
    ...deriveResults(sum, categories),
    participantsWomen: sum.participantsWomen,
    participantsMen: sum.participantsMen,
    participantsOther: sum.participantsOther,
    reportingParts: parts.filter((p) => p.length > 0).length,
  };
}
