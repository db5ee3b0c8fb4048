/**
 * A national or regional project's results added up over its delprojekt. Each delprojekt reports its own
 * periods; what it contributes is its whole run: the sum of its periods when each counts its own
 * participants, or its latest period when periods overlap (reported cumulatively, the latest already
 * counts the earlier ones). Shares of the sum are derived by `deriveResults`, on the same arithmetic as a
 * single entry's.
 */
import { inReportingOrder, type ReportingPeriod, reportingPeriodsOverlap } from "./result-periods.js";
import { type DerivedResults, deriveResults, type OutcomeCategory, type ResultCounts } from "./results.js";

type PeriodCounts = ResultCounts & ReportingPeriod;

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
export function delprojektContribution(periods: readonly PeriodCounts[]): ResultCounts {
  if (periods.length === 0) return EMPTY;
  if (reportingPeriodsOverlap(periods)) return inReportingOrder(periods).at(-1) ?? EMPTY;
  return periods.reduce<ResultCounts>(add, EMPTY);
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
  parts: readonly (readonly PeriodCounts[])[],
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
