import { createServer, type Server, type Socket } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Client, setupTestApp, signIn, type TestEnv } from "./helpers.js";

/**
 * SMTP goes away while invitations are sent — first refusing connections, then accepting them and never
 * answering — and comes back. Requests only enqueue, so they answer as usual; the queue delivers every
 * email exactly once when the server is back, and a recipient the server refuses for good is given up
 * at once with the reason kept.
 */
const received: string[] = [];
let port: number;
let env: TestEnv;
let admin: Client;
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

async function invite(email: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const res = await admin.post(`/v1/orgs/${env.orgA.id}/invitations`, { email, role: "viewer" });
  return { status: res.status, ms: performance.now() - started };
}

beforeAll(async () => {
  port = await freePort();
  env = await setupTestApp({
    smtpUrl: `smtp://127.0.0.1:${port}`,
    delivery: { firstDelayMs: 200, maxDelayMs: 1_000, smtpTimeoutMs: 10_000, giveUpAfterMs: 3_600_000 },
  });
  admin = await signIn(env, env.users.adminA.email);
});

afterAll(async () => {
  for (const socket of hangingSockets) socket.destroy();
  await new Promise((resolve) => (hanging ? hanging.close(resolve) : resolve(undefined)));
  await env?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

describe("an SMTP outage", () => {
  const refusedPhase = Array.from({ length: 12 }, (_, i) => `refused${i}@test.se`);
  const hangingPhase = Array.from({ length: 12 }, (_, i) => `hanging${i}@test.se`);

  it("answers every invitation at once while the server refuses connections", async () => {
    const answers = await Promise.all(refusedPhase.map(invite));
    expect(answers.map((a) => a.status)).toEqual(refusedPhase.map(() => 201));
    // The delivery attempts fail and are rescheduled with the reason visible on the row.
    await vi.waitFor(
      async () => {
        const rows = await env.t.db.ownerSql(
          "select count(*)::int as n from emails where to_address like 'refused%' and attempts >= 2 and error like '%ECONNREFUSED%' and status = 'queued'",
        );
        expect(Number(rows[0]?.n)).toBe(refusedPhase.length);
      },
      { timeout: 15_000, interval: 200 },
    );
  });

  it("answers every invitation without waiting while the server accepts and never speaks", async () => {
    hanging = createServer((socket) => {
      hangingSockets.add(socket);
      socket.on("error", () => undefined);
    });
    await new Promise<void>((resolve) => hanging?.listen(port, "127.0.0.1", resolve));
    const answers = await Promise.all(hangingPhase.map(invite));
    expect(answers.map((a) => a.status)).toEqual(hangingPhase.map(() => 201));
    // The SMTP timeout is 10 s: an answer well inside it was not held up by delivery.
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(5_000);
    await vi.waitFor(() => expect(hangingSockets.size).toBeGreaterThan(0), { timeout: 10_000 });
  });

  it("delivers every email exactly once when the server is back, bodies cleared", async () => {
    for (const socket of hangingSockets) socket.destroy();
    hangingSockets.clear();
    await new Promise((resolve) => hanging?.close(resolve));
    hanging = null;
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
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
    const everyone = [...refusedPhase, ...hangingPhase];
    await vi.waitFor(() => expect(new Set(received).size).toBe(everyone.length), {
      timeout: 40_000,
      interval: 250,
    });
    // Give a duplicate time to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect([...received].sort()).toEqual([...everyone].sort());
    const rows = await env.t.db.ownerSql(
      "select status, text_body, html_body, sent_at from emails where to_address = any($1)",
      [everyone],
    );
    expect(rows).toHaveLength(everyone.length);
    for (const row of rows) expect(row).toMatchObject({ status: "sent", text_body: null, html_body: null });
  });

  it("gives up at once on a recipient the server refuses for good, keeping the row and the reason", async () => {
    expect((await invite("nobody@test.se")).status).toBe(201);
    await vi.waitFor(
      async () => {
        const [row] = await env.t.db.ownerSql(
          "select status, attempts, error, text_body from emails where to_address = 'nobody@test.se'",
        );
        expect(row).toMatchObject({ status: "failed", attempts: 1 });
        expect(String(row?.error)).toMatch(/550/);
        expect(row?.text_body).not.toBeNull();
      },
      { timeout: 15_000, interval: 200 },
    );
    // The organization's outbox shows it given up, with its attempts and its body for passing the link on.
    const outbox = await admin.get(`/v1/orgs/${env.orgA.id}/outbox`);
    const shown = outbox.body.data.find((e: { to: string }) => e.to === "nobody@test.se");
    expect(shown).toMatchObject({ status: "failed", attempts: 1 });
    expect(shown.lastAttemptAt).not.toBeNull();
    expect(shown.text).toContain("accept-invitation");
    expect(received).not.toContain("nobody@test.se");
  });
});
