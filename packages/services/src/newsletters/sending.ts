import { newsletterDeliveries, newsletterIssues, organizations, rowsOf, type Tx, transaction } from "@nns/db";
import { AppError, assertIssueTransition } from "@nns/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import { enterOrganization, requirePermission, requireSignedInPerson } from "../access.js";
import { audit } from "../audit.js";
import type { Deps, OrgContext } from "../context.js";
import { emitWebhookEvent } from "../webhooks/events.js";
import { progressOf, type SendingProgress } from "./progress.js";
import { personalize, renderIssue } from "./render.js";
import { sendingPolicy } from "./sender-policy.js";
import {
  archiveUrl,
  type IssueRow,
  issueForRendering,
  issueOfPublication,
  type PublicationRow,
  publicationForSending,
} from "./sending-content.js";

export interface SendJob {
  organizationId: string;
  issueId: string;
}

const scopeOf = (ctx: OrgContext) => ({ organizationId: ctx.organization.id });

/** Enqueues the issue's sender jobs: each is one lane of claiming and sending, in whichever process. */
export async function enqueueSendJobs(
  tx: Tx,
  deps: Deps,
  job: SendJob,
  count = sendingPolicy(deps).parallelism,
  startAfterSeconds?: number,
): Promise<void> {
  for (let i = 0; i < count; i++)
    await deps.jobs.enqueue(tx, "newsletter.send", job, startAfterSeconds ? { startAfterSeconds } : {});
}

async function ownedIssue(tx: Tx, ctx: OrgContext, publicationId: string, issueId: string) {
  const publication = await publicationForSending(tx, ctx, publicationId);
  if (!publication.isOwner)
    throw new AppError("forbidden", "Bara förbundet som äger nyhetsbrevet skickar dess utskick.");
  return {
    publication: publication.row,
    issue: await issueOfPublication(tx, publication.row, issueId, true),
  };
}

/**
 * Sending begins in one transaction: the issue is rendered once and frozen on its row (every recipient
 * gets, and the archive shows, exactly that), a delivery row is made for every confirmed subscriber not
 * on the suppression list by one INSERT … SELECT, and the sender jobs are enqueued. An issue with no
 * recipients is sent at once.
 */
async function beginSending(tx: Tx, ctx: OrgContext, publication: PublicationRow, issue: IssueRow) {
  assertIssueTransition(issue.status, "sending");
  const rendered = await renderIssue(
    await issueForRendering(tx, publication, issue, ctx.deps.config.publicUrl),
  );
  // The suppression list keeps the SHA-256 (hex) of the lower-cased address, which the column holds.
  const inserted = rowsOf<{ n: number }>(
    await tx.execute(sql`
      with made as (
        insert into newsletter_deliveries (organization_id, issue_id, subscriber_id)
        select s.organization_id, ${issue.id}::uuid, s.id
          from newsletter_subscribers s
         where s.organization_id = ${publication.organizationId} and s.publication_id = ${publication.id}
           and s.status = 'confirmed'
           and not exists (
             select 1 from newsletter_suppressions x
              where x.organization_id = s.organization_id and x.publication_id = s.publication_id
                and x.email_hash = encode(sha256(convert_to(s.email, 'UTF8')), 'hex'))
        on conflict do nothing
        returning 1)
      select count(*)::int as n from made`),
  );
  const total = Number(inserted[0]?.n ?? 0);
  await tx
    .update(newsletterIssues)
    .set({
      status: "sending",
      sendStartedAt: sql`now()`,
      renderedHtml: rendered.html,
      renderedText: rendered.text,
      recipientsTotal: total,
      version: sql`${newsletterIssues.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(newsletterIssues.organizationId, issue.organizationId), eq(newsletterIssues.id, issue.id)));
  await audit(tx, ctx, {
    action: "newsletter_issue.sending_started",
    entityType: "newsletter_issue",
    entityId: issue.id,
    before: { status: issue.status },
    after: { status: "sending", recipients: total },
  });
  if (total === 0) await settleIssue(tx, ctx, publication, issue.id);
  else await enqueueSendJobs(tx, ctx.deps, { organizationId: issue.organizationId, issueId: issue.id });
}

/** Starts sending a ready or scheduled issue now. Owner only. */
export async function startSending(
  ctx: OrgContext,
  publicationId: string,
  issueId: string,
): Promise<SendingProgress> {
  requirePermission(ctx, "newsletters:write");
  return transaction(ctx.deps.db, scopeOf(ctx), async (tx) => {
    const { publication, issue } = await ownedIssue(tx, ctx, publicationId, issueId);
    await beginSending(tx, ctx, publication, issue);
    return progressOf(tx, ctx, publication, issueId);
  });
}

async function moveIssue(
  ctx: OrgContext,
  publicationId: string,
  issueId: string,
  to: "paused" | "sending" | "cancelled",
): Promise<SendingProgress> {
  requirePermission(ctx, "newsletters:write");
  return transaction(ctx.deps.db, scopeOf(ctx), async (tx) => {
    const { publication, issue } = await ownedIssue(tx, ctx, publicationId, issueId);
    assertIssueTransition(issue.status, to);
    await tx
      .update(newsletterIssues)
      .set({
        status: to,
        ...(to === "cancelled" && { cancelledAt: sql`now()` }),
        version: sql`${newsletterIssues.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(
        and(eq(newsletterIssues.organizationId, issue.organizationId), eq(newsletterIssues.id, issue.id)),
      );
    // A row a sender holds right now may still go out; the sender then records it as sent, truthfully.
    if (to === "cancelled")
      await tx
        .update(newsletterDeliveries)
        .set({ status: "cancelled", leasedUntil: null })
        .where(
          and(
            eq(newsletterDeliveries.organizationId, issue.organizationId),
            eq(newsletterDeliveries.issueId, issue.id),
            eq(newsletterDeliveries.status, "pending"),
          ),
        );
    if (to === "sending")
      await enqueueSendJobs(tx, ctx.deps, { organizationId: issue.organizationId, issueId: issue.id });
    await audit(tx, ctx, {
      action: `newsletter_issue.${to === "sending" ? "resumed" : to}`,
      entityType: "newsletter_issue",
      entityId: issue.id,
      before: { status: issue.status },
      after: { status: to },
    });
    return progressOf(tx, ctx, publication, issueId);
  });
}

/** Stops handing out the issue's deliveries; those already with a sender finish. Owner only. */
export function pauseSending(ctx: OrgContext, publicationId: string, issueId: string) {
  return moveIssue(ctx, publicationId, issueId, "paused");
}

export function resumeSending(ctx: OrgContext, publicationId: string, issueId: string) {
  return moveIssue(ctx, publicationId, issueId, "sending");
}

/** Cancels anything not yet sent: its waiting deliveries become cancelled. Owner only. */
export function cancelSending(ctx: OrgContext, publicationId: string, issueId: string) {
  return moveIssue(ctx, publicationId, issueId, "cancelled");
}

/**
 * The issue as it will be sent, to the signed-in person's own address, with "[Test] " before the
 * subject; it goes through the platform's email outbox like any other notification. The recipient's own
 * links (unsubscribe, see their data) point to the publication's public page instead: the tester is no
 * subscriber. Owners and co-publishers alike.
 */
export async function sendTestIssue(
  ctx: OrgContext,
  publicationId: string,
  issueId: string,
): Promise<{ to: string }> {
  const person = requireSignedInPerson(ctx, "Ett testutskick går till den inloggades egen adress.");
  requirePermission(ctx, "newsletters:write");
  return transaction(ctx.deps.db, scopeOf(ctx), async (tx) => {
    const { row: publication } = await publicationForSending(tx, ctx, publicationId);
    const issue = await issueOfPublication(tx, publication, issueId);
    const rendered =
      issue.renderedHtml && issue.renderedText
        ? { html: issue.renderedHtml, text: issue.renderedText }
        : await renderIssue(await issueForRendering(tx, publication, issue, ctx.deps.config.publicUrl));
    const page = `${ctx.deps.config.publicUrl}/nyhetsbrev/${publication.slug}`;
    const { html, text } = personalize(rendered, { unsubscribeUrl: page, manageUrl: page });
    await ctx.deps.mailer.queue(tx, {
      to: person.email,
      subject: `[Test] ${issue.subject}`,
      html,
      text,
      template: "newsletter_test",
      organizationId: ctx.organization.id,
    });
    await audit(tx, ctx, {
      action: "newsletter_issue.test_sent",
      entityType: "newsletter_issue",
      entityId: issue.id,
      after: { to: person.email },
    });
    return { to: person.email };
  });
}

/**
 * When no delivery of the issue waits any more, the issue becomes sent and `newsletter.sent` goes to
 * the owner and every co-publisher. Safe to call from any sender at any time: the status check on the
 * locked issue row lets exactly one caller settle it.
 */
async function settleIssue(tx: Tx, ctx: OrgContext, publication: PublicationRow, issueId: string) {
  const [settled] = await tx
    .update(newsletterIssues)
    .set({ status: "sent", sentAt: sql`now()`, version: sql`${newsletterIssues.version} + 1` })
    .where(
      and(
        eq(newsletterIssues.organizationId, publication.organizationId),
        eq(newsletterIssues.id, issueId),
        eq(newsletterIssues.status, "sending"),
        sql`not exists (select 1 from newsletter_deliveries d where d.organization_id = ${publication.organizationId}
              and d.issue_id = ${issueId} and d.status = 'pending')`,
      ),
    )
    .returning();
  if (!settled) return false;
  const progress = await progressOf(tx, ctx, publication, issueId);
  const publishers = rowsOf<{ id: string }>(
    await tx.execute(sql`select publisher_organization_id as id from newsletter_publishers
      where organization_id = ${publication.organizationId} and publication_id = ${publication.id}`),
  );
  const object = {
    publication: { id: publication.id, slug: publication.slug, name: publication.name },
    issue: {
      id: settled.id,
      number: settled.number,
      subject: settled.subject,
      sentAt: settled.sentAt?.toISOString() ?? null,
      url: archiveUrl(ctx.deps.config.publicUrl, publication, settled),
    },
    counts: {
      total: progress.total,
      sent: progress.sent,
      failed: progress.failed,
      skipped: progress.skipped,
      cancelled: progress.cancelled,
    },
  };
  const recipients = [publication.organizationId, ...publishers.map((p) => p.id)];
  await emitWebhookEvent(
    tx,
    ctx,
    "newsletter.sent",
    recipients.map((organizationId) => ({ organizationId, object })),
  );
  await audit(tx, ctx, {
    action: "newsletter_issue.sent",
    entityType: "newsletter_issue",
    entityId: issueId,
    after: object.counts,
  });
  return true;
}

async function systemOrgContext(deps: Deps, organizationId: string): Promise<OrgContext> {
  return enterOrganization(
    { deps, actor: { type: "system", label: "newsletter-sender" }, requestId: null },
    organizationId,
  );
}

/** Called by a sender when it finds nothing left to send of the issue; true when it became sent. */
// convention: no permission check — the sender settles the issue as the system, for no one
export async function settleIfDone(deps: Deps, job: SendJob): Promise<boolean> {
  const ctx = await systemOrgContext(deps, job.organizationId);
  return transaction(deps.db, scopeOf(ctx), async (tx) => {
    const [issue] = await tx
      .select({ publicationId: newsletterIssues.publicationId })
      .from(newsletterIssues)
      .where(
        and(eq(newsletterIssues.organizationId, job.organizationId), eq(newsletterIssues.id, job.issueId)),
      );
    if (!issue) return false;
    const { row } = await publicationForSending(tx, ctx, issue.publicationId);
    return settleIssue(tx, ctx, row, job.issueId);
  });
}

/**
 * A sending issue nobody works on: deliveries wait and are due, and no sender holds a lease on any. That
 * is an issue whose jobs died with their process (pg-boss would hand them out again only when they
 * expire); a live sender always holds a batch, so the round seldom adds jobs beside working ones.
 */
const STALLED = sql`exists (select 1 from newsletter_deliveries d where d.organization_id = ${newsletterIssues.organizationId}
    and d.issue_id = ${newsletterIssues.id} and d.status = 'pending' and d.next_attempt_at <= now()
    and (d.leased_until is null or d.leased_until < now()))
  and not exists (select 1 from newsletter_deliveries d where d.organization_id = ${newsletterIssues.organizationId}
    and d.issue_id = ${newsletterIssues.id} and d.status = 'pending' and d.leased_until >= now())`;

/**
 * The minute's round, once across replicas: scheduled issues that are due start sending, and stalled
 * sending issues get their jobs again (after a sender process died; the rows it held come free when
 * their leases run out). An extra job is harmless: rows are claimed, never handed out twice.
 */
// convention: no permission check — the scheduler starts, as the system, what people scheduled
export async function runNewsletterSchedule(deps: Deps): Promise<{ started: number; resumed: number }> {
  const orgIds = await transaction(deps.db, {}, (tx) =>
    tx.select({ id: organizations.id }).from(organizations),
  );
  let started = 0;
  let resumed = 0;
  for (const { id } of orgIds) {
    const due = await transaction(deps.db, { organizationId: id }, (tx) =>
      tx
        .select({
          id: newsletterIssues.id,
          publicationId: newsletterIssues.publicationId,
          status: newsletterIssues.status,
        })
        .from(newsletterIssues)
        .where(
          and(
            eq(newsletterIssues.organizationId, id),
            inArray(newsletterIssues.status, ["scheduled", "sending"]),
            sql`(${newsletterIssues.scheduledAt} <= now() and ${newsletterIssues.status} = 'scheduled'
                 or ${newsletterIssues.status} = 'sending' and ${STALLED})`,
          ),
        ),
    );
    if (due.length === 0) continue;
    const ctx = await systemOrgContext(deps, id);
    for (const issue of due) {
      await transaction(deps.db, scopeOf(ctx), async (tx) => {
        const { row } = await publicationForSending(tx, ctx, issue.publicationId);
        const locked = await issueOfPublication(tx, row, issue.id, true);
        if (locked.status === "scheduled") {
          await beginSending(tx, ctx, row, locked);
          started += 1;
        } else if (locked.status === "sending") {
          await enqueueSendJobs(tx, deps, { organizationId: id, issueId: issue.id });
          resumed += 1;
        }
      });
    }
  }
  return { started, resumed };
}
