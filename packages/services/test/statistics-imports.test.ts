import { createTestDatabase, type TestDatabase } from "@nns/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createImportRecord, writeImportFigures } from "../src/statistics/figures.js";
import { runStatisticsImport } from "../src/statistics/imports.js";
import { parseScbFile } from "../src/statistics/scb-file.js";
import { scbCsv } from "./scb-csv.js";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.destroy();
});

/**
 * Seed 003's Sundsvall: 13,8 % in total, men 12,6 %, women 15,1 %, +0,5 against the year before. The
 * file has the men's and women's totals per year; the stored figures must give those shares back.
 */
const SUNDSVALL = scbCsv(
  ["region", "kön", "ålder", "ersättning", "år", "Helårsekvivalenter", "Befolkning"],
  [
    ["2281 Sundsvall", "män", "20-64 år", "Totalt", "2019", 3586.8, 29_400],
    ["2281 Sundsvall", "kvinnor", "20-64 år", "Totalt", "2019", 4118, 28_400],
    ["2281 Sundsvall", "män", "20-64 år", "Totalt", "2020", 3717, 29_500],
    ["2281 Sundsvall", "kvinnor", "20-64 år", "Totalt", "2020", 4303.5, 28_500],
    ["2262 Timrå", "män", "20-64 år", "Totalt", "2020", 500, 5_000],
    ["2262 Timrå", "kvinnor", "20-64 år", "Totalt", "2020", 600, 5_000],
  ],
);

async function upload(text: string): Promise<string> {
  const id = await createImportRecord(t.db, {
    sourceTable: "HE0000T02N2",
    fileName: "he.csv",
    fileFormat: "csv",
  });
  await t.db.ownerSql("update statistics_imports set file = $2 where id = $1", [
    id,
    Buffer.from(text, "utf8"),
  ]);
  return id;
}

const share = async (period: string, region: string, gender: string) => {
  const [row] = await t.db.ownerSql(
    `select f.full_year_equivalents::float8 / f.population * 100 as share
       from statistics_figures f join statistics_periods p on p.period = f.period and p.import_id = f.import_id
      where f.period = $1 and f.region_code = $2 and f.gender = $3 and f.benefit = 'total' and f.age_group = '20-64'`,
    [period, region, gender],
  );
  return row ? Math.round((row.share as number) * 10) / 10 : undefined;
};

const importRow = async (id: string) =>
  (
    await t.db.ownerSql(
      "select status, periods, figure_count, error_count, errors, notes, file is null as file_dropped from statistics_imports where id = $1",
      [id],
    )
  )[0];

describe("runStatisticsImport", () => {
  it("reproduces seed 003's Sundsvall figures from a file", async () => {
    const id = await upload(SUNDSVALL);
    await runStatisticsImport({ db: t.db }, id);
    expect(await importRow(id)).toMatchObject({
      status: "done",
      periods: ["2019", "2020"],
      error_count: 0,
      file_dropped: true,
    });
    expect(await share("2020", "2281", "total")).toBe(13.8);
    expect(await share("2020", "2281", "men")).toBe(12.6);
    expect(await share("2020", "2281", "women")).toBe(15.1);
    const before = (await t.db.ownerSql(
      `select (f.full_year_equivalents::float8 / f.population * 100) as share, f.period
         from statistics_figures f join statistics_periods p on p.period = f.period and p.import_id = f.import_id
        where f.region_code = '2281' and f.gender = 'total' and f.benefit = 'total' order by f.period`,
    )) as { share: number; period: string }[];
    expect(Math.round(((before[1]?.share ?? 0) - (before[0]?.share ?? 0)) * 10) / 10).toBe(0.5);
    // Västernorrland's line is computed from its kommuner in the file.
    expect(await share("2020", "22", "total")).toBe(Math.round(((8020.5 + 1100) / 68_000) * 1000) / 10);
  });

  it("re-importing the same file replaces its periods with the same figures, one current import each", async () => {
    const snapshot = () =>
      t.db.ownerSql(
        `select f.period, f.region_code, f.gender, f.benefit, f.full_year_equivalents::text as fye, f.population
           from statistics_figures f join statistics_periods p on p.period = f.period and p.import_id = f.import_id
          order by 1, 2, 3, 4`,
      );
    const first = await snapshot();
    const id = await upload(SUNDSVALL);
    await runStatisticsImport({ db: t.db }, id);
    expect(await snapshot()).toEqual(first);
    expect(await t.db.ownerSql("select period, import_id from statistics_periods order by period")).toEqual([
      { period: "2019", import_id: id },
      { period: "2020", import_id: id },
    ]);
    const [{ imports }] = (await t.db.ownerSql(
      "select count(distinct import_id)::int as imports from statistics_figures",
    )) as [{ imports: number }];
    expect(imports).toBe(1);
  });

  it("fails a file with row errors whole, keeping the errors and changing nothing", async () => {
    const periodsBefore = await t.db.ownerSql("select * from statistics_periods order by period");
    const bad = `${SUNDSVALL}"9999 Atlantis","män","20-64 år","Totalt","2020",1,2\n`;
    const id = await upload(bad.replace('"2020",3717', '"2020",37x17'));
    await runStatisticsImport({ db: t.db }, id);
    const row = await importRow(id);
    expect(row).toMatchObject({ status: "failed", error_count: 2, figure_count: 0, file_dropped: true });
    expect(
      ((row?.errors ?? []) as { row: number; message: string }[]).map((e) => [e.row, e.message]),
    ).toEqual([
      [4, "Inte ett tal. Saknade värden skrivs ”..”."],
      [8, "Okänd kommunkod 9999."],
    ]);
    expect(await t.db.ownerSql("select * from statistics_periods order by period")).toEqual(periodsBefore);
    expect(await t.db.ownerSql("select 1 from statistics_figures where import_id = $1", [id])).toEqual([]);
  });

  it("a retry after a crash mid-write discards the dead attempt's rows and finishes", async () => {
    const text = SUNDSVALL.replace("3717", "3800");
    const id = await upload(text);
    // The dead attempt: half the figures written, status `writing`, the process gone.
    const parsed = await parseScbFile(new TextEncoder().encode(text));
    await writeImportFigures(t.db, id, parsed.rows.slice(0, 3));
    expect((await importRow(id))?.status).toBe("writing");
    await runStatisticsImport({ db: t.db }, id);
    expect((await importRow(id))?.status).toBe("done");
    expect(await share("2020", "2281", "men")).toBe(Math.round((3800 / 29_500) * 1000) / 10);
    const [{ n }] = (await t.db.ownerSql(
      "select count(*)::int as n from statistics_figures where import_id = $1",
      [id],
    )) as [{ n: number }];
    expect((await importRow(id))?.figure_count).toBe(n);
    // Run again (a duplicate delivery of the job): a finished import is left as it is.
    await runStatisticsImport({ db: t.db }, id);
    expect((await importRow(id))?.figure_count).toBe(n);
  });
});
