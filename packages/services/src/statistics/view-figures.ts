import { statisticsCutPoints, statisticsFigures, statisticsPeriods, type Tx } from "@nns/db";
import {
  BENEFIT_TYPES,
  type BenefitType,
  type MeasureCell,
  type MeasureCutPoints,
  quartileOf,
  STATISTICS_GENDERS,
  type StatisticsGender,
  sharePercent,
} from "@nns/domain";
import { and, eq, inArray } from "drizzle-orm";

/** Helårsekvivalenter and population of one region, measure and period; null where SCB has `..`. */
export interface Figure {
  fullYearEquivalents: number | null;
  population: number | null;
}

export interface Measure {
  benefit: BenefitType;
  gender: StatisticsGender;
  ageGroup: string;
}

export const measureKey = (m: Measure): string => `${m.benefit}|${m.gender}|${m.ageGroup}`;

/** Every benefit × gender × age group, in the order the views list them. */
export function measuresOf(ageGroups: readonly string[]): Measure[] {
  return ageGroups.flatMap((ageGroup) =>
    BENEFIT_TYPES.flatMap((benefit) => STATISTICS_GENDERS.map((gender) => ({ benefit, gender, ageGroup }))),
  );
}

/** Figures by region, then period, then measure key. */
export type FigureTable = Map<string, Map<string, Map<string, Figure>>>;

function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

const fye = (value: string | null): number | null => (value === null ? null : Number(value));

/**
 * The figures of some regions in some periods, read only through statistics_periods (the join on both
 * import and period), so figures of a replaced or unfinished import are never seen.
 */
export async function readFigures(
  tx: Tx,
  periods: readonly string[],
  regionCodes: readonly string[],
  measure?: Measure,
): Promise<FigureTable> {
  const table: FigureTable = new Map();
  if (periods.length === 0 || regionCodes.length === 0) return table;
  const conditions = [
    // On both sides of the join, so the planner starts from the few periods asked for, not all of them.
    inArray(statisticsPeriods.period, [...periods]),
    inArray(statisticsFigures.period, [...periods]),
    inArray(statisticsFigures.regionCode, [...regionCodes]),
  ];
  if (measure)
    conditions.push(
      eq(statisticsFigures.benefit, measure.benefit),
      eq(statisticsFigures.gender, measure.gender),
      eq(statisticsFigures.ageGroup, measure.ageGroup),
    );
  const rows = await tx
    .select({
      period: statisticsFigures.period,
      regionCode: statisticsFigures.regionCode,
      benefit: statisticsFigures.benefit,
      gender: statisticsFigures.gender,
      ageGroup: statisticsFigures.ageGroup,
      fullYearEquivalents: statisticsFigures.fullYearEquivalents,
      population: statisticsFigures.population,
    })
    .from(statisticsFigures)
    .innerJoin(
      statisticsPeriods,
      and(
        eq(statisticsPeriods.importId, statisticsFigures.importId),
        eq(statisticsPeriods.period, statisticsFigures.period),
      ),
    )
    .where(and(...conditions));
  for (const row of rows) {
    entry(
      entry(table, row.regionCode, () => new Map()),
      row.period,
      () => new Map(),
    ).set(measureKey(row), {
      fullYearEquivalents: fye(row.fullYearEquivalents),
      population: row.population,
    });
  }
  return table;
}

/** The cut points of some periods, by period and measure key. */
export async function readCutPoints(
  tx: Tx,
  periods: readonly string[],
  measure?: Measure,
): Promise<Map<string, Map<string, MeasureCutPoints>>> {
  const result = new Map<string, Map<string, MeasureCutPoints>>();
  if (periods.length === 0) return result;
  const conditions = [
    inArray(statisticsPeriods.period, [...periods]),
    inArray(statisticsCutPoints.period, [...periods]),
  ];
  if (measure)
    conditions.push(
      eq(statisticsCutPoints.benefit, measure.benefit),
      eq(statisticsCutPoints.gender, measure.gender),
      eq(statisticsCutPoints.ageGroup, measure.ageGroup),
    );
  const rows = await tx
    .select({
      period: statisticsCutPoints.period,
      benefit: statisticsCutPoints.benefit,
      gender: statisticsCutPoints.gender,
      ageGroup: statisticsCutPoints.ageGroup,
      p25: statisticsCutPoints.p25,
      p75: statisticsCutPoints.p75,
      min: statisticsCutPoints.min,
      max: statisticsCutPoints.max,
      municipalityCount: statisticsCutPoints.municipalityCount,
    })
    .from(statisticsCutPoints)
    .innerJoin(
      statisticsPeriods,
      and(
        eq(statisticsPeriods.importId, statisticsCutPoints.importId),
        eq(statisticsPeriods.period, statisticsCutPoints.period),
      ),
    )
    .where(and(...conditions));
  for (const { period, ...cut } of rows) {
    entry(result, period, () => new Map()).set(measureKey(cut), cut);
  }
  return result;
}

/**
 * A group of regions as one: helårsekvivalenter and population summed over the regions that have both, so
 * a kommun with `..` leaves the sum rather than making it missing or counting its population without its
 * people. No region with both: missing.
 */
export function sumFigures(figures: readonly (Figure | undefined)[]): Figure {
  let people = 0;
  let population = 0;
  let counted = 0;
  for (const f of figures) {
    if (f?.fullYearEquivalents == null || f.population == null) continue;
    people += f.fullYearEquivalents;
    population += f.population;
    counted += 1;
  }
  if (counted === 0) return { fullYearEquivalents: null, population: null };
  // Decimal helårsekvivalenter summed in binary floating point: drop the noise below a millionth.
  return { fullYearEquivalents: Math.round(people * 1e6) / 1e6, population };
}

/** One cell: share, the share a year earlier and the change in percentage points; a quartile only when cut points are given (kommuner). */
export function measureCell(
  measure: Measure,
  current: Figure | undefined,
  previous: Figure | undefined,
  cuts: MeasureCutPoints | undefined | null,
): MeasureCell {
  const share = sharePercent(current?.fullYearEquivalents ?? null, current?.population ?? null);
  const previousShare = sharePercent(previous?.fullYearEquivalents ?? null, previous?.population ?? null);
  return {
    ...measure,
    fullYearEquivalents: current?.fullYearEquivalents ?? null,
    population: current?.population ?? null,
    share,
    previousShare,
    change: share !== null && previousShare !== null ? share - previousShare : null,
    quartile: cuts === null ? null : quartileOf(share, cuts ?? null),
  };
}
