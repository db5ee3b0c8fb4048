import type { BenefitType, RegionLevel, StatisticsGender } from "./codes.js";
import type { Quartile } from "./quartiles.js";

/**
 * What the statistics views answer, shared by the API (its schemas mirror these), the admin and the
 * board report. Shares are percent of the population in the age group, unrounded; people read them
 * with one decimal. Changes are in percentage points against the same period a year earlier.
 */

/** Where a period's figures come from, shown wherever they appear. */
export interface StatisticsSource {
  period: string;
  periodLabel: string;
  sourceTable: string;
  importedAt: string;
  /** Synthetic demo figures, not SCB's. */
  isDemo: boolean;
}

export interface MeasureCell {
  benefit: BenefitType;
  gender: StatisticsGender;
  ageGroup: string;
  fullYearEquivalents: number | null;
  population: number | null;
  share: number | null;
  previousShare: number | null;
  change: number | null;
  /** Against all kommuner for this measure and period; only kommuner are coloured. */
  quartile: Quartile | null;
}

export interface RegionMeasures {
  code: string;
  name: string;
  level: RegionLevel | "forbund";
  measures: MeasureCell[];
}

export interface MeasureCutPoints {
  benefit: BenefitType;
  gender: StatisticsGender;
  ageGroup: string;
  p25: number;
  p75: number;
  min: number;
  max: number;
  municipalityCount: number;
}

/** A förbund's page, or one kommun's (then `municipalities` holds just that kommun and `total` is it). */
export interface StatisticsView {
  subject: { kind: "forbund" | "municipality"; code: string; name: string };
  source: StatisticsSource;
  previousPeriod: string | null;
  ageGroups: string[];
  total: RegionMeasures;
  municipalities: RegionMeasures[];
  counties: RegionMeasures[];
  country: RegionMeasures;
  cutPoints: MeasureCutPoints[];
  /** A few sentences in Swedish for a board, written from the figures. */
  summary: string[];
}

export interface TrendPoint {
  period: string;
  share: number | null;
  quartile: Quartile | null;
  countyShare: number | null;
  countryShare: number | null;
  min: number | null;
  max: number | null;
  p25: number | null;
  p75: number | null;
  isDemo: boolean;
}

export interface StatisticsTrend {
  municipality: { code: string; name: string; countyCode: string };
  benefit: BenefitType;
  gender: StatisticsGender;
  ageGroup: string;
  points: TrendPoint[];
}
