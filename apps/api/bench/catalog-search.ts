/**
 * Benchmark: the public catalogue search on PostgreSQL, 80 förbund × 150 published entries, every request
 * a Swedish text query with two filters (län and target group), first page of 20 with facet counts.
 * Load comes from a separate process (runLoad), cycling through thousands of distinct searches.
 *
 * Printed beside their floors:
 *  - distinct searches through the API with its answer cache off (each one computed by the in-memory
 *    index), against the same search done the simplest way: a bare node:http + postgres.js server running
 *    the SQL search statement (the whole search in PostgreSQL, as the API did before decision 0008);
 *  - the same API figures against the database work the API still does per search (one statement: the
 *    catalogue generation and the query parsed and widened by the synonyms), on the bare server;
 *  - a repeated search answered from the API's answer cache, against that same floor.
 * Also prints what loading the index costs (time, heap) when the catalogue changes.
 * Uses DATABASE_URL, or the local server at 127.0.0.1:5432.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { BULK_TARGET_GROUPS, createTestDatabase, seedBulkCatalog } from "@nns/db/testing";
import { catalogSearchSql, type Deps } from "@nns/services";
import pino from "pino";
import { createApp } from "../src/app.js";
import { toCatalogQuery } from "../src/routes/catalog/catalog-query.js";
import { benchDeps } from "./harness/deps.js";
import { startFloorServer } from "./harness/floor.js";
import { type LoadRequest, type LoadResult, printComparison, runLoad } from "./harness/load.js";

process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const FORBUND = 80;
const PER_FORBUND = 150;
const POOL_MAX = 20;

/** Words found in the generated catalogue, in the forms people type (plural, definite, lower case). */
const WORDS = [
  "arbetsträning",
  "ungdomar",
  "stöd",
  "samverkan",
  "coachning",
  "praktik",
  "vägledning",
  "kartläggning",
  "nyanlända",
  "föräldrar",
  "grupp",
  "studier",
  "arbete",
  "samtal",
  "progression",
  "verksamheter",
  "arbetsgivare",
  "deltagarna",
  "psykisk",
  "ohälsa",
  "långtidssjukskrivna",
  "resursteam",
  "handledare",
  "kommunen",
  "regionen",
];

/** Distinct searches: a word pair, a län and a target group each, in a fixed pseudo-random order. */
function distinctSearches(counties: string[], count: number): URLSearchParams[] {
  const all: URLSearchParams[] = [];
  for (const a of WORDS)
    for (const b of WORDS)
      if (a !== b)
        for (const county of counties)
          for (const targetGroup of BULK_TARGET_GROUPS)
            all.push(new URLSearchParams({ q: `${a} ${b}`, county, targetGroup }));
  let state = 7;
  for (let i = all.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [all[i], all[j]] = [all[j] as URLSearchParams, all[i] as URLSearchParams];
  }
  return all.slice(0, count);
}

const t = await createTestDatabase();
try {
  if (!t.urls) throw new Error("the benchmark needs a PostgreSQL server (DATABASE_URL)");
  const deps: Deps = benchDeps(t.db);
  const seedStarted = performance.now();
  await seedBulkCatalog(t.db, { forbund: FORBUND, perForbund: PER_FORBUND });
  const entries = Number((await t.db.ownerSql("select count(*)::int as n from catalog_entries"))[0]?.n);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const counties = (
    await t.db.ownerSql("select distinct unnest(county_codes) as c from catalog_entries")
  ).map((r) => String(r.c));

  const appOptions = {
    cookieSecure: true,
    trustProxy: false,
    publicUrl: "http://localhost",
    logger: pino({ level: "silent" }),
    // One client address sends every request here; the per-address limit would measure itself.
    catalogRateLimit: {
      anonymousPerMinute: Number.MAX_SAFE_INTEGER,
      identifiedPerMinute: Number.MAX_SAFE_INTEGER,
    },
  };
  const listen = async (app: ReturnType<typeof createApp>) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((resolve) => server.once("listening", resolve));
    return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
  };
  // Two apps on the same database and index: one as deployed, one with the answer cache off.
  const cached = await listen(createApp(deps, appOptions));
  const uncached = await listen(
    createApp({ ...deps, config: { ...deps.config, catalogSearchCacheEntries: 0 } }, appOptions),
  );

  const searches = distinctSearches(counties, 20_000);
  const requests: LoadRequest[] = searches.map((s) => ({ path: `/v1/catalog/interventions?${s}&limit=20` }));
  const sample = requests[0] as LoadRequest;

  // The first search loads the index; a change to the catalogue makes the next search load it again.
  const heapBefore = process.memoryUsage().heapUsed;
  const loadStarted = performance.now();
  const warm = await fetch(`${uncached.origin}${sample.path}`);
  if (warm.status !== 200) throw new Error(`warm-up failed: ${warm.status} ${await warm.text()}`);
  const firstLoadMs = performance.now() - loadStarted;
  const heapAfter = process.memoryUsage().heapUsed;
  const matches = ((await warm.json()) as { total: number }).total;
  await t.db.ownerSql("update catalog_generation set generation = generation + 1");
  const reloadStarted = performance.now();
  await fetch(`${uncached.origin}${sample.path}`);
  const reloadMs = performance.now() - reloadStarted;

  // Floor servers: the search done in PostgreSQL, and the API's own per-search statement.
  const sqlFloor = await startFloorServer(t.urls.app, POOL_MAX, async (sql, url) => {
    const params = Object.fromEntries(url.searchParams);
    const statement = catalogSearchSql(toCatalogQuery({ ...params, sort: "relevance" }), 20);
    const [, [row]] = await sql.begin((tx) => [
      tx.unsafe("select set_config('app.org_id', '', true), set_config('app.user_id', '', true)"),
      tx.unsafe(statement.sql, statement.params as never[]),
    ]);
    return row;
  });
  const stateFloor = await startFloorServer(t.urls.app, POOL_MAX, async (sql, url) => {
    const [row] = await sql`select generation::text as generation,
      ts_rewrite(websearch_to_tsquery('swedish', ${url.searchParams.get("q") ?? ""}),
        'select target, substitute from catalog_search_synonyms')::text as tsquery from catalog_generation`;
    return row;
  });

  const run = async (origin: string, list: LoadRequest[]): Promise<LoadResult> => {
    const result = await runLoad({
      origin,
      connections: CONNECTIONS,
      durationSeconds: DURATION_S,
      requests: list,
    });
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`run against ${origin} had ${result.non2xx} non-2xx and ${result.errors} errors`);
    return result;
  };
  const api = await run(uncached.origin, requests);
  const floorSql = await run(sqlFloor.origin, requests);
  const floorState = await run(stateFloor.origin, requests);
  const repeated = await run(cached.origin, [sample]);

  const notes = [
    `${FORBUND} förbund × ${PER_FORBUND} = ${entries} published entries (seeded in ${seedSeconds.toFixed(1)} s)`,
    `${requests.length} distinct searches like GET ${decodeURIComponent(sample.path)} (${matches} matches), page of 20 with facets`,
    `${CONNECTIONS} connections from a separate process, ${DURATION_S} s per run, pools of ${POOL_MAX}`,
    `index load: ${firstLoadMs.toFixed(0)} ms on first search, ${reloadMs.toFixed(0)} ms after a catalogue change; heap +${((heapAfter - heapBefore) / 2 ** 20).toFixed(0)} MB`,
  ];
  const rows = (name: string, value: LoadResult, floor: LoadResult) => [
    { name: `${name} req/s`, value: value.rps, floor: floor.rps, unit: "req/s", higherIsBetter: true },
    { name: `${name} p50`, value: value.p50, floor: floor.p50, unit: "ms", higherIsBetter: false },
    { name: `${name} p99`, value: value.p99, floor: floor.p99, unit: "ms", higherIsBetter: false },
  ];
  printComparison(
    "Catalogue search, distinct searches: API (in-memory index, answer cache off) vs the search as SQL on a bare node:http + postgres.js server",
    notes,
    rows("distinct", api, floorSql),
  );
  printComparison(
    "Catalogue search, distinct searches: API vs its own database work per search (generation + parsed query) on the bare server",
    [],
    rows("distinct", api, floorState),
  );
  printComparison(
    "Catalogue search, one search repeated: API answer cache vs the same per-search statement on the bare server",
    [],
    rows("repeated", repeated, floorState),
  );
  await Promise.all([sqlFloor.close(), stateFloor.close()]);
  cached.server.close();
  uncached.server.close();
  deps.mailer.close();
} finally {
  await t.destroy();
}
