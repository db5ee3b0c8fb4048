import { randomUUID } from "node:crypto";
import { type Database, type EmailAttachment, emails, type Tx, transaction } from "@nns/db";
import type { EmailTemplate } from "@nns/domain";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { emailFailedChannel, emailSentChannel } from "../events.js";
import type { JobQueue } from "../jobs/queue.js";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  template: EmailTemplate;
  organizationId: string | null;
  attachments?: EmailAttachment[];
}

export interface DeliveryPolicy {
  /** Wait before the second attempt; each later wait doubles, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** After this long since the email was queued, a failing delivery is given up (the row stays, `failed`). */
  giveUpAfterMs: number;
  /** Connection, greeting and socket timeouts towards the SMTP server. */
  smtpTimeoutMs: number;
}

const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  firstDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  giveUpAfterMs: 3 * 24 * 3_600_000,
  smtpTimeoutMs: 30_000,
};

export interface MailerOptions {
  smtpUrl: string | null;
  from: string;
  delivery?: Partial<DeliveryPolicy>;
}

interface DeliveryJob {
  emailId: string;
}

/**
 * A transactional outbox on the job queue. Services queue an email inside their own transaction, which
 * also enqueues its delivery job, so the email exists exactly when the change that caused it does and the
 * request never waits for SMTP. Without SMTP_URL the stored row is the delivery (the embedded outbox).
 * With SMTP a worker claims the job, sends, and clears the bodies (they carry single-use links); a
 * transient failure is retried with a capped exponential backoff until the give-up date, the body kept.
 */
export class Mailer {
  readonly transport: "outbox" | "smtp";
  readonly #policy: DeliveryPolicy;
  readonly #smtp: Transporter | null;
  readonly #domain: string;

  constructor(
    private readonly db: Database,
    private readonly jobs: JobQueue,
    private readonly options: MailerOptions,
  ) {
    this.transport = options.smtpUrl ? "smtp" : "outbox";
    this.#policy = { ...DEFAULT_DELIVERY_POLICY, ...options.delivery };
    this.#domain = /@([^>\s]+)/.exec(options.from)?.[1] ?? "nns.localhost";
    this.#smtp = options.smtpUrl
      ? nodemailer.createTransport({
          ...smtpTimeouts(this.#policy.smtpTimeoutMs),
          url: options.smtpUrl,
          pool: true,
          maxConnections: 4,
        })
      : null;
  }

  /** The SMTP server, sender and timeout, for the newsletter sender's own pooled transport. */
  get smtp(): { url: string | null; from: string; domain: string; timeoutMs: number } {
    return {
      url: this.options.smtpUrl,
      from: this.options.from,
      domain: this.#domain,
      timeoutMs: this.#policy.smtpTimeoutMs,
    };
  }

  async queue(tx: Tx, email: OutgoingEmail): Promise<void> {
    const id = randomUUID();
    const delivered = this.transport === "outbox";
    // No RETURNING: the transaction may queue an email for another organization, which it may not read.
    await tx.insert(emails).values({
      id,
      organizationId: email.organizationId,
      toAddress: email.to,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html,
      template: email.template,
      attachments: email.attachments ?? null,
      transport: this.transport,
      status: delivered ? "sent" : "queued",
      sentAt: delivered ? new Date() : null,
    });
    if (!delivered) await this.jobs.enqueue(tx, "email.deliver", { emailId: id } satisfies DeliveryJob);
  }

  /** Starts delivering queued emails from this process (several processes may do so at once). */
  async startDelivery(): Promise<void> {
    if (!this.#smtp) return;
    await this.jobs.work<DeliveryJob>("email.deliver", (job) => this.#deliver(job.emailId), {
      batchSize: 16,
    });
  }

  async #deliver(emailId: string): Promise<void> {
    const smtp = this.#smtp;
    if (!smtp) return;
    const scope = { settings: { "app.email_id": emailId } };
    // A lease rather than a row lock: the send happens outside any transaction, and a second job for the
    // same email (a retry racing an expired one) finds the lease taken and leaves it alone.
    const leaseMs = 3 * this.#policy.smtpTimeoutMs;
    const [email] = await transaction(this.db, scope, (tx) =>
      tx
        .update(emails)
        .set({
          attempts: sql`${emails.attempts} + 1`,
          lastAttemptAt: sql`now()`,
          leasedUntil: sql`now() + ${`${leaseMs} milliseconds`}::interval`,
        })
        .where(
          and(
            eq(emails.id, emailId),
            eq(emails.status, "queued"),
            or(isNull(emails.leasedUntil), lt(emails.leasedUntil, sql`now()`)),
          ),
        )
        .returning(),
    );
    if (!email) return;
    try {
      await smtp.sendMail({
        from: this.options.from,
        to: email.toAddress,
        subject: email.subject,
        text: email.textBody ?? "",
        html: email.htmlBody ?? undefined,
        // Receivers that see a retried copy can tell it is the same message.
        messageId: `<${email.id}@${this.#domain}>`,
        attachments: (email.attachments ?? []).map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
          encoding: a.encoding,
        })),
      });
    } catch (error) {
      await this.#recordFailure(email, error);
      return;
    }
    emailSentChannel.publish({ transport: "smtp" });
    await transaction(this.db, scope, (tx) =>
      tx
        .update(emails)
        .set({
          status: "sent",
          sentAt: sql`now()`,
          textBody: null,
          htmlBody: null,
          attachments: null,
          error: null,
          leasedUntil: null,
        })
        .where(eq(emails.id, email.id)),
    );
  }

  async #recordFailure(email: typeof emails.$inferSelect, error: unknown): Promise<void> {
    const reason = error instanceof Error ? error.message : String(error);
    const permanent = isPermanentSmtpFailure(error);
    const giveUp = permanent || Date.now() - email.createdAt.getTime() >= this.#policy.giveUpAfterMs;
    emailFailedChannel.publish({ gaveUp: giveUp });
    await transaction(this.db, { settings: { "app.email_id": email.id } }, async (tx) => {
      await tx
        .update(emails)
        .set({ status: giveUp ? "failed" : "queued", error: reason, leasedUntil: null })
        .where(eq(emails.id, email.id));
      if (!giveUp) {
        const delay = Math.min(
          this.#policy.maxDelayMs,
          this.#policy.firstDelayMs * 2 ** (email.attempts - 1),
        );
        await this.jobs.enqueue(tx, "email.deliver", { emailId: email.id } satisfies DeliveryJob, {
          startAfterSeconds: delay / 1000,
        });
      }
    });
  }

  close(): void {
    this.#smtp?.close();
  }
}

/**
 * A 5xx answer to the message or its recipient is final (no such mailbox, refused content); everything
 * else — refused or dropped connections, timeouts, 4xx, and authentication, which an operator can fix —
 * is worth trying again.
 */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const { responseCode, code } = (error ?? {}) as { responseCode?: number; code?: string };
  return code !== "EAUTH" && typeof responseCode === "number" && responseCode >= 500 && responseCode < 600;
}

/** Connection, greeting and socket timeouts of a transport towards the SMTP server. */
export function smtpTimeouts(timeoutMs: number) {
  return { connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs };
}
