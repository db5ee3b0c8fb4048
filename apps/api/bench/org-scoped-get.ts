/**
 * Benchmark: an authenticated, organization-scoped GET through the whole stack on PostgreSQL, beside the
 * same SQL issued directly through postgres.js as the application role. Prints requests/s, p50 and p99
 * for both and their ratio. Uses DATABASE_URL, or the local server at 127.0.0.1:5432.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createTestDatabase } from "@nns/db/testing";
import {
  createApiKey,
  createDeps,
  type Deps,
  enterOrganization,
  grantRole,
  seedDemoData,
  systemContext,
} from "@nns/services";
import autocannon from "autocannon";
import pino from "pino";
import { createApp } from "../src/app.js";

process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const t = await createTestDatabase();
try {
  const deps: Deps = createDeps(
    t.db,
    {
      publicUrl: "http://localhost",
      session: { idleTimeoutMs: 3_600_000, absoluteTimeoutMs: 43_200_000 },
      loginThrottle: { maxPerAccount: 5, maxPerIp: 1000, windowMs: 900_000 },
      minGroupSize: 5,
    },
    { smtpUrl: null, from: "bench@nns.localhost" },
  );
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
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/v1/orgs/${orgId}/members?limit=50`;

  const warm = await fetch(url, { headers: { authorization: `Bearer ${secret}` } });
  if (warm.status !== 200) throw new Error(`warm-up failed: ${warm.status} ${await warm.text()}`);
  const members = ((await warm.json()) as { data: unknown[] }).data.length;

  const http = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: { authorization: `Bearer ${secret}` },
  });
  if (http.non2xx > 0 || http.errors > 0)
    throw new Error(`HTTP run had ${http.non2xx} non-2xx and ${http.errors} errors`);

  // The same work the service does for this request, issued directly: one transaction as nns_app with the
  // organization set, then the members query.
  const latencies: number[] = [];
  const deadline = performance.now() + DURATION_S * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        await t.db.appTransaction(async (q) => {
          await q(
            "select set_config('role', 'nns_app', true), set_config('app.org_id', $1, true), set_config('app.user_id', '', true)",
            [orgId],
          );
          return q(
            `select m.user_id, u.email, u.name, m.role, m.version, m.created_at, m.updated_at
             from memberships m join users u on u.id = m.user_id
             where m.organization_id = $1 order by m.created_at, m.user_id limit 51`,
            [orgId],
          );
        });
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const direct = {
    rps: latencies.length / DURATION_S,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
  const api = { rps: http.requests.average, p50: http.latency.p50, p99: http.latency.p99 };

  const row = (name: string, r: { rps: number; p50: number; p99: number }) =>
    `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(8)} ${r.p50.toFixed(2).padStart(9)} ${r.p99.toFixed(2).padStart(9)}`;
  process.stdout.write(
    [
      "",
      `Organization-scoped GET /v1/orgs/{id}/members (${members} members, API key) on PostgreSQL`,
      `${CONNECTIONS} concurrent connections, ${DURATION_S} s each, 2-core machine, client in the same process`,
      "",
      `${"".padEnd(34)} ${"req/s".padStart(8)} ${"p50 ms".padStart(9)} ${"p99 ms".padStart(9)}`,
      row("API (HTTP, auth, RLS, JSON)", api),
      row("same SQL direct via postgres.js", direct),
      `${"ratio API / direct".padEnd(34)} ${(api.rps / direct.rps).toFixed(2).padStart(8)} ${(api.p50 / direct.p50).toFixed(2).padStart(9)} ${(api.p99 / direct.p99).toFixed(2).padStart(9)}`,
      "",
    ].join("\n"),
  );
  server.close();
  deps.mailer.close();
} finally {
  await t.destroy();
}
