import type { StatisticsTrend, StatisticsView } from "@nns/domain";
import type { StatisticsPeriodListing, StatisticsRanking } from "@nns/services";

/** Seed 003's Sundsvall: 13,8 % in 2020 (women 15,1 %, men 12,6 %), up 0,5 percentage points on 2019. */
const SOURCE = {
  period: "2020",
  periodLabel: "2020",
  sourceTable: "HE0000T02N2",
  importedAt: "2026-11-20T09:14:03.512Z",
  isDemo: false,
};

const cell = (
  gender: "total" | "women" | "men",
  fullYearEquivalents: number,
  population: number,
  previousShare: number,
  quartile: "low" | "middle" | "high" | null,
) => {
  const share = (fullYearEquivalents / population) * 100;
  return {
    benefit: "total" as const,
    gender,
    ageGroup: "20-64",
    fullYearEquivalents,
    population,
    share,
    previousShare,
    change: share - previousShare,
    quartile,
  };
};

const SUNDSVALL_MEASURES = [
  cell("total", 7590, 55000, 13.3, "high"),
  cell("women", 4077, 27000, 14.5, "high"),
  cell("men", 3528, 28000, 12.2, "middle"),
];

export const STATISTICS_VIEW: StatisticsView = {
  subject: { kind: "forbund", code: "sundsvall", name: "Samordningsförbundet Sundsvall" },
  source: SOURCE,
  previousPeriod: "2019",
  ageGroups: ["20-64"],
  total: {
    code: "sundsvall",
    name: "Samordningsförbundet Sundsvall",
    level: "forbund",
    measures: SUNDSVALL_MEASURES.map((m) => ({ ...m, quartile: null })),
  },
  municipalities: [{ code: "2281", name: "Sundsvall", level: "municipality", measures: SUNDSVALL_MEASURES }],
  counties: [
    {
      code: "22",
      name: "Västernorrlands län",
      level: "county",
      measures: [cell("total", 19180, 140000, 13.5, null)],
    },
  ],
  country: {
    code: "00",
    name: "Riket",
    level: "country",
    measures: [cell("total", 694000, 5900000, 11.6, null)],
  },
  cutPoints: [
    {
      benefit: "total",
      gender: "total",
      ageGroup: "20-64",
      p25: 10.9,
      p75: 13.4,
      min: 6.2,
      max: 19.8,
      municipalityCount: 290,
    },
  ],
  summary: [
    "År 2020 försörjdes 13,8 % av befolkningen 20–64 år i Sundsvall av sociala ersättningar och bidrag (kvinnor 15,1 %, män 12,6 %).",
    "Det är en ökning med 0,5 procentenheter jämfört med 2019.",
    "Sundsvall ligger i den högsta fjärdedelen av landets kommuner.",
  ],
};

export const STATISTICS_PERIODS: StatisticsPeriodListing = {
  periods: [
    { ...SOURCE, period: "2019", periodLabel: "2019", kind: "year" },
    { ...SOURCE, kind: "year" },
    { ...SOURCE, period: "2020M05", periodLabel: "maj 2020", kind: "month" },
  ],
  ageGroups: [
    { code: "20-64", label: "20–64 år" },
    { code: "20-29", label: "20–29 år" },
  ],
  benefits: [
    { code: "total", label: "Helårsekvivalenter totalt" },
    { code: "sickness_benefit", label: "Sjukpenning" },
    { code: "sickness_activity_compensation", label: "Sjuk- och aktivitetsersättning" },
    { code: "unemployment_benefit", label: "Arbetslöshetsersättning" },
    { code: "labour_market_programmes", label: "Arbetsmarknadsåtgärder" },
    { code: "income_support", label: "Ekonomiskt bistånd" },
    { code: "establishment_benefit", label: "Etableringsersättning" },
  ],
  genders: [
    { code: "total", label: "Totalt" },
    { code: "women", label: "Kvinnor" },
    { code: "men", label: "Män" },
  ],
};

const point = (period: string, share: number, countyShare: number, countryShare: number) => ({
  period,
  share,
  quartile: share > 13.4 ? ("high" as const) : ("middle" as const),
  countyShare,
  countryShare,
  min: 6.2,
  max: 19.8,
  p25: 10.9,
  p75: 13.4,
  isDemo: false,
});

export const STATISTICS_TREND: StatisticsTrend = {
  municipality: { code: "2281", name: "Sundsvall", countyCode: "22" },
  benefit: "total",
  gender: "total",
  ageGroup: "20-64",
  points: [point("2018", 13.1, 13.4, 11.4), point("2019", 13.3, 13.5, 11.6), point("2020", 13.8, 13.7, 11.8)],
};

export const STATISTICS_RANKING: StatisticsRanking = {
  benefit: "total",
  gender: "total",
  ageGroup: "20-64",
  source: SOURCE,
  cutPoints: STATISTICS_VIEW.cutPoints[0] ?? null,
  municipalities: [
    {
      code: "0765",
      name: "Älmhult",
      countyCode: "07",
      fullYearEquivalents: 1980,
      population: 10000,
      share: 19.8,
      quartile: "high",
      rank: 1,
    },
    {
      code: "2281",
      name: "Sundsvall",
      countyCode: "22",
      fullYearEquivalents: 7590,
      population: 55000,
      share: 13.8,
      quartile: "high",
      rank: 61,
    },
    {
      code: "1384",
      name: "Kungsbacka",
      countyCode: "13",
      fullYearEquivalents: null,
      population: null,
      share: null,
      quartile: null,
      rank: null,
    },
  ],
};

export const STATISTICS_CSV =
  '\uFEFF"Region";"Regionkod";"Nivå";"Period";"Ersättning";"Kön";"Ålder";"Helårsekvivalenter";"Befolkning";"Andel %";"Förändring procentenheter";"Kvartil";"Källa";"Demodata"\n' +
  '"Sundsvall";"2281";"Kommun";"2020";"Helårsekvivalenter totalt";"Totalt";"20–64 år";7590;55000;13,8;0,5;"Högsta fjärdedelen";"SCB, tabell HE0000T02N2 (importerad 2026-11-20)";"Nej"\n';
