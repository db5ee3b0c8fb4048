/**
 * The product as an operator runs it: the server process on a fresh embedded database (demo data,
 * readiness, graceful shutdown on SIGTERM) and the operations CLI against the same data.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
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
  }, 120_000); // Seeding the demo data on a fresh embedded database takes over 30 s on a busy machine.
});

/** One raw HTTP exchange, for what fetch would refuse to send. */
function rawExchange(base: string, request: string): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString();
    });
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

describe("requests Node cannot parse", () => {
  it("answers a too long query string with 431 and an unparsable request with 400, both problem+json", async () => {
    // Its own empty database, so it neither waits for demo data nor depends on the tests above.
    const ownDir = mkdtempSync(join(tmpdir(), "nns-parse-"));
    const { child, base } = await startServer({ ...baseEnv, DATA_DIR: ownDir, DEMO_DATA: "never" });
    try {
      // Valid filters, repeated past Node's 16 KiB limit for the request line and headers.
      const query = Array.from({ length: 1200 }, () => "q=sysselsattning").join("&");
      const long = await fetch(`${base}/v1/catalog/interventions?${query}`);
      expect(long.status).toBe(431);
      expect(long.headers.get("content-type")).toBe("application/problem+json");
      const problem = (await long.json()) as {
        code: string;
        status: number;
        instance: string;
        requestId: string;
      };
      expect(problem).toMatchObject({
        code: "headers_too_large",
        status: 431,
        instance: "/v1/catalog/interventions",
      });
      expect(long.headers.get("x-request-id")).toBe(problem.requestId);

      const garbage = await rawExchange(base, "NOT HTTP AT ALL\r\n\r\n");
      expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
      const body = JSON.parse(garbage.slice(garbage.indexOf("\r\n\r\n") + 4)) as { code: string };
      expect(body.code).toBe("malformed_request");

      // The server still serves afterwards.
      expect((await fetch(`${base}/v1/catalog/interventions?q=arbete`)).status).toBe(200);
    } finally {
      const exited = new Promise((resolve) => child.on("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      rmSync(ownDir, { recursive: true, force: true });
    }
  }, 120_000);
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
