/**
 * The product as an operator runs it: the server process on a fresh embedded database (demo data,
 * readiness, graceful shutdown on SIGTERM) and the operations CLI against the same data.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { apiRoot, startServer, tsx } from "./spawn-server.js";

const dataDir = mkdtempSync(join(tmpdir(), "nns-process-"));
const baseEnv = {
  ...process.env,
  DATA_DIR: dataDir,
  DATABASE_URL: "",
  LOG_LEVEL: "warn",
  PORT: "0",
  DEMO_DATA: "auto",
};

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const result = spawnSync(tsx, ["src/cli.ts", ...args], {
    cwd: apiRoot,
    env: baseEnv,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the server process", () => {
  it("starts with demo data, prints how to sign in, is ready, and stops cleanly on SIGTERM", async () => {
    const { child, base, output } = await startServer(baseEnv);
    expect(output()).toContain("nns.admin@demo.nns.se");
    expect(output()).toContain("/docs");
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    const login = await fetch(`${base}/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({ email: "admin.halland@demo.nns.se", password: "Samordning-demo-2026" }),
    });
    expect(login.status).toBe(200);
    const orgs = await fetch(`${base}/v1/organizations?limit=200`, {
      headers: { cookie: (login.headers.get("set-cookie") ?? "").split(";")[0] as string },
    });
    expect(((await orgs.json()) as { data: { slug: string }[] }).data.map((o) => o.slug)).toEqual([
      "halland",
    ]);
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});

describe("the operations CLI", () => {
  it("registers a förbund, gives a person a role and mints an API key that works against the server", async () => {
    const org = cli(
      "org:create",
      "--name",
      "Samordningsförbundet Gotland",
      "--org-number",
      "222000-9001",
      "--county",
      "09",
      "--kommun",
      "0980",
      "--with-agencies",
    );
    expect(org.stderr).toBe("");
    expect(org.stdout).toMatch(/Created Samordningsförbundet Gotland \(samordningsforbundet-gotland/);
    const user = cli(
      "user:create",
      "--org",
      "samordningsforbundet-gotland",
      "--email",
      "chef@gotland.test",
      "--name",
      "Chef",
      "--role",
      "org_admin",
    );
    expect(user.stdout).toContain("Created chef@gotland.test as org_admin");
    const badRole = cli(
      "user:create",
      "--org",
      "samordningsforbundet-gotland",
      "--email",
      "x@gotland.test",
      "--role",
      "emperor",
    );
    expect(badRole.status).toBe(1);
    expect(badRole.stderr).toContain("Unknown role emperor");
    const key = cli(
      "api-key:create",
      "--org",
      "samordningsforbundet-gotland",
      "--name",
      "Regionens system",
      "--scope",
      "members:read",
    );
    const secret = /^(nns_\S+)$/m.exec(key.stdout)?.[1] as string;
    expect(secret).toMatch(/^nns_[a-z2-7]{16}_/);

    const { child, base } = await startServer(baseEnv);
    try {
      const me = await fetch(`${base}/v1/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
      const body = (await me.json()) as { apiKey: { organizationId: string } };
      const members = await fetch(`${base}/v1/orgs/${body.apiKey.organizationId}/members`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(((await members.json()) as { data: { email: string }[] }).data.map((m) => m.email)).toEqual([
        "chef@gotland.test",
      ]);
    } finally {
      const exited = new Promise((resolve) => child.on("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
  }, 180_000); // Five CLI processes and a server, each booting its own database: slow on a busy machine.

  it("explains a bad organisationsnummer instead of crashing", () => {
    const result = cli("org:create", "--name", "Fel", "--org-number", "222000-9002", "--county", "09");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("body.organizationNumber");
  });
});

describe.runIf(process.env.DATABASE_URL)("on a PostgreSQL server", () => {
  it("refuses to serve when request traffic would run as a role that can bypass row-level security", () => {
    const result = spawnSync(tsx, ["src/server.ts"], {
      cwd: apiRoot,
      env: { ...process.env, PORT: "0", DATABASE_APP_URL: process.env.DATABASE_URL, DEMO_DATA: "never" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Refusing to serve");
    expect(result.stderr).toContain("nns_app");
  });
});
