import { newsletterIssues, newsletterPublications, setScope, type Tx } from "@nns/db";
import { AppError, issueEditable } from "@nns/domain";
import { and, eq, or, type SQL, sql } from "drizzle-orm";
import { writeAudit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { idLiteral } from "../trainings/seats.js";

export const PUBLICATION_RESOURCE = "newsletter_publication";
export type PublicationRow = typeof newsletterPublications.$inferSelect;
export type IssueRow = typeof newsletterIssues.$inferSelect;

/**
 * Scoping in the application, beside row-level security: a publication is reachable from its owner and
 * from förbund that accepted an invitation to co-publish it, nowhere else. The share must name the row's
 * real owner, as the row-level policy does.
 */
export function publicationReachableFrom(organizationId: string): SQL | undefined {
  return or(
    eq(newsletterPublications.organizationId, organizationId),
    sql`exists (select 1 from resource_shares s
      where s.resource_type = ${PUBLICATION_RESOURCE} and s.resource_id = ${newsletterPublications.id}
        and s.owner_organization_id = ${newsletterPublications.organizationId}
        and s.organization_id = ${organizationId}
        and s.accepted_at is not null and s.revoked_at is null)`,
  );
}

/** The publication as the caller may see it; a stranger's is reported as not found, so it does not leak. */
export async function loadPublication(
  tx: Tx,
  ctx: OrgContext,
  publicationId: string,
): Promise<{ row: PublicationRow; isOwner: boolean }> {
  const [row] = await tx
    .select()
    .from(newsletterPublications)
    .where(and(eq(newsletterPublications.id, publicationId), publicationReachableFrom(ctx.organization.id)));
  if (!row) throw new AppError("not_found", "Nyhetsbrevet finns inte.");
  return { row, isOwner: row.organizationId === ctx.organization.id };
}

export function requirePublicationOwner(isOwner: boolean, what: string): void {
  if (!isOwner) throw new AppError("forbidden", `Bara förbundet som äger nyhetsbrevet får ${what}.`);
}

/**
 * Serialises every change to one issue and its sections, on PostgreSQL and PGlite alike. A co-publisher may
 * not lock the issue row (row-level security gives it no update), so the lock is advisory and keyed by the
 * issue: marking ready cannot slip between a section's edit and the issue's return to draft. Sending takes
 * it too before it moves the issue on.
 */
export async function lockIssue(tx: Tx, issueId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended('newsletter_issue:' || ${idLiteral(issueId)}, 0))`,
  );
}

/** An issue of a reachable publication, locked for a change (see `lockIssue`). */
export async function loadIssueForChange(
  tx: Tx,
  ctx: OrgContext,
  publicationId: string,
  issueId: string,
): Promise<{ publication: PublicationRow; isOwner: boolean; issue: IssueRow }> {
  const { row: publication, isOwner } = await loadPublication(tx, ctx, publicationId);
  await lockIssue(tx, issueId);
  const issue = await readIssue(tx, publication, issueId);
  return { publication, isOwner, issue };
}

export async function readIssue(tx: Tx, publication: PublicationRow, issueId: string): Promise<IssueRow> {
  const [issue] = await tx
    .select()
    .from(newsletterIssues)
    .where(
      and(
        eq(newsletterIssues.organizationId, publication.organizationId),
        eq(newsletterIssues.publicationId, publication.id),
        eq(newsletterIssues.id, issueId),
      ),
    );
  if (!issue) throw new AppError("not_found", "Utskicket finns inte.");
  return issue;
}

/**
 * A ready or scheduled issue that someone changes goes back to draft, so the owner confirms it again. The
 * issue belongs to the owner and row-level security lets a co-publisher only read it, so a co-publisher's
 * edit makes this one change in the owner's scope and records it in the owner's audit log, then returns
 * to its own scope.
 */
export async function reopenIssue(tx: Tx, ctx: OrgContext, issue: IssueRow, reason: string): Promise<void> {
  if (issue.status !== "ready" && issue.status !== "scheduled") return;
  const foreign = issue.organizationId !== ctx.organization.id;
  if (foreign) await setScope(tx, { organizationId: issue.organizationId });
  await tx
    .update(newsletterIssues)
    .set({
      status: "draft",
      scheduledAt: null,
      version: sql`${newsletterIssues.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(newsletterIssues.organizationId, issue.organizationId), eq(newsletterIssues.id, issue.id)));
  await writeAudit(tx, ctx, issue.organizationId, {
    action: "newsletter.issue_reopened",
    entityType: "newsletter_issue",
    entityId: issue.id,
    before: { status: issue.status, scheduledAt: issue.scheduledAt },
    after: { status: "draft", reason, byOrganizationId: ctx.organization.id },
  });
  if (foreign) await setScope(tx, { organizationId: ctx.organization.id });
}

/** Sections, subject and preheader change only before sending starts (the domain's rule). */
export function requireIssueEditable(issue: IssueRow): void {
  if (!issueEditable(issue.status))
    throw new AppError("conflict", "Utskicket skickas eller har skickats och kan inte längre ändras.");
}

/** If-Match: null means any version. */
export function checkVersion(current: number, expected: number | null, what: string): void {
  if (expected !== null && current !== expected)
    throw new AppError("precondition_failed", `${what} har ändrats sedan du läste det.`);
}
