import { AppError, type MeasureCell, type RegionMeasures, SCB_SOURCE_TABLE } from "@nns/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  activateImport,
  createImportRecord,
  forbundStatisticsView,
  listStatisticsPeriods,
  municipalityStatisticsTrend,
  municipalityStatisticsView,
  statisticsRanking,
  statisticsViewCsv,
  writeImportFigures,
} from "../src/index.js";
import { finsamMemberParties, statisticsFixtureRows, writeStatisticsFixture } from "../src/testing.js";
import { freshTenant, useServiceDatabase } from "./tenant.js";

// Hand-computed from the fixture's table (packages/services/src/statistics/test-fixture.ts).
const SUNDSVALL_2020 = (7605 / 55000) * 100; // 13.827…
const SUNDSVALL_2019 = (7331 / 55000) * 100; // 13.329…

const env = useServiceDatabase();
let forbundSlug: string;

beforeAll(async () => {
  await writeStatisticsFixture(env.t.db);
  const forbund = await freshTenant(env.deps, {
    countyCode: "13",
    // Kommuner in two län, as lag (2003:1210) allows with both regions taking part.
    memberParties: [
      ...finsamMemberParties("13", ["1381", "1382"]),
      ...finsamMemberParties("22", ["2262", "2281"]).filter(
        (p) => p.kind === "region" || p.kind === "kommun",
      ),
    ],
  });
  forbundSlug = forbund.organization.slug;
});

function cell(region: RegionMeasures, gender = "total", ageGroup = "20-64", benefit = "total"): MeasureCell {
  const found = region.measures.find(
    (m) => m.benefit === benefit && m.gender === gender && m.ageGroup === ageGroup,
  );
  if (!found) throw new Error(`no cell ${benefit}/${gender}/${ageGroup} in ${region.code}`);
  return found;
}

const byCode = (regions: RegionMeasures[], code: string) => {
  const found = regions.find((r) => r.code === code);
  if (!found) throw new Error(`no region ${code}`);
  return found;
};

describe("a förbund's view", () => {
  it("sums its kommuner that have both values, colours each kommun against all kommuner and adds län and riket", async () => {
    const view = await forbundStatisticsView(env.deps, forbundSlug);
    expect(view.source).toMatchObject({
      period: "2020",
      periodLabel: "2020",
      sourceTable: SCB_SOURCE_TABLE,
      isDemo: false,
    });
    expect(view.previousPeriod).toBe("2019");
    expect(view.ageGroups).toEqual(["20-64", "20-29"]);
    expect(view.municipalities.map((m) => m.name)).toEqual(["Falkenberg", "Laholm", "Sundsvall", "Timrå"]);
    // Every benefit × gender × age group, present or not.
    for (const region of [view.total, ...view.municipalities, ...view.counties, view.country])
      expect(region.measures).toHaveLength(7 * 3 * 2);

    // Timrå's women are missing in 2020, so Timrå leaves the total: (20 + 24 + 7605) / (200 + 200 + 55000).
    const total = cell(view.total);
    expect(total.fullYearEquivalents).toBe(7649);
    expect(total.population).toBe(55400);
    expect(total.share).toBeCloseTo((7649 / 55400) * 100, 10);
    expect(total.previousShare).toBeCloseTo((7389 / 55600) * 100, 10);
    expect(total.change).toBeCloseTo((7649 / 55400) * 100 - (7389 / 55600) * 100, 10);
    expect(total.quartile).toBeNull();
    expect(cell(view.total, "women").share).toBeCloseTo((4103 / 27200) * 100, 10);
    expect(cell(view.total, "men").share).toBeCloseTo((3554 / 28300) * 100, 10);

    // Cut points of 8, 10, 12, 13.83, 14 (as doubles: 28 / 200 * 100 is 14.000000000000002): p25 = 10 exactly, p75 = Sundsvall's 13.83 exactly.
    const cuts = view.cutPoints.find(
      (c) => c.gender === "total" && c.ageGroup === "20-64" && c.benefit === "total",
    );
    expect(cuts).toMatchObject({ p25: 10, min: 8, max: (28 / 200) * 100, municipalityCount: 5 });
    expect(cuts?.p75).toBe(SUNDSVALL_2020);
    const laholm = cell(byCode(view.municipalities, "1381"));
    expect(laholm).toMatchObject({ share: 10, previousShare: 9, change: 1, quartile: "low" }); // a tie with p25 is low
    expect(cell(byCode(view.municipalities, "1382"))).toMatchObject({
      share: 12,
      previousShare: 12,
      change: 0,
      quartile: "middle",
    });
    const sundsvall = cell(byCode(view.municipalities, "2281"));
    expect(sundsvall.quartile).toBe("middle"); // a tie with p75 is middle
    expect(sundsvall.change).toBeCloseTo(SUNDSVALL_2020 - SUNDSVALL_2019, 10);
    expect(cell(byCode(view.municipalities, "2262"))).toMatchObject({
      fullYearEquivalents: null,
      population: 200,
      share: null,
      previousShare: 8,
      change: null,
      quartile: null,
    });
    // Men: 6, 8, 8, 10, 12.6, 13 → p25 = 8 (Laholm and Timrå tie on it, both low), p75 = 11.95.
    expect(cell(byCode(view.municipalities, "2262"), "men").quartile).toBe("low");
    expect(cell(byCode(view.municipalities, "1381"), "men").quartile).toBe("low");
    expect(cell(byCode(view.municipalities, "2281"), "men").quartile).toBe("high");
    expect(view.cutPoints.find((c) => c.gender === "men" && c.ageGroup === "20-64")?.p75).toBeCloseTo(
      11.95,
      10,
    );

    expect(view.counties.map((c) => [c.code, c.name])).toEqual([
      ["13", "Hallands län"],
      ["22", "Västernorrlands län"],
    ]);
    // Halland's line is all four of its kommuner, not only the förbund's: 88 / 800, a year earlier 72 / 600.
    expect(cell(byCode(view.counties, "13"))).toMatchObject({
      share: 11,
      previousShare: 12,
      change: -1,
      quartile: null,
    });
    expect(cell(byCode(view.counties, "22")).share).toBe(SUNDSVALL_2020);
    expect(cell(byCode(view.counties, "22")).previousShare).toBeCloseTo((7347 / 55200) * 100, 10);
    expect(view.country).toMatchObject({ code: "00", name: "Riket", level: "country" });
    expect(cell(view.country).share).toBeCloseTo((7693 / 55800) * 100, 10);
    expect(cell(view.country).previousShare).toBeCloseTo((7419 / 55800) * 100, 10);
    // Measures no row has stay missing, with no colour.
    expect(cell(byCode(view.municipalities, "2281"), "total", "20-64", "income_support")).toMatchObject({
      share: null,
      quartile: null,
    });
    expect(view.summary.length).toBeGreaterThanOrEqual(3);
    expect(view.summary[2]).toBe(
      "Av förbundets 4 kommuner ligger 0 i den högsta fjärdedelen av landets kommuner och 1 i den lägsta.",
    );
  });

  it("reads an earlier period, without a previous year when there is none", async () => {
    const view = await forbundStatisticsView(env.deps, forbundSlug, "2019");
    expect(view.source.period).toBe("2019");
    expect(view.previousPeriod).toBeNull();
    expect(view.ageGroups).toEqual(["20-64"]);
    expect(cell(view.total)).toMatchObject({ previousShare: null, change: null });
    expect(cell(view.total).share).toBeCloseTo((7389 / 55600) * 100, 10);
  });

  it("answers 404 for an unknown förbund and for a period without figures", async () => {
    await expect(forbundStatisticsView(env.deps, "finns-inte")).rejects.toMatchObject({ code: "not_found" });
    await expect(forbundStatisticsView(env.deps, forbundSlug, "2018")).rejects.toBeInstanceOf(AppError);
    await expect(forbundStatisticsView(env.deps, forbundSlug, "2018")).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("the seed's Sundsvall", () => {
  it("reproduces 13,8 % (women 15,1 %, men 12,6 %), +0,5 procentenheter, in the kommun's view and its summary", async () => {
    const view = await municipalityStatisticsView(env.deps, "2281");
    expect(view.subject).toEqual({ kind: "municipality", code: "2281", name: "Sundsvall" });
    expect(view.total).toEqual(view.municipalities[0]);
    expect(cell(view.total).share?.toFixed(1)).toBe("13.8");
    expect(cell(view.total, "women").share?.toFixed(1)).toBe("15.1");
    expect(cell(view.total, "men").share?.toFixed(1)).toBe("12.6");
    expect(cell(view.total).change?.toFixed(1)).toBe("0.5");
    expect(view.counties.map((c) => c.code)).toEqual(["22"]);
    expect(view.summary.slice(0, 3)).toEqual([
      "År 2020 försörjdes 13,8 % av befolkningen 20–64 år i Sundsvall av sociala ersättningar och bidrag (kvinnor 15,1 %, män 12,6 %).",
      "Det är en ökning med 0,5 procentenheter jämfört med 2019.",
      "Sundsvall ligger i den mittersta hälften av landets kommuner.",
    ]);
    // The 20–29 band: 900 of 10 000.
    expect(cell(view.total, "total", "20-29").share).toBe(9);
  });

  it("answers 404 for a code of no kommun", async () => {
    await expect(municipalityStatisticsView(env.deps, "9999")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("trend and ranking", () => {
  it("follows a kommun over the years with its län, riket and the spread of all kommuner", async () => {
    const trend = await municipalityStatisticsTrend(
      env.deps,
      "2281",
      { benefit: "total", gender: "total", ageGroup: "20-64" },
      "year",
    );
    expect(trend.municipality).toEqual({ code: "2281", name: "Sundsvall", countyCode: "22" });
    expect(trend.points.map((p) => p.period)).toEqual(["2019", "2020"]);
    const [y2019, y2020] = trend.points;
    // 2019: 8, 9, 12, 13.33, 15 → p25 9, p75 Sundsvall's own share (a tie: middle).
    expect(y2019).toMatchObject({
      share: SUNDSVALL_2019,
      quartile: "middle",
      p25: 9,
      p75: SUNDSVALL_2019,
      min: 8,
      max: 15,
      isDemo: false,
    });
    expect(y2019?.countyShare).toBeCloseTo((7347 / 55200) * 100, 10);
    expect(y2019?.countryShare).toBeCloseTo((7419 / 55800) * 100, 10);
    expect(y2020).toMatchObject({
      share: SUNDSVALL_2020,
      countyShare: SUNDSVALL_2020,
      min: 8,
      max: (28 / 200) * 100,
      p25: 10,
    });
  });

  it("keeps a period where the kommun has no value, with nulls", async () => {
    const trend = await municipalityStatisticsTrend(
      env.deps,
      "2262",
      { benefit: "total", gender: "total", ageGroup: "20-64" },
      "year",
    );
    expect(trend.points.map((p) => [p.period, p.share, p.quartile])).toEqual([
      ["2019", 8, "low"],
      ["2020", null, null],
    ]);
  });

  it("ranks all kommuner, highest first, ties sharing a rank, those without a value last", async () => {
    const ranking = await statisticsRanking(env.deps, { benefit: "total", gender: "men", ageGroup: "20-64" });
    expect(ranking.source.period).toBe("2020");
    expect(ranking.municipalities).toHaveLength(290);
    expect(ranking.municipalities.slice(0, 6).map((m) => [m.code, m.rank, m.quartile])).toEqual([
      ["1383", 1, "high"],
      ["2281", 2, "high"],
      ["1382", 3, "middle"],
      ["1381", 4, "low"],
      ["2262", 4, "low"],
      ["1380", 6, "low"],
    ]);
    expect(ranking.municipalities.slice(6).every((m) => m.share === null && m.rank === null)).toBe(true);
    expect(ranking.cutPoints).toMatchObject({ p25: 8, municipalityCount: 6 });
  });
});

describe("which figures count", () => {
  it("lists periods and the age groups with figures, and prefers the latest year to a later month", async () => {
    const months = await createImportRecord(env.t.db, {
      sourceTable: SCB_SOURCE_TABLE,
      fileName: "months.csv",
      fileFormat: "csv",
      isDemo: true,
    });
    await writeImportFigures(
      env.t.db,
      months,
      statisticsFixtureRows()
        .filter((r) => r.period === "2020" && r.ageGroup === "20-64")
        .flatMap((r) => [
          { ...r, period: "2021M01" },
          { ...r, period: "2021M02" },
        ]),
    );
    await activateImport(env.t.db, months);
    const listing = await listStatisticsPeriods(env.deps);
    expect(listing.periods.map((p) => [p.period, p.kind, p.isDemo])).toEqual([
      ["2019", "year", false],
      ["2020", "year", false],
      ["2021M01", "month", true],
      ["2021M02", "month", true],
    ]);
    expect(listing.periods[2]?.periodLabel).toBe("januari 2021");
    expect(listing.ageGroups).toEqual([
      { code: "20-64", label: "20–64 år" },
      { code: "20-29", label: "20–29 år" },
    ]);
    expect(listing.benefits).toHaveLength(7);
    expect((await forbundStatisticsView(env.deps, forbundSlug)).source.period).toBe("2020");
    const monthly = await municipalityStatisticsView(env.deps, "2281", "2021M02");
    expect(monthly.source.isDemo).toBe(true);
    expect(monthly.previousPeriod).toBeNull();
    const trend = await municipalityStatisticsTrend(
      env.deps,
      "2281",
      { benefit: "total", gender: "total", ageGroup: "20-64" },
      "month",
    );
    expect(trend.points.map((p) => [p.period, p.share, p.isDemo])).toEqual([
      ["2021M01", SUNDSVALL_2020, true],
      ["2021M02", SUNDSVALL_2020, true],
    ]);
  });

  it("never shows an import before it is activated, and shows the new one, whole, once it is", async () => {
    const doubled = await createImportRecord(env.t.db, {
      sourceTable: SCB_SOURCE_TABLE,
      fileName: "again.csv",
      fileFormat: "csv",
    });
    await writeImportFigures(
      env.t.db,
      doubled,
      statisticsFixtureRows()
        .filter((r) => r.period === "2020")
        .map((r) => ({
          ...r,
          fullYearEquivalents: r.fullYearEquivalents === null ? null : r.fullYearEquivalents * 2,
        })),
    );
    const before = await municipalityStatisticsView(env.deps, "2281");
    expect(cell(before.total).share).toBe(SUNDSVALL_2020);
    expect(before.cutPoints.find((c) => c.gender === "total" && c.ageGroup === "20-64")?.p25).toBe(10);
    await activateImport(env.t.db, doubled);
    const after = await municipalityStatisticsView(env.deps, "2281");
    expect(cell(after.total).share).toBeCloseTo(SUNDSVALL_2020 * 2, 10);
    expect(after.cutPoints.find((c) => c.gender === "total" && c.ageGroup === "20-64")?.p25).toBe(20);
    expect(cell(after.total).previousShare).toBe(SUNDSVALL_2019);
  });
});

describe("the CSV", () => {
  it("is Swedish Excel's: BOM, semicolons, decimal comma, Swedish headers, a line per region and measure", async () => {
    const view = await forbundStatisticsView(env.deps, forbundSlug, "2019");
    const csv = statisticsViewCsv(view);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\n");
    expect(lines[0]).toBe(
      '"Region";"Regionkod";"Nivå";"Period";"Ersättning";"Kön";"Ålder";"Helårsekvivalenter";"Befolkning";"Andel %";"Förändring procentenheter";"Kvartil";"Källa";"Demodata"',
    );
    // The förbund's total, four kommuner, two län and riket, 21 measures each (one age group in 2019).
    expect(lines).toHaveLength(1 + 8 * 21);
    const laholm = lines.find((l) =>
      l.startsWith('"Laholm";"1381";"Kommun";"2019";"Helårsekvivalenter totalt";"Totalt"'),
    );
    expect(laholm).toBe(
      '"Laholm";"1381";"Kommun";"2019";"Helårsekvivalenter totalt";"Totalt";"20–64 år";18;200;9;;"Lägsta fjärdedelen";"SCB, tabell HE0000T02N2 (importerad ' +
        `${view.source.importedAt.slice(0, 10)})";"Nej"`,
    );
    const total = lines.find((l) => l.includes(';"Förbund";') && l.includes(';"Totalt";"20–64 år";'));
    expect(total).toContain(
      `;7389;55600;${(Math.round((7389 / 55600) * 10000) / 100).toString().replace(".", ",")};;;`,
    );
    const missing = lines.find((l) =>
      l.startsWith('"Sundsvall";"2281";"Kommun";"2019";"Sjukpenning";"Totalt"'),
    );
    expect(missing).toContain(';;;;;"Uppgift saknas";');
  });
});
