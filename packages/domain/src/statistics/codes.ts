/**
 * The dimensions of SCB's helårsekvivalenter table (HE0000T02N2) as the product stores them, with the
 * Swedish words people read. The database keeps the same lists (packages/db/src/schema/statistics.ts).
 */

/** SCB's table of helårsekvivalenter per region, gender, age group, benefit type and month or year. */
export const SCB_SOURCE_TABLE = "HE0000T02N2";

export const STATISTICS_GENDERS = ["total", "women", "men"] as const;
export type StatisticsGender = (typeof STATISTICS_GENDERS)[number];

export const STATISTICS_GENDER_LABELS_SV: Record<StatisticsGender, string> = {
  total: "Totalt",
  women: "Kvinnor",
  men: "Män",
};

/** The six benefit systems and their sum, in the order SCB's reports show them. */
export const BENEFIT_TYPES = [
  "total",
  "sickness_benefit",
  "sickness_activity_compensation",
  "unemployment_benefit",
  "labour_market_programmes",
  "income_support",
  "establishment_benefit",
] as const;
export type BenefitType = (typeof BENEFIT_TYPES)[number];

export const BENEFIT_LABELS_SV: Record<BenefitType, string> = {
  total: "Helårsekvivalenter totalt",
  sickness_benefit: "Sjukpenning",
  sickness_activity_compensation: "Sjuk- och aktivitetsersättning",
  unemployment_benefit: "Arbetslöshetsersättning",
  labour_market_programmes: "Arbetsmarknadsåtgärder",
  income_support: "Ekonomiskt bistånd",
  establishment_benefit: "Etableringsersättning",
};

/** The whole working-age population the measure is about; other age groups are bands within it. */
export const ALL_AGES = "20-64";

/** `20-29` → `20–29 år`. */
export function ageGroupLabel(ageGroup: string): string {
  return `${ageGroup.replace("-", "–")} år`;
}

export type RegionLevel = "municipality" | "county" | "country";

/** SCB's code for the whole country. */
export const COUNTRY_CODE = "00";

export type PeriodKind = "year" | "month";

const PERIOD = /^(\d{4})(?:M(0[1-9]|1[0-2]))?$/;

export function isPeriod(value: string): boolean {
  return PERIOD.test(value);
}

export function periodKind(period: string): PeriodKind {
  return period.includes("M") ? "month" : "year";
}

/** The same period a year earlier, against which every change is measured: `2020` → `2019`, `2020M05` → `2019M05`. */
export function previousYearPeriod(period: string): string {
  const match = PERIOD.exec(period);
  if (!match) throw new RangeError(`Not a period: ${period}`);
  const year = String(Number(match[1]) - 1);
  return match[2] ? `${year}M${match[2]}` : year;
}

const MONTHS_SV = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
];

/** `2020` → `2020`, `2020M05` → `maj 2020`. */
export function periodLabel(period: string): string {
  const match = PERIOD.exec(period);
  if (!match) return period;
  return match[2] ? `${MONTHS_SV[Number(match[2]) - 1]} ${match[1]}` : (match[1] as string);
}

/** Share in percent of the population, or null when either part is missing or there is no one. */
export function sharePercent(fullYearEquivalents: number | null, population: number | null): number | null {
  if (fullYearEquivalents === null || population === null || population <= 0) return null;
  return (fullYearEquivalents / population) * 100;
}
