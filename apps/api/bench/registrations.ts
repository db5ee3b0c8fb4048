/**
 * Benchmark: registrations under contention for the last seats, on PostgreSQL. Every request registers a
 * new person for the same 25-seat session through the whole stack (API key, RLS, the session's lock,
 * seat counting across förbund, the confirmation email with its calendar file). Prints registrations/s,
 * p50 and p99, and checks that exactly 25 got a seat. Uses DATABASE_URL, or the local server.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createTestDatabase } from "@nns/db/testing";
import {
  addSession,
  createApiKey,
  createDeps,
  createTraining,
  type Deps,
  enterOrganization,
  moveTraining,
  seedDemoData,
  systemContext,
} from "@nns/services";
import autocannon from "autocannon";
import pino from "pino";
import { createApp } from "../src/app.js";

process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SEATS = 25;

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
  const orgId = String((await t.db.ownerSql("select id from organizations where slug = 'sundsvall'"))[0]?.id);
  const org = await enterOrganization(systemContext(deps, "bench"), orgId);
  const event = await createTraining(org, { kind: "event", title: "Utbildning i progressionsmätning" });
  const start = new Date(Date.now() + 30 * 86_400_000);
  const planned = await addSession(org, event.id, {
    title: "Utbildningsdag",
    startsAt: start,
    endsAt: new Date(start.getTime() + 7 * 3_600_000),
    mode: "digital",
    videoLink: "https://video.example.se/skapa",
    capacity: SEATS,
  });
  await moveTraining(org, event.id, "plan", null);
  const sessionId = planned.sessions[0]?.id as string;
  const { secret } = await createApiKey(org, {
    name: "bench",
    scopes: ["trainings:register"],
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

  let n = 0;
  const http = await autocannon({
    url: `http://127.0.0.1:${port}/v1/orgs/${orgId}/trainings/${event.id}/participants`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    requests: [
      {
        setupRequest: (request) => {
          n += 1;
          return {
            ...request,
            body: JSON.stringify({
              name: `Deltagare ${n}`,
              email: `deltagare${n}@bench.test`,
              contactConsent: false,
              sessionIds: [sessionId],
            }),
          };
        },
      },
    ],
  });
  await new Promise((resolve) => server.close(resolve));
  const seats = await t.db.ownerSql(
    "select status, count(*)::int as n from session_registrations where session_id = $1 group by status",
    [sessionId],
  );
  const confirmed = Number(seats.find((r) => r.status === "confirmed")?.n ?? 0);
  const waitlisted = Number(seats.find((r) => r.status === "waitlisted")?.n ?? 0);
  if (http.non2xx > 0 || http.errors > 0)
    throw new Error(`run had ${http.non2xx} non-2xx and ${http.errors} errors`);
  if (confirmed !== SEATS) throw new Error(`expected ${SEATS} seats taken, found ${confirmed}`);

  process.stdout.write(
    [
      "",
      `Registrations for one ${SEATS}-seat session on PostgreSQL (POST …/participants, API key)`,
      `${CONNECTIONS} concurrent connections, ${DURATION_S} s, 2-core machine, client in the same process`,
      "",
      `registrations/s   ${http.requests.average.toFixed(0).padStart(8)}`,
      `p50 ms            ${http.latency.p50.toFixed(2).padStart(8)}`,
      `p99 ms            ${http.latency.p99.toFixed(2).padStart(8)}`,
      `seats taken       ${String(confirmed).padStart(8)}  (of ${SEATS}: never more)`,
      `waiting list      ${String(waitlisted).padStart(8)}`,
      "",
    ].join("\n"),
  );
  deps.mailer.close();
} finally {
  // Requests autocannon abandoned when its clock ran out still finish their transactions on the server.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await t.destroy();
}
