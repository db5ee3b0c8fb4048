import { type Database, sqlInTransaction, type Tx, transaction } from "@nns/db";
import type { BenefitType, StatisticsGender } from "@nns/domain";

/**
 * Writing SCB figures so that no reader ever sees half an import: an import's rows are written under its
 * own id, which no view reads until `activateImport` points the import's periods at it in one
 * transaction. A crashed attempt leaves only rows nobody reads, which `discardImportFigures` removes
 * before the retry. Uploads (imports.ts) and the demo (demo-statistics.ts) both come through here, so
 * the derived totals, län and riket lines and cut points are made one way.
 */

/** One kommun figure as read from a file or made by the demo. */
export interface FigureRow {
  /** `2020` or `2020M05`. */
  period: string;
  municipalityCode: string;
  gender: StatisticsGender;
  /** `20-64`, `20-29`, … */
  ageGroup: string;
  benefit: BenefitType;
  /** Null where SCB has `..` (missing). */
  fullYearEquivalents: number | null;
  population: number | null;
}

export interface ImportRecordInput {
  sourceTable: string;
  fileName: string;
  fileFormat: "csv" | "xlsx";
  isDemo?: boolean;
  createdByUserId?: string | null;
}

/** Rows per statement: small enough that one chunk's JSON stays a few megabytes, large enough to be quick. */
const CHUNK = 10_000;

const inTx = <T>(db: Database, fn: (tx: Tx) => Promise<T>) => transaction(db, {}, fn);

export async function createImportRecord(db: Database, input: ImportRecordInput): Promise<string> {
  return inTx(db, async (tx) => {
    const [row] = await sqlInTransaction(
      tx,
      `insert into statistics_imports (source_table, file_name, file_format, is_demo, created_by_user_id)
       values ($1, $2, $3, $4, $5) returning id`,
      [
        input.sourceTable,
        input.fileName,
        input.fileFormat,
        input.isDemo ?? false,
        input.createdByUserId ?? null,
      ],
    );
    return row?.id as string;
  });
}

/**
 * Writes an import's kommun rows and everything derived from them, reporting progress after each chunk.
 * Derived, in this order, never overriding what the file gave:
 * - a `total` gender from women and men, when both rows are there (null if either value is missing);
 * - a `total` benefit from all six benefit types, when all six rows are there (null if any is missing);
 * - län and riket rows: sums over the kommuner that have both values, so each line is the share of the
 *   people the figures cover, and adds up to its kommuner;
 * - the quartile cut points of the kommuner's shares per measure, with `percentile_cont` (the domain's
 *   PERCENTILE.INC). Shares are `fye::float8 / population * 100`, the same double arithmetic as the
 *   views, so a value equal to a cut point compares equal.
 */
export async function writeImportFigures(
  db: Database,
  importId: string,
  rows: readonly FigureRow[],
  onProgress?: (done: number, total: number) => Promise<void>,
): Promise<{ figureCount: number; periods: string[] }> {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  await inTx(db, (tx) =>
    sqlInTransaction(
      tx,
      `update statistics_imports
          set status = 'writing', periods = array(select json_array_elements_text($2::json)),
              progress_done = 0, progress_total = $3,
              started_at = coalesce(started_at, now())
        where id = $1`,
      [importId, periods, rows.length],
    ),
  );
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK).map((r) => ({
      p: r.period,
      r: r.municipalityCode,
      g: r.gender,
      a: r.ageGroup,
      b: r.benefit,
      f: r.fullYearEquivalents,
      n: r.population,
    }));
    const done = Math.min(start + CHUNK, rows.length);
    await inTx(db, async (tx) => {
      await sqlInTransaction(
        tx,
        `insert into statistics_figures
           (import_id, period, region_code, region_level, gender, age_group, benefit, full_year_equivalents, population)
         select $1, p, r, 'municipality', g, a, b, f, n
           from json_to_recordset($2::json) as t(p text, r text, g text, a text, b text, f numeric, n integer)`,
        [importId, chunk],
      );
      await sqlInTransaction(tx, "update statistics_imports set progress_done = $2 where id = $1", [
        importId,
        done,
      ]);
    });
    await onProgress?.(done, rows.length);
  }
  const figureCount = await inTx(db, async (tx) => {
    for (const statement of DERIVATIONS) await sqlInTransaction(tx, statement, [importId]);
    const [count] = await sqlInTransaction(
      tx,
      "select count(*)::int as n from statistics_figures where import_id = $1",
      [importId],
    );
    const n = count?.n as number;
    await sqlInTransaction(tx, "update statistics_imports set figure_count = $2 where id = $1", [
      importId,
      n,
    ]);
    return n;
  });
  return { figureCount, periods };
}

const FIGURE_COLUMNS =
  "import_id, period, region_code, region_level, gender, age_group, benefit, full_year_equivalents, population";
const SHARE = "full_year_equivalents::float8 / population * 100";

const DERIVATIONS = [
  `insert into statistics_figures (${FIGURE_COLUMNS})
   select import_id, period, region_code, 'municipality', 'total', age_group, benefit,
          case when count(full_year_equivalents) = 2 then sum(full_year_equivalents) end,
          case when count(population) = 2 then sum(population) end
     from statistics_figures
    where import_id = $1 and region_level = 'municipality' and gender in ('women', 'men')
    group by import_id, period, region_code, age_group, benefit
   having count(*) = 2
   on conflict do nothing`,
  `insert into statistics_figures (${FIGURE_COLUMNS})
   select import_id, period, region_code, 'municipality', gender, age_group, 'total',
          case when count(full_year_equivalents) = 6 then sum(full_year_equivalents) end,
          case when count(population) = 6 and min(population) = max(population) then min(population) end
     from statistics_figures
    where import_id = $1 and region_level = 'municipality' and benefit <> 'total'
    group by import_id, period, region_code, gender, age_group
   having count(*) = 6
   on conflict do nothing`,
  `insert into statistics_figures (${FIGURE_COLUMNS})
   select f.import_id, f.period, m.county_code, 'county', f.gender, f.age_group, f.benefit,
          sum(f.full_year_equivalents) filter (where f.population is not null),
          sum(f.population) filter (where f.full_year_equivalents is not null)
     from statistics_figures f
     join municipalities m on m.code = f.region_code
    where f.import_id = $1 and f.region_level = 'municipality'
    group by f.import_id, f.period, m.county_code, f.gender, f.age_group, f.benefit`,
  `insert into statistics_figures (${FIGURE_COLUMNS})
   select import_id, period, '00', 'country', gender, age_group, benefit,
          sum(full_year_equivalents) filter (where population is not null),
          sum(population) filter (where full_year_equivalents is not null)
     from statistics_figures
    where import_id = $1 and region_level = 'municipality'
    group by import_id, period, gender, age_group, benefit`,
  `insert into statistics_cut_points
     (import_id, period, gender, age_group, benefit, p25, p75, min, max, municipality_count)
   select import_id, period, gender, age_group, benefit,
          percentile_cont(0.25) within group (order by share),
          percentile_cont(0.75) within group (order by share),
          min(share), max(share), count(*)
     from (select import_id, period, gender, age_group, benefit, ${SHARE} as share
             from statistics_figures
            where import_id = $1 and region_level = 'municipality'
              and full_year_equivalents is not null and population > 0) s
    group by import_id, period, gender, age_group, benefit`,
];

/**
 * Makes an import's figures the ones every view reads, for each period it holds, and drops the figures
 * of the imports it replaces, in one transaction: readers see the old figures or the new, never a mix.
 * Activations are serialised so two imports of the same period cannot both win half of it.
 */
export async function activateImport(db: Database, importId: string): Promise<void> {
  await inTx(db, async (tx) => {
    await sqlInTransaction(tx, "select pg_advisory_xact_lock(hashtext('statistics_periods'))");
    const [current] = await sqlInTransaction(
      tx,
      "select 1 from statistics_imports where id = $1 for update",
      [importId],
    );
    if (!current) throw new Error(`No statistics import ${importId}`);
    const replaced = await sqlInTransaction(
      tx,
      `select s.period, s.import_id from statistics_periods s, statistics_imports i
        where i.id = $1 and s.period = any(i.periods) and s.import_id <> i.id`,
      [importId],
    );
    await sqlInTransaction(
      tx,
      `insert into statistics_periods (period, import_id, kind)
       select p, i.id, case when p like '%M%' then 'month' else 'year' end
         from statistics_imports i, unnest(i.periods) as p
        where i.id = $1
       on conflict (period) do update set import_id = excluded.import_id`,
      [importId],
    );
    if (replaced.length > 0) {
      const pairs = replaced.map((r) => ({ p: r.period, i: r.import_id }));
      for (const table of ["statistics_figures", "statistics_cut_points"]) {
        await sqlInTransaction(
          tx,
          `delete from ${table} t
            using json_to_recordset($1::json) as r(p text, i uuid)
            where t.import_id = r.i and t.period = r.p`,
          [pairs],
        );
      }
    }
    await sqlInTransaction(
      tx,
      `update statistics_imports
          set status = 'done', finished_at = now(), file = null, progress_done = progress_total
        where id = $1`,
      [importId],
    );
  });
  // Fresh statistics for the planner: right after hundreds of thousands of rows it would scan the whole
  // table (889 ms against 6 ms for a view), and PGlite never runs autovacuum to catch up. Only the owner
  // may analyze.
  await db.ownerSql("analyze statistics_figures, statistics_cut_points, statistics_periods");
}

/** Removes what an unfinished attempt wrote, so a retried job starts clean. A finished import is left alone. */
export async function discardImportFigures(db: Database, importId: string): Promise<void> {
  await inTx(db, async (tx) => {
    const [row] = await sqlInTransaction(
      tx,
      "select status from statistics_imports where id = $1 for update",
      [importId],
    );
    if (!row || row.status === "done") return;
    await sqlInTransaction(tx, "delete from statistics_cut_points where import_id = $1", [importId]);
    await sqlInTransaction(tx, "delete from statistics_figures where import_id = $1", [importId]);
    await sqlInTransaction(
      tx,
      "update statistics_imports set figure_count = 0, progress_done = 0 where id = $1",
      [importId],
    );
  });
}
