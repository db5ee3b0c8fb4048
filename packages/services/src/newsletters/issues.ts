// Routes: apps/api/src/routes/newsletter-issues — an issue (utskick) of a publication: made and moved
// through draft → ready → scheduled by the owner, written section by section by every publisher.
import { newsletterIssues, type Tx, transaction } from "@nns/db";
import { AppError, assertIssueTransition, type IssueStatus, issueEditable } from "@nns/domain";
import { and, desc, eq, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import {
  checkVersion,
  type IssueRow,
  loadIssueForChange,
  loadPublication,
  type PublicationRow,
  readIssue,
  reopenIssue,
  requireIssueEditable,
  requirePublicationOwner,
} from "./access.js";
import { sectionsOf } from "./issue-content.js";
import { issueUrl } from "./publications.js";

export interface SectionView {
  id: string;
  authorOrganizationId: string;
  authorOrganizationName: string;
  position: number;
  heading: string;
  bodyMarkdown: string;
  image: { url: string; alt: string } | null;
  links: { label: string; url: string }[];
  approvedAt: Date | null;
  /** Written by the caller's förbund, which alone may change, delete and approve it. */
  mine: boolean;
  version: number;
}

export interface IssueView {
  id: string;
  publicationId: string;
  number: number;
  subject: string;
  preheader: string;
  status: IssueStatus;
  scheduledAt: Date | null;
  sendStartedAt: Date | null;
  sentAt: Date | null;
  cancelledAt: Date | null;
  version: number;
  sections: SectionView[];
  /** Each förbund with sections in the issue, and whether it has approved all of them. */
  approvals: { organizationId: string; organizationName: string; approved: boolean }[];
  /** Whether the caller may still write in the issue (before sending starts, with newsletters:write). */
  canEdit: boolean;
  /** The issue in the public archive, once sent. */
  publicUrl: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface IssueInput {
  subject: string;
  preheader?: string;
}

export async function issueView(
  tx: Tx,
  ctx: OrgContext,
  publication: PublicationRow,
  issue: IssueRow,
): Promise<IssueView> {
  const sections = await sectionsOf(tx, publication.organizationId, issue.id);
  const approvals = new Map<
    string,
    { organizationId: string; organizationName: string; approved: boolean }
  >();
  for (const s of sections) {
    const entry = approvals.get(s.authorOrganizationId) ?? {
      organizationId: s.authorOrganizationId,
      organizationName: s.authorName,
      approved: true,
    };
    entry.approved &&= s.approvedAt !== null;
    approvals.set(s.authorOrganizationId, entry);
  }
  return {
    id: issue.id,
    publicationId: issue.publicationId,
    number: issue.number,
    subject: issue.subject,
    preheader: issue.preheader,
    status: issue.status,
    scheduledAt: issue.scheduledAt,
    sendStartedAt: issue.sendStartedAt,
    sentAt: issue.sentAt,
    cancelledAt: issue.cancelledAt,
    version: issue.version,
    sections: sections.map((s) => ({
      id: s.id,
      authorOrganizationId: s.authorOrganizationId,
      authorOrganizationName: s.authorName,
      position: s.position,
      heading: s.heading,
      bodyMarkdown: s.bodyMarkdown,
      image: s.imageUrl ? { url: s.imageUrl, alt: s.imageAlt ?? "" } : null,
      links: s.links,
      approvedAt: s.approvedAt,
      mine: s.authorOrganizationId === ctx.organization.id,
      version: s.version,
    })),
    approvals: [...approvals.values()].sort((a, b) =>
      a.organizationName.localeCompare(b.organizationName, "sv"),
    ),
    canEdit: issueEditable(issue.status) && ctx.permissions.has("newsletters:write"),
    publicUrl:
      issue.status === "sent" ? issueUrl(ctx.deps.config.publicUrl, publication.slug, issue.number) : null,
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
  };
}

/** The publication's issues, newest first. */
export async function listIssues(ctx: OrgContext, publicationId: string): Promise<IssueView[]> {
  requirePermission(ctx, "newsletters:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { row } = await loadPublication(tx, ctx, publicationId);
    const issues = await tx
      .select()
      .from(newsletterIssues)
      .where(
        and(
          eq(newsletterIssues.organizationId, row.organizationId),
          eq(newsletterIssues.publicationId, row.id),
        ),
      )
      .orderBy(desc(newsletterIssues.number));
    const views: IssueView[] = [];
    for (const issue of issues) views.push(await issueView(tx, ctx, row, issue));
    return views;
  });
}

export async function getIssue(ctx: OrgContext, publicationId: string, issueId: string): Promise<IssueView> {
  requirePermission(ctx, "newsletters:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { row } = await loadPublication(tx, ctx, publicationId);
    return issueView(tx, ctx, row, await readIssue(tx, row, issueId));
  });
}

function subjectErrors(input: Partial<IssueInput>): void {
  if (input.subject !== undefined && !input.subject.trim())
    throw new AppError("validation_failed", "Ange en ämnesrad.", {
      errors: [{ field: "body.subject", rule: "required", message: "Ange en ämnesrad för utskicket." }],
    });
}

/**
 * The owner starts an issue. Its number is the next in the publication, taken under the publication's row
 * lock so that two issues made at once never get the same one.
 */
export async function createIssue(
  ctx: OrgContext,
  publicationId: string,
  input: IssueInput,
): Promise<IssueView> {
  requirePermission(ctx, "newsletters:write");
  subjectErrors(input);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { row, isOwner } = await loadPublication(tx, ctx, publicationId);
    requirePublicationOwner(isOwner, "skapa utskick");
    if (row.archivedAt)
      throw new AppError("conflict", "Nyhetsbrevet är arkiverat; skapa inga nya utskick i det.");
    await tx.execute(
      sql`select 1 from newsletter_publications where organization_id = ${row.organizationId} and id = ${row.id} for update`,
    );
    const [{ next } = { next: 1 }] = await tx
      .select({ next: sql<number>`coalesce(max(${newsletterIssues.number}), 0)::int + 1` })
      .from(newsletterIssues)
      .where(
        and(
          eq(newsletterIssues.organizationId, row.organizationId),
          eq(newsletterIssues.publicationId, row.id),
        ),
      );
    const [issue] = await tx
      .insert(newsletterIssues)
      .values({
        organizationId: row.organizationId,
        publicationId: row.id,
        number: next,
        subject: input.subject.trim(),
        preheader: input.preheader?.trim() ?? "",
        createdByUserId: ctx.actor.type === "user" ? ctx.actor.userId : null,
      })
      .returning();
    if (!issue) throw new Error("issue insert returned nothing");
    await audit(tx, ctx, {
      action: "newsletter.issue_created",
      entityType: "newsletter_issue",
      entityId: issue.id,
      after: {
        publicationId: row.id,
        number: issue.number,
        subject: issue.subject,
        preheader: issue.preheader,
      },
    });
    return issueView(tx, ctx, row, issue);
  });
}

/** The owner changes the subject or preheader; a ready or scheduled issue goes back to draft. */
export async function updateIssue(
  ctx: OrgContext,
  publicationId: string,
  issueId: string,
  patch: Partial<IssueInput>,
  expectedVersion: number | null,
): Promise<IssueView> {
  requirePermission(ctx, "newsletters:write");
  subjectErrors(patch);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { publication, isOwner, issue } = await loadIssueForChange(tx, ctx, publicationId, issueId);
    requirePublicationOwner(isOwner, "ändra utskickets ämnesrad och förhandstext");
    checkVersion(issue.version, expectedVersion, "Utskicket");
    requireIssueEditable(issue);
    const after = {
      subject: patch.subject?.trim() ?? issue.subject,
      preheader: patch.preheader === undefined ? issue.preheader : patch.preheader.trim(),
    };
    await reopenIssue(tx, ctx, issue, "issue_edited");
    await tx
      .update(newsletterIssues)
      .set({ ...after, version: sql`${newsletterIssues.version} + 1`, updatedAt: new Date() })
      .where(
        and(eq(newsletterIssues.organizationId, issue.organizationId), eq(newsletterIssues.id, issue.id)),
      );
    await audit(tx, ctx, {
      action: "newsletter.issue_edited",
      entityType: "newsletter_issue",
      entityId: issue.id,
      before: { subject: issue.subject, preheader: issue.preheader },
      after,
    });
    return issueView(tx, ctx, publication, await readIssue(tx, publication, issue.id));
  });
}

/** The owner's steps before sending; sending and its figures are sending.ts's. */
const STEP_ACTIONS = {
  ready: "newsletter.issue_marked_ready",
  scheduled: "newsletter.issue_scheduled",
  draft: "newsletter.issue_returned_to_draft",
} as const satisfies Partial<Record<IssueStatus, string>>;

async function moveIssue(
  tx: Tx,
  ctx: OrgContext,
  issue: IssueRow,
  to: keyof typeof STEP_ACTIONS,
  scheduledAt: Date | null,
): Promise<void> {
  await tx
    .update(newsletterIssues)
    .set({ status: to, scheduledAt, version: sql`${newsletterIssues.version} + 1`, updatedAt: new Date() })
    .where(and(eq(newsletterIssues.organizationId, issue.organizationId), eq(newsletterIssues.id, issue.id)));
  await audit(tx, ctx, {
    action: STEP_ACTIONS[to],
    entityType: "newsletter_issue",
    entityId: issue.id,
    before: { status: issue.status, scheduledAt: issue.scheduledAt },
    after: { status: to, scheduledAt },
  });
}

/** A step of the owner's: the issue locked, the caller the owner, the If-Match version current. */
async function ownerStep(
  ctx: OrgContext,
  publicationId: string,
  issueId: string,
  expectedVersion: number | null,
  what: string,
  step: (tx: Tx, publication: PublicationRow, issue: IssueRow) => Promise<void>,
): Promise<IssueView> {
  requirePermission(ctx, "newsletters:write");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { publication, isOwner, issue } = await loadIssueForChange(tx, ctx, publicationId, issueId);
    requirePublicationOwner(isOwner, what);
    checkVersion(issue.version, expectedVersion, "Utskicket");
    await step(tx, publication, issue);
    return issueView(tx, ctx, publication, await readIssue(tx, publication, issue.id));
  });
}

/**
 * The owner declares the issue ready to send: it has at least one section and every publisher has
 * approved each of its own.
 */
export function markIssueReady(
  ctx: OrgContext,
  publicationId: string,
  issueId: string,
  expectedVersion: number | null,
): Promise<IssueView> {
  return ownerStep(
    ctx,
    publicationId,
    issueId,
    expectedVersion,
    "markera utskicket som klart",
    async (tx, _p, issue) => {
      assertIssueTransition(issue.status, "ready");
      const sections = await sectionsOf(tx, issue.organizationId, issue.id);
      if (sections.length === 0)
        throw new AppError(
          "conflict",
          "Utskicket har inga avsnitt ännu; skriv minst ett innan det markeras som klart.",
        );
      const waiting = [...new Set(sections.filter((s) => s.approvedAt === null).map((s) => s.authorName))];
      if (waiting.length > 0)
        throw new AppError(
          "conflict",
          `Alla avsnitt är inte godkända: ${waiting.join(", ")} har inte godkänt ${waiting.length === 1 ? "sitt" : "sina"} avsnitt.`,
        );
      await moveIssue(tx, ctx, issue, "ready", null);
    },
  );
}

/** The owner schedules a ready issue (or moves a scheduled one) to a time that has not passed. */
export async function scheduleIssue(
  ctx: OrgContext,
  publicationId: string,
  issueId: string,
  scheduledAt: Date,
  expectedVersion: number | null,
): Promise<IssueView> {
  if (!(scheduledAt.getTime() > Date.now()))
    throw new AppError("validation_failed", "Tidpunkten har redan passerat.", {
      errors: [
        {
          field: "body.scheduledAt",
          rule: "future",
          message: "Välj en tidpunkt som inte har passerat.",
        },
      ],
    });
  return ownerStep(
    ctx,
    publicationId,
    issueId,
    expectedVersion,
    "schemalägga utskicket",
    async (tx, _p, issue) => {
      if (issue.status !== "scheduled") assertIssueTransition(issue.status, "scheduled");
      await moveIssue(tx, ctx, issue, "scheduled", scheduledAt);
    },
  );
}

/** The owner takes a ready or scheduled issue back to draft (unscheduling it). */
export function returnIssueToDraft(
  ctx: OrgContext,
  publicationId: string,
  issueId: string,
  expectedVersion: number | null,
): Promise<IssueView> {
  return ownerStep(
    ctx,
    publicationId,
    issueId,
    expectedVersion,
    "återställa utskicket till utkast",
    async (tx, _p, issue) => {
      assertIssueTransition(issue.status, "draft");
      await moveIssue(tx, ctx, issue, "draft", null);
    },
  );
}
