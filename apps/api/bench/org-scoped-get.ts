/**
 * Benchmark: an API-key GET of a 40-member list through the whole stack on PostgreSQL, beside the floor:
 * a bare node:http server with postgres.js running the same tenant-scoped transaction. Load comes from a
 * separate process (harness/load.ts). Uses DATABASE_URL, or the local server at 127.0.0.1:5432.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createTestDatabase } from "@nns/db/testing";
import { createApiKey, enterOrganization, grantRole, seedDemoData, systemContext } from "@nns/services";
import pino from "pino";
import { createApp } from "../src/app.js";
import { benchDeps } from "./harness/deps.js";
import { startFloorServer } from "./harness/floor.js";
import { printComparison, runLoad } from "./harness/load.js";

process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const POOL_MAX = 10;

const t = await createTestDatabase();
try {
  if (!t.urls) throw new Error("the benchmark needs a PostgreSQL server (DATABASE_URL)");
  const deps = benchDeps(t.db);
  await seedDemoData(deps);
  const system = systemContext(deps, "bench");
  // A förbund with a realistic staff list: 40 members.
  for (let i = 0; i < 37; i++) {
    await grantRole(system, {
      organizationSlug: "halland",
      email: `person${i}@halland.test`,
      name: `Person ${i}`,
      password: null,
      role: "viewer",
    });
  }
  const orgId = String((await t.db.ownerSql("select id from organizations where slug = 'halland'"))[0]?.id);
  const { secret } = await createApiKey(await enterOrganization(system, orgId), {
    name: "bench",
    scopes: ["members:read"],
    expiresAt: null,
  });

  const app = createApp(deps, {
    cookieSecure: true,
    trustProxy: false,
    publicUrl: "http://localhost",
    logger: pino({ level: "silent" }),
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  const apiOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const path = `/v1/orgs/${orgId}/members?limit=50`;
  const warm = await fetch(`${apiOrigin}${path}`, { headers: { authorization: `Bearer ${secret}` } });
  if (warm.status !== 200) throw new Error(`warm-up failed: ${warm.status} ${await warm.text()}`);
  const members = ((await warm.json()) as { data: unknown[] }).data.length;

  // The floor: the same transaction the service runs for this request, and nothing else.
  const floor = await startFloorServer(t.urls.app, POOL_MAX, (sql) =>
    sql.begin(async (tx) => {
      await tx.unsafe(
        "select set_config('role', 'nns_app', true), set_config('app.org_id', $1, true), set_config('app.user_id', '', true)",
        [orgId],
      );
      return tx.unsafe(
        `select m.user_id, u.email, u.name, m.role, m.version, m.created_at, m.updated_at
         from memberships m join users u on u.id = m.user_id
         where m.organization_id = $1 order by m.created_at, m.user_id limit 51`,
        [orgId],
      );
    }),
  );

  const load = (origin: string, headers: Record<string, string>) =>
    runLoad({ origin, connections: CONNECTIONS, durationSeconds: DURATION_S, requests: [{ path, headers }] });
  const api = await load(apiOrigin, { authorization: `Bearer ${secret}` });
  const bare = await load(floor.origin, {});
  for (const [name, r] of [
    ["API", api],
    ["floor", bare],
  ] as const)
    if (r.non2xx > 0 || r.errors > 0)
      throw new Error(`${name} run had ${r.non2xx} non-2xx and ${r.errors} errors`);

  printComparison(
    `GET /v1/orgs/{id}/members (${members} members, API key) on PostgreSQL`,
    [
      `${CONNECTIONS} connections, ${DURATION_S} s per run, load from a separate process, pool of ${POOL_MAX}`,
      "floor: bare node:http + postgres.js running the same tenant-scoped transaction, no auth",
    ],
    [
      { name: "throughput", value: api.rps, floor: bare.rps, unit: "req/s", higherIsBetter: true },
      { name: "p50 latency", value: api.p50, floor: bare.p50, unit: "ms", higherIsBetter: false },
      { name: "p99 latency", value: api.p99, floor: bare.p99, unit: "ms", higherIsBetter: false },
    ],
  );
  server.close();
  await floor.close();
  deps.mailer.close();
} finally {
  await t.destroy();
}
