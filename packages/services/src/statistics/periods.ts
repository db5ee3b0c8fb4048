import { statisticsCutPoints, statisticsImports, statisticsPeriods, type Tx, transaction } from "@nns/db";
import {
  ALL_AGES,
  AppError,
  ageGroupLabel,
  BENEFIT_LABELS_SV,
  BENEFIT_TYPES,
  type BenefitType,
  type PeriodKind,
  periodLabel,
  STATISTICS_GENDER_LABELS_SV,
  STATISTICS_GENDERS,
  type StatisticsGender,
  type StatisticsSource,
} from "@nns/domain";
import { eq } from "drizzle-orm";
import type { Deps } from "../context.js";

/** A period that has figures, with the import that currently answers for it. */
export interface StatisticsPeriod extends StatisticsSource {
  kind: PeriodKind;
  importId: string;
}

export interface StatisticsPeriodListing {
  periods: Omit<StatisticsPeriod, "importId">[];
  ageGroups: { code: string; label: string }[];
  benefits: { code: BenefitType; label: string }[];
  genders: { code: StatisticsGender; label: string }[];
}

/** Every period with figures, oldest first; only through statistics_periods, so a half-written import is never seen. */
export async function periodsIn(tx: Tx): Promise<StatisticsPeriod[]> {
  const rows = await tx
    .select({
      period: statisticsPeriods.period,
      kind: statisticsPeriods.kind,
      importId: statisticsPeriods.importId,
      sourceTable: statisticsImports.sourceTable,
      isDemo: statisticsImports.isDemo,
      createdAt: statisticsImports.createdAt,
      finishedAt: statisticsImports.finishedAt,
    })
    .from(statisticsPeriods)
    .innerJoin(statisticsImports, eq(statisticsImports.id, statisticsPeriods.importId));
  return rows
    .map((r) => ({
      period: r.period,
      periodLabel: periodLabel(r.period),
      kind: r.kind,
      importId: r.importId,
      sourceTable: r.sourceTable,
      // The moment the figures became visible; an import is activated as it finishes.
      importedAt: (r.finishedAt ?? r.createdAt).toISOString(),
      isDemo: r.isDemo,
    }))
    .sort((a, b) => a.period.localeCompare(b.period));
}

/**
 * The period asked for, or the default: the latest year if there is one (years are what a board compares),
 * else the latest month. An unknown period is 404: the request was well-formed, there are just no figures.
 */
export function choosePeriod(
  periods: readonly StatisticsPeriod[],
  asked: string | undefined,
): StatisticsPeriod {
  if (asked !== undefined) {
    const found = periods.find((p) => p.period === asked);
    if (!found) throw new AppError("not_found", `Det finns inga siffror för perioden ${asked}.`);
    return found;
  }
  const latest =
    periods.filter((p) => p.kind === "year").at(-1) ?? periods.filter((p) => p.kind === "month").at(-1);
  if (!latest) throw new AppError("not_found", "Det finns inga siffror ännu: ingen period är importerad.");
  return latest;
}

/** The age groups with figures, the whole working age first, then the bands by their first year. */
export function sortAgeGroups(groups: Iterable<string>): string[] {
  return [...new Set(groups)].sort((a, b) => (a === ALL_AGES ? -1 : b === ALL_AGES ? 1 : a.localeCompare(b)));
}

/** Age groups with figures in any current period, from the cut points (one row per measure and period, not per region). */
async function ageGroupsIn(tx: Tx): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ ageGroup: statisticsCutPoints.ageGroup })
    .from(statisticsCutPoints)
    .innerJoin(statisticsPeriods, eq(statisticsPeriods.importId, statisticsCutPoints.importId))
    .where(eq(statisticsPeriods.period, statisticsCutPoints.period));
  return sortAgeGroups(rows.map((r) => r.ageGroup));
}

export async function listStatisticsPeriods(deps: Deps): Promise<StatisticsPeriodListing> {
  return transaction(deps.db, {}, async (tx) => {
    const periods = await periodsIn(tx);
    const ageGroups = await ageGroupsIn(tx);
    return {
      periods: periods.map(({ importId: _, ...period }) => period),
      ageGroups: ageGroups.map((code) => ({ code, label: ageGroupLabel(code) })),
      benefits: BENEFIT_TYPES.map((code) => ({ code, label: BENEFIT_LABELS_SV[code] })),
      genders: STATISTICS_GENDERS.map((code) => ({ code, label: STATISTICS_GENDER_LABELS_SV[code] })),
    };
  });
}
