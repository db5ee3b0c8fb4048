/**
 * Benchmark: a förbund's statistics view on PostgreSQL with ten years of monthly figures for all 290
 * kommuner loaded through the import writer (290 × 120 months × women and men × six benefits, with the
 * totals, län and riket lines and cut points the writer derives). Load comes from a separate process,
 * cycling through all 120 months of Centrala Östergötland (seven kommuner in one län).
 *
 * Printed beside its floor: the same figures (the förbund's kommuner, the periods, the figures of the
 * month and the month a year earlier through statistics_periods, the cut points) read by a bare
 * node:http + postgres.js server and sent as they come, with nothing computed. Target: p99 under 100 ms.
 * Also prints what writing the import costs, and one view before the new rows are analyzed. Uses DATABASE_URL, or the local server at 127.0.0.1:5432.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createTestDatabase } from "@nns/db/testing";
import {
  activateImport,
  createImportRecord,
  createOrganization,
  type Deps,
  syntheticStatisticsRows,
  systemContext,
  writeImportFigures,
} from "@nns/services";
import { finsamMemberParties } from "@nns/services/testing";
import pino from "pino";
import { createApp } from "../src/app.js";
import { benchDeps } from "./harness/deps.js";
import { startFloorServer } from "./harness/floor.js";
import { type LoadRequest, type LoadResult, printComparison, runLoad } from "./harness/load.js";

process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const POOL_MAX = 20;
const YEARS = 10;
const TARGET_P99_MS = 100;
const KOMMUNER = ["0513", "0560", "0561", "0580", "0581", "0582", "0583"];

const months = Array.from({ length: YEARS * 12 }, (_, i) => {
  const year = 2015 + Math.floor(i / 12);
  return `${year}M${String((i % 12) + 1).padStart(2, "0")}`;
});

const t = await createTestDatabase();
try {
  if (!t.urls) throw new Error("the benchmark needs a PostgreSQL server (DATABASE_URL)");
  const deps: Deps = benchDeps(t.db);
  const rows = syntheticStatisticsRows(months, 0);
  const importStarted = performance.now();
  const importId = await createImportRecord(t.db, {
    sourceTable: "HE0000T02N2",
    fileName: "bench.csv",
    fileFormat: "csv",
  });
  const { figureCount } = await writeImportFigures(t.db, importId, rows);
  await activateImport(t.db, importId);
  const importSeconds = (performance.now() - importStarted) / 1000;
  const forbund = await createOrganization(systemContext(deps, "bench"), {
    name: "Samordningsförbundet Centrala Östergötland",
    slug: "centrala-ostergotland",
    organizationNumber: "2220001016",
    countyCode: "05",
    memberParties: finsamMemberParties("05", KOMMUNER),
  });

  const app = createApp(deps, {
    cookieSecure: true,
    trustProxy: false,
    publicUrl: "http://localhost",
    logger: pino({ level: "silent" }),
    // One client address sends every request here; the per-address limit would measure itself.
    catalogRateLimit: {
      anonymousPerMinute: Number.MAX_SAFE_INTEGER,
      identifiedPerMinute: Number.MAX_SAFE_INTEGER,
    },
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const floor = await startFloorServer(t.urls.app, POOL_MAX, async (sql, url) => {
    const slug = url.pathname.split("/")[4] ?? "";
    const period = url.searchParams.get("period") ?? "";
    const previous = `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
    const kommuner = await sql`select p.municipality_code from organizations o
      join organization_member_parties p on p.organization_id = o.id and p.kind = 'kommun'
      where o.slug = ${slug} and o.kind = 'forbund' and o.deleted_at is null`;
    const codes = kommuner.map((k) => String(k.municipality_code));
    const periods = await sql`select s.period, s.kind, i.source_table, i.is_demo, i.finished_at
      from statistics_periods s join statistics_imports i on i.id = s.import_id`;
    const figures = await sql`select f.period, f.region_code, f.benefit, f.gender, f.age_group,
        f.full_year_equivalents, f.population
      from statistics_figures f
      join statistics_periods s on s.import_id = f.import_id and s.period = f.period
      where f.period = any(${sql.array([period, previous])})
        and f.region_code = any(${sql.array([...codes, "05", "00"])})`;
    const cuts = await sql`select c.* from statistics_cut_points c
      join statistics_periods s on s.import_id = c.import_id and s.period = c.period
      where c.period = ${period}`;
    return { codes, periods, figures, cuts };
  });

  const requests: LoadRequest[] = months.map((m) => ({
    path: `/v1/statistics/forbund/${forbund.slug}?period=${m}`,
  }));
  // Right after an import PostgreSQL has no statistics on the new rows and plans a sequential scan;
  // autovacuum analyzes within a minute or so (PGlite never does). Measured, then analyzed as the
  // writer should after a large import.
  const coldStarted = performance.now();
  const cold = await fetch(`${origin}${requests.at(-1)?.path}`);
  if (cold.status !== 200) throw new Error(`first request failed: ${cold.status} ${await cold.text()}`);
  const bytes = (await cold.arrayBuffer()).byteLength;
  const coldMs = performance.now() - coldStarted;
  await t.db.ownerSql("analyze statistics_figures, statistics_cut_points, statistics_periods");

  const run = async (target: string): Promise<LoadResult> => {
    const result = await runLoad({
      origin: target,
      connections: CONNECTIONS,
      durationSeconds: DURATION_S,
      requests,
    });
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(
        `run against ${target} had ${result.non2xx} non-2xx and ${result.errors} errors: ${JSON.stringify(result)}`,
      );
    return result;
  };
  const api = await run(origin);
  const bare = await run(floor.origin);

  printComparison(
    "Statistics: a förbund's view (GET /v1/statistics/forbund/{slug}?period=…) vs the same figures read on a bare node:http + postgres.js server",
    [
      `${YEARS} years × 12 months × 290 kommuner: ${rows.length} kommun rows written as ${figureCount} figures (with totals, län and riket) in ${importSeconds.toFixed(1)} s`,
      `${KOMMUNER.length} kommuner in one län, 120 distinct months in turn, ${(bytes / 1024).toFixed(0)} KiB per answer`,
      `one view right after the import, before ANALYZE: ${coldMs.toFixed(0)} ms; the runs below after ANALYZE`,
      `${CONNECTIONS} connections from a separate process, ${DURATION_S} s per run, pools of ${POOL_MAX}`,
      `target: p99 under ${TARGET_P99_MS} ms — ${api.p99 < TARGET_P99_MS ? "met" : "NOT met"} (${api.p99.toFixed(1)} ms)`,
    ],
    [
      { name: "view req/s", value: api.rps, floor: bare.rps, unit: "req/s", higherIsBetter: true },
      { name: "view p50", value: api.p50, floor: bare.p50, unit: "ms", higherIsBetter: false },
      { name: "view p99", value: api.p99, floor: bare.p99, unit: "ms", higherIsBetter: false },
    ],
  );
  await floor.close();
  server.close();
  deps.mailer.close();
} catch (error) {
  // Printed before the database is dropped under any query still running.
  console.error(error);
  process.exitCode = 1;
} finally {
  await t.destroy();
}
