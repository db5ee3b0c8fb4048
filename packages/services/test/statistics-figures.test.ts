import { createTestDatabase, type TestDatabase } from "@nns/db/testing";
import { cutPoints } from "@nns/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activateImport,
  createImportRecord,
  discardImportFigures,
  type FigureRow,
  writeImportFigures,
} from "../src/statistics/figures.js";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.destroy();
});

const SIX = [
  "sickness_benefit",
  "sickness_activity_compensation",
  "unemployment_benefit",
  "labour_market_programmes",
  "income_support",
  "establishment_benefit",
] as const;

/** Women and men of one kommun and period, all six benefits, `fye` per benefit and gender. */
function kommun(
  period: string,
  code: string,
  population: { women: number; men: number },
  fye: { women: number | null; men: number | null },
): FigureRow[] {
  return SIX.flatMap((benefit) =>
    (["women", "men"] as const).map((gender) => ({
      period,
      municipalityCode: code,
      gender,
      ageGroup: "20-64",
      benefit,
      fullYearEquivalents: benefit === "income_support" ? fye[gender] : 10,
      population: population[gender],
    })),
  );
}

async function newImport(rows: FigureRow[]) {
  const id = await createImportRecord(t.db, {
    sourceTable: "HE0000T02N2",
    fileName: "test.csv",
    fileFormat: "csv",
  });
  const progress: number[] = [];
  const result = await writeImportFigures(t.db, id, rows, async (done) => {
    progress.push(done);
  });
  return { id, result, progress };
}

const figure = async (period: string, region: string, gender: string, benefit: string) => {
  const [row] = await t.db.ownerSql(
    `select f.full_year_equivalents::float8 as fye, f.population
       from statistics_figures f join statistics_periods p on p.period = f.period and p.import_id = f.import_id
      where f.period = $1 and f.region_code = $2 and f.gender = $3 and f.benefit = $4 and f.age_group = '20-64'`,
    [period, region, gender, benefit],
  );
  return row as { fye: number | null; population: number | null } | undefined;
};

describe("writing an import", () => {
  // Sundsvall and Timrå (län 22) and Halmstad (län 13); Timrå's income support is missing for men.
  const rows = [
    ...kommun("2020", "2281", { women: 1000, men: 1000 }, { women: 91, men: 66 }),
    ...kommun("2020", "2262", { women: 500, men: 500 }, { women: 20, men: null }),
    ...kommun("2020", "1380", { women: 800, men: 800 }, { women: 30, men: 40 }),
  ];

  it("is invisible until activated, then derives totals, län and riket", async () => {
    const { id, result, progress } = await newImport(rows);
    expect(progress.at(-1)).toBe(rows.length);
    expect(result.periods).toEqual(["2020"]);
    expect(await figure("2020", "2281", "total", "total")).toBeUndefined();

    await activateImport(t.db, id);
    // Sundsvall: women 5 × 10 + 91 = 141 of 1000, men 50 + 66 = 116; total 257 of 2000.
    expect(await figure("2020", "2281", "women", "total")).toEqual({ fye: 141, population: 1000 });
    expect(await figure("2020", "2281", "total", "total")).toEqual({ fye: 257, population: 2000 });
    expect(await figure("2020", "2281", "total", "income_support")).toEqual({
      fye: 157,
      population: 1000 * 2,
    });
    // Timrå's men lack income support: their total benefit and the total gender's are missing, not guessed.
    expect(await figure("2020", "2262", "men", "total")).toEqual({ fye: null, population: 500 });
    expect(await figure("2020", "2262", "total", "income_support")).toEqual({ fye: null, population: 1000 });
    // Län 22 adds up the kommuner that have both values: women 141 + 70 of 1500; men only Sundsvall.
    expect(await figure("2020", "22", "women", "total")).toEqual({ fye: 211, population: 1500 });
    expect(await figure("2020", "22", "men", "total")).toEqual({ fye: 116, population: 1000 });
    expect(await figure("2020", "00", "men", "income_support")).toEqual({ fye: 106, population: 1800 });

    const [status] = await t.db.ownerSql(
      "select status, file, figure_count from statistics_imports where id = $1",
      [id],
    );
    expect(status).toMatchObject({ status: "done", file: null });
    expect(status?.figure_count).toBeGreaterThan(rows.length);
  });

  it("computes the cut points as the domain does", async () => {
    const [cuts] = await t.db.ownerSql(
      `select c.p25, c.p75, c.min, c.max, c.municipality_count
         from statistics_cut_points c join statistics_periods p on p.period = c.period and p.import_id = c.import_id
        where c.period = '2020' and c.gender = 'women' and c.benefit = 'income_support' and c.age_group = '20-64'`,
    );
    const expected = cutPoints([(91 / 1000) * 100, (20 / 500) * 100, (30 / 800) * 100]);
    expect(cuts).toEqual({
      p25: expected?.p25,
      p75: expected?.p75,
      min: expected?.min,
      max: expected?.max,
      municipality_count: 3,
    });
  });

  it("replaces a period on re-import and keeps other periods", async () => {
    const first = await newImport(kommun("2019", "2281", { women: 1000, men: 1000 }, { women: 80, men: 60 }));
    await activateImport(t.db, first.id);
    const again = await newImport(
      rows.map((r) => (r.municipalityCode === "2281" ? { ...r, population: 2000 } : r)),
    );
    await activateImport(t.db, again.id);
    expect(await figure("2020", "2281", "women", "total")).toEqual({ fye: 141, population: 2000 });
    expect(await figure("2019", "2281", "women", "total")).toEqual({ fye: 130, population: 1000 });
    const leftovers = await t.db.ownerSql(
      `select count(*)::int as n from statistics_figures f
        where f.period = '2020' and not exists (select 1 from statistics_periods p where p.import_id = f.import_id and p.period = f.period)`,
    );
    expect(leftovers[0]?.n).toBe(0);
  });

  it("discards an unfinished attempt but never a finished import", async () => {
    const { id } = await newImport(kommun("2018", "2281", { women: 10, men: 10 }, { women: 1, men: 1 }));
    await discardImportFigures(t.db, id);
    const [left] = await t.db.ownerSql(
      "select count(*)::int as n from statistics_figures where import_id = $1",
      [id],
    );
    expect(left?.n).toBe(0);
    const [done] = await t.db.ownerSql("select import_id from statistics_periods where period = '2020'");
    await discardImportFigures(t.db, done?.import_id as string);
    expect(await figure("2020", "2281", "women", "total")).toEqual({ fye: 141, population: 2000 });
  });
});
