/**
 * Benchmark: progression reports on PostgreSQL at national size — 80 förbund, 50 000 participants and
 * 1 000 000 measurements of a SKAPA-shaped national instrument (9 questions to the participant, 11 to the
 * handledare; 10 readings each per respondent). Readings are bulk-inserted as the owner in batches of
 * participants, each batch one INSERT … SELECT, so the trigger of 0015_progression.sql builds
 * progression_progress as it does for the services' writes.
 *
 * Timed over HTTP from a separate process (one connection, so latency is one request's time): NNS's
 * national report by förbund with an API key holding `progression:aggregates` (target < 500 ms), and,
 * when the build has the participants API, one participant's comparison by a förbund admin (< 50 ms).
 * Floors: the same SQL bare through postgres.js as the application role — the two aggregate functions for
 * the report, the participant's first and latest readings for the comparison.
 * Uses DATABASE_URL, or the local server at 127.0.0.1:5432. BENCH_PARTICIPANTS scales the data down.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createTestDatabase } from "@nns/db/testing";
import {
  directionSigns,
  IMPROVEMENT_THRESHOLD_STEPS,
  type InstrumentDefinition,
  itemsFor,
} from "@nns/domain";
import {
  createApiKey,
  createNnsOrganization,
  enterOrganization,
  grantRole,
  systemContext,
} from "@nns/services";
import pino from "pino";
import { createApp, createV1 } from "../src/app.js";
import { benchDeps } from "./harness/deps.js";
import { startFloorServer } from "./harness/floor.js";
import { type LoadResult, printComparison, runLoad } from "./harness/load.js";

process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
const FORBUND = 80;
const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 50_000);
const READINGS_PER_RESPONDENT = 10;
const BATCH = 2_500;
const REQUESTS = 30;
const POOL_MAX = 10;
const ORIGIN = "http://localhost";
const PASSWORD = "Bänk-lösenord-för-progression";

const scale = {
  min: 1,
  max: 5,
  anchors: [
    { value: 1, label: "Stämmer inte alls" },
    { value: 5, label: "Stämmer helt" },
  ],
};
const DEFINITION: InstrumentDefinition = {
  items: Array.from({ length: 11 }, (_, i) => ({
    code: `S${i + 1}`,
    label: `Fråga ${i + 1}`,
    group: i < 4 ? "Arbete" : "Vardag",
    questions:
      i < 9
        ? { participant: `Deltagarfråga ${i + 1}`, coach: `Handledarfråga ${i + 1}` }
        : { coach: `Handledarfråga ${i + 1}` },
    scale,
    direction: "higher_is_better" as const,
  })),
};

const t = await createTestDatabase();
if (!t.urls) throw new Error("the progression benchmark needs PostgreSQL (DATABASE_URL)");
const urls = t.urls;
const deps = benchDeps(t.db);
const sql = t.db.ownerSql;

function requireClean(name: string, result: LoadResult): void {
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(
      `${name}: ${result.non2xx} non-2xx (${JSON.stringify(result.statusCodes)}), ${result.errors} errors`,
    );
}

const closers: (() => Promise<void>)[] = [];
try {
  const system = systemContext(deps, "bench");
  const nns = await createNnsOrganization(system, {
    name: "NNS",
    slug: "nns",
    organizationNumber: "2220000018",
    countyCode: null,
  });
  const loadStarted = performance.now();
  await sql(
    `insert into organizations (kind, name, slug, organization_number)
     select 'forbund', 'Samordningsförbundet Bänk ' || i, 'bank-' || i, lpad((969000000 + i)::text, 10, '0')
       from generate_series(1, $1::int) as i`,
    [FORBUND],
  );
  await sql(
    `insert into interventions (organization_id, state, content)
     select o.id, 'published', jsonb_build_object('title', 'Insats ' || n) from organizations o
       cross join generate_series(1, 5) as n where o.kind = 'forbund'`,
  );
  const [instrument] = await sql(
    `insert into progression_instruments (organization_id, key, name, national, placeholder)
     values ($1, 'skapa', 'SKAPA (platshållare)', true, true) returning id`,
    [nns.id],
  );
  const [version] = await sql(
    `insert into progression_instrument_versions (organization_id, instrument_id, number, status, definition, published_at)
     values ($1, $2, 1, 'published', $3::jsonb, now()) returning id`,
    [nns.id, instrument?.id, JSON.stringify(DEFINITION)],
  );
  const versionId = String(version?.id);
  // Participants spread evenly over the förbund and their insatser, genders, birth years and start dates.
  await sql(
    `with f as (select id, row_number() over (order by slug) - 1 as k from organizations where kind = 'forbund'),
       i as (select organization_id, id, row_number() over (partition by organization_id order by id) - 1 as k from interventions)
     insert into progression_participants (organization_id, code, intervention_id, gender, birth_year, start_date)
     select f.id, 'P' || lpad(n::text, 7, '0'), i.id,
       (array['woman', 'man', 'other', 'not_stated'])[1 + (n % 17) % 4], 1960 + n % 45,
       date '2024-01-01' + (n % 700)
     from generate_series(0, $1::int - 1) as n
     join f on f.k = n % $2
     join i on i.organization_id = f.id and i.k = (n / $2) % 5`,
    [PARTICIPANTS, FORBUND],
  );
  // Readings drift upwards with time, with noise, so every change category has people in it.
  for (let from = 0; from < PARTICIPANTS; from += BATCH) {
    await sql(
      `insert into progression_measurements (organization_id, participant_id, instrument_organization_id,
         instrument_version_id, respondent, measured_on, answers, source)
       select p.organization_id, p.id, $1, $2, r.respondent, p.start_date + 91 * k,
         array(select least(5, greatest(1, 1 + floor(random() * 3)::int + k / 4 + 0 * length(p.code)))::smallint
               from generate_series(1, r.items)), 'coach'
       from (select * from progression_participants order by code offset $3 limit $4) p
       cross join (values ('participant', 9), ('coach', 11)) as r(respondent, items)
       cross join generate_series(0, $5::int - 1) as k`,
      [nns.id, versionId, from, BATCH, READINGS_PER_RESPONDENT],
    );
  }
  await sql("analyze");
  const [counts] = await sql(
    `select (select count(*) from progression_participants) as participants,
       (select count(*) from progression_measurements) as measurements,
       (select count(*) from progression_progress) as progress`,
  );
  const loadSeconds = (performance.now() - loadStarted) / 1000;

  const nnsCtx = await enterOrganization(system, nns.id);
  const { secret } = await createApiKey(nnsCtx, {
    name: "bänk",
    scopes: ["progression:aggregates"],
    expiresAt: null,
  });
  const app = createApp(deps, {
    cookieSecure: true,
    trustProxy: false,
    publicUrl: ORIGIN,
    logger: pino({ level: "silent" }),
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const reportPath = `/v1/orgs/${nns.id}/progression/reports?scope=national&dimension=organization&respondent=participant&instrumentVersionId=${versionId}`;
  const warm = await fetch(`${api}${reportPath}`, { headers: { authorization: `Bearer ${secret}` } });
  const body = (await warm.json()) as { total: { n?: number }; groups: unknown[] };
  if (warm.status !== 200) throw new Error(`national report: ${warm.status} ${JSON.stringify(body)}`);
  const report = await runLoad({
    origin: api,
    connections: 1,
    amount: REQUESTS,
    timeoutSeconds: 60,
    requests: [{ path: reportPath, headers: { authorization: `Bearer ${secret}` } }],
  });
  requireClean("national report (API)", report);

  const signs = `{${directionSigns(itemsFor(DEFINITION, "participant")).join(",")}}`;
  const floor = await startFloorServer(urls.app, POOL_MAX, (db, url) =>
    url.pathname === "/report"
      ? db.begin(async (tx) => {
          await tx`select set_config('app.org_id', ${nns.id}, true)`;
          const cells = await tx`select * from progression_aggregate('national', null, ${versionId}::uuid,
            'participant', 'organization', ${signs}::int[], ${IMPROVEMENT_THRESHOLD_STEPS})`;
          const activity = await tx`select * from progression_activity('national', null, 'organization')`;
          return { cells: cells.length, activity: activity.length };
        })
      : db.begin(async (tx) => {
          const [orgId, participantId] = url.pathname.split("/").slice(2);
          await tx`select set_config('app.org_id', ${orgId as string}, true),
            set_config('app.progression_all', 'on', true)`;
          return tx`select id, measured_on, answers from progression_measurements
            where organization_id = ${orgId as string} and participant_id = ${participantId as string}
              and instrument_version_id = ${versionId}::uuid and respondent = 'participant'
            order by measured_on, created_at, id`;
        }),
  );
  closers.push(floor.close);
  const floorReport = await runLoad({
    origin: floor.origin,
    connections: 1,
    amount: REQUESTS,
    timeoutSeconds: 60,
    requests: [{ path: "/report" }],
  });
  requireClean("national report (floor)", floorReport);
  const rows = [
    {
      name: "national report p50",
      value: report.p50,
      floor: floorReport.p50,
      unit: "ms",
      higherIsBetter: false,
    },
    {
      name: "national report p99",
      value: report.p99,
      floor: floorReport.p99,
      unit: "ms",
      higherIsBetter: false,
    },
  ];

  // The participant's comparison is the participants API's (issue 14, H2): timed when this build has it.
  const comparisonPath = "/orgs/{orgId}/progression/participants/{participantId}/comparison";
  const hasComparison = createV1().openAPIRegistry.definitions.some(
    (d) => d.type === "route" && (d as { route: { path: string } }).route.path === comparisonPath,
  );
  let comparisonNote = "comparison: not timed, this build has no participants API";
  if (hasComparison) {
    const [participant] = await sql(
      "select p.organization_id, p.id, o.slug from progression_participants p join organizations o on o.id = p.organization_id order by p.code limit 1",
    );
    const orgId = String(participant?.organization_id);
    const participantId = String(participant?.id);
    await grantRole(system, {
      organizationSlug: String(participant?.slug),
      email: "forbundsadmin@bench.test",
      name: "Förbundsadmin",
      password: PASSWORD,
      role: "org_admin",
    });
    const login = await fetch(`${api}/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN },
      body: JSON.stringify({ email: "forbundsadmin@bench.test", password: PASSWORD }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    if (login.status !== 200) throw new Error(`sign-in failed: ${login.status}`);
    const path = `/v1/orgs/${orgId}/progression/participants/${participantId}/comparison?instrumentVersionId=${versionId}&respondent=participant`;
    const comparison = await runLoad({
      origin: api,
      connections: 1,
      amount: REQUESTS,
      requests: [{ path, headers: { cookie } }],
    });
    requireClean("comparison (API)", comparison);
    const floorComparison = await runLoad({
      origin: floor.origin,
      connections: 1,
      amount: REQUESTS,
      requests: [{ path: `/comparison/${orgId}/${participantId}` }],
    });
    requireClean("comparison (floor)", floorComparison);
    rows.push(
      {
        name: "comparison p50",
        value: comparison.p50,
        floor: floorComparison.p50,
        unit: "ms",
        higherIsBetter: false,
      },
      {
        name: "comparison p99",
        value: comparison.p99,
        floor: floorComparison.p99,
        unit: "ms",
        higherIsBetter: false,
      },
    );
    comparisonNote = `comparison: one participant's ${READINGS_PER_RESPONDENT} readings, a förbund admin's session (target < 50 ms); floor reads the readings bare`;
  }

  printComparison(
    `Progression: ${FORBUND} förbund, ${counts?.participants} participants, ${counts?.measurements} measurements (${counts?.progress} first/latest rows), PostgreSQL`,
    [
      `loaded in ${loadSeconds.toFixed(0)} s through the progress trigger, batches of ${BATCH} participants`,
      `national report by förbund (API key, progression:aggregates): ${body.groups.length} groups, n = ${body.total.n}; target < 500 ms`,
      "floor: progression_aggregate + progression_activity in one transaction, bare postgres.js as the app role",
      comparisonNote,
      `${REQUESTS} requests one after another from a separate process`,
    ],
    rows,
  );
} finally {
  for (const close of closers.reverse()) await close();
  await t.destroy();
}
