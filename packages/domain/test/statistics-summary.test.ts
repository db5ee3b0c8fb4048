import { describe, expect, it } from "vitest";
import {
  type BenefitType,
  formatChange,
  formatShare,
  type MeasureCell,
  type Quartile,
  type RegionMeasures,
  type StatisticsGender,
  type StatisticsView,
  summarizeStatisticsView,
} from "../src/index.js";

function cell(
  benefit: BenefitType,
  gender: StatisticsGender,
  share: number | null,
  change: number | null = null,
  quartile: Quartile | null = null,
): MeasureCell {
  return {
    benefit,
    gender,
    ageGroup: "20-64",
    fullYearEquivalents: null,
    population: null,
    share,
    previousShare: share !== null && change !== null ? share - change : null,
    change,
    quartile,
  };
}

const region = (code: string, name: string, level: RegionMeasures["level"], measures: MeasureCell[]) => ({
  code,
  name,
  level,
  measures,
});

const SUNDSVALL = [
  cell("total", "total", 13.82, 0.49, "high"),
  cell("total", "women", 15.08),
  cell("total", "men", 12.6),
  cell("sickness_benefit", "total", 2.4),
  cell("sickness_benefit", "women", 3.5),
  cell("sickness_benefit", "men", 1.4),
  cell("income_support", "total", 3.1),
  cell("income_support", "women", 2.9),
  cell("income_support", "men", 3.3),
  cell("sickness_activity_compensation", "total", 4.2),
  cell("sickness_activity_compensation", "women", 4.6),
  cell("sickness_activity_compensation", "men", 3.8),
];

function view(overrides: Partial<StatisticsView> = {}): StatisticsView {
  const kommun = region("2281", "Sundsvall", "municipality", SUNDSVALL);
  return {
    subject: { kind: "municipality", code: "2281", name: "Sundsvall" },
    source: {
      period: "2020",
      periodLabel: "2020",
      sourceTable: "HE0000T02N2",
      importedAt: "2026-11-20T09:00:00Z",
      isDemo: false,
    },
    previousPeriod: "2019",
    ageGroups: ["20-64"],
    total: kommun,
    municipalities: [kommun],
    counties: [],
    country: region("00", "Riket", "country", []),
    cutPoints: [],
    summary: [],
    ...overrides,
  };
}

describe("formatting", () => {
  it("writes shares with one decimal and a comma, changes with their sign in procentenheter", () => {
    expect(formatShare(13.8272)).toBe("13,8 %");
    expect(formatShare(0)).toBe("0,0 %");
    expect(formatChange(0.498)).toBe("+0,5 procentenheter");
    expect(formatChange(-1.26)).toBe("−1,3 procentenheter");
    expect(formatChange(0.04)).toBe("0,0 procentenheter");
    expect(formatChange(-0.04)).toBe("0,0 procentenheter");
  });
});

describe("summarizeStatisticsView", () => {
  it("writes seed 003's sentences for Sundsvall, then the quarter, the largest benefit and the largest gap", () => {
    expect(summarizeStatisticsView(view())).toEqual([
      "År 2020 försörjdes 13,8 % av befolkningen 20–64 år i Sundsvall av sociala ersättningar och bidrag (kvinnor 15,1 %, män 12,6 %).",
      "Det är en ökning med 0,5 procentenheter jämfört med 2019.",
      "Sundsvall ligger i den högsta fjärdedelen av landets kommuner.",
      "Av de enskilda ersättningarna står sjuk- och aktivitetsersättning för den största andelen, 4,2 %.",
      "Störst skillnad mellan kvinnor och män finns inom sjukpenning: 3,5 % av kvinnorna mot 1,4 % av männen.",
    ]);
  });

  it("counts a förbund's kommuner in the highest and lowest quarters and names its kommuner", () => {
    const kommuner = [
      region("1380", "Halmstad", "municipality", [cell("total", "total", 9, -0.2, "low")]),
      region("1381", "Laholm", "municipality", [cell("total", "total", 15, 0.1, "high")]),
      region("1382", "Falkenberg", "municipality", [cell("total", "total", 11, 0, "middle")]),
      region("1383", "Varberg", "municipality", [cell("total", "total", null)]),
    ];
    const sentences = summarizeStatisticsView(
      view({
        subject: { kind: "forbund", code: "halland", name: "Samordningsförbundet Halland" },
        total: region("halland", "Samordningsförbundet Halland", "forbund", [
          cell("total", "total", 11.04, -0.62),
        ]),
        municipalities: kommuner,
      }),
    );
    expect(sentences).toEqual([
      "År 2020 försörjdes 11,0 % av befolkningen 20–64 år i de 4 kommunerna i Samordningsförbundet Halland av sociala ersättningar och bidrag.",
      "Det är en minskning med 0,6 procentenheter jämfört med 2019.",
      "Av förbundets 4 kommuner ligger 1 i den högsta fjärdedelen av landets kommuner och 1 i den lägsta.",
    ]);
  });

  it("speaks of a month as a month, and of an unchanged share as such", () => {
    const sentences = summarizeStatisticsView(
      view({
        source: { ...view().source, period: "2021M05", periodLabel: "maj 2021" },
        previousPeriod: "2020M05",
        total: region("2281", "Sundsvall", "municipality", [cell("total", "total", 13.8, 0.03)]),
        municipalities: [],
      }),
    );
    expect(sentences).toEqual([
      "I maj 2021 försörjdes 13,8 % av befolkningen 20–64 år i Sundsvall av sociala ersättningar och bidrag.",
      "Det är i stort sett samma andel som maj 2020.",
    ]);
  });

  it("says a missing share is missing and leaves out what rests on missing figures", () => {
    const missing = view({
      previousPeriod: null,
      total: region("2281", "Sundsvall", "municipality", [cell("total", "total", null)]),
      municipalities: [region("2281", "Sundsvall", "municipality", [cell("total", "total", null)])],
    });
    expect(summarizeStatisticsView(missing)).toEqual([
      "År 2020 saknas uppgift om hur stor del av befolkningen 20–64 år i Sundsvall som försörjdes av sociala ersättningar och bidrag.",
    ]);
  });
});
