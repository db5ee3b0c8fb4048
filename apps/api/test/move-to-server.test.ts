/**
 * `pnpm cli move-to-server`: an installation that started on the embedded database, with the demo data,
 * moved into a new database on the PostgreSQL server named by DATABASE_URL. The copy has the same rows
 * (counted and compared apart from the command's own check), the server signs people in on it through
 * the application role under row-level security, and a second move into the same database is refused.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, openDatabase } from "@nns/db";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiRoot, startServer, tsx } from "./spawn-server.js";

const serverUrl = process.env.DATABASE_URL ?? "";
const dataDir = mkdtempSync(join(tmpdir(), "nns-move-"));
const targetName = `nns_move_${randomBytes(6).toString("hex")}`;
const targetUrl = (() => {
  const url = new URL(serverUrl || "postgres://localhost/x");
  url.pathname = `/${targetName}`;
  return url.toString();
})();
const embeddedEnv = {
  ...process.env,
  DATA_DIR: dataDir,
  DATABASE_URL: "",
  LOG_LEVEL: "warn",
  DEMO_DATA: "never",
};

function cli(...args: string[]) {
  const result = spawnSync(tsx, ["src/cli.ts", ...args], {
    cwd: apiRoot,
    env: embeddedEnv,
    encoding: "utf8",
    timeout: 900_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Rows compared one by one: people, memberships, organizations and one table of every shape of column. */
const SAMPLES = [
  "select slug, name, organization_number, county_code, version from organizations order by slug",
  "select email, name, password_hash, disabled_at from users order by email",
  "select u.email, o.slug, m.role from memberships m join users u on u.id = m.user_id join organizations o on o.id = m.organization_id order by 1, 2",
  "select id, organization_id, actor_label, action, entity_type, entity_id, before, after, created_at from audit_log order by created_at, id limit 200",
];

describe.runIf(serverUrl)("moving from the embedded database to a PostgreSQL server", () => {
  let admin: postgres.Sql;
  beforeAll(async () => {
    admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${targetName}`);
  });
  afterAll(async () => {
    await admin?.unsafe(`drop database if exists ${targetName} with (force)`);
    await admin?.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("copies every row, serves sign-in under row-level security, and refuses a database that is not empty", async () => {
    const seeded = cli("seed");
    expect(seeded.output).toContain("Demo data created.");

    const moved = cli("move-to-server", "--to", targetUrl);
    expect(moved.output).toMatch(/Moved \d+ rows in \d+ tables .* row counts verified/);
    expect(moved.status).toBe(0);

    // Counts and records read apart from the command: the embedded side with PGlite, the server's directly.
    const embedded: Database = await openDatabase({ mode: "embedded", dataDir });
    const server = postgres(targetUrl, { max: 1, onnotice: () => {} });
    try {
      // Timestamps are compared as text: the same zone on both sides.
      await embedded.ownerSql("set timezone to 'UTC'");
      await server.unsafe("set timezone to 'UTC'");
      const tables = await embedded.ownerSql(
        "select format('%I', tablename) as name from pg_tables where schemaname = 'public' order by 1",
      );
      expect(tables.length).toBeGreaterThan(50);
      let rows = 0;
      for (const { name } of tables) {
        const [source] = await embedded.ownerSql(`select count(*)::int as n from ${name}`);
        const [target] = await server.unsafe(`select count(*)::int as n from ${name}`);
        expect({ table: name, rows: target?.n }).toEqual({ table: name, rows: source?.n });
        rows += Number(source?.n);
      }
      expect(rows).toBeGreaterThan(1000);
      for (const sample of SAMPLES) {
        const source = await embedded.ownerSql(`select row_to_json(s)::text as r from (${sample}) s`);
        const target = await server.unsafe(`select row_to_json(s)::text as r from (${sample}) s`);
        expect(source.length).toBeGreaterThan(0);
        expect(target.map((r) => r.r)).toEqual(source.map((r) => r.r));
      }
      // A new row takes the next id after the copied ones, as it would have in the embedded database.
      const positions =
        "select sequencename, last_value::text as at from pg_sequences where schemaname = 'public' order by 1";
      const sourcePositions = await embedded.ownerSql(positions);
      expect(sourcePositions.some((s) => s.at !== null)).toBe(true);
      expect([...(await server.unsafe(positions))]).toEqual(sourcePositions);
    } finally {
      await embedded.close();
      await server.end();
    }

    const { child, base } = await startServer(
      {
        ...process.env,
        DATABASE_URL: targetUrl,
        PORT: "0",
        LOG_LEVEL: "warn",
        DEMO_DATA: "auto",
        RUN_JOBS: "false",
      },
      300_000,
    ); // Long after the seed and the move on a machine shared with other suites.
    try {
      const login = await fetch(`${base}/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: base },
        body: JSON.stringify({ email: "admin.halland@demo.nns.se", password: "Samordning-demo-2026" }),
      });
      expect(login.status).toBe(200);
      const orgs = await fetch(`${base}/v1/organizations?limit=200`, {
        headers: { cookie: (login.headers.get("set-cookie") ?? "").split(";")[0] as string },
      });
      // Row-level security on the server: Halland's admin sees Halland only.
      expect(((await orgs.json()) as { data: { slug: string }[] }).data.map((o) => o.slug)).toEqual([
        "halland",
      ]);
    } finally {
      const exited = new Promise((resolve) => child.on("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }

    const again = cli("move-to-server", "--to", targetUrl);
    expect(again.status).toBe(1);
    expect(again.output).toContain("The target database is not empty");
  }, 1_500_000); // Seeding the demo data on the embedded database takes 30 s alone, minutes on a busy machine.
});
