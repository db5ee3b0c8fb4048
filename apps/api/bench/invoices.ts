/**
 * Benchmark: issuing invoices through the real HTTP API on PostgreSQL, load from a separate process. N
 * drafts (two förbund's shares of N/2 confirmed BIP/SKAPA trainings) are issued with N requests sent
 * concurrently: `POST /v1/orgs/{nns}/invoices/{id}/issue` as the NNS admin's session. Each issue takes the
 * next number of the year's series (one row lock: issues queue on it), builds the document, writes the
 * UBL, validates it against the official Peppol BIS Billing 3.0 rules (saxon-js in worker threads),
 * renders the PDF, stores everything, audits, emits the webhook event and queues the email.
 *
 * The floor does the database part the simplest way, a bare node:http server with postgres.js as the
 * application role: in one transaction set the organization, take the next number by upserting the
 * series row, and update the draft to issued with its number, dates and a placeholder document. No
 * framework, session, validation, UBL, PDF, audit or email.
 *
 * Then the validation alone: every issued UBL validated again one after another (time per document), and
 * all at once (documents per second through the worker pool).
 * Uses DATABASE_URL, or the local server at 127.0.0.1:5432.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createTestDatabase } from "@nns/db/testing";
import {
  createTraining,
  DEMO_PASSWORD,
  draftInvoices,
  enterOrganization,
  seedDemoData,
  sharedPeppolValidator,
  systemContext,
} from "@nns/services";
import pino from "pino";
import type postgres from "postgres";
import { createApp } from "../src/app.js";
import { benchDeps } from "./harness/deps.js";
import { startFloorServer } from "./harness/floor.js";
import { type LoadResult, machine, printComparison, runLoad } from "./harness/load.js";

process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
const DRAFTS = Number(process.env.BENCH_INVOICES ?? 200);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const POOL_MAX = 20;
const ORIGIN = "http://localhost";

const t = await createTestDatabase();
if (!t.urls) throw new Error("the invoice benchmark needs PostgreSQL (DATABASE_URL)");
const urls = t.urls;
const deps = benchDeps(t.db);

/** N drafts: two förbund share each of N/2 trainings, confirmed directly (sessions play no part here). */
async function drafts(count: number): Promise<string[]> {
  const system = systemContext(deps, "bench");
  const [nnsRow] = await t.db.ownerSql("select id from organizations where kind = 'nns'");
  const nns = await enterOrganization(system, String(nnsRow?.id));
  const buyers = await t.db.ownerSql(
    "select id from organizations where slug in ('sundsvall', 'centrala-ostergotland') order by slug",
  );
  const ids: string[] = [];
  for (let i = 0; i < count / 2; i++) {
    const training = await createTraining(nns, {
      kind: "bip_skapa",
      title: `BIP/SKAPA bänk ${i}`,
      parties: buyers.map((b) => ({ organizationId: String(b.id), seats: null })),
    });
    await t.db.ownerSql("update trainings set status = 'confirmed' where id = $1", [training.id]);
    const drafted = await draftInvoices(nns, training.id);
    ids.push(...drafted.drafts.map((d) => d.invoice.id));
  }
  return ids;
}

/** The floor's transaction: the number and the issued row, nothing else. */
async function floorIssue(sql: postgres.Sql, orgId: string, invoiceId: string) {
  return sql.begin(async (tx) => {
    await tx`select set_config('app.org_id', ${orgId}, true), set_config('app.user_id', '', true)`;
    const [series] = await tx`insert into invoice_series (organization_id, year, last_number)
        values (${orgId}, 2099, 1)
        on conflict (organization_id, year) do update set last_number = invoice_series.last_number + 1
        returning last_number`;
    const sequence = Number(series?.last_number);
    const number = `2099-${String(sequence).padStart(4, "0")}`;
    const [row] = await tx`update invoices set status = 'issued', series_year = 2099, sequence = ${sequence},
        number = ${number}, issue_date = current_date, due_date = current_date + 30, document = '{}'::jsonb,
        ubl = '<Invoice/>', issued_at = now(), version = version + 1, updated_at = now()
      where organization_id = ${orgId} and id = ${invoiceId} and status = 'draft' returning number`;
    return row;
  });
}

function requireClean(name: string, result: LoadResult): void {
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(
      `${name}: ${result.non2xx} non-2xx (${JSON.stringify(result.statusCodes)}), ${result.errors} errors`,
    );
  }
}

/** The benchmark's invoices after a run: n consecutive numbers (after the demo's own), no gap, no duplicate. */
async function checkSeries(ids: string[]): Promise<string> {
  const rows = await t.db.ownerSql(
    "select sequence from invoices where id = any($1::uuid[]) and status <> 'draft' order by sequence",
    [ids],
  );
  const start = Number(rows[0]?.sequence);
  const gapless = rows.length === ids.length && rows.every((r, i) => Number(r.sequence) === start + i);
  if (!gapless) throw new Error(`${rows.length} of ${ids.length} issued, consecutive: ${gapless}`);
  return `${ids.length} consecutive numbers from ${start}, no gap`;
}

const closers: (() => Promise<void>)[] = [];
try {
  await seedDemoData(deps);
  const nnsId = String((await t.db.ownerSql("select id from organizations where kind = 'nns'"))[0]?.id);
  const apiDrafts = await drafts(DRAFTS);

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
  const login = await fetch(`${api}/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: ORIGIN },
    body: JSON.stringify({ email: "nns.admin@demo.nns.se", password: DEMO_PASSWORD }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (login.status !== 200 || !cookie) throw new Error(`sign-in failed: ${login.status}`);
  // One issue first, so the validator's workers and the PDF fonts are loaded before the clock runs.
  const [first, ...rest] = apiDrafts;
  const warm = await fetch(`${api}/v1/orgs/${nnsId}/invoices/${first}/issue`, {
    method: "POST",
    headers: { cookie, origin: ORIGIN },
  });
  if (warm.status !== 200) throw new Error(`warm-up issue failed: ${warm.status} ${await warm.text()}`);

  const issued = await runLoad({
    origin: api,
    connections: CONNECTIONS,
    amount: rest.length,
    timeoutSeconds: 120,
    requests: rest.map((id) => ({
      method: "POST",
      path: `/v1/orgs/${nnsId}/invoices/${id}/issue`,
      headers: { cookie, origin: ORIGIN },
    })),
  });
  requireClean("issue (API)", issued);
  const apiSeries = await checkSeries(apiDrafts);

  // The floor on a second batch of drafts, from the same series onwards.
  const floorDrafts = await drafts(DRAFTS);
  const floor = await startFloorServer(urls.app, POOL_MAX, (sql, url) =>
    floorIssue(sql, nnsId, url.pathname.split("/")[2] as string),
  );
  closers.push(floor.close);
  const floorRun = await runLoad({
    origin: floor.origin,
    connections: CONNECTIONS,
    amount: floorDrafts.length - 1,
    timeoutSeconds: 120,
    requests: floorDrafts.slice(1).map((id) => ({ method: "POST", path: `/issue/${id}` })),
  });
  requireClean("issue (floor)", floorRun);

  // Validation alone, on the documents the API issued.
  const ubls = (await t.db.ownerSql("select ubl from invoices where id = any($1::uuid[])", [apiDrafts])).map(
    (r) => String(r.ubl),
  );
  const validator = sharedPeppolValidator();
  const times: number[] = [];
  for (const ubl of ubls.slice(0, 50)) {
    const started = performance.now();
    const result = await validator.validate(ubl);
    times.push(performance.now() - started);
    if (result.fatal.length > 0) throw new Error("an issued document failed validation");
  }
  times.sort((a, b) => a - b);
  const allStarted = performance.now();
  await Promise.all(ubls.map((ubl) => validator.validate(ubl)));
  const perSecond = ubls.length / ((performance.now() - allStarted) / 1000);

  printComparison(
    `${DRAFTS} drafts issued, ${CONNECTIONS} concurrent requests, POST …/invoices/{id}/issue (session), PostgreSQL`,
    [
      `API: ${apiSeries}; each issue validated against Peppol BIS Billing 3.0 and rendered to PDF`,
      "floor: number + issued row in one transaction, no validation, UBL or PDF",
      `pool ${POOL_MAX} connections for both`,
    ],
    [
      {
        name: "invoices issued/s",
        value: issued.rps,
        floor: floorRun.rps,
        unit: "1/s",
        higherIsBetter: true,
      },
      { name: "p50", value: issued.p50, floor: floorRun.p50, unit: "ms", higherIsBetter: false },
      { name: "p99", value: issued.p99, floor: floorRun.p99, unit: "ms", higherIsBetter: false },
    ],
  );
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  process.stdout.write(
    [
      "",
      `Peppol validation of an issued invoice (${times.length} one after another; ${ubls.length} at once)`,
      `  machine: ${machine()}`,
      `  per document: p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms`,
      `  all at once through the worker pool: ${perSecond.toFixed(1)} documents/s`,
      "",
    ].join("\n"),
  );
} finally {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  for (const close of closers) await close();
  await sharedPeppolValidator().close();
  deps.mailer.close();
  await t.destroy();
}
