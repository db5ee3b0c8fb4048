/**
 * Benchmark: one newsletter issue to 50 000 confirmed subscribers on PostgreSQL, sent by one sending
 * process — the built worker, `node dist/cli.js worker`, as production runs it (the bench script builds
 * first) — into a counting SMTP sink in a third process. Prints messages/s from the send request until the issue is `sent`, and the sending
 * process's peak RSS, beside the sink's own receiving ceiling: the same message handed to nodemailer's
 * pool straight to the sink, no database, as many in flight. Targets: ≥ 1 000 messages/s, peak RSS < 200 MB.
 * Uses DATABASE_URL, or the local server at 127.0.0.1:5432. The worker runs with the sender's default
 * tuning (newsletters/sender-policy.ts) and NEWSLETTER_SEND_RATE=100000: the sink is the bench's server.
 */
import { type ChildProcess, fork, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createTestDatabase } from "@nns/db/testing";
import {
  createOrganization,
  DEFAULT_SENDING_POLICY,
  enterOrganization,
  personalize,
  sendingProgress,
  startSending,
  systemContext,
} from "@nns/services";
import { finsamMemberParties } from "@nns/services/testing";
import nodemailer from "nodemailer";
import { benchDeps } from "./harness/deps.js";
import { printComparison } from "./harness/load.js";

process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 50_000);
const RATE = "100000";
/**
 * The worker's V8 limits, as docs/operations.md recommends for sending processes: without them V8 lets
 * the heap grow with short-lived garbage because nothing asks it not to (docs/performance.md).
 */
const WORKER_NODE_OPTIONS =
  process.env.BENCH_WORKER_NODE_OPTIONS ?? "--max-semi-space-size=4 --max-old-space-size=160";
const policy = DEFAULT_SENDING_POLICY;
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const tsxArgs = { execArgv: ["--import", "tsx"] };

function ask<T>(child: ChildProcess, message = "ask"): Promise<T> {
  return new Promise((resolve) => {
    child.once("message", (m) => resolve(m as T));
    child.send(message);
  });
}

const sink = fork(here("./harness/smtp-sink.ts"), [], tsxArgs);
const port = await new Promise<number>((resolve) => sink.once("message", (m) => resolve(Number(m))));
const smtpUrl = `smtp://127.0.0.1:${port}`;
const received = () => ask<number>(sink, "count");
async function waitFor(count: number): Promise<void> {
  while ((await received()) < count) await new Promise((resolve) => setTimeout(resolve, 20));
}

const t = await createTestDatabase();
let sender: ChildProcess | null = null;
try {
  const deps = benchDeps(t.db, smtpUrl);
  await deps.jobs.start();
  const organization = await createOrganization(systemContext(deps, "bench"), {
    name: "Samordningsförbundet Bänk",
    slug: "bank",
    organizationNumber: "2220000000",
    countyCode: "13",
    memberParties: finsamMemberParties("13", ["1380"]),
  });
  const org = organization.id;
  const [publication] = await t.db.ownerSql(
    `insert into newsletter_publications (organization_id, slug, name, sender_name, sender_email, reply_to)
     values ($1, 'bankbladet', 'Bänkbladet', 'Samordningsförbundet Bänk', 'info@bank.example.se', 'svar@bank.example.se')
     returning id`,
    [org],
  );
  const publicationId = publication?.id as string;
  await t.db.ownerSql(
    "insert into newsletter_publishers (organization_id, publication_id, publisher_organization_id, contact) values ($1, $2, $1, '035-12 34 56')",
    [org, publicationId],
  );
  const [issue] = await t.db.ownerSql(
    `insert into newsletter_issues (organization_id, publication_id, number, subject, preheader, status)
     values ($1, $2, 1, 'Nytt från förbunden i höst', 'Tre nya utbildningar och ett samarbete', 'ready') returning id`,
    [org, publicationId],
  );
  const issueId = issue?.id as string;
  // Four sections of a few paragraphs each: an issue of about the size the förbund send.
  for (let position = 1; position <= 4; position++)
    await t.db.ownerSql(
      `insert into newsletter_sections (organization_id, issue_id, publication_id, author_organization_id, position, heading, body_markdown, links, approved_at)
       values ($1, $2, $3, $1, $4, $5, $6, $7::jsonb, now())`,
      [
        org,
        issueId,
        publicationId,
        position,
        `Avsnitt ${position}: samverkan i praktiken`,
        "Samordningsförbundet har under hösten **arbetat vidare** med insatser för personer som står långt från arbetsmarknaden. ".repeat(
          6,
        ),
        JSON.stringify([{ label: "Läs mer", url: "https://bank.example.se/las-mer" }]),
      ],
    );
  await t.db.ownerSql(
    `insert into newsletter_subscribers (organization_id, publication_id, email, name, status, consent_source, consent_at, confirmed_at)
     select $1, $2, 'prenumerant' || i || '@bench.test', 'Prenumerant ' || i, 'confirmed', 'import', now(), now()
       from generate_series(1, $3::int) as i`,
    [org, publicationId, SUBSCRIBERS],
  );
  await t.db.ownerSql("analyze");

  const ctx = await enterOrganization(systemContext(deps, "bench"), org);
  const urls = t.urls as NonNullable<typeof t.urls>;
  const worker = spawn(process.execPath, [here("../dist/cli.js"), "worker"], {
    env: {
      ...process.env,
      DATABASE_URL: urls.owner,
      DATABASE_APP_URL: urls.app,
      SMTP_URL: smtpUrl,
      MAIL_FROM: "NNS-plattformen <no-reply@nns.localhost>",
      NEWSLETTER_SEND_RATE: RATE,
      LOG_LEVEL: "info",
      DEMO_DATA: "never",
      NODE_OPTIONS: WORKER_NODE_OPTIONS,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  sender = worker;
  await new Promise<void>((resolve) => {
    let output = "";
    worker.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("worker running background jobs")) resolve();
    });
  });
  // VmHWM: the process's peak resident set so far, from the kernel.
  const peakRssMb = () =>
    Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${worker.pid}/status`, "utf8"))?.[1]) / 1024;
  const idleRssMb = peakRssMb();
  let started = performance.now();
  await startSending(ctx, publicationId, issueId);
  const startMs = performance.now() - started;
  // Timed by the sink's count (a cheap question to another process), not by polling the database,
  // which would compete with the sender for the same two cores.
  await waitFor(SUBSCRIBERS);
  const sendRate = SUBSCRIBERS / ((performance.now() - started) / 1000);
  while ((await sendingProgress(ctx, publicationId, issueId)).status !== "sent")
    await new Promise((resolve) => setTimeout(resolve, 200));
  const sendingPeakRssMb = peakRssMb();
  const progress = await sendingProgress(ctx, publicationId, issueId);
  if (progress.sent !== SUBSCRIBERS) throw new Error(`expected ${SUBSCRIBERS} sent, found ${progress.sent}`);
  // The ceiling, with the issue's frozen rendering: the sink's receiving rate through nodemailer's pool.
  const [frozen] = await t.db.ownerSql(
    "select rendered_html, rendered_text from newsletter_issues where id = $1",
    [issueId],
  );
  const rendered = { html: String(frozen?.rendered_html), text: String(frozen?.rendered_text) };
  const connections = policy.maxConnections;
  const direct = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: connections,
    maxMessages: Number.POSITIVE_INFINITY,
  });
  const inFlight = policy.parallelism * policy.batchSize;
  started = performance.now();
  for (let i = 0; i < SUBSCRIBERS; i += inFlight)
    await Promise.all(
      Array.from({ length: Math.min(inFlight, SUBSCRIBERS - i) }, (_, k) =>
        direct.sendMail({
          from: "Samordningsförbundet Bänk <info@bank.example.se>",
          to: `tak${i + k}@bench.test`,
          subject: "Nytt från förbunden i höst",
          ...personalize(rendered, {
            unsubscribeUrl: `http://localhost/nyhetsbrev/avregistrera/${i + k}`,
            manageUrl: `http://localhost/nyhetsbrev/mina-uppgifter/${i + k}`,
          }),
        }),
      ),
    );
  await waitFor(2 * SUBSCRIBERS);
  const ceilingRate = SUBSCRIBERS / ((performance.now() - started) / 1000);
  direct.close();
  const [size] = await t.db.ownerSql(
    "select length(rendered_html) as n from newsletter_issues where id = $1",
    [issueId],
  );

  printComparison(
    `Newsletter: one issue to ${SUBSCRIBERS} confirmed subscribers on PostgreSQL`,
    [
      `one sending process (node ${WORKER_NODE_OPTIONS} dist/cli.js worker): ${policy.parallelism} lanes, claims of ${policy.batchSize}, ${connections} pooled SMTP connections, rate limit ${RATE}/s; sink in another process`,
      `ceiling: nodemailer's pool (${connections} connections) straight to the same sink, ${inFlight} in flight, the same rendering personalised, no database`,
      `starting (render, ${SUBSCRIBERS} delivery rows by one INSERT … SELECT, jobs): ${startMs.toFixed(0)} ms; HTML ${size?.n} characters`,
      `sending process peak RSS: ${sendingPeakRssMb.toFixed(0)} MB (target < 200 MB); ${idleRssMb.toFixed(0)} MB when it had started, before sending`,
    ],
    [{ name: "sent", value: sendRate, floor: ceilingRate, unit: "messages/s", higherIsBetter: true }],
  );
  await deps.jobs.stop();
} finally {
  sender?.kill("SIGTERM");
  await t.destroy();
  sink.kill();
}
