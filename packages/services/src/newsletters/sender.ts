import { newsletterDeliveries, newsletterIssues, newsletterPublications, rowsOf, transaction } from "@nns/db";
import { and, eq, inArray, sql } from "drizzle-orm";
import nodemailer, { type SendMailOptions, type Transporter } from "nodemailer";
import type { Deps } from "../context.js";
import { isPermanentSmtpFailure, smtpTimeouts } from "../mail/mailer.js";
import { personalize, type RenderedIssue } from "./render.js";
import {
  DEFAULT_SEND_RATE_PER_SECOND,
  type NewsletterSendingPolicy,
  sendingPolicy,
} from "./sender-policy.js";
import { enqueueSendJobs, type SendJob, settleIfDone } from "./sending.js";
import { SentMarks } from "./sent-marks.js";
import { signingKey, signToken } from "./tokens.js";

interface IssueToSend {
  job: SendJob;
  subject: string;
  rendered: RenderedIssue;
  publication: {
    name: string;
    slug: string;
    senderName: string;
    senderEmail: string;
    replyTo: string | null;
  };
  key: Buffer;
}

interface ClaimedDelivery {
  id: string;
  subscriberId: string | null;
  attempts: number;
  email: string | null;
  name: string | null;
  status: string | null;
}

const MANAGE_LINK_SECONDS = 30 * 86_400;

/**
 * The newsletter worker: sends issues' deliveries through one pooled SMTP transport per process, at
 * most `sendRatePerSecond` messages a second towards its server. Any number of processes may work the
 * same issue: each lane claims a batch of due rows with a lease (FOR UPDATE SKIP LOCKED, so no two
 * lanes get the same row), sends them, and marks them sent in small batches.
 *
 * At most once per (issue, subscriber): the delivery row is unique, only a pending row with no live
 * lease is claimed, a lane does not hand a row to SMTP once half its lease is gone (another sender may
 * take it after the lease), and a row is marked sent right after the server's 250. At least once: a
 * sender that dies leaves its rows leased; when the leases run out another sender claims them.
 *
 * The one window: a process that dies after the server accepted a message (250) and before the row's
 * 'sent' update commits leaves that row pending, and the message goes out again when its lease runs
 * out. SMTP has no way to make the server's acceptance and our update one step (RFC 1047), so the window
 * is kept small instead: marks are flushed at most `flushMs` (5 ms) after the 250 or at once past 200
 * rows, and the copy sent again carries the same Message-ID, by which mail systems recognise it.
 */
export class NewsletterSender {
  readonly #policy: NewsletterSendingPolicy;
  readonly #transport: Transporter;
  readonly #from: { address: string; domain: string; header: string };
  readonly #claimSize: number;
  readonly #marks: SentMarks;
  #outageDelayMs = 0;
  #outageUntil = 0;
  /** Messages this process's server accepted; for tests and the benchmark. */
  sent = 0;

  constructor(private readonly deps: Deps) {
    this.#policy = sendingPolicy(deps);
    const config = deps.config.newsletters ?? {};
    const rate = config.sendRatePerSecond ?? DEFAULT_SEND_RATE_PER_SECOND;
    const smtp = deps.mailer.smtp;
    this.#from = {
      header: smtp.from,
      address: /<([^>]+)>/.exec(smtp.from)?.[1] ?? smtp.from,
      domain: smtp.domain,
    };
    const dkim = config.dkim ? { dkim: config.dkim } : {};
    // Without SMTP (development) the messages are built, signed and dropped: the embedded outbox's way.
    this.#transport = smtp.url
      ? nodemailer.createTransport({
          ...smtpTimeouts(smtp.timeoutMs),
          ...dkim,
          url: smtp.url,
          pool: true,
          maxConnections: this.#policy.maxConnections,
          maxMessages: Number.POSITIVE_INFINITY,
          rateDelta: 1000,
          rateLimit: rate,
        })
      : nodemailer.createTransport({ streamTransport: true, buffer: true, ...dkim });
    // All lanes together hold about half a second's worth at the rate: rows wait little under lease for
    // the rate limit, and a pause stops sending within about that long.
    this.#claimSize = Math.max(
      1,
      Math.min(this.#policy.batchSize, Math.ceil(rate / 2 / this.#policy.parallelism)),
    );
    this.#marks = new SentMarks(deps, this.#policy.flushMs);
  }

  /** Works the queue's newsletter jobs in this process, some of an issue's lanes at a time. */
  async start(): Promise<void> {
    // Half the lanes per process, so that a second process finds jobs of the same issue at once.
    await this.deps.jobs.work<SendJob>("newsletter.send", (job) => this.run(job), {
      batchSize: Math.max(1, Math.ceil(this.#policy.parallelism / 2)),
    });
  }

  close(): void {
    this.#transport.close();
  }

  /** One job: a lane that sends the issue until nothing is due or its time slice ends. */
  async run(job: SendJob): Promise<void> {
    const issue = await this.#load(job);
    if (!issue) return;
    const deadline = Date.now() + this.#policy.sliceMs;
    while (Date.now() < deadline) {
      const wait = this.#outageUntil - Date.now();
      if (wait > 0) await sleep(wait);
      const rows = await this.#claim(job);
      if (rows.length === 0) break;
      const claimedAt = performance.now();
      await Promise.all(rows.map((row) => this.#deliver(issue, row, claimedAt)));
    }
    await this.#marks.drain();
    await this.#handOn(job);
  }

  async #load(job: SendJob): Promise<IssueToSend | null> {
    const [row] = await transaction(this.deps.db, { organizationId: job.organizationId }, (tx) =>
      tx
        .select({ issue: newsletterIssues, publication: newsletterPublications })
        .from(newsletterIssues)
        .innerJoin(
          newsletterPublications,
          and(
            eq(newsletterPublications.organizationId, newsletterIssues.organizationId),
            eq(newsletterPublications.id, newsletterIssues.publicationId),
          ),
        )
        .where(
          and(
            eq(newsletterIssues.organizationId, job.organizationId),
            eq(newsletterIssues.id, job.issueId),
            eq(newsletterIssues.status, "sending"),
          ),
        ),
    );
    if (!row?.issue.renderedHtml || row.issue.renderedText === null) return null;
    return {
      job,
      subject: row.issue.subject,
      rendered: { html: row.issue.renderedHtml, text: row.issue.renderedText },
      publication: row.publication,
      key: await signingKey(this.deps.db),
    };
  }

  /** Leases a batch of due rows of a sending issue; rows another lane holds are skipped, not waited for. */
  async #claim(job: SendJob): Promise<ClaimedDelivery[]> {
    const { organizationId: org, issueId } = job;
    const rows = await transaction(this.deps.db, { organizationId: org }, async (tx) =>
      rowsOf<ClaimedDelivery>(
        await tx.execute(sql`
          with claimed as (
            update newsletter_deliveries d
               set leased_until = now() + ${`${this.#policy.leaseMs} milliseconds`}::interval
             where d.organization_id = ${org} and d.id in (
               select id from newsletter_deliveries
                where organization_id = ${org} and issue_id = ${issueId} and status = 'pending'
                  and next_attempt_at <= now() and (leased_until is null or leased_until < now())
                  and exists (select 1 from newsletter_issues i
                               where i.organization_id = ${org} and i.id = ${issueId} and i.status = 'sending')
                limit ${this.#claimSize}
                for update skip locked)
            returning d.id, d.subscriber_id, d.attempts)
          select c.id, c.subscriber_id as "subscriberId", c.attempts, s.email, s.name, s.status
            from claimed c
            left join newsletter_subscribers s on s.organization_id = ${org} and s.id = c.subscriber_id`),
      ),
    );
    // Whoever unsubscribed, was blocklisted or erased since sending started gets nothing.
    const gone = rows.filter((r) => r.status !== "confirmed" || !r.email).map((r) => r.id);
    if (gone.length > 0)
      await this.#update(org, gone, {
        status: "skipped",
        leasedUntil: null,
        error: "Prenumeranten var inte längre bekräftad.",
      });
    return rows.filter((r) => r.status === "confirmed" && r.email);
  }

  async #deliver(issue: IssueToSend, row: ClaimedDelivery, claimedAt: number): Promise<void> {
    const org = issue.job.organizationId;
    // Past half the lease another sender could soon claim the row: leave it for the next claim.
    if (performance.now() - claimedAt > this.#policy.leaseMs / 2) {
      await this.#update(org, [row.id], { leasedUntil: null });
      return;
    }
    try {
      await this.#transport.sendMail(this.#message(issue, row));
    } catch (error) {
      await this.#failed(org, row, error);
      return;
    }
    this.sent += 1;
    this.#outageDelayMs = 0;
    this.#marks.add(org, row.id);
  }

  /**
   * From is the publication (the förbund's name and address, what the reader knows), Sender and the
   * envelope are the platform's MAIL_FROM address, so bounces come to the platform and receivers see who
   * relayed it; docs/newsletters.md says what the förbund's domain must allow for DMARC.
   */
  #message(issue: IssueToSend, row: ClaimedDelivery): SendMailOptions {
    const { publication, key, job } = issue;
    const subscriberId = row.subscriberId as string;
    const claims = { organizationId: job.organizationId, subscriberId };
    const unsubscribe = signToken(key, { ...claims, purpose: "unsubscribe", expiresAt: 0 });
    const manage = signToken(key, {
      ...claims,
      purpose: "manage",
      expiresAt: Math.floor(Date.now() / 1000) + MANAGE_LINK_SECONDS,
    });
    const publicUrl = this.deps.config.publicUrl;
    const unsubscribeUrl = `${publicUrl}/nyhetsbrev/avregistrera/${unsubscribe}`;
    const mailbox = this.deps.config.newsletters?.unsubscribeMailbox ?? `avregistrera@${this.#from.domain}`;
    const { html, text } = personalize(issue.rendered, {
      unsubscribeUrl,
      manageUrl: `${publicUrl}/nyhetsbrev/mina-uppgifter/${manage}`,
    });
    const email = row.email as string;
    return {
      from: { name: publication.senderName, address: publication.senderEmail },
      sender: this.#from.header,
      replyTo: publication.replyTo ?? publication.senderEmail,
      to: row.name ? { name: row.name, address: email } : email,
      envelope: { from: this.#from.address, to: email },
      subject: issue.subject,
      html,
      text,
      messageId: `<${row.id}@${this.#from.domain}>`,
      date: new Date(),
      headers: {
        "List-Unsubscribe": `<${unsubscribeUrl}>, <mailto:${mailbox}?subject=unsubscribe%20${unsubscribe}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": `${publication.name} <${publication.slug}.${this.#from.domain}>`,
      },
    };
  }

  /**
   * A refused recipient or message (5xx) is final: failed, with the server's answer. A refusal for now
   * (4xx) waits its backoff and uses up an attempt. An unreachable server (refused or dropped
   * connection, timeout, 421, authentication) is no fault of the message: the process pauses, doubling
   * the pause, and the row waits as long without using up an attempt.
   */
  async #failed(org: string, row: ClaimedDelivery, error: unknown): Promise<void> {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const { responseCode, code } = (error ?? {}) as { responseCode?: number; code?: string };
    if (isPermanentSmtpFailure(error)) {
      await this.#update(org, [row.id], {
        status: "failed",
        attempts: row.attempts + 1,
        leasedUntil: null,
        error: reason,
      });
      return;
    }
    const messageRefused =
      typeof responseCode === "number" && responseCode !== 421 && code !== "EAUTH" && code !== "ECONNECTION";
    if (messageRefused) {
      const attempts = row.attempts + 1;
      const p = this.#policy;
      const delay = Math.min(p.retryMaxDelayMs, p.retryFirstDelayMs * 2 ** (attempts - 1));
      await this.#update(org, [row.id], {
        status: attempts >= p.maxAttempts ? "failed" : "pending",
        attempts,
        nextAttemptAt: new Date(Date.now() + delay),
        leasedUntil: null,
        error: reason,
      });
      return;
    }
    const now = Date.now();
    if (now >= this.#outageUntil) {
      const p = this.#policy;
      this.#outageDelayMs = this.#outageDelayMs
        ? Math.min(p.outageMaxDelayMs, this.#outageDelayMs * 2)
        : p.outageFirstDelayMs;
      this.#outageUntil = now + this.#outageDelayMs;
    }
    await this.#update(org, [row.id], {
      nextAttemptAt: new Date(this.#outageUntil),
      leasedUntil: null,
      error: reason,
    });
  }

  /** Changes rows that are still pending: a cancelled issue's rows stay cancelled. */
  async #update(
    org: string,
    ids: string[],
    set: Partial<typeof newsletterDeliveries.$inferInsert>,
  ): Promise<void> {
    await transaction(this.deps.db, { organizationId: org }, (tx) =>
      tx
        .update(newsletterDeliveries)
        .set(set)
        .where(
          and(
            eq(newsletterDeliveries.organizationId, org),
            inArray(newsletterDeliveries.id, ids),
            eq(newsletterDeliveries.status, "pending"),
          ),
        ),
    );
  }

  /**
   * After a lane: a finished issue is settled; one still waiting (retries, rows other senders hold, the
   * time slice over) gets a job for when its next row is due. Each job hands on at most one, so an
   * issue never has more lanes than it started with.
   */
  async #handOn(job: SendJob): Promise<void> {
    const org = job.organizationId;
    const [state] = await transaction(this.deps.db, { organizationId: org }, async (tx) =>
      rowsOf<{ status: string; pending: number; next: Date | string | null }>(
        await tx.execute(sql`
          select i.status,
                 (select count(*)::int from newsletter_deliveries d
                   where d.organization_id = i.organization_id and d.issue_id = i.id and d.status = 'pending') as pending,
                 (select min(greatest(d.next_attempt_at, coalesce(d.leased_until, d.next_attempt_at)))
                    from newsletter_deliveries d
                   where d.organization_id = i.organization_id and d.issue_id = i.id and d.status = 'pending') as next
            from newsletter_issues i where i.organization_id = ${org} and i.id = ${job.issueId}`),
      ),
    );
    if (state?.status !== "sending") return;
    if (state.pending === 0) {
      await settleIfDone(this.deps, job);
      return;
    }
    const next = state.next ? new Date(state.next).getTime() : Date.now();
    const afterSeconds = Math.max(0, (next - Date.now()) / 1000);
    await transaction(this.deps.db, { organizationId: org }, (tx) =>
      enqueueSendJobs(tx, this.deps, job, 1, afterSeconds),
    );
  }
}

const senders = new WeakMap<Deps, NewsletterSender>();

/** The process's one sender (and so one SMTP pool) for these services. */
export function newsletterSender(deps: Deps): NewsletterSender {
  let sender = senders.get(deps);
  if (!sender) {
    sender = new NewsletterSender(deps);
    senders.set(deps, sender);
  }
  return sender;
}

/** Closes the sender's SMTP connections, at shutdown after the queue has stopped. */
export function closeNewsletterSender(deps: Deps): void {
  senders.get(deps)?.close();
  senders.delete(deps);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
