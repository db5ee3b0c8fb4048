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

/**
 * What a report's figures cover: `interval` counts only what happened in its own period, so intervals are
 * added up; `cumulative` counts everything from the start of its period to its end ("hittills"), so a
 * later cumulative report replaces an earlier one it overlaps instead of being added to it.
 */
export const REPORT_KINDS = ["interval", "cumulative"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_KIND_LABELS_SV: Record<ReportKind, string> = {
  interval: "Period för sig",
  cumulative: "Sammanräknat från start",
};

/** The figures of one report that add up across reports. Money in öre; null when not reported. */
export interface TotalsReport extends ReportingPeriod {
  kind: ReportKind;
  participantsWomen: number;
  participantsMen: number;
  participantsOther: number;
  outcomes: Readonly<Record<string, number>>;
  costOre?: number | null;
  budgetOre?: number | null;
  assessedNotEnrolled?: number | null;
}

export interface ResultTotals<R extends TotalsReport = TotalsReport> {
  participantsWomen: number;
  participantsMen: number;
  participantsOther: number;
  participantsTotal: number;
  outcomes: Record<string, number>;
  costOre: number | null;
  budgetOre: number | null;
  assessedNotEnrolled: number | null;
  /** The reports added up, oldest first. */
  counted: R[];
  /** Reports left out because a counted report already covers (part of) their period, oldest first. */
  superseded: R[];
  /** What the totals rest on: nothing, only intervals, one or more cumulative reports, or both kinds. */
  basis: "none" | "interval" | "cumulative" | "mixed";
  /** The span the counted reports cover; null without reports. */
  periodStart: string | null;
  periodEnd: string | null;
}

const overlaps = (a: ReportingPeriod, b: ReportingPeriod) =>
  a.periodStart <= b.periodEnd && b.periodStart <= a.periodEnd;

const addNullable = (sum: number | null, value: number | null | undefined) =>
  value === null || value === undefined ? sum : (sum ?? 0) + value;

/**
 * An entry's totals from its reports, the same for the CSV export, the public page, the admin and any
 * aggregate (a national project adding up its delprojekt calls this per delprojekt and adds the results).
 *
 * Rule, deterministic for any mix: reports are taken latest end first (on the same end, a cumulative
 * report before an interval one, then the longer period first); a report is
 * counted when its period overlaps none of the reports already counted, otherwise it is superseded. So
 * the latest cumulative report is the total and never added to an earlier overlapping one (RESAM's final
 * report supersedes its April 2009 interim report), intervals that do not overlap are added up, and an
 * interval that lies before a cumulative report's start is added to it. Overlapping intervals contradict
 * their kind; the later one counts and the earlier is listed as superseded, so a reader can see it.
 */
export function resultTotals<R extends TotalsReport>(reports: readonly R[]): ResultTotals<R> {
  const latestFirst = [...reports].sort(
    (a, b) =>
      b.periodEnd.localeCompare(a.periodEnd) ||
      (a.kind === b.kind ? 0 : a.kind === "cumulative" ? -1 : 1) ||
      a.periodStart.localeCompare(b.periodStart),
  );
  const counted: R[] = [];
  const superseded: R[] = [];
  for (const report of latestFirst) {
    if (counted.some((c) => overlaps(c, report))) superseded.push(report);
    else counted.push(report);
  }
  const totals: ResultTotals<R> = {
    participantsWomen: 0,
    participantsMen: 0,
    participantsOther: 0,
    participantsTotal: 0,
    outcomes: {},
    costOre: null,
    budgetOre: null,
    assessedNotEnrolled: null,
    counted: inReportingOrder(counted),
    superseded: inReportingOrder(superseded),
    basis: "none",
    periodStart: null,
    periodEnd: null,
  };
  for (const report of counted) {
    totals.participantsWomen += report.participantsWomen;
    totals.participantsMen += report.participantsMen;
    totals.participantsOther += report.participantsOther;
    for (const [code, count] of Object.entries(report.outcomes))
      totals.outcomes[code] = (totals.outcomes[code] ?? 0) + count;
    totals.costOre = addNullable(totals.costOre, report.costOre);
    totals.budgetOre = addNullable(totals.budgetOre, report.budgetOre);
    totals.assessedNotEnrolled = addNullable(totals.assessedNotEnrolled, report.assessedNotEnrolled);
    if (totals.periodStart === null || report.periodStart < totals.periodStart)
      totals.periodStart = report.periodStart;
    if (totals.periodEnd === null || report.periodEnd > totals.periodEnd) totals.periodEnd = report.periodEnd;
  }
  totals.participantsTotal = totals.participantsWomen + totals.participantsMen + totals.participantsOther;
  const kinds = new Set(counted.map((r) => r.kind));
  totals.basis = kinds.size === 0 ? "none" : kinds.size === 2 ? "mixed" : (counted[0] as R).kind;
  return totals;
}
