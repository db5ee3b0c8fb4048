/**
 * Benchmark: registrations for training sessions through the real HTTP API on PostgreSQL, load from a
 * separate process, every request a new person. Two scenarios, each beside a floor:
 *
 * (a) a rush on one 25-seat session: 500 registrations sent at once; time until all 500 are answered,
 *     p99, and a check that exactly 25 got a seat and the rest wait at places 1..475 in queue order;
 * (b) steady registrations spread over many sessions for BENCH_SECONDS: registrations/s and p99.
 *
 * The floor does the same writes the simplest way, a bare node:http server with postgres.js as the
 * application role: in one transaction set the organization, insert the person, take the session's
 * advisory lock, count the confirmed seats, insert the registration, the email row and the audit row.
 * No framework, authentication, validation, email rendering or response shaping.
 * Uses DATABASE_URL, or the local server at 127.0.0.1:5432.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createTestDatabase } from "@nns/db/testing";
import {
  addSession,
  createApiKey,
  createTraining,
  enterOrganization,
  moveTraining,
  type OrgContext,
  seedDemoData,
  systemContext,
} from "@nns/services";
import pino from "pino";
import type postgres from "postgres";
import { createApp } from "../src/app.js";
import { benchDeps } from "./harness/deps.js";
import { startFloorServer } from "./harness/floor.js";
import { type LoadRequest, type LoadResult, printComparison, runLoad } from "./harness/load.js";

process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const RUSH = 500;
const SEATS = 25;
const SPREAD_SESSIONS = 200;
/** More distinct people than scenario (b) can register, so nobody is sent twice. */
const SPREAD_PEOPLE = 40_000;
const POOL_MAX = 20;
/** On a busy machine the rush can take longer than autocannon's default 10 s wait for an answer. */
const RUSH_TIMEOUT_S = 60;

const t = await createTestDatabase();
if (!t.urls) throw new Error("the registration benchmark needs PostgreSQL (DATABASE_URL)");
const urls = t.urls;
const deps = benchDeps(t.db);

/** A planned event with `count` sessions of `capacity` seats, a month ahead. */
async function plannedEvent(org: OrgContext, title: string, count: number, capacity: number) {
  const event = await createTraining(org, { kind: "event", title });
  const sessionIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const start = new Date(Date.now() + (30 + i) * 86_400_000);
    const training = await addSession(org, event.id, {
      title: `Utbildningsdag ${i + 1}`,
      startsAt: start,
      endsAt: new Date(start.getTime() + 7 * 3_600_000),
      mode: "digital",
      videoLink: "https://video.example.se/skapa",
      capacity,
    });
    sessionIds.push(training.sessions.at(-1)?.id as string);
  }
  await moveTraining(org, event.id, "plan", null);
  return { trainingId: event.id, sessionIds };
}

function people(prefix: string, n: number, sessionFor: (i: number) => string) {
  return Array.from({ length: n }, (_, i) => ({
    name: `Deltagare ${i}`,
    email: `${prefix}${i}@bench.test`,
    contactConsent: false,
    sessionIds: [sessionFor(i)],
  }));
}

/** The floor's transaction: what a registration must write, done the simplest way. */
async function floorRegistration(sql: postgres.Sql, orgId: string, trainingId: string, body: string) {
  const input = JSON.parse(body) as { name: string; email: string; sessionIds: string[] };
  const sessionId = input.sessionIds[0] as string;
  return sql.begin(async (tx) => {
    await tx`select set_config('app.org_id', ${orgId}, true), set_config('app.user_id', '', true)`;
    const [person] = await tx`insert into training_participants
        (organization_id, training_id, owner_organization_id, name, email, contact_consent)
      values (${orgId}, ${trainingId}, ${orgId}, ${input.name}, ${input.email}, false) returning id`;
    await tx`select pg_advisory_xact_lock(hashtextextended(${`session:${sessionId}`}, 0))`;
    const [seats] = await tx`select s.capacity, (select count(*)::int from session_registrations r
        where r.session_id = s.id and r.status = 'confirmed') as confirmed
      from training_sessions s where s.id = ${sessionId}`;
    const status = seats && seats.confirmed < seats.capacity ? "confirmed" : "waitlisted";
    const [registration] = await tx`insert into session_registrations
        (organization_id, owner_organization_id, training_id, session_id, participant_id, status)
      values (${orgId}, ${orgId}, ${trainingId}, ${sessionId}, ${person?.id}, ${status})
      returning id, status`;
    await tx`insert into emails (organization_id, to_address, subject, text_body, html_body, template, transport, status)
      values (${orgId}, ${input.email}, 'Anmälan', 'Du är anmäld.', '<p>Du är anmäld.</p>',
        'training_registration', 'outbox', 'sent')`;
    await tx`insert into audit_log (organization_id, actor_type, actor_label, action, entity_type, entity_id, after)
      values (${orgId}, 'api_key', 'bench', 'registration.created', 'training_participant', ${person?.id},
        ${tx.json({ status })})`;
    return registration;
  });
}

/** Seats and waiting places in one session after a rush: exactly SEATS confirmed, the rest in order. */
async function checkRush(sessionId: string): Promise<string> {
  const rows = await t.db.ownerSql(
    "select status from session_registrations where session_id = $1 order by queue_position",
    [sessionId],
  );
  const confirmed = rows.filter((r) => r.status === "confirmed").length;
  const inOrder = rows.every((r, i) => (r.status === "confirmed") === i < SEATS);
  if (rows.length !== RUSH || confirmed !== SEATS || !inOrder) {
    throw new Error(
      `rush on ${sessionId}: ${rows.length} rows, ${confirmed} confirmed, in order: ${inOrder}`,
    );
  }
  return `${confirmed} confirmed, ${rows.length - confirmed} waiting in queue order`;
}

function requireClean(name: string, result: LoadResult): void {
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(
      `${name}: ${result.non2xx} non-2xx (${JSON.stringify(result.statusCodes)}), ${result.errors} errors`,
    );
  }
}

/** Servers to stop before the database goes: a dropped database under a live pool kills the process. */
const closers: (() => Promise<void>)[] = [];
try {
  await seedDemoData(deps);
  const orgId = String((await t.db.ownerSql("select id from organizations where slug = 'sundsvall'"))[0]?.id);
  const org = await enterOrganization(systemContext(deps, "bench"), orgId);
  const rush = await plannedEvent(org, "Utbildning i progressionsmätning", 2, SEATS);
  const spread = await plannedEvent(org, "Regional utbildningsserie", SPREAD_SESSIONS, SEATS);
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
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const floor = await startFloorServer(urls.app, POOL_MAX, (sql, url, body) =>
    floorRegistration(sql, orgId, url.pathname.split("/")[2] as string, body),
  );
  closers.push(floor.close);

  const apiRequests = (trainingId: string, bodies: object[]): LoadRequest[] =>
    bodies.map((body) => ({
      method: "POST",
      path: `/v1/orgs/${orgId}/trainings/${trainingId}/participants`,
      headers: { authorization: `Bearer ${secret}` },
      body: JSON.stringify(body),
    }));
  const floorRequests = (trainingId: string, bodies: object[]): LoadRequest[] =>
    bodies.map((body) => ({ method: "POST", path: `/trainings/${trainingId}`, body: JSON.stringify(body) }));

  // (a) The rush: the API on the first session, the floor on the second; then the seats are checked.
  const [apiSession, floorSession] = rush.sessionIds as [string, string];
  const rushOn = async (name: string, origin: string, sessionId: string, requests: typeof apiRequests) => {
    const result = await runLoad({
      origin,
      connections: RUSH,
      amount: RUSH,
      timeoutSeconds: RUSH_TIMEOUT_S,
      requests: requests(
        rush.trainingId,
        people(`${name}.rush`, RUSH, () => sessionId),
      ),
    });
    requireClean(`rush (${name})`, result);
    return { result, seats: await checkRush(sessionId) };
  };
  const { result: rushApi, seats: rushApiSeats } = await rushOn("api", api, apiSession, apiRequests);
  const { result: rushFloor, seats: rushFloorSeats } = await rushOn(
    "floor",
    floor.origin,
    floorSession,
    floorRequests,
  );

  // (b) Spread over many sessions: each request goes to the next session in turn.
  const session = (i: number) => spread.sessionIds[i % SPREAD_SESSIONS] as string;
  const spreadApi = await runLoad({
    origin: api,
    connections: CONNECTIONS,
    durationSeconds: DURATION_S,
    requests: apiRequests(spread.trainingId, people("api.spread", SPREAD_PEOPLE, session)),
  });
  requireClean("spread (API)", spreadApi);
  const spreadFloor = await runLoad({
    origin: floor.origin,
    connections: CONNECTIONS,
    durationSeconds: DURATION_S,
    requests: floorRequests(spread.trainingId, people("floor.spread", SPREAD_PEOPLE, session)),
  });
  requireClean("spread (floor)", spreadFloor);

  printComparison(
    `(a) ${RUSH} registrations at once for one ${SEATS}-seat session, POST …/participants (API key), PostgreSQL`,
    [
      `${RUSH} connections, one request each; settle = from the first request sent to the last answer`,
      `API: ${rushApiSeats}; floor: ${rushFloorSeats}`,
      `pool ${POOL_MAX} connections for both`,
    ],
    [
      {
        name: "settle time",
        value: rushApi.durationSeconds * 1000,
        floor: rushFloor.durationSeconds * 1000,
        unit: "ms",
        higherIsBetter: false,
      },
      {
        name: "registrations/s",
        value: rushApi.rps,
        floor: rushFloor.rps,
        unit: "1/s",
        higherIsBetter: true,
      },
      { name: "p99", value: rushApi.p99, floor: rushFloor.p99, unit: "ms", higherIsBetter: false },
    ],
  );
  printComparison(
    `(b) registrations spread over ${SPREAD_SESSIONS} sessions of ${SEATS} seats, ${DURATION_S} s, PostgreSQL`,
    [`${CONNECTIONS} connections, every request a new person`, `pool ${POOL_MAX} connections for both`],
    [
      {
        name: "registrations/s",
        value: spreadApi.rps,
        floor: spreadFloor.rps,
        unit: "1/s",
        higherIsBetter: true,
      },
      { name: "p50", value: spreadApi.p50, floor: spreadFloor.p50, unit: "ms", higherIsBetter: false },
      { name: "p99", value: spreadApi.p99, floor: spreadFloor.p99, unit: "ms", higherIsBetter: false },
    ],
  );
} finally {
  // Requests a client gave up on still finish their transactions on the server.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  for (const close of closers) await close();
  deps.mailer.close();
  await t.destroy();
}
