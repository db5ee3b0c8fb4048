import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@nns/db/testing";
import { simpleParser } from "mailparser";
import { afterAll, describe, expect, it, vi } from "vitest";
import {
  closeNewsletterSender,
  type Deps,
  runNewsletterSchedule,
  sendingProgress,
  startSending,
} from "../src/index.js";
import { testDeps } from "./deps.js";
import { addSubscribers, CRASH_TEST_NEWSLETTERS, newsletterFixture } from "./newsletter-fixtures.js";
import { SmtpSink } from "./smtp-sink.js";
import { freshTenant } from "./tenant.js";

/**
 * A sending process killed (SIGKILL) in the middle of an issue and another started: nobody is lost, and
 * nobody gets a second message except within the one window sender.ts describes (the server had said 250,
 * the process died before the row was marked), whose copy carries the same Message-ID. Processes share
 * a database only on a PostgreSQL server (PGlite lives inside one process), so this runs in CI's
 * PostgreSQL pass (.ci/run, DATABASE_URL set), like the other multi-process tests.
 */
const tsx = join(import.meta.dirname, "../../../apps/api/node_modules/.bin/tsx");
const script = join(import.meta.dirname, "newsletter-sender-process.ts");
const SUBSCRIBERS = 2_000;

let t: TestDatabase | null = null;
let sink: SmtpSink | null = null;
let deps: Deps | null = null;
const children: ChildProcess[] = [];

function startSender(db: TestDatabase, smtpUrl: string): Promise<ChildProcess> {
  const urls = db.urls as NonNullable<TestDatabase["urls"]>;
  const child = spawn(tsx, [script], {
    cwd: join(import.meta.dirname, ".."),
    env: {
      ...process.env,
      SENDER_DB_OWNER_URL: urls.owner,
      SENDER_DB_APP_URL: urls.app,
      SENDER_SMTP_URL: smtpUrl,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sender did not start:\n${output}`)), 60_000);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready")) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on("exit", () => reject(new Error(`sender exited:\n${output}`)));
  });
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

afterAll(async () => {
  for (const child of children) await kill(child);
  if (deps) {
    await deps.jobs.stop();
    deps.mailer.close();
    closeNewsletterSender(deps);
  }
  await sink?.refuse();
  await t?.destroy();
});

describe.runIf(process.env.DATABASE_URL)("a sending process killed mid-send", () => {
  it("resumes in another process after the leases run out: none lost, none twice outside the 250 window", async () => {
    t = await createTestDatabase();
    sink = await SmtpSink.start();
    // This process starts sending and runs the minute's round; it sends nothing itself.
    deps = testDeps(t.db, { config: { newsletters: CRASH_TEST_NEWSLETTERS } });
    await deps.jobs.start();
    const owner = await freshTenant(deps);
    const fixture = await newsletterFixture(deps, owner.organization.id);
    const everyone = await addSubscribers(deps, fixture, SUBSCRIBERS, "confirmed", "krasch-");

    const first = await startSender(t, sink.url);
    await startSending(owner.admin, fixture.publicationId, fixture.issueId);
    await vi.waitFor(() => expect(sink?.received.length).toBeGreaterThan(SUBSCRIBERS / 4), {
      timeout: 30_000,
      interval: 5,
    });
    await kill(first);
    const atKill = sink.received.length;
    expect(atKill).toBeLessThan(SUBSCRIBERS);

    await startSender(t, sink.url);
    // The dead process's jobs are lost with it (the other lanes' jobs still wait in the queue); the
    // minute's round, run here every 250 ms instead, gives the stalled issue new jobs once the rows the
    // dead process held are free again.
    await vi.waitFor(
      async () => {
        await runNewsletterSchedule(deps as Deps);
        const now = await sendingProgress(owner.admin, fixture.publicationId, fixture.issueId);
        expect(now.status).toBe("sent");
      },
      { timeout: 60_000, interval: 250 },
    );
    const progress = await sendingProgress(owner.admin, fixture.publicationId, fixture.issueId);
    expect(progress).toMatchObject({ total: SUBSCRIBERS, sent: SUBSCRIBERS, failed: 0, pending: 0 });

    const counts = sink.counts();
    expect(everyone.filter((address) => !counts.has(address))).toEqual([]);
    const twice = everyone.filter((address) => (counts.get(address) ?? 0) > 1);
    // Within the window: at most the messages on the process's connections and those waiting to be marked.
    expect(twice.length).toBeLessThanOrEqual(10);
    expect(everyone.filter((address) => (counts.get(address) ?? 0) > 2)).toEqual([]);
    for (const address of twice) {
      const copies = sink.received.filter((m) => m.to === address);
      const ids = await Promise.all(copies.map(async (m) => (await simpleParser(m.raw)).messageId));
      expect(new Set(ids).size).toBe(1);
    }
    console.info(
      `killed after ${atKill} of ${SUBSCRIBERS} messages; ${twice.length} sent twice within the 250 window`,
    );
  }, 180_000);
});
