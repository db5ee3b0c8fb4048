/**
 * Benchmark: email delivery through the job queue on PostgreSQL — 1 000 emails queued in their own
 * transactions, delivered by one process's workers to a local SMTP sink — beside the ceiling: the same
 * messages handed straight to nodemailer's pooled transport towards the same sink, with no database.
 * The sink runs in a separate process. Uses DATABASE_URL, or the local server at 127.0.0.1:5432.
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { transaction } from "@nns/db";
import { createTestDatabase } from "@nns/db/testing";
import { startBackgroundWork } from "@nns/services";
import nodemailer from "nodemailer";
import { benchDeps } from "./harness/deps.js";
import { printComparison } from "./harness/load.js";

process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
const EMAILS = Number(process.env.BENCH_EMAILS ?? 1000);

const sink = fork(fileURLToPath(new URL("./harness/smtp-sink.ts", import.meta.url)), [], {
  execArgv: ["--import", "tsx"],
});
const port = await new Promise<number>((resolve) => sink.once("message", (m) => resolve(Number(m))));
const received = () =>
  new Promise<number>((resolve) => {
    sink.once("message", (m) => resolve(Number(m)));
    sink.send("count");
  });
const smtpUrl = `smtp://127.0.0.1:${port}`;
const message = (i: number) => ({
  to: `person${i}@bench.test`,
  subject: "Inbjudan till NNS-plattformen",
  text: "Hej! Du är inbjuden. ".repeat(40),
  html: `<p>${"Hej! Du är inbjuden. ".repeat(40)}</p>`,
});

async function waitFor(count: number): Promise<void> {
  while ((await received()) < count) await new Promise((resolve) => setTimeout(resolve, 20));
}

// The ceiling: nodemailer's pool straight to the sink, as many in flight as the workers' batch.
const direct = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 4 });
let started = performance.now();
for (let i = 0; i < EMAILS; i += 8)
  await Promise.all(
    Array.from({ length: Math.min(8, EMAILS - i) }, (_, k) =>
      direct.sendMail({ from: "bench <bench@nns.test>", ...message(i + k) }),
    ),
  );
await waitFor(EMAILS);
const ceilingRate = EMAILS / ((performance.now() - started) / 1000);
direct.close();

const t = await createTestDatabase();
try {
  const deps = benchDeps(t.db, smtpUrl);
  await deps.jobs.start();
  started = performance.now();
  for (let i = 0; i < EMAILS; i++)
    await transaction(deps.db, {}, (tx) =>
      deps.mailer.queue(tx, { ...message(EMAILS + i), template: "invitation", organizationId: null }),
    );
  const queueRate = EMAILS / ((performance.now() - started) / 1000);
  started = performance.now();
  await startBackgroundWork(deps, { info: () => undefined });
  await waitFor(2 * EMAILS);
  const deliveryRate = EMAILS / ((performance.now() - started) / 1000);
  const [sent] = await t.db.ownerSql("select count(*)::int as n from emails where status = 'sent'");
  if (Number(sent?.n) !== EMAILS) throw new Error(`expected ${EMAILS} sent rows, found ${sent?.n}`);

  printComparison(
    `Email delivery through the job queue (${EMAILS} emails) on PostgreSQL`,
    [
      "one process's workers (batches of 16, pooled SMTP with 4 connections) to an SMTP sink in another process",
      "ceiling: nodemailer's pool straight to the same sink, 8 in flight, no database",
      `queueing (a transaction per email with its row and job): ${queueRate.toFixed(0)} emails/s`,
    ],
    [{ name: "delivered", value: deliveryRate, floor: ceilingRate, unit: "emails/s", higherIsBetter: true }],
  );
  await deps.jobs.stop();
  deps.mailer.close();
} finally {
  await t.destroy();
  sink.kill();
}
