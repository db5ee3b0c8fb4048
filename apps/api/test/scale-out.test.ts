/**
 * Stateless replicas behind PgBouncer in transaction mode (docs/scale-out.md): two API server processes on
 * one PostgreSQL database, their request pools through PgBouncer and their migrations, job queues and
 * locks on direct connections, both running jobs. Whatever one replica did, the other answers the same:
 * sessions, Idempotency-Key replays, the rate limit's count, the catalogue after a publish, the last seat;
 * and an email is sent once although two workers poll. Then the pool itself: a tenant setting made
 * transaction-locally never reaches the next client of the same server connection, where a session-level
 * one would. Uses the server named by DATABASE_URL, or a PostgreSQL of its own.
 */
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { openDatabase, rowsOf, transaction } from "@nns/db";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { act, createIntervention } from "./catalog-fixtures.js";
import { Client, expectData, PUBLIC_URL, signIn } from "./client.js";
import { freshTenant, plannedEvent, setupTestApp, type TestEnv } from "./helpers.js";
import { type PgBouncer, startPgBouncer } from "./pgbouncer.js";
import { type PrivatePostgres, startPrivatePostgres } from "./private-postgres.js";
import { type ServerProcess, startServer } from "./spawn-server.js";

const received: { to: string; raw: string }[] = [];
let smtp: SMTPServer;
let privatePostgres: PrivatePostgres | null = null;
let serverUrl: string;
let bouncer: PgBouncer;
let env: TestEnv;
let replicas: ServerProcess[] = [];
/** The test's database as each replica is reached: `a` and `b` in place of the in-process app. */
let a: TestEnv;
let b: TestEnv;

/** `env` with its in-process app replaced by HTTP to a replica, so the test client talks to it. */
function over(replica: ServerProcess): TestEnv {
  return {
    ...env,
    app: {
      request: (url: string, init: RequestInit) => {
        const { pathname, search } = new URL(url);
        return fetch(`${replica.base}${pathname}${search}`, init);
      },
    } as unknown as TestEnv["app"],
  };
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => {
        raw += chunk.toString("utf8");
      });
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const given = process.env.DATABASE_URL;
  if (!given) privatePostgres = await startPrivatePostgres();
  serverUrl = given ?? (privatePostgres?.url as string);
  // The test database is made and migrated over a direct connection, as an operator's `migrate` is.
  const before = process.env.DATABASE_URL;
  process.env.DATABASE_URL = serverUrl;
  try {
    env = await setupTestApp();
  } finally {
    if (before === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = before;
  }
  const urls = env.t.urls as { owner: string; app: string };
  bouncer = await startPgBouncer({
    serverPort: Number(new URL(serverUrl).port || 5432),
    passwords: passwords(),
  });
  const replicaEnv = {
    ...process.env,
    DATABASE_URL: urls.owner,
    DATABASE_APP_URL: bouncer.through(urls.app),
    DATABASE_POOL_MAX: "5",
    DATA_DIR: "",
    DEMO_DATA: "never",
    PUBLIC_URL,
    TRUST_PROXY: "true",
    RUN_JOBS: "true",
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    LOG_LEVEL: "warn",
    PORT: "0",
  };
  // Both start together, as replicas of a deployment do; one that started is stopped if the other failed.
  const started = await Promise.allSettled([
    startServer(replicaEnv, 150_000),
    startServer(replicaEnv, 150_000),
  ]);
  replicas = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  for (const result of started) if (result.status === "rejected") throw result.reason;
  a = over(replicas[0] as ServerProcess);
  b = over(replicas[1] as ServerProcess);
}, 240_000);

afterAll(async () => {
  await Promise.all(
    replicas.map((replica) => {
      const exited = new Promise((resolve) =>
        replica.child.exitCode === null ? replica.child.once("exit", resolve) : resolve(null),
      );
      replica.child.kill("SIGTERM");
      return exited;
    }),
  );
  await env?.close();
  await bouncer?.stop();
  await privatePostgres?.destroy();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
}, 60_000);

/** The passwords of the test database's two roles, where the server asks for them. */
function passwords(): Record<string, string> {
  const urls = env.t.urls as { owner: string; app: string };
  return Object.fromEntries(
    [urls.owner, urls.app].map((url) => {
      const { username, password } = new URL(url);
      return [decodeURIComponent(username), decodeURIComponent(password)];
    }),
  );
}

/** The same session or credentials on the other replica. */
function onReplica(target: TestEnv, from: Client): Client {
  const client = new Client(target);
  client.cookie = from.cookie;
  client.device = from.device;
  client.ip = from.ip;
  return client;
}

describe("two API replicas behind PgBouncer", () => {
  it("keeps a session signed in on one replica valid on the other, and a sign-out ends it on both", async () => {
    const t = await freshTenant(a);
    const onA = await signIn(a, t.admin.email);
    const onB = onReplica(b, onA);
    expect(expectData(await onB.GET("/auth/me"))).toMatchObject({
      kind: "user",
      user: { email: t.admin.email },
    });
    expect((await onA.POST("/auth/logout")).response.status).toBe(204);
    expect((await onB.GET("/auth/me")).response.status).toBe(401);
  });

  it("replays on B the answer to a POST made on A with the same Idempotency-Key, and sends its email once with two workers", async () => {
    const t = await freshTenant(a);
    const adminA = await signIn(a, t.admin.email);
    const adminB = onReplica(b, adminA);
    const email = `replica.invitee.${t.org.slug}@test.se`;
    const key = randomUUID();
    const invite = (client: Client) =>
      client.POST("/orgs/{orgId}/invitations", {
        params: { path: { orgId: t.org.id } },
        body: { email, role: "viewer" },
        headers: { "idempotency-key": key },
      });
    const first = await invite(adminA);
    const created = expectData(first, 201);
    const replayed = await invite(adminB);
    expect(expectData(replayed, 201)).toEqual(created);
    expect(replayed.response.headers.get("idempotent-replayed")).toBe("true");
    await vi.waitFor(
      () => {
        if (!received.some((m) => m.to === email)) throw new Error("not delivered yet");
      },
      { timeout: 20_000, interval: 100 },
    );
    // Both replicas poll every second: a second copy would have arrived by now.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(received.filter((m) => m.to === email)).toHaveLength(1);
    const rows = await env.t.db.ownerSql("select status from emails where to_address = $1", [email]);
    expect(rows).toEqual([{ status: "sent" }]);
  }, 40_000);

  it("counts a caller's catalogue requests once across both replicas", async () => {
    const caller = { "x-forwarded-for": "198.51.100.77" };
    // Within one minute's window; near a minute's end, the next window is waited for.
    const second = new Date().getSeconds();
    if (second > 50) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
    const remaining = async (replica: ServerProcess) => {
      const response = await fetch(`${replica.base}/v1/catalog/interventions`, { headers: caller });
      expect(response.status).toBe(200);
      return Number(response.headers.get("ratelimit-remaining"));
    };
    const [onA, onB] = replicas as [ServerProcess, ServerProcess];
    const first = await remaining(onA);
    expect(await remaining(onB)).toBe(first - 1);
    expect(await remaining(onA)).toBe(first - 2);
    expect(await remaining(onB)).toBe(first - 3);
  }, 30_000);

  it("finds on B an intervention published on A, although B cached the search before", async () => {
    const word = `replikord${randomUUID().slice(0, 6)}`;
    const search = async (target: TestEnv) =>
      expectData(
        await new Client(target).GET("/catalog/interventions", { params: { query: { q: word } } }),
      ).data.map((entry) => entry.id);
    expect(await search(b)).toEqual([]);
    expect(await search(b)).toEqual([]);
    const t = await freshTenant(a);
    const editor = await signIn(a, t.editor.email);
    const nns = await signIn(a, env.users.nnsAdmin.email);
    const { id } = await createIntervention(editor, t.org.id, {
      title: `Samordnad insats ${word}`,
      summary: `En insats som bara ${word} hittar.`,
    });
    expectData(await act(editor, t.org.id, id, "submit"));
    expect(expectData(await act(nns, t.org.id, id, "publish")).state).toBe("published");
    expect(await search(b)).toEqual([id]);
    expect(await search(a)).toEqual([id]);
  }, 30_000);

  it("gives the last seat to one of two registrations sent at once, one to each replica", async () => {
    const t = await freshTenant(a);
    const { trainingId, sessionId } = await plannedEvent(t.ctx, "Sista platsen", 1);
    const editorA = await signIn(a, t.editor.email);
    const editorB = onReplica(b, editorA);
    const register = (client: Client, n: number) =>
      client.POST("/orgs/{orgId}/trainings/{trainingId}/participants", {
        params: { path: { orgId: t.org.id, trainingId } },
        body: {
          name: `Deltagare ${n}`,
          email: `sista.${n}.${t.org.slug}@test.se`,
          contactConsent: false,
          sessionIds: [sessionId],
        },
      });
    const results = await Promise.all([register(editorA, 1), register(editorB, 2)]);
    const statuses = results.map((r) => expectData(r, 201).registrations[0]?.status).sort();
    expect(statuses).toEqual(["confirmed", "waitlisted"]);
  }, 30_000);

  it("sent the replicas' request traffic through PgBouncer", async () => {
    const database = new URL((env.t.urls as { owner: string }).owner).pathname.slice(1);
    // Every request above runs at least one transaction on the request pool.
    expect(await bouncer.transactions(database)).toBeGreaterThan(20);
  });
});

describe("tenant settings on a pooled server connection", () => {
  let pool: PgBouncer;
  beforeAll(async () => {
    // One server connection for every client: whatever one client leaves on it, the next one meets.
    pool = await startPgBouncer({
      serverPort: Number(new URL(serverUrl).port || 5432),
      poolSize: 1,
      passwords: passwords(),
    });
  }, 30_000);
  afterAll(async () => pool?.stop());

  it("never lets app.org_id set by one client's transaction reach another client, where a session-level setting would", async () => {
    const urls = env.t.urls as { owner: string; app: string };
    const appUrl = pool.through(urls.app);
    // The application's own transaction, as every request runs it, on a pool of its own through PgBouncer.
    const first = await openDatabase({
      mode: "server",
      url: urls.owner,
      appUrl,
      appPassword: null,
      poolMax: 1,
    });
    const other = postgres(appUrl, { max: 1, prepare: false, onnotice: () => {} });
    try {
      const seen = await transaction(first, { organizationId: env.orgA.id }, async (tx) => {
        const [row] = rowsOf<{ org: string; pid: number }>(
          await tx.execute(sql`select current_setting('app.org_id', true) as org, pg_backend_pid() as pid`),
        );
        return row as { org: string; pid: number };
      });
      expect(seen.org).toBe(env.orgA.id);
      const [after] = await other`select current_setting('app.org_id', true) as org, pg_backend_pid() as pid`;
      // The same server connection, so the test could see a leak if there were one.
      expect(after?.pid).toBe(seen.pid);
      expect(after?.org ?? "").toBe("");
      // A session-level setting is left on the connection for the next client: why none is ever made.
      await first.appSql("select set_config('app.org_id', $1, false)", [env.orgB.id]);
      const [leaked] =
        await other`select current_setting('app.org_id', true) as org, pg_backend_pid() as pid`;
      expect(leaked?.pid).toBe(seen.pid);
      expect(leaked?.org).toBe(env.orgB.id);
      await other`select set_config('app.org_id', '', false)`;
    } finally {
      await other.end({ timeout: 5 });
      await first.close();
    }
  }, 30_000);
});
