import {
  BENEFIT_TYPES,
  type BenefitType,
  type MeasureCell,
  type MeasureCutPoints,
  quartileOf,
  type RegionMeasures,
  STATISTICS_GENDERS,
  type StatisticsGender,
  type StatisticsTrend,
  type StatisticsView,
} from "@nns/domain";

/**
 * A hand-made förbund view and trends for the board report, independent of the database: each region's
 * shares follow from one base figure (total, all genders) by fixed factors, so a test can say which
 * figures must be printed. Sundsvall 2020 carries seed 003's figures: 13,8 %, women 15,1, men 12,6, +0,5.
 */

export interface RegionSpec {
  code: string;
  name: string;
  /** Share of everyone, all benefits, in the period. */
  base: number;
  /** Change against a year earlier, in percentage points. */
  change: number;
  /** Benefits SCB has no figure for (`..`). */
  missing?: BenefitType[];
}

const GENDER_FACTOR: Record<StatisticsGender, number> = { total: 1, women: 15.1 / 13.8, men: 12.6 / 13.8 };
const BENEFIT_FACTOR: Record<BenefitType, number> = {
  total: 1,
  sickness_benefit: 0.16,
  sickness_activity_compensation: 0.3,
  unemployment_benefit: 0.1,
  labour_market_programmes: 0.16,
  income_support: 0.22,
  establishment_benefit: 0.06,
};
const POPULATION = 60_000;
const AGE = "20-64";

/** Cut points of a made-up spread of 290 kommuner around 13 %. */
export function fixtureCutPoints(benefit: BenefitType, gender: StatisticsGender): MeasureCutPoints {
  const f = BENEFIT_FACTOR[benefit] * GENDER_FACTOR[gender];
  return {
    benefit,
    gender,
    ageGroup: AGE,
    p25: 11 * f,
    p75: 14.5 * f,
    min: 6 * f,
    max: 24 * f,
    municipalityCount: 290,
  };
}

export function shareOf(spec: RegionSpec, benefit: BenefitType, gender: StatisticsGender): number | null {
  if (spec.missing?.includes(benefit)) return null;
  return spec.base * BENEFIT_FACTOR[benefit] * GENDER_FACTOR[gender];
}

function region(spec: RegionSpec, level: RegionMeasures["level"]): RegionMeasures {
  const measures = BENEFIT_TYPES.flatMap((benefit) =>
    STATISTICS_GENDERS.map((gender): MeasureCell => {
      const share = shareOf(spec, benefit, gender);
      const change = share === null ? null : spec.change * BENEFIT_FACTOR[benefit] * GENDER_FACTOR[gender];
      return {
        benefit,
        gender,
        ageGroup: AGE,
        fullYearEquivalents: share === null ? null : (share * POPULATION) / 100,
        population: POPULATION,
        share,
        previousShare: share === null || change === null ? null : share - change,
        change,
        quartile: level === "municipality" ? quartileOf(share, fixtureCutPoints(benefit, gender)) : null,
      };
    }),
  );
  return { code: spec.code, name: spec.name, level, measures };
}

export interface FixtureOptions {
  forbund: { code: string; name: string };
  kommuner: RegionSpec[];
  county: RegionSpec;
  isDemo: boolean;
  summary?: string[];
}

export function fixtureView(options: FixtureOptions): StatisticsView {
  const total: RegionSpec = {
    code: options.forbund.code,
    name: options.forbund.name,
    base: options.kommuner.reduce((sum, k) => sum + k.base, 0) / options.kommuner.length,
    change: options.kommuner.reduce((sum, k) => sum + k.change, 0) / options.kommuner.length,
  };
  return {
    subject: { kind: "forbund", ...options.forbund },
    source: {
      period: "2020",
      periodLabel: "2020",
      sourceTable: "HE0000T02N2",
      importedAt: "2026-11-20T09:30:00.000Z",
      isDemo: options.isDemo,
    },
    previousPeriod: "2019",
    ageGroups: [AGE],
    total: region(total, "forbund"),
    municipalities: options.kommuner.map((k) => region(k, "municipality")),
    counties: [region(options.county, "county")],
    country: region({ code: "00", name: "Riket", base: 12.9, change: -0.2 }, "country"),
    cutPoints: BENEFIT_TYPES.flatMap((b) => STATISTICS_GENDERS.map((g) => fixtureCutPoints(b, g))),
    summary: options.summary ?? [
      `I ${options.forbund.name} motsvarade utbetalningarna 2020 helårsekvivalenter för en större andel av ` +
        "befolkningen 20–64 år än i riket.",
      "Andelen ökade jämfört med 2019, mest för kvinnor.",
    ],
  };
}

const YEARS = ["2014", "2015", "2016", "2017", "2018", "2019", "2020"];

/** Seven years for each kommun, total benefit, for all, women and men, ending at the view's figures. */
export function fixtureTrends(
  kommuner: RegionSpec[],
  county: RegionSpec,
  countyCode: string,
): StatisticsTrend[] {
  return kommuner.flatMap((kommun) =>
    STATISTICS_GENDERS.map((gender): StatisticsTrend => {
      const f = GENDER_FACTOR[gender];
      return {
        municipality: { code: kommun.code, name: kommun.name, countyCode },
        benefit: "total",
        gender,
        ageGroup: AGE,
        points: YEARS.map((period, i) => {
          const back = YEARS.length - 1 - i;
          // A gently falling line to 2019, then the view's change into 2020.
          const share = (kommun.base - (back > 0 ? kommun.change - 0.3 * (back - 1) : 0)) * f;
          const cuts = fixtureCutPoints("total", gender);
          return {
            period,
            share: kommun.missing?.includes("total") ? null : share,
            quartile: quartileOf(share, cuts),
            countyShare: (county.base - 0.1 * back) * f,
            countryShare: (12.9 + 0.15 * back) * f,
            min: cuts.min,
            max: cuts.max,
            p25: cuts.p25,
            p75: cuts.p75,
            isDemo: false,
          };
        }),
      };
    }),
  );
}

export const SUNDSVALL: RegionSpec = { code: "2281", name: "Sundsvall", base: 13.8, change: 0.5 };
export const VASTERNORRLAND: RegionSpec = {
  code: "22",
  name: "Västernorrlands län",
  base: 14.2,
  change: 0.1,
};

export const OSTERGOTLAND: RegionSpec = { code: "05", name: "Östergötlands län", base: 13.1, change: -0.1 };
/** Centrala Östergötland's seven kommuner: every quartile, a fall, a change rounding to nothing, a gap. */
export const CENTRALA_OSTERGOTLAND: RegionSpec[] = [
  { code: "0513", name: "Kinda", base: 10.4, change: -0.3 },
  { code: "0560", name: "Boxholm", base: 12.2, change: 0.02, missing: ["establishment_benefit"] },
  { code: "0561", name: "Åtvidaberg", base: 13.3, change: 0.4 },
  { code: "0580", name: "Linköping", base: 9.6, change: -0.6 },
  { code: "0581", name: "Norrköping", base: 16.9, change: 1.2 },
  { code: "0582", name: "Söderköping", base: 11.8, change: 0.1 },
  { code: "0583", name: "Motala", base: 15.7, change: -0.8 },
];
