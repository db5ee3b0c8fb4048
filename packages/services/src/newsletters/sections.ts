// Routes: apps/api/src/routes/newsletter-issues — the sections of an issue: each written, changed and
// approved by the förbund that wrote it (row-level security enforces it too), ordered by the owner.
import { type NewsletterLink, newsletterIssues, newsletterSections, type Tx, transaction } from "@nns/db";
import { AppError, type FieldError } from "@nns/domain";
import { and, eq, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import {
  checkVersion,
  type IssueRow,
  loadIssueForChange,
  readIssue,
  reopenIssue,
  requireIssueEditable,
  requirePublicationOwner,
} from "./access.js";
import { type SectionRow, sectionsOf } from "./issue-content.js";
import { type IssueView, issueView } from "./issues.js";
import { isHttpsUrl } from "./publications.js";

export interface SectionInput {
  heading: string;
  bodyMarkdown?: string;
  image?: { url: string; alt: string } | null;
  links?: NewsletterLink[];
}

function sectionErrors(input: Partial<SectionInput>): FieldError[] {
  const errors: FieldError[] = [];
  if (input.heading !== undefined && !input.heading.trim())
    errors.push({ field: "body.heading", rule: "required", message: "Ange en rubrik för avsnittet." });
  if (input.image) {
    if (!isHttpsUrl(input.image.url))
      errors.push({
        field: "body.image.url",
        rule: "https_required",
        message: "Bildens adress ska börja med https://.",
      });
    if (!input.image.alt.trim())
      errors.push({
        field: "body.image.alt",
        rule: "alt_required",
        message: "Beskriv bilden med en alternativtext, för den som inte ser den.",
      });
  }
  for (const [i, link] of (input.links ?? []).entries()) {
    if (!link.label.trim())
      errors.push({ field: `body.links.${i}.label`, rule: "required", message: "Ange länkens text." });
    if (!isHttpsUrl(link.url))
      errors.push({
        field: `body.links.${i}.url`,
        rule: "https_required",
        message: "Länkens adress ska börja med https://.",
      });
  }
  return errors;
}

function validate(input: Partial<SectionInput>): void {
  const errors = sectionErrors(input);
  const [first] = errors;
  if (first) throw new AppError("validation_failed", first.message, { errors });
}

/** The section, which must be the caller's own: another publisher's is read-only, even to the owner. */
async function ownSection(tx: Tx, ctx: OrgContext, issue: IssueRow, sectionId: string): Promise<SectionRow> {
  const [section] = await tx
    .select()
    .from(newsletterSections)
    .where(
      and(
        eq(newsletterSections.organizationId, issue.organizationId),
        eq(newsletterSections.issueId, issue.id),
        eq(newsletterSections.id, sectionId),
      ),
    );
  if (!section) throw new AppError("not_found", "Avsnittet finns inte.");
  if (section.authorOrganizationId !== ctx.organization.id)
    throw new AppError(
      "forbidden",
      "Avsnittet är skrivet av ett annat förbund; bara det förbundet får ändra det.",
    );
  return section;
}

const sectionKey = (section: SectionRow) =>
  and(eq(newsletterSections.organizationId, section.organizationId), eq(newsletterSections.id, section.id));

/** The section as the audit log keeps it. */
const auditedSection = (
  s: Pick<SectionRow, "heading" | "bodyMarkdown" | "imageUrl" | "imageAlt" | "links">,
) => ({
  heading: s.heading,
  bodyMarkdown: s.bodyMarkdown,
  imageUrl: s.imageUrl,
  imageAlt: s.imageAlt,
  links: s.links,
});

/** Any publisher adds a section of its own, last in the issue; a ready or scheduled issue goes back to draft. */
export async function addSection(
  ctx: OrgContext,
  publicationId: string,
  issueId: string,
  input: SectionInput,
): Promise<IssueView> {
  requirePermission(ctx, "newsletters:write");
  validate(input);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { publication, issue } = await loadIssueForChange(tx, ctx, publicationId, issueId);
    requireIssueEditable(issue);
    const existing = await sectionsOf(tx, issue.organizationId, issue.id);
    const values = {
      heading: input.heading.trim(),
      bodyMarkdown: input.bodyMarkdown ?? "",
      imageUrl: input.image?.url ?? null,
      imageAlt: input.image?.alt.trim() ?? null,
      links: (input.links ?? []).map((l) => ({ label: l.label.trim(), url: l.url })),
    };
    const [section] = await tx
      .insert(newsletterSections)
      .values({
        organizationId: issue.organizationId,
        issueId: issue.id,
        publicationId: publication.id,
        authorOrganizationId: ctx.organization.id,
        position: Math.max(0, ...existing.map((s) => s.position + 1)),
        ...values,
      })
      .returning();
    if (!section) throw new Error("section insert returned nothing");
    await reopenIssue(tx, ctx, issue, "section_added");
    await audit(tx, ctx, {
      action: "newsletter.section_added",
      entityType: "newsletter_section",
      entityId: section.id,
      after: { issueId: issue.id, ...values },
    });
    return issueView(tx, ctx, publication, await readIssue(tx, publication, issue.id));
  });
}

/**
 * The author changes its section. Its approval goes (the changed text has not been approved), and a ready
 * or scheduled issue goes back to draft.
 */
export async function updateSection(
  ctx: OrgContext,
  publicationId: string,
  issueId: string,
  sectionId: string,
  patch: Partial<SectionInput>,
  expectedVersion: number | null,
): Promise<IssueView> {
  requirePermission(ctx, "newsletters:write");
  validate(patch);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { publication, issue } = await loadIssueForChange(tx, ctx, publicationId, issueId);
    const section = await ownSection(tx, ctx, issue, sectionId);
    checkVersion(section.version, expectedVersion, "Avsnittet");
    requireIssueEditable(issue);
    const values = {
      heading: patch.heading?.trim() ?? section.heading,
      bodyMarkdown: patch.bodyMarkdown ?? section.bodyMarkdown,
      imageUrl: patch.image === undefined ? section.imageUrl : (patch.image?.url ?? null),
      imageAlt: patch.image === undefined ? section.imageAlt : (patch.image?.alt.trim() ?? null),
      links:
        patch.links === undefined
          ? section.links
          : patch.links.map((l) => ({ label: l.label.trim(), url: l.url })),
    };
    await tx
      .update(newsletterSections)
      .set({
        ...values,
        approvedAt: null,
        approvedByUserId: null,
        version: sql`${newsletterSections.version} + 1`,
        updatedAt: new Date(),
      })
      .where(sectionKey(section));
    await reopenIssue(tx, ctx, issue, "section_edited");
    await audit(tx, ctx, {
      action: "newsletter.section_edited",
      entityType: "newsletter_section",
      entityId: section.id,
      before: { ...auditedSection(section), approvedAt: section.approvedAt },
      after: values,
    });
    return issueView(tx, ctx, publication, await readIssue(tx, publication, issue.id));
  });
}

export async function deleteSection(
  ctx: OrgContext,
  publicationId: string,
  issueId: string,
  sectionId: string,
): Promise<IssueView> {
  requirePermission(ctx, "newsletters:write");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { publication, issue } = await loadIssueForChange(tx, ctx, publicationId, issueId);
    const section = await ownSection(tx, ctx, issue, sectionId);
    requireIssueEditable(issue);
    await tx.delete(newsletterSections).where(sectionKey(section));
    await reopenIssue(tx, ctx, issue, "section_deleted");
    await audit(tx, ctx, {
      action: "newsletter.section_deleted",
      entityType: "newsletter_section",
      entityId: section.id,
      before: { issueId: issue.id, ...auditedSection(section) },
    });
    return issueView(tx, ctx, publication, await readIssue(tx, publication, issue.id));
  });
}

/** The author approves its section as it stands (the version it read, when If-Match is sent). */
export async function approveSection(
  ctx: OrgContext,
  publicationId: string,
  issueId: string,
  sectionId: string,
  expectedVersion: number | null,
): Promise<IssueView> {
  requirePermission(ctx, "newsletters:write");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { publication, issue } = await loadIssueForChange(tx, ctx, publicationId, issueId);
    const section = await ownSection(tx, ctx, issue, sectionId);
    checkVersion(section.version, expectedVersion, "Avsnittet");
    requireIssueEditable(issue);
    if (section.approvedAt === null) {
      const approvedAt = new Date();
      await tx
        .update(newsletterSections)
        .set({ approvedAt, approvedByUserId: ctx.actor.type === "user" ? ctx.actor.userId : null })
        .where(sectionKey(section));
      await audit(tx, ctx, {
        action: "newsletter.section_approved",
        entityType: "newsletter_section",
        entityId: section.id,
        after: { issueId: issue.id, version: section.version, approvedAt },
      });
    }
    return issueView(tx, ctx, publication, await readIssue(tx, publication, issue.id));
  });
}

/**
 * The owner sets the order of the sections: `sectionIds` names every section of the issue once. The
 * issue's content changes, so a ready or scheduled one goes back to draft; approvals stay, since no
 * section's text changed.
 */
export async function orderSections(
  ctx: OrgContext,
  publicationId: string,
  issueId: string,
  sectionIds: string[],
  expectedVersion: number | null,
): Promise<IssueView> {
  requirePermission(ctx, "newsletters:write");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { publication, isOwner, issue } = await loadIssueForChange(tx, ctx, publicationId, issueId);
    requirePublicationOwner(isOwner, "ändra ordningen på avsnitten");
    checkVersion(issue.version, expectedVersion, "Utskicket");
    requireIssueEditable(issue);
    const existing = await sectionsOf(tx, issue.organizationId, issue.id);
    const known = new Set(existing.map((s) => s.id));
    if (
      new Set(sectionIds).size !== sectionIds.length ||
      sectionIds.length !== known.size ||
      !sectionIds.every((id) => known.has(id))
    )
      throw new AppError("validation_failed", "Ange varje avsnitt i utskicket precis en gång.", {
        errors: [
          {
            field: "body.sectionIds",
            rule: "every_section_once",
            message: "Ange varje avsnitt i utskicket precis en gång, i den ordning de ska stå.",
          },
        ],
      });
    const before = existing.map((s) => s.id);
    if (before.join() !== sectionIds.join()) {
      for (const [position, id] of sectionIds.entries())
        await tx
          .update(newsletterSections)
          .set({ position })
          .where(
            and(eq(newsletterSections.organizationId, issue.organizationId), eq(newsletterSections.id, id)),
          );
      // The issue's version moves either way, so an If-Match read before the new order fails.
      if (issue.status === "draft")
        await tx
          .update(newsletterIssues)
          .set({ version: sql`${newsletterIssues.version} + 1`, updatedAt: new Date() })
          .where(
            and(eq(newsletterIssues.organizationId, issue.organizationId), eq(newsletterIssues.id, issue.id)),
          );
      else await reopenIssue(tx, ctx, issue, "sections_ordered");
      await audit(tx, ctx, {
        action: "newsletter.sections_ordered",
        entityType: "newsletter_issue",
        entityId: issue.id,
        before: { sectionIds: before },
        after: { sectionIds },
      });
    }
    return issueView(tx, ctx, publication, await readIssue(tx, publication, issue.id));
  });
}
