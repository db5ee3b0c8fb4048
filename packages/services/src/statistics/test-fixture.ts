import type { Database } from "@nns/db";
import { SCB_SOURCE_TABLE, type StatisticsGender } from "@nns/domain";
import { activateImport, createImportRecord, type FigureRow, writeImportFigures } from "./figures.js";

/**
 * A small national table for tests of the views, written through the real writer, with figures chosen
 * so every share, change, cut point and quartile can be worked out by hand (see the tests that use it).
 * Six kommuner in two län, 2019 and 2020, benefit `total` only, women and men given (the writer derives
 * the `total` gender):
 *
 * | kommun          | 2020 women    | 2020 men     | 2019 women    | 2019 men     |
 * |-----------------|---------------|--------------|---------------|--------------|
 * | 1380 Halmstad   | 10 / 100      | 6 / 100      | –             | –            |
 * | 1381 Laholm     | 12 / 100      | 8 / 100      | 11 / 100      | 7 / 100      |
 * | 1382 Falkenberg | 14 / 100      | 10 / 100     | 14 / 100      | 10 / 100     |
 * | 1383 Varberg    | 15 / 100      | 13 / 100     | 16 / 100      | 14 / 100     |
 * | 2262 Timrå      | .. / 100      | 8 / 100      | 8 / 100       | 8 / 100      |
 * | 2281 Sundsvall  | 4077 / 27000  | 3528 / 28000 | 3915 / 27000  | 3416 / 28000 |
 *
 * Sundsvall is seed 003's: 13,8 % in 2020 (women 15,1 %, men 12,6 %), +0,5 procentenheter on 2019. It
 * also has the age group 20–29 in 2020 (women 500 / 5000, men 400 / 5000).
 */
const FIGURES: Record<string, Record<string, [number | null, number, number | null, number] | undefined>> = {
  "1380": { "2020": [10, 100, 6, 100] },
  "1381": { "2020": [12, 100, 8, 100], "2019": [11, 100, 7, 100] },
  "1382": { "2020": [14, 100, 10, 100], "2019": [14, 100, 10, 100] },
  "1383": { "2020": [15, 100, 13, 100], "2019": [16, 100, 14, 100] },
  "2262": { "2020": [null, 100, 8, 100], "2019": [8, 100, 8, 100] },
  "2281": { "2020": [4077, 27000, 3528, 28000], "2019": [3915, 27000, 3416, 28000] },
};

function row(
  period: string,
  municipalityCode: string,
  gender: StatisticsGender,
  fullYearEquivalents: number | null,
  population: number,
  ageGroup = "20-64",
): FigureRow {
  return { period, municipalityCode, gender, ageGroup, benefit: "total", fullYearEquivalents, population };
}

export function statisticsFixtureRows(): FigureRow[] {
  const rows = Object.entries(FIGURES).flatMap(([code, byPeriod]) =>
    Object.entries(byPeriod).flatMap(([period, figures]) => {
      const [women, womenPopulation, men, menPopulation] = figures ?? [];
      return [
        row(period, code, "women", women ?? null, womenPopulation ?? 0),
        row(period, code, "men", men ?? null, menPopulation ?? 0),
      ];
    }),
  );
  rows.push(row("2020", "2281", "women", 500, 5000, "20-29"), row("2020", "2281", "men", 400, 5000, "20-29"));
  return rows;
}

/** Writes and activates the fixture as one import; returns its id. */
export async function writeStatisticsFixture(
  db: Database,
  options: { isDemo?: boolean } = {},
): Promise<string> {
  const id = await createImportRecord(db, {
    sourceTable: SCB_SOURCE_TABLE,
    fileName: "fixture.csv",
    fileFormat: "csv",
    isDemo: options.isDemo ?? false,
  });
  await writeImportFigures(db, id, statisticsFixtureRows());
  await activateImport(db, id);
  return id;
}
