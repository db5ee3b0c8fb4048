import { createServer, type Server, type Socket } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { expectData } from "./client.js";
import { freshTenant, setupTestApp, type Tenant, type TestEnv } from "./helpers.js";

/**
 * SMTP goes away while invitations are sent — first refusing connections, then accepting them and never
 * answering — and comes back. Requests only enqueue, so they answer as usual; the queue delivers every
 * email exactly once when the server is back, and a recipient the server refuses for good is given up
 * at once with the reason kept.
 *
 * Every test starts with nothing listening on the port, and invites addresses of its own förbund: the
 * queue keeps retrying what earlier tests left behind, so a test counts only its own recipients.
 */
const received: string[] = [];
let port: number;
let env: TestEnv;
let hanging: Server | null = null;
const hangingSockets = new Set<Socket>();
let smtp: SMTPServer | null = null;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port: free } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return free;
}

async function invite(t: Tenant, email: string): Promise<{ status: number; ms: number }> {
  const admin = await t.signIn("admin");
  const started = performance.now();
  const res = await admin.POST("/orgs/{orgId}/invitations", {
    params: { path: { orgId: t.org.id } },
    body: { email, role: "viewer" },
  });
  return { status: res.response.status, ms: performance.now() - started };
}

const addresses = (t: Tenant, phase: string) =>
  Array.from({ length: 12 }, (_, i) => `${phase}${i}.${t.org.slug}@test.se`);

/** Nothing listening: connections are refused. */
async function refuseConnections(): Promise<void> {
  for (const socket of hangingSockets) socket.destroy();
  hangingSockets.clear();
  await new Promise((resolve) => (hanging ? hanging.close(resolve) : resolve(undefined)));
  hanging = null;
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  smtp = null;
}

/** A server that accepts connections and never speaks. */
async function hang(): Promise<void> {
  hanging = createServer((socket) => {
    hangingSockets.add(socket);
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => hanging?.listen(port, "127.0.0.1", resolve));
}

/** A working server, which refuses for good any mailbox whose address starts with "nobody". */
async function serve(): Promise<void> {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    // The queue's pooled connections stay open; a test's end should not wait 30 s for them.
    closeTimeout: 200,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("nobody"))
        return callback(Object.assign(new Error("No such mailbox"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      stream.resume();
      stream.on("end", () => {
        for (const rcpt of session.envelope.rcptTo) received.push(rcpt.address);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp?.listen(port, "127.0.0.1", resolve));
}

/** Invites while connections are refused; asserts the answers, and the failed attempts on the rows. */
async function inviteWhileRefused(t: Tenant): Promise<string[]> {
  const refused = addresses(t, "refused");
  const answers = await Promise.all(refused.map((email) => invite(t, email)));
  expect(answers.map((a) => a.status)).toEqual(refused.map(() => 201));
  // The delivery attempts fail and are rescheduled with the reason visible on the row.
  await vi.waitFor(
    async () => {
      const rows = await env.t.db.ownerSql(
        "select count(*)::int as n from emails where to_address = any($1) and attempts >= 2 and error like '%ECONNREFUSED%' and status = 'queued'",
        [refused],
      );
      expect(Number(rows[0]?.n)).toBe(refused.length);
    },
    { timeout: 15_000, interval: 200 },
  );
  return refused;
}

/** Invites while the server accepts and never speaks; asserts the answers were not held up. */
async function inviteWhileHanging(t: Tenant): Promise<string[]> {
  await hang();
  const held = addresses(t, "hanging");
  const answers = await Promise.all(held.map((email) => invite(t, email)));
  expect(answers.map((a) => a.status)).toEqual(held.map(() => 201));
  // The SMTP timeout is 10 s: an answer well inside it was not held up by delivery.
  expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(5_000);
  await vi.waitFor(() => expect(hangingSockets.size).toBeGreaterThan(0), { timeout: 10_000 });
  return held;
}

beforeAll(async () => {
  port = await freePort();
  env = await setupTestApp({
    smtpUrl: `smtp://127.0.0.1:${port}`,
    delivery: { firstDelayMs: 200, maxDelayMs: 1_000, smtpTimeoutMs: 10_000, giveUpAfterMs: 3_600_000 },
  });
});

afterEach(refuseConnections);

afterAll(async () => {
  await refuseConnections();
  await env?.close();
});

describe("an SMTP outage", () => {
  it("answers every invitation at once while the server refuses connections", async () => {
    await inviteWhileRefused(await freshTenant(env));
  });

  it("answers every invitation without waiting while the server accepts and never speaks", async () => {
    await inviteWhileHanging(await freshTenant(env));
  });

  it("delivers every email exactly once when the server is back, bodies cleared", async () => {
    const t = await freshTenant(env);
    const everyone = [...(await inviteWhileRefused(t)), ...(await inviteWhileHanging(t))];
    await refuseConnections();
    await serve();
    const mine = () => received.filter((address) => everyone.includes(address));
    await vi.waitFor(() => expect(new Set(mine()).size).toBe(everyone.length), {
      timeout: 40_000,
      interval: 250,
    });
    // Give a duplicate time to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect([...mine()].sort()).toEqual([...everyone].sort());
    const rows = await env.t.db.ownerSql(
      "select status, text_body, html_body, sent_at from emails where to_address = any($1)",
      [everyone],
    );
    expect(rows).toHaveLength(everyone.length);
    for (const row of rows) expect(row).toMatchObject({ status: "sent", text_body: null, html_body: null });
  });

  it("gives up at once on a recipient the server refuses for good, keeping the row and the reason", async () => {
    await serve();
    const t = await freshTenant(env);
    const nobody = `nobody.${t.org.slug}@test.se`;
    expect((await invite(t, nobody)).status).toBe(201);
    await vi.waitFor(
      async () => {
        const [row] = await env.t.db.ownerSql(
          "select status, attempts, error, text_body from emails where to_address = $1",
          [nobody],
        );
        expect(row).toMatchObject({ status: "failed", attempts: 1 });
        expect(String(row?.error)).toMatch(/550/);
        expect(row?.text_body).not.toBeNull();
      },
      { timeout: 15_000, interval: 200 },
    );
    // The organization's outbox shows it given up, with its attempts and its body for passing the link on.
    const outbox = expectData(
      await (await t.signIn("admin")).GET("/orgs/{orgId}/outbox", { params: { path: { orgId: t.org.id } } }),
    );
    const shown = outbox.data.find((e) => e.to === nobody);
    expect(shown).toMatchObject({ status: "failed", attempts: 1 });
    expect(shown?.lastAttemptAt).not.toBeNull();
    expect(shown?.text).toContain("accept-invitation");
    expect(received).not.toContain(nobody);
  });
});
