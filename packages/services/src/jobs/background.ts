import type { Database } from "@nns/db";
import { startStripeWork } from "../billing/stripe-sync.js";
import type { Deps, ServiceConfig } from "../context.js";
import { Mailer, type MailerOptions } from "../mail/mailer.js";
import { purgeExpired } from "../maintenance.js";
import { newsletterSender } from "../newsletters/sender.js";
import { runNewsletterSchedule } from "../newsletters/sending.js";
import { sendProgressionReminders } from "../progression/reminders.js";
import { RETENTION_JOB, runProgressionRetention } from "../progression/retention.js";
import { runStatisticsImport, STATISTICS_IMPORT_JOB } from "../statistics/imports.js";
import { WebhookDeliverer } from "../webhooks/delivery.js";
import { JobQueue, type JobQueueOptions } from "./queue.js";

/** The services' dependencies, wired once: the queue, the mailer that enqueues on it, the settings. */
export function createDeps(
  db: Database,
  config: ServiceConfig,
  mail: MailerOptions,
  jobs: JobQueueOptions = {},
): Deps {
  const queue = new JobQueue(db, jobs);
  return { db, jobs: queue, mailer: new Mailer(db, queue, mail), config };
}

export interface JobLog {
  info: (fields: object, message: string) => void;
}

/**
 * Starts the queue and, unless `work` is false, this process's workers: email and webhook delivery, Stripe
 * collection (when configured), newsletter sending with its minute's round (scheduled issues due, stalled
 * ones picked up again), coaches' progression reminders at seven each morning, the hourly housekeeping
 * (expired sessions, spent tokens, closed throttle windows, day-old idempotency keys) and the nightly
 * erasure of progression data past its retention, which the queue's scheduler fires once across all
 * processes; and NNS's uploads of SCB statistics, read and written one at a time.
 */
export async function startBackgroundWork(deps: Deps, log: JobLog, work = true): Promise<void> {
  await deps.jobs.start();
  if (!work) return;
  await deps.mailer.startDelivery();
  await new WebhookDeliverer(deps).start();
  await startStripeWork(deps);
  await deps.jobs.work("maintenance.purge", async () => {
    log.info({ purged: await purgeExpired(deps) }, "purged expired rows");
  });
  await deps.jobs.schedule("maintenance.purge", "17 * * * *");
  await newsletterSender(deps).start();
  await deps.jobs.work("newsletter.schedule", async () => {
    const round = await runNewsletterSchedule(deps);
    if (round.started + round.resumed > 0) log.info(round, "newsletter issues started or picked up");
  });
  await deps.jobs.schedule("newsletter.schedule", "* * * * *");
  await deps.jobs.work(RETENTION_JOB, async () => {
    log.info(await runProgressionRetention(deps), "progression data past its retention erased");
  });
  await deps.jobs.schedule(RETENTION_JOB, "40 2 * * *");
  await deps.jobs.work("progression.reminders", async () => {
    log.info(await sendProgressionReminders(deps), "progression reminders sent");
  });
  await deps.jobs.schedule("progression.reminders", "0 7 * * *");
  await deps.jobs.work<{ importId: string }>(STATISTICS_IMPORT_JOB, async ({ importId }) => {
    await runStatisticsImport(deps, importId);
    log.info({ importId }, "statistics import finished");
  });
}
