/**
 * How an intervention's reporting periods read side by side. A förbund may report each period on its own
 * (2010, 2011) or cumulatively (from the start to each year's end); the figures are stored as reported,
 * so charts and tables say which it is rather than adding periods up.
 */

export interface ReportingPeriod {
  periodStart: string;
  periodEnd: string;
}

/** Oldest first: by end, then by start. */
export function inReportingOrder<P extends ReportingPeriod>(periods: readonly P[]): P[] {
  return [...periods].sort(
    (a, b) => a.periodEnd.localeCompare(b.periodEnd) || a.periodStart.localeCompare(b.periodStart),
  );
}

/** Whether some periods overlap: then at least one counts again what an earlier one counted. */
export function reportingPeriodsOverlap(periods: readonly ReportingPeriod[]): boolean {
  const byStart = [...periods].sort((a, b) => a.periodStart.localeCompare(b.periodStart));
  let latestEnd = "";
  for (const period of byStart) {
    if (latestEnd !== "" && period.periodStart <= latestEnd) return true;
    if (period.periodEnd > latestEnd) latestEnd = period.periodEnd;
  }
  return false;
}

/** A period as a short label: a whole calendar year as "2011", anything else as "2007-09-01 – 2010-12-31". */
export function reportingPeriodLabel(period: ReportingPeriod): string {
  const year = period.periodStart.slice(0, 4);
  if (period.periodStart === `${year}-01-01` && period.periodEnd === `${year}-12-31`) return year;
  return `${period.periodStart} – ${period.periodEnd}`;
}
