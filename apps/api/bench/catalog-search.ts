/**
 * Benchmark: the public catalogue search through the whole stack on PostgreSQL, beside the same SQL issued
 * directly as the application role. 80 förbund × 150 published interventions; the request is a Swedish
 * text query with two filters (län and target group), first page of 20 with facet counts over all
 * matches. Prints requests/s, p50 and p99 of the API with its search cache (the same search repeated, as
 * a popular search is), of the API with the cache off (every search computed), of the same SQL issued
 * directly, and the ratio of the uncached API to the direct SQL. Uses DATABASE_URL, or the local server at
 * 127.0.0.1:5432.
 *
 * The entries are written with bulk SQL as the owner, not through the publishing service: the service
 * would take minutes for 12 000 entries, and only the shape of catalog_entries matters to a search.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createTestDatabase } from "@nns/db/testing";
import { catalogSearchSql, type Deps } from "@nns/services";
import autocannon from "autocannon";
import pino from "pino";
import { createApp } from "../src/app.js";
import { toCatalogQuery } from "../src/routes/catalog/catalog-query.js";
import { benchDeps } from "./harness/deps.js";

process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const FORBUND = 80;
const PER_FORBUND = 150;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** A small deterministic generator, so every run searches the same catalogue. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const WORDS = {
  what: [
    "Arbetsträning",
    "Resursteam",
    "Stöd",
    "Vägledning",
    "Kartläggning",
    "Samverkan",
    "Coachning",
    "Praktik",
  ],
  who: [
    "för unga vuxna",
    "för nyanlända",
    "vid psykisk ohälsa",
    "för långtidssjukskrivna",
    "för föräldrar",
    "i grupp",
  ],
  text: [
    "Deltagarna får individuellt stöd på vägen mot arbete eller studier.",
    "Insatsen bygger på samverkan mellan Arbetsförmedlingen, Försäkringskassan, regionen och kommunen.",
    "Arbetet är lösningsfokuserat och använder motiverande samtal.",
    "Handledare följer deltagarnas progression med SKAPA.",
    "Ungdomar som varken arbetar eller studerar möts där de är.",
    "Arbetsträningen sker i kommunens verksamheter och hos privata arbetsgivare.",
  ],
};
const TARGET_GROUPS = [
  "young_adults",
  "mental_ill_health",
  "long_term_sick",
  "newly_arrived",
  "income_support",
];
const METHODS = [
  "solution_focused",
  "motivational_interviewing",
  "supported_employment_ips",
  "bip_skapa",
  "work_training",
];
const STATUSES = ["planned", "ongoing", "ended", "regular_operations"];

async function seedCatalogue(t: Awaited<ReturnType<typeof createTestDatabase>>) {
  const sql = t.db.ownerSql;
  const places = (await sql("select code, name, county_code from municipalities order by code")) as {
    code: string;
    name: string;
    county_code: string;
  }[];
  const byCounty = new Map<string, typeof places>();
  for (const p of places) byCounty.set(p.county_code, [...(byCounty.get(p.county_code) ?? []), p]);
  const countyCodes = [...byCounty.keys()];
  const countyNames = new Map(
    ((await sql("select code, name from counties")) as { code: string; name: string }[]).map((c) => [
      c.code,
      c.name,
    ]),
  );
  const next = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  for (let f = 0; f < FORBUND; f++) {
    const county = countyCodes[f % countyCodes.length] as string;
    const kommuner = byCounty.get(county) ?? [];
    const [org] = await sql(
      `insert into organizations (kind, name, slug, organization_number, county_code)
       values ('forbund', $1, $2, $3, $4) returning id`,
      [`Samordningsförbundet Bench ${f}`, `bench-${f}`, String(2_220_100_000 + f), county],
    );
    const orgId = String(org?.id);
    const rows = Array.from({ length: PER_FORBUND }, () => {
      const area = kommuner.filter(() => next() < 0.4).slice(0, 4);
      if (area.length === 0 && kommuner[0]) area.push(kommuner[0]);
      const title = `${pick(WORDS.what)} ${pick(WORDS.who)}`;
      const summary = pick(WORDS.text);
      const description = Array.from({ length: 4 }, () => pick(WORDS.text)).join(" ");
      const start = 2015 + Math.floor(next() * 11);
      const document = {
        title,
        summary,
        organization: { id: orgId, name: `Samordningsförbundet Bench ${f}`, slug: `bench-${f}` },
        orientation: next() < 0.8 ? "individual" : "structural",
        status: pick(STATUSES),
        startDate: `${start}-01-01`,
        endDate: next() < 0.5 ? `${start + 2}-12-31` : null,
        area: { municipalities: area.map((m) => ({ code: m.code, name: m.name })), counties: [] },
        targetGroups: [],
      };
      return {
        organization_id: orgId,
        title,
        summary,
        description,
        place_names: [...area.map((m) => m.name), countyNames.get(county)].join(" "),
        orientation: document.orientation,
        focus_area: "vocational_rehabilitation",
        status: document.status,
        start_date: document.startDate,
        end_date: document.endDate,
        organization_ids: [orgId],
        county_codes: [county],
        municipality_codes: area.map((m) => m.code),
        target_groups: TARGET_GROUPS.filter(() => next() < 0.35),
        methods: METHODS.filter(() => next() < 0.35),
        member_parties: ["fk", "af", "region", "kommun"],
        document,
      };
    });
    await sql(
      `with input as (select * from json_to_recordset($1::json) as r(
          organization_id uuid, title text, summary text, description text, place_names text, orientation text,
          focus_area text, status text, start_date date, end_date date, organization_ids uuid[], county_codes text[],
          municipality_codes text[], target_groups text[], methods text[], member_parties text[], document jsonb)),
        created as (
          insert into interventions (organization_id, state, content, published_revision)
          select organization_id, 'published', document, 1 from input returning id),
        numbered_input as (select row_number() over () as n, * from input),
        numbered_created as (select row_number() over () as n, id from created)
       insert into catalog_entries (intervention_id, organization_id, revision, title, summary, description,
         place_names, orientation, focus_area, status, start_date, end_date, organization_ids, county_codes,
         municipality_codes, target_groups, methods, member_parties, document, results, first_published_at, updated_at)
       select c.id, i.organization_id, 1, i.title, i.summary, i.description, i.place_names, i.orientation, i.focus_area,
         i.status, i.start_date, i.end_date, i.organization_ids, i.county_codes, i.municipality_codes, i.target_groups,
         i.methods, i.member_parties, i.document || jsonb_build_object('id', c.id), '[]'::jsonb,
         now() - (i.n || ' minutes')::interval, now()
       from numbered_input i join numbered_created c using (n)`,
      [JSON.stringify(rows)],
    );
  }
  await sql("analyze catalog_entries");
}

const t = await createTestDatabase();
try {
  const deps: Deps = benchDeps(t.db);
  const seedStarted = performance.now();
  await seedCatalogue(t);
  const entries = Number((await t.db.ownerSql("select count(*)::int as n from catalog_entries"))[0]?.n);
  const seedSeconds = (performance.now() - seedStarted) / 1000;

  // Two apps on the same database: one as deployed (search cache on), one with the cache off, so the
  // figures show what the cache buys and what every distinct search costs.
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
    return server;
  };
  const cachedServer = await listen(createApp(deps, appOptions));
  const uncachedServer = await listen(
    createApp({ ...deps, config: { ...deps.config, catalogSearchCacheEntries: 0 } }, appOptions),
  );
  const query = { q: "arbetsträning ungdomar", county: "01", targetGroup: "young_adults" };
  const urlOf = (server: typeof cachedServer) =>
    `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/catalog/interventions?${new URLSearchParams(query)}&limit=20`;

  const warm = await fetch(urlOf(cachedServer));
  if (warm.status !== 200) throw new Error(`warm-up failed: ${warm.status} ${await warm.text()}`);
  const matches = ((await warm.json()) as { total: number }).total;

  const run = async (url: string) => {
    const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`HTTP run had ${result.non2xx} non-2xx and ${result.errors} errors`);
    return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
  };
  const cached = await run(urlOf(cachedServer));
  const api = await run(urlOf(uncachedServer));

  // The statement the service runs for this request, rendered by the service itself and issued directly
  // in one transaction as nns_app without an organization.
  const statement = catalogSearchSql(toCatalogQuery({ ...query, sort: "relevance" }), 20);
  const latencies: number[] = [];
  const deadline = performance.now() + DURATION_S * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        await t.db.appTransaction(async (q) => {
          await q(
            "select set_config('role', 'nns_app', true), set_config('app.org_id', '', true), set_config('app.user_id', '', true)",
          );
          await q(statement.sql, statement.params);
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

  const row = (name: string, r: { rps: number; p50: number; p99: number }) =>
    `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(8)} ${r.p50.toFixed(2).padStart(9)} ${r.p99.toFixed(2).padStart(9)}`;
  process.stdout.write(
    [
      "",
      `Public catalogue search on PostgreSQL: ${FORBUND} förbund × ${PER_FORBUND} = ${entries} published entries (seeded in ${seedSeconds.toFixed(1)} s)`,
      `GET /v1/catalog/interventions?q=${query.q}&county=${query.county}&targetGroup=${query.targetGroup} (${matches} matches, page of 20, facets)`,
      `${CONNECTIONS} concurrent connections, ${DURATION_S} s each, client in the same process`,
      "",
      `${"".padEnd(34)} ${"req/s".padStart(8)} ${"p50 ms".padStart(9)} ${"p99 ms".padStart(9)}`,
      row("API, search cache on (repeat)", cached),
      row("API, search cache off", api),
      row("same SQL direct via postgres.js", direct),
      `${"ratio API (cache off) / direct".padEnd(34)} ${(api.rps / direct.rps).toFixed(2).padStart(8)} ${(api.p50 / direct.p50).toFixed(2).padStart(9)} ${(api.p99 / direct.p99).toFixed(2).padStart(9)}`,
      "",
    ].join("\n"),
  );
  cachedServer.close();
  uncachedServer.close();
  deps.mailer.close();
} finally {
  await t.destroy();
}
