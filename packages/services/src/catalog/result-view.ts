import { interventionResults, type PublishedResultValues, type Tx } from "@nns/db";
import {
  type BudgetLine,
  deriveResults,
  type ParticipantSurvey,
  percentOneDecimal,
  type ReportKind,
  reportingPeriodLabel,
  resultTotals,
  type SocioEconomicEvaluation,
} from "@nns/domain";
import { asc, eq } from "drizzle-orm";
import type { Vocabularies } from "./vocabularies.js";

/** One report as readers see it: the counts, the shares derived from them and the report's details. */
export interface PublicResult {
  id: string;
  kind: ReportKind;
  periodStart: string;
  periodEnd: string;
  participants: { women: number; men: number; other: number; total: number };
  outcomes: { code: string; label: string; positive: boolean; count: number; sharePercent: number | null }[];
  positiveSharePercent: number | null;
  averageEnrolmentMonths: number | null;
  /** The sums of the budget lines when the report has lines, otherwise the report's own pair. */
  costOre: number | null;
  budgetOre: number | null;
  /** Cost as a share of the budget, derived by the same rounding rule as the outcome shares. */
  costOfBudgetPercent: number | null;
  budgetLines: BudgetLine[];
  subOutcomes: { outcome: string; outcomeLabel: string; label: string; count: number }[];
  assessedNotEnrolled: number | null;
  survey: ParticipantSurvey | null;
  socioEconomic: SocioEconomicEvaluation | null;
}

/** A report as its förbund sees it: the working figures and where they are in review. */
export interface ResultReport extends PublicResult {
  state: "submitted" | "published";
  submittedAt: Date | null;
  publishedAt: Date | null;
  publishedByLabel: string | null;
}

type ResultRow = typeof interventionResults.$inferSelect;

const categoryLabel = (vocab: Vocabularies, code: string) =>
  vocab.outcomeCategories.find((c) => c.code === code)?.labelSv ?? code;

/** The public form of a report's values (the working ones, or those last published). */
export function publicResult(id: string, values: PublishedResultValues, vocab: Vocabularies): PublicResult {
  const derived = deriveResults(values, vocab.outcomeCategories);
  return {
    id,
    kind: values.kind,
    periodStart: values.periodStart,
    periodEnd: values.periodEnd,
    participants: {
      women: values.participantsWomen,
      men: values.participantsMen,
      other: values.participantsOther,
      total: derived.participantsTotal,
    },
    outcomes: derived.outcomeShares.map((share) => {
      const category = vocab.outcomeCategories.find((c) => c.code === share.code);
      return { ...share, label: category?.labelSv ?? share.code, positive: category?.positive ?? false };
    }),
    positiveSharePercent: derived.positiveSharePercent,
    averageEnrolmentMonths:
      values.averageEnrolmentMonths === null ? null : Number(values.averageEnrolmentMonths),
    costOre: values.costOre,
    budgetOre: values.budgetOre,
    costOfBudgetPercent:
      values.costOre === null || !values.budgetOre
        ? null
        : percentOneDecimal(values.costOre, values.budgetOre),
    budgetLines: values.budgetLines,
    subOutcomes: values.subOutcomes.map((s) => ({ ...s, outcomeLabel: categoryLabel(vocab, s.outcome) })),
    assessedNotEnrolled: values.assessedNotEnrolled,
    survey: values.survey,
    socioEconomic: values.socioEconomic,
  };
}

/** A row's working values, in the shape `published` keeps them. */
export function workingValues(row: ResultRow): PublishedResultValues {
  return {
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    kind: row.kind,
    participantsWomen: row.participantsWomen,
    participantsMen: row.participantsMen,
    participantsOther: row.participantsOther,
    outcomes: row.outcomes,
    averageEnrolmentMonths: row.averageEnrolmentMonths,
    costOre: row.costOre,
    budgetOre: row.budgetOre,
    budgetLines: row.budgetLines,
    subOutcomes: row.subOutcomes,
    assessedNotEnrolled: row.assessedNotEnrolled,
    survey: row.survey ?? null,
    socioEconomic: row.socioEconomic ?? null,
  };
}

export function resultReport(row: ResultRow, vocab: Vocabularies): ResultReport {
  return {
    ...publicResult(row.id, workingValues(row), vocab),
    state: row.state,
    submittedAt: row.submittedAt,
    publishedAt: row.publishedAt,
    publishedByLabel: row.publishedByLabel,
  };
}

/** The published figures of an intervention's reports, oldest first: never a report waiting for review. */
export async function resultsOf(
  tx: Tx,
  interventionId: string,
  vocab: Vocabularies,
): Promise<PublicResult[]> {
  const rows = await tx
    .select({ id: interventionResults.id, published: interventionResults.published })
    .from(interventionResults)
    .where(eq(interventionResults.interventionId, interventionId))
    .orderBy(asc(interventionResults.periodEnd), asc(interventionResults.periodStart));
  return rows.flatMap((row) => (row.published ? [publicResult(row.id, row.published, vocab)] : []));
}

/** An entry's totals over its reports (`resultTotals`), with shares and labels as readers see them. */
export interface ResultTotalsView {
  participants: { women: number; men: number; other: number; total: number };
  outcomes: { code: string; label: string; positive: boolean; count: number; sharePercent: number | null }[];
  positiveSharePercent: number | null;
  costOre: number | null;
  budgetOre: number | null;
  costOfBudgetPercent: number | null;
  assessedNotEnrolled: number | null;
  basis: "none" | "interval" | "cumulative" | "mixed";
  periodStart: string | null;
  periodEnd: string | null;
  /** Labels of the reports counted and of those superseded by a later overlapping one. */
  counted: string[];
  superseded: string[];
  /** How the totals were made, in Swedish, for a page or a CSV reader. */
  explanationSv: string;
}

const BASIS_SV = {
  none: "Inga rapporter.",
  interval: "Summan av periodernas rapporter.",
  cumulative: "Den senaste sammanräknade rapporten; tidigare överlappande rapporter ingår i den.",
  mixed:
    "Den senaste sammanräknade rapporten plus rapporter för perioder efter den; rapporter som överlappar en senare ingår i den.",
} as const;

/** Totals of published reports (or any reports in the public shape), for the page, the CSV and charts. */
export function resultTotalsView(results: readonly PublicResult[]): ResultTotalsView {
  const reports = results.map((r) => ({
    ...r,
    // Snapshots written before report kinds existed read as intervals, as the migration backfilled them.
    kind: r.kind ?? "interval",
    participantsWomen: r.participants.women,
    participantsMen: r.participants.men,
    participantsOther: r.participants.other,
    outcomes: Object.fromEntries(r.outcomes.map((o) => [o.code, o.count])),
    assessedNotEnrolled: r.assessedNotEnrolled ?? null,
  }));
  const totals = resultTotals(reports);
  const categories = (results.at(-1)?.outcomes ?? []).map((o) => ({ ...o }));
  const total = totals.participantsTotal;
  const positive = categories
    .filter((c) => c.positive)
    .reduce((s, c) => s + (totals.outcomes[c.code] ?? 0), 0);
  return {
    participants: {
      women: totals.participantsWomen,
      men: totals.participantsMen,
      other: totals.participantsOther,
      total,
    },
    outcomes: categories.map((c) => {
      const count = totals.outcomes[c.code] ?? 0;
      return {
        code: c.code,
        label: c.label,
        positive: c.positive,
        count,
        sharePercent: percentOneDecimal(count, total),
      };
    }),
    positiveSharePercent: percentOneDecimal(positive, total),
    costOre: totals.costOre,
    budgetOre: totals.budgetOre,
    costOfBudgetPercent:
      totals.costOre === null || !totals.budgetOre
        ? null
        : percentOneDecimal(totals.costOre, totals.budgetOre),
    assessedNotEnrolled: totals.assessedNotEnrolled,
    basis: totals.basis,
    periodStart: totals.periodStart,
    periodEnd: totals.periodEnd,
    counted: totals.counted.map(reportingPeriodLabel),
    superseded: totals.superseded.map(reportingPeriodLabel),
    explanationSv: BASIS_SV[totals.basis],
  };
}
