/**
 * Benchmark: importing ten years of monthly helårsekvivalenter for every kommun (290 kommuner × 120
 * months × 2 genders × 7 benefit rows, one age group: 487 200 rows) through the real HTTP API on
 * PostgreSQL. The bench writes the file as SCB's long CSV (semicolon, decimal comma, `0114 Upplands
 * Väsby` region cells, some `..`), a separate process uploads it as NNS's admin (POST
 * /v1/orgs/{nns}/statistics-imports, raw text/csv) and polls the import until the job has read, written
 * and activated it.
 *
 * The floor is the database part done the simplest way: the same rows inserted by bare postgres.js, in
 * chunks of 10 000 through `unnest` arrays, under an import id of its own, with no parsing, checks,
 * derived totals, län and riket lines, cut points or activation.
 * Uses DATABASE_URL, or the local server at 127.0.0.1:5432.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { serve } from "@hono/node-server";
import { MUNICIPALITIES } from "@nns/db/reference";
import { createTestDatabase } from "@nns/db/testing";
import {
  createImportRecord,
  createNnsOrganization,
  grantRole,
  parseScbFile,
  startBackgroundWork,
  systemContext,
} from "@nns/services";
import pino from "pino";
import postgres from "postgres";
import { createApp } from "../src/app.js";
import { benchDeps } from "./harness/deps.js";
import { machine } from "./harness/load.js";

process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
const YEARS = Number(process.env.BENCH_YEARS ?? 10);
const ORIGIN = "http://localhost";
const PASSWORD = "Bänk-lösenord-2026";
const BENEFITS = [
  "Totalt",
  "Sjukpenning",
  "Sjuk- och aktivitetsersättning",
  "Arbetslöshetsersättning",
  "Arbetsmarknadsåtgärder",
  "Ekonomiskt bistånd",
  "Etableringsersättning",
];

/** SCB's long CSV of the figures, deterministic: the same file on every run. */
function scbFile(): { text: string; rows: number } {
  const lines = ["region;kön;ålder;ersättning;månad;Helårsekvivalenter;Befolkning"];
  let state = 11;
  for (const m of MUNICIPALITIES)
    for (let month = 0; month < YEARS * 12; month++) {
      const period = `${2016 + Math.floor(month / 12)}M${String((month % 12) + 1).padStart(2, "0")}`;
      for (const gender of ["män", "kvinnor"])
        for (const benefit of BENEFITS) {
          state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
          const population = 1_000 + (state % 50_000);
          const fye =
            state % 97 === 0 ? ".." : ((population * (state % 150)) / 1000).toFixed(1).replace(".", ",");
          lines.push(`${m.code} ${m.name};${gender};20-64 år;${benefit};${period};${fye};${population}`);
        }
    }
  return { text: `${lines.join("\n")}\n`, rows: lines.length - 1 };
}

/** The uploader: another process, as a person's browser or a script would be. */
const UPLOADER = `
const [api, orgId, file, cookie] = process.argv.slice(1);
const { readFile } = await import("node:fs/promises");
const body = await readFile(file);
const started = performance.now();
const res = await fetch(api + "/v1/orgs/" + orgId + "/statistics-imports?fileName=bench.csv", {
  method: "POST", body, headers: { "content-type": "text/csv", cookie, origin: "${ORIGIN}" },
});
if (res.status !== 202) throw new Error("upload: " + res.status + " " + (await res.text()));
const accepted = performance.now() - started;
const { id } = await res.json();
let status;
let failures = 0;
for (;;) {
  await new Promise((r) => setTimeout(r, 200));
  try {
    const poll = await fetch(api + "/v1/orgs/" + orgId + "/statistics-imports/" + id, { headers: { cookie } });
    status = await poll.json();
    failures = 0;
  } catch (error) {
    // The job parses in the server's process; a kept-alive socket it closed meanwhile resets once.
    if (++failures > 5) throw error;
    continue;
  }
  if (status.status === "done" || status.status === "failed") break;
}
process.stdout.write(JSON.stringify({ accepted, total: performance.now() - started, status }));
`;

function runUploader(
  args: string[],
): Promise<{ accepted: number; total: number; status: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", UPLOADER, ...args], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.on("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`uploader exited ${code}`)),
    );
  });
}

const t = await createTestDatabase();
if (!t.urls) throw new Error("the statistics import benchmark needs PostgreSQL (DATABASE_URL)");
const deps = benchDeps(t.db);
const dir = await mkdtemp(path.join(tmpdir(), "nns-bench-"));
const closers: (() => Promise<void>)[] = [async () => rm(dir, { recursive: true, force: true })];
try {
  const system = systemContext(deps, "bench");
  const nns = await createNnsOrganization(system, {
    name: "NNS",
    slug: "nns",
    organizationNumber: "2220000018",
    countyCode: null,
  });
  await grantRole(system, {
    organizationSlug: "nns",
    email: "bench.admin@test.se",
    name: "Bänk",
    password: PASSWORD,
    role: "nns_admin",
  });
  await startBackgroundWork(deps, { info: () => undefined });
  closers.push(() => deps.jobs.stop());

  const generated = performance.now();
  const { text, rows } = scbFile();
  const file = path.join(dir, "he.csv");
  const bytes = Buffer.from(text, "utf8");
  await writeFile(file, bytes);
  const generateMs = performance.now() - generated;

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
    body: JSON.stringify({ email: "bench.admin@test.se", password: PASSWORD }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (login.status !== 200 || !cookie) throw new Error(`sign-in failed: ${login.status}`);

  const upload = await runUploader([api, nns.id, file, cookie]);
  if (upload.status.status !== "done")
    throw new Error(`import ${JSON.stringify(upload.status).slice(0, 2000)}`);
  const [timing] = await t.db.ownerSql(
    "select extract(epoch from finished_at - started_at) * 1000 as job_ms from statistics_imports where id = $1",
    [upload.status.id],
  );

  // The reader alone, in this process, on the same bytes.
  const parseStarted = performance.now();
  const parsed = await parseScbFile(bytes);
  const parseMs = performance.now() - parseStarted;
  if (parsed.rows.length !== rows) throw new Error(`parsed ${parsed.rows.length} of ${rows} rows`);

  // The floor: the same rows, bare postgres.js, unnest INSERT in chunks.
  const floorId = await createImportRecord(t.db, {
    sourceTable: "HE0000T02N2",
    fileName: "floor",
    fileFormat: "csv",
  });
  const sql = postgres(t.urls.app, { max: 1, onnotice: () => undefined });
  closers.push(() => sql.end());
  const floorStarted = performance.now();
  for (let start = 0; start < parsed.rows.length; start += 10_000) {
    const chunk = parsed.rows.slice(start, start + 10_000);
    await sql`insert into statistics_figures
        (import_id, period, region_code, region_level, gender, age_group, benefit, full_year_equivalents, population)
      select ${floorId}, * from unnest(
        ${chunk.map((r) => r.period)}::text[], ${chunk.map((r) => r.municipalityCode)}::text[],
        ${chunk.map(() => "municipality")}::text[], ${chunk.map((r) => r.gender)}::text[],
        ${chunk.map((r) => r.ageGroup)}::text[], ${chunk.map((r) => r.benefit)}::text[],
        ${chunk.map((r) => r.fullYearEquivalents)}::numeric[], ${chunk.map((r) => r.population)}::int[])`;
  }
  const floorMs = performance.now() - floorStarted;

  const apiRate = rows / (upload.total / 1000);
  const floorRate = rows / (floorMs / 1000);
  const lines = [
    "",
    `Statistics import: ${rows} rows (${MUNICIPALITIES.length} kommuner × ${YEARS * 12} months × 2 genders × 7 benefit rows), ${(bytes.length / 2 ** 20).toFixed(1)} MiB CSV, PostgreSQL`,
    `  machine: ${machine()}`,
    `  file generated in ${generateMs.toFixed(0)} ms; reader alone (parse + checks) ${parseMs.toFixed(0)} ms`,
    `  upload answered 202 after ${upload.accepted.toFixed(0)} ms; job (read, write, derive, activate) ${Number(timing?.job_ms).toFixed(0)} ms; ${String(upload.status.figureCount)} figures stored`,
    "",
    `${"figure".padEnd(44)} ${"value".padStart(10)} ${"floor".padStart(10)} ${"ratio".padStart(7)}`,
    `${"rows/s, upload to done (1/s)".padEnd(44)} ${apiRate.toFixed(0).padStart(10)} ${floorRate.toFixed(0).padStart(10)} ${(apiRate / floorRate).toFixed(2).padStart(6)}×  higher is better`,
    `${"total time (s)".padEnd(44)} ${(upload.total / 1000).toFixed(1).padStart(10)} ${(floorMs / 1000).toFixed(1).padStart(10)} ${(upload.total / floorMs).toFixed(2).padStart(6)}×  lower is better`,
    "",
  ];
  process.stdout.write(lines.join("\n"));
} finally {
  for (const close of closers.reverse()) await close();
  await t.destroy();
}
