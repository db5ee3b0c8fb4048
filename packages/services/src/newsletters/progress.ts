import { rowsOf, type Tx, transaction } from "@nns/db";
import type { IssueStatus } from "@nns/domain";
import { sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import type { OrgContext } from "../context.js";
import { issueOfPublication, type PublicationRow, publicationForSending } from "./sending-content.js";

export interface SendingProgress {
  status: IssueStatus;
  total: number;
  sent: number;
  failed: number;
  pending: number;
  skipped: number;
  cancelled: number;
  /** Recipients of this issue with a bounce reported since sending started. */
  bounced: number;
  /** Recipients of this issue who unsubscribed since sending started. */
  unsubscribed: number;
}

export async function progressOf(
  tx: Tx,
  ctx: OrgContext,
  publication: PublicationRow,
  issueId: string,
): Promise<SendingProgress> {
  const issue = await issueOfPublication(tx, publication, issueId);
  const org = publication.organizationId;
  const [counts] = rowsOf<Record<string, number>>(
    await tx.execute(sql`
      select count(*)::int as total,
             count(*) filter (where status = 'sent')::int as sent,
             count(*) filter (where status = 'failed')::int as failed,
             count(*) filter (where status = 'pending')::int as pending,
             count(*) filter (where status = 'skipped')::int as skipped,
             count(*) filter (where status = 'cancelled')::int as cancelled
        from newsletter_deliveries where organization_id = ${org} and issue_id = ${issueId}`),
  );
  let bounced = 0;
  let unsubscribed = 0;
  if (issue.sendStartedAt) {
    const since = issue.sendStartedAt.toISOString();
    // Bounces are kept with the owner alone; a co-publisher, who reads the issue's deliveries, is shown
    // the count through the owner's scope (the publication was found readable above).
    const [after] = await inOwnerScope(tx, ctx, org, async () =>
      rowsOf<{ bounced: number; unsubscribed: number }>(
        await tx.execute(sql`
          select (select count(distinct b.subscriber_id)::int from newsletter_bounces b
                   join newsletter_deliveries d on d.organization_id = b.organization_id and d.subscriber_id = b.subscriber_id
                  where d.organization_id = ${org} and d.issue_id = ${issueId}
                    and b.kind in ('hard', 'soft') and b.received_at >= ${since}::timestamptz) as bounced,
                 (select count(*)::int from newsletter_subscribers s
                   join newsletter_deliveries d on d.organization_id = s.organization_id and d.subscriber_id = s.id
                  where d.organization_id = ${org} and d.issue_id = ${issueId}
                    and s.unsubscribed_at >= ${since}::timestamptz) as unsubscribed`),
      ),
    );
    bounced = Number(after?.bounced ?? 0);
    unsubscribed = Number(after?.unsubscribed ?? 0);
  }
  const n = (key: string) => Number(counts?.[key] ?? 0);
  return {
    status: issue.status,
    total: n("total"),
    sent: n("sent"),
    failed: n("failed"),
    pending: n("pending"),
    skipped: n("skipped"),
    cancelled: n("cancelled"),
    bounced,
    unsubscribed,
  };
}

async function inOwnerScope<T>(tx: Tx, ctx: OrgContext, ownerId: string, fn: () => Promise<T>): Promise<T> {
  if (ownerId === ctx.organization.id) return fn();
  await tx.execute(sql`select set_config('app.org_id', ${ownerId}, true)`);
  try {
    return await fn();
  } finally {
    await tx.execute(sql`select set_config('app.org_id', ${ctx.organization.id}, true)`);
  }
}

/** The issue's figures: for its owner and every co-publisher. */
export async function sendingProgress(
  ctx: OrgContext,
  publicationId: string,
  issueId: string,
): Promise<SendingProgress> {
  requirePermission(ctx, "newsletters:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const publication = await publicationForSending(tx, ctx, publicationId);
    return progressOf(tx, ctx, publication.row, issueId);
  });
}
