import {
  ALL_AGES,
  type BenefitType,
  type MeasureCell,
  type MeasureCutPoints,
  periodKind,
  type RegionMeasures,
  type StatisticsGender,
} from "@nns/domain/statistics";

/** One measure: a benefit for a gender and an age group; every figure on the page is read for one. */
export interface Measure {
  benefit: BenefitType;
  gender: StatisticsGender;
  ageGroup: string;
}

const same = (a: Measure, b: Measure) =>
  a.benefit === b.benefit && a.gender === b.gender && a.ageGroup === b.ageGroup;

/** A region's cell for the measure; null when the import has no row for it (shown as missing). */
export function cellOf(region: RegionMeasures, measure: Measure): MeasureCell | null {
  return region.measures.find((cell) => same(cell, measure)) ?? null;
}

export function cutPointsOf(
  cutPoints: readonly MeasureCutPoints[],
  measure: Measure,
): MeasureCutPoints | null {
  return cutPoints.find((cuts) => same(cuts, measure)) ?? null;
}

/**
 * Kommuner by their share for the measure, highest first (the greatest need at the top, as the consultants'
 * reports rank them); those without a value last, by name.
 */
export function ranked(
  municipalities: readonly RegionMeasures[],
  measure: Measure,
): { region: RegionMeasures; cell: MeasureCell | null }[] {
  return municipalities
    .map((region) => ({ region, cell: cellOf(region, measure) }))
    .sort((a, b) => {
      const x = a.cell?.share ?? null;
      const y = b.cell?.share ?? null;
      if (x !== null && y !== null && x !== y) return y - x;
      if (x === null && y !== null) return 1;
      if (y === null && x !== null) return -1;
      return a.region.name.localeCompare(b.region.name, "sv");
    });
}

/** The measure in the address, with the defaults a board reads first: everyone, all benefits, 20–64. */
export function measureOf(
  search: { age?: string; gender?: StatisticsGender; benefit?: BenefitType },
  ageGroups: readonly string[],
): Measure {
  return {
    benefit: search.benefit ?? "total",
    gender: search.gender ?? "total",
    ageGroup: search.age && ageGroups.includes(search.age) ? search.age : ALL_AGES,
  };
}

/**
 * The period in the address when there are figures for it, else the latest year (a whole year is what
 * the reports compare), else the latest month.
 */
export function periodOf(periods: readonly { period: string }[], wanted: string | undefined): string | null {
  if (wanted && periods.some((p) => p.period === wanted)) return wanted;
  const sorted = periods.map((p) => p.period).sort((a, b) => b.localeCompare(a));
  return sorted.find((p) => periodKind(p) === "year") ?? sorted[0] ?? null;
}
