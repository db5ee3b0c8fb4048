import { createServer } from "node:net";
import { type Database, openDatabase, transaction } from "@nns/db";
import { createTestDatabase, type TestDatabase } from "@nns/db/testing";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Deps, startBackgroundWork } from "../src/index.js";
import { testDeps } from "./deps.js";

/**
 * Email delivery on the job queue, below the HTTP layer: two delivery processes on one database send
 * each email once, and a delivery that keeps failing is given up after its period with the row kept.
 */
const quiet = { info: () => undefined };

let t: TestDatabase;
let second: Database;
let smtp: SMTPServer;
let smtpUrl: string;
const received: string[] = [];
const started: Deps[] = [];

async function queueEmails(deps: Deps, addresses: string[]): Promise<void> {
  for (const to of addresses)
    await transaction(deps.db, {}, (tx) =>
      deps.mailer.queue(tx, {
        to,
        subject: "Hej",
        text: "Text",
        html: "<p>Text</p>",
        template: "invitation",
        organizationId: null,
      }),
    );
}

beforeAll(async () => {
  t = await createTestDatabase();
  // A second process has its own connections to the same database; PGlite has one, shared in-process.
  second = t.urls
    ? await openDatabase({
        mode: "server",
        url: t.urls.owner,
        appUrl: t.urls.app,
        appPassword: null,
        poolMax: 4,
      })
    : t.db;
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      stream.resume();
      stream.on("end", () => {
        for (const rcpt of session.envelope.rcptTo) received.push(rcpt.address);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`;
});

afterAll(async () => {
  for (const deps of started) {
    await deps.jobs.stop();
    deps.mailer.close();
  }
  if (second && second !== t.db) await second.close();
  await t?.destroy();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("email delivery on the job queue", () => {
  it("sends every email once when two processes deliver at the same time", async () => {
    const one = testDeps(t.db, { mail: { smtpUrl } });
    const two = testDeps(second, { mail: { smtpUrl } });
    started.push(one, two);
    await one.jobs.start();
    const addresses = Array.from({ length: 40 }, (_, i) => `person${i}@test.se`);
    await queueEmails(one, addresses);
    await Promise.all([startBackgroundWork(one, quiet), startBackgroundWork(two, quiet)]);
    await vi.waitFor(() => expect(new Set(received).size).toBe(addresses.length), {
      timeout: 30_000,
      interval: 100,
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect([...received].sort()).toEqual([...addresses].sort());
    const [counts] = await t.db.ownerSql(
      "select count(*) filter (where status = 'sent')::int as sent, max(attempts)::int as attempts from emails",
    );
    expect(counts).toMatchObject({ sent: addresses.length, attempts: 1 });
    await one.jobs.stop();
    await two.jobs.stop();
  });

  it("retries a refused delivery with growing waits and gives up after the period, keeping row and body", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    const failing = testDeps(t.db, {
      mail: {
        smtpUrl: `smtp://127.0.0.1:${port}`,
        delivery: { firstDelayMs: 100, maxDelayMs: 400, giveUpAfterMs: 2_000, smtpTimeoutMs: 1_000 },
      },
    });
    started.push(failing);
    await startBackgroundWork(failing, quiet);
    await queueEmails(failing, ["unreachable@test.se"]);
    await vi.waitFor(
      async () => {
        const [row] = await t.db.ownerSql(
          "select status, attempts, error, text_body from emails where to_address = 'unreachable@test.se'",
        );
        expect(row).toMatchObject({ status: "failed", text_body: "Text" });
        expect(Number(row?.attempts)).toBeGreaterThanOrEqual(2);
        expect(String(row?.error)).toMatch(/ECONNREFUSED/);
      },
      { timeout: 20_000, interval: 200 },
    );
    expect(received).not.toContain("unreachable@test.se");
  });
});
