/**
 * Benchmark: what metrics and traces cost (docs/observability.md). The public catalogue search with its
 * answer cache off (distinct searches, one transaction per request), served twice on the same database
 * by two apps: one as deployed by default (nothing instrumented), one with METRICS_ENABLED and
 * OTEL_ENABLED as they run in production — request pool wrapped, metrics middleware, a server span per
 * request and a SQL span per statement, batched over OTLP/HTTP to a local receiver that takes them.
 * Load comes from a separate process (runLoad); the runs alternate, twice each, to even out drift.
 * Uses DATABASE_URL, or the local server at 127.0.0.1:5432.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { openDatabase } from "@nns/db";
import { BULK_TARGET_GROUPS, createTestDatabase, seedBulkCatalog } from "@nns/db/testing";
import pino from "pino";
import { createApp } from "../src/app.js";
import { createMetrics, metricsApp } from "../src/observability/metrics.js";
import { startTracing } from "../src/observability/tracing.js";
import { benchDeps } from "./harness/deps.js";
import { type LoadRequest, type LoadResult, runLoad } from "./harness/load.js";

process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const POOL_MAX = 20;

const t = await createTestDatabase();
let received = 0;
const collector = createServer((req, res) => {
  req.on("data", (chunk: Buffer) => {
    received += chunk.length;
  });
  req.on("end", () => res.writeHead(200, { "Content-Type": "application/json" }).end("{}"));
});
await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
const tracing = startTracing({
  serviceName: "nns-api-bench",
  endpoint: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
});
try {
  if (!t.urls) throw new Error("the benchmark needs a PostgreSQL server (DATABASE_URL)");
  await seedBulkCatalog(t.db, { forbund: 40, perForbund: 150 });
  const observedDb = await openDatabase({
    mode: "server",
    url: t.urls.owner,
    appUrl: t.urls.app,
    appPassword: null,
    poolMax: POOL_MAX,
    instrument: true,
  });
  const uncached = { catalogSearchCacheEntries: 0 };
  const plainDeps = benchDeps(t.db);
  const observedDeps = benchDeps(observedDb);
  const metrics = createMetrics(observedDeps);
  const options = {
    cookieSecure: true,
    trustProxy: false,
    publicUrl: "http://localhost",
    logger: pino({ level: "silent" }),
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
  const plainApp = createApp({ ...plainDeps, config: { ...plainDeps.config, ...uncached } }, options);
  const observedApp = createApp(
    { ...observedDeps, config: { ...observedDeps.config, ...uncached } },
    { ...options, metrics, tracing: true },
  );
  const plain = await listen(plainApp);
  const observed = await listen(observedApp);

  const counties = (
    await t.db.ownerSql("select distinct unnest(county_codes) as c from catalog_entries")
  ).map((r) => String(r.c));
  const words = ["arbetsträning", "ungdomar", "stöd", "samverkan", "coachning", "praktik", "vägledning"];
  const requests: LoadRequest[] = [];
  for (const a of words)
    for (const b of words)
      for (const county of counties)
        for (const targetGroup of BULK_TARGET_GROUPS)
          requests.push({
            path: `/v1/catalog/interventions?${new URLSearchParams({ q: `${a} ${b}`, county, targetGroup })}&limit=20`,
          });
  for (const origin of [plain.origin, observed.origin]) await fetch(`${origin}${requests[0]?.path}`);

  const run = async (origin: string): Promise<LoadResult> => {
    const result = await runLoad({ origin, connections: CONNECTIONS, durationSeconds: DURATION_S, requests });
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors`);
    return result;
  };
  const results: { off: LoadResult[]; on: LoadResult[] } = { off: [], on: [] };
  for (let round = 0; round < 2; round++) {
    results.off.push(await run(plain.origin));
    results.on.push(await run(observed.origin));
  }
  // CPU per request, in process and one at a time: on a shared machine throughput swings with the
  // neighbours' load, while the CPU a request itself takes moves much less.
  const cpuPerRequest = async (app: ReturnType<typeof createApp>, count: number) => {
    const start = process.cpuUsage();
    for (let i = 0; i < count; i++) {
      const res = await app.request(`http://localhost${requests[i % requests.length]?.path}`);
      await res.arrayBuffer();
    }
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000 / count;
  };
  const cpu: { off: number[]; on: number[] } = { off: [], on: [] };
  for (let round = 0; round < 3; round++) {
    cpu.off.push(await cpuPerRequest(plainApp, 1_000));
    cpu.on.push(await cpuPerRequest(observedApp, 1_000));
  }
  const mean = (list: LoadResult[], key: "rps" | "p50" | "p99") =>
    list.reduce((sum, r) => sum + r[key], 0) / list.length;
  const scrape = await (await metricsApp(metrics).request("/metrics")).text();
  console.log(
    `\nObservability overhead: ${requests.length} distinct catalogue searches, cache off, ${CONNECTIONS} connections, ${DURATION_S} s × 2 runs each`,
  );
  for (const key of ["rps", "p50", "p99"] as const) {
    const off = mean(results.off, key);
    const on = mean(results.on, key);
    console.log(
      `  ${key.padEnd(4)} off ${off.toFixed(key === "rps" ? 0 : 1).padStart(7)}  on ${on.toFixed(key === "rps" ? 0 : 1).padStart(7)}  (${(((on - off) / off) * 100).toFixed(1)}%)`,
    );
  }
  console.log(
    `  runs: off ${results.off.map((r) => r.rps.toFixed(0)).join(", ")}; on ${results.on.map((r) => r.rps.toFixed(0)).join(", ")} req/s`,
  );
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[1] ?? 0;
  const ms = (list: number[]) => list.map((v) => v.toFixed(2)).join(", ");
  console.log(
    `  CPU per request, in process (median of 3 × 1000): off ${median(cpu.off).toFixed(2)} ms, on ${median(cpu.on).toFixed(2)} ms (off ${ms(cpu.off)}; on ${ms(cpu.on)})`,
  );
  console.log(
    `  OTLP bytes received: ${(received / 2 ** 20).toFixed(1)} MB; /metrics ${scrape.length} bytes`,
  );
  plain.server.close();
  observed.server.close();
  metrics.close();
  plainDeps.mailer.close();
  observedDeps.mailer.close();
  await observedDb.close();
} finally {
  await tracing.shutdown();
  collector.close();
  await t.destroy();
}
