import { APP_ROLE, type Database, sqlInTransaction, type Tx } from "@nns/db";
import PgBoss from "pg-boss";
import { jobFailedChannel } from "../events.js";

/**
 * Every kind of background job, with how the queue treats it. Retries here cover a worker that died or
 * a job that threw (the queue's own safety net); email and webhook delivery schedule their own retries
 * with a capped backoff and a give-up date (mail/mailer.ts, webhooks/delivery.ts), which the queue's
 * unbounded doubling cannot express.
 */
const QUEUES = {
  "email.deliver": { retryLimit: 10, retryDelay: 30, retryBackoff: true, expireInSeconds: 600 },
  "webhook.deliver": { retryLimit: 10, retryDelay: 60, retryBackoff: true, expireInSeconds: 300 },
  "maintenance.purge": { retryLimit: 2, retryDelay: 60, expireInSeconds: 900 },
  // Stripe calls carry idempotency keys derived from our ids (billing/stripe), so a retry never doubles.
  "stripe.mirror-invoice": { retryLimit: 12, retryDelay: 60, retryBackoff: true, expireInSeconds: 300 },
  "stripe.mark-paid-out-of-band": {
    retryLimit: 12,
    retryDelay: 60,
    retryBackoff: true,
    expireInSeconds: 300,
  },
  // A job is one lane of an issue's sending, which hands on to a fresh job well within its expiry
  // (newsletters/sender.ts); a retried one only claims what is still pending.
  "newsletter.send": { retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 900 },
  "newsletter.schedule": { retryLimit: 1, retryDelay: 30, expireInSeconds: 300 },
  // Erasing is idempotent: a retry finds only the participants still past their retention.
  "progression.retention": { retryLimit: 2, retryDelay: 300, expireInSeconds: 1800 },
  // A rerun sends nothing twice: each coach's email of the day is looked for first (progression/reminders.ts).
  "progression.reminders": { retryLimit: 3, retryDelay: 300, expireInSeconds: 1_800 },
  // A retry after a crash discards what the dead attempt wrote and reads the kept file again
  // (statistics/imports.ts); ten years of monthly figures take minutes on the embedded database, so the
  // expiry is generous: an expired job is retried while the first attempt may still be running.
  "statistics.import": { retryLimit: 2, retryDelay: 30, expireInSeconds: 3_600 },
} satisfies Record<string, Omit<PgBoss.Queue, "name">>;

export type JobName = keyof typeof QUEUES;

export interface JobQueueOptions {
  /** How often an idle worker looks for new jobs. */
  pollingIntervalSeconds?: number;
  onError?: (error: unknown) => void;
}

/** The advisory lock key of the queue's set-up; the migrations hold 727274. */
const QUEUE_SETUP_LOCK = 727275;

/**
 * The PostgreSQL-backed job queue (pg-boss) for everything that talks to the outside world after a
 * request. Jobs are enqueued in the caller's transaction (the outbox pattern), claimed with SKIP LOCKED
 * so each runs once across processes, and scheduled jobs fire once across replicas. See decision 0007.
 */
export class JobQueue {
  readonly #boss: PgBoss;
  readonly #pollingIntervalSeconds: number;
  #started = false;

  constructor(
    private readonly db: Database,
    options: JobQueueOptions = {},
  ) {
    this.#pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1;
    this.#boss = new PgBoss({
      db: { executeSql: async (text, values) => ({ rows: await db.jobSql(text, values) }) },
      schema: "pgboss",
      migrate: true,
      supervise: true,
      schedule: true,
      // Completed jobs are history only; the emails table is the record people see.
      archiveCompletedAfterSeconds: 3_600,
      deleteAfterDays: 7,
    });
    // An EventEmitter 'error' without a listener would throw and end the process.
    this.#boss.on("error", (error) => options.onError?.(error));
  }

  /** Installs or upgrades the queue's schema, creates the queues and lets the app role enqueue. */
  async start(): Promise<void> {
    if (this.#started) return;
    // Replicas starting together on a fresh database deadlocked here (pg-boss's install, queue
    // partitions and the grants each take locks in their own order): one process at a time sets the
    // queue up, the others then find it done. A session lock, held on the queue's own connection.
    await this.db.jobSql(`select pg_advisory_lock(${QUEUE_SETUP_LOCK})`);
    try {
      await this.#boss.start();
      for (const [name, options] of Object.entries(QUEUES)) {
        await this.#boss.createQueue(name, { name, ...options });
      }
      // Request transactions run as the application role and enqueue in their own transaction; that
      // needs exactly this much of the queue's schema: insert a job and read back its id (jobs land in
      // per-queue partitions through the parent, whose privileges are the ones checked).
      await this.db.jobSql(
        `grant usage on schema pgboss to ${APP_ROLE}; grant select on pgboss.queue to ${APP_ROLE}; grant insert, select (id) on pgboss.job to ${APP_ROLE}`,
      );
    } finally {
      await this.db.jobSql(`select pg_advisory_unlock(${QUEUE_SETUP_LOCK})`);
    }
    this.#started = true;
  }

  /** Enqueues in the caller's transaction: the job exists exactly when the change that caused it does. */
  async enqueue(
    tx: Tx,
    name: JobName,
    data: object,
    options: { startAfterSeconds?: number } = {},
  ): Promise<void> {
    await this.#boss.send(name, data, {
      ...(options.startAfterSeconds ? { startAfter: Math.ceil(options.startAfterSeconds) } : {}),
      db: { executeSql: async (text, values) => ({ rows: await sqlInTransaction(tx, text, values) }) },
    });
  }

  /**
   * Runs `handler` for jobs of `name` in this process, a batch at a time side by side; when a handler
   * throws, the whole batch is retried, so handlers must be safe to run again.
   */
  async work<T extends object>(
    name: JobName,
    handler: (data: T, jobId: string) => Promise<void>,
    options: { batchSize?: number } = {},
  ): Promise<void> {
    const batchSize = options.batchSize ?? 1;
    let workerId = "";
    workerId = await this.#boss.work<T>(
      name,
      { batchSize, pollingIntervalSeconds: this.#pollingIntervalSeconds },
      async (jobs) => {
        try {
          await Promise.all(jobs.map((job) => handler(job.data, job.id)));
        } catch (error) {
          jobFailedChannel.publish({ queue: name });
          throw error;
        }
        // A full batch means more are probably waiting: fetch again at once instead of sleeping the
        // polling interval, which would cap throughput at one batch per interval.
        if (jobs.length === batchSize) this.#boss.notifyWorker(workerId);
      },
    );
  }

  /**
   * Jobs waiting (`created`, `retry`) and running (`active`) per queue, for the metrics; one grouped
   * count over the queue's table, which its indexes on (name, state) keep cheap.
   */
  async depth(): Promise<{ queue: string; state: string; count: number }[]> {
    const rows = await this.db.jobSql(
      "select name, state::text as state, count(*)::int as count from pgboss.job where state in ('created', 'retry', 'active') group by name, state",
    );
    return rows.map((row) => ({
      queue: String(row.name),
      state: String(row.state),
      count: Number(row.count),
    }));
  }

  /** A job that runs on a cron schedule (Europe/Stockholm), once across all processes. */
  async schedule(name: JobName, cron: string): Promise<void> {
    await this.#boss.schedule(name, cron, {}, { tz: "Europe/Stockholm" });
  }

  async stop(): Promise<void> {
    if (!this.#started) return;
    this.#started = false;
    // The database connection is ours (Database.close), so the queue must not close it.
    await this.#boss.stop({ graceful: true, close: false, timeout: 10_000 });
  }
}
