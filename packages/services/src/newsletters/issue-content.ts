// Routes: apps/api/src/routes/newsletter-issues (the preview) — what an issue is made of, read once for
// the preview, for sending and for the archive.
import {
  newsletterIssues,
  newsletterPublications,
  newsletterPublishers,
  newsletterSections,
  organizations,
  type Tx,
  transaction,
} from "@nns/db";
import { AppError } from "@nns/domain";
import { and, asc, eq } from "drizzle-orm";
import { requirePermission } from "../access.js";
import type { OrgContext } from "../context.js";
import { loadPublication, readIssue } from "./access.js";
import { issueUrl } from "./publications.js";
import { type IssueForRendering, personalize, type RenderedIssue, renderIssue } from "./render.js";

export type SectionRow = typeof newsletterSections.$inferSelect;

/** An issue's sections in the owner's order, each with its author's name. */
export async function sectionsOf(
  tx: Tx,
  organizationId: string,
  issueId: string,
): Promise<(SectionRow & { authorName: string })[]> {
  const rows = await tx
    .select({ section: newsletterSections, authorName: organizations.name })
    .from(newsletterSections)
    .innerJoin(organizations, eq(organizations.id, newsletterSections.authorOrganizationId))
    .where(
      and(eq(newsletterSections.organizationId, organizationId), eq(newsletterSections.issueId, issueId)),
    )
    .orderBy(asc(newsletterSections.position), asc(newsletterSections.createdAt), asc(newsletterSections.id));
  return rows.map((r) => ({ ...r.section, authorName: r.authorName }));
}

/**
 * Everything `renderIssue` needs, read in the caller's transaction (the owner's, a co-publisher's, or the
 * public archive's scope). `publicUrl` is the platform's address; the archive link is built from it.
 */
export async function loadIssueForRendering(
  tx: Tx,
  publicationOrgId: string,
  issueId: string,
  publicUrl: string,
): Promise<IssueForRendering> {
  const [found] = await tx
    .select({ issue: newsletterIssues, publication: newsletterPublications })
    .from(newsletterIssues)
    .innerJoin(
      newsletterPublications,
      and(
        eq(newsletterPublications.organizationId, newsletterIssues.organizationId),
        eq(newsletterPublications.id, newsletterIssues.publicationId),
      ),
    )
    .where(and(eq(newsletterIssues.organizationId, publicationOrgId), eq(newsletterIssues.id, issueId)));
  if (!found) throw new AppError("not_found", "Utskicket finns inte.");
  const { issue, publication } = found;
  const publishers = await tx
    .select({
      organizationId: newsletterPublishers.publisherOrganizationId,
      name: organizations.name,
      contact: newsletterPublishers.contact,
    })
    .from(newsletterPublishers)
    .innerJoin(organizations, eq(organizations.id, newsletterPublishers.publisherOrganizationId))
    .where(
      and(
        eq(newsletterPublishers.organizationId, publicationOrgId),
        eq(newsletterPublishers.publicationId, publication.id),
      ),
    )
    .orderBy(asc(organizations.name));
  const sections = await sectionsOf(tx, publicationOrgId, issue.id);
  const ownerFirst = [
    ...publishers.filter((p) => p.organizationId === publicationOrgId),
    ...publishers.filter((p) => p.organizationId !== publicationOrgId),
  ];
  return {
    publication: { name: publication.name, logoUrl: publication.logoUrl, logoAlt: publication.logoAlt },
    publishers: ownerFirst.map((p) => ({ name: p.name, contact: p.contact })),
    issue: { number: issue.number, subject: issue.subject, preheader: issue.preheader },
    sections: sections.map((s) => ({
      heading: s.heading,
      bodyMarkdown: s.bodyMarkdown,
      imageUrl: s.imageUrl,
      imageAlt: s.imageAlt,
      links: s.links,
      authorName: s.authorName,
    })),
    archiveUrl: issueUrl(publicUrl, publication.slug, issue.number),
  };
}

/**
 * Where a preview's recipient links lead: a page saying that each subscriber gets their own links there.
 * Served by apps/api/src/newsletter-pages/preview-links.ts.
 */
export const PREVIEW_LINK_PATH = "/nyhetsbrev/forhandsvisning";

/**
 * The issue as it will be sent, HTML and plain text, rendered by the same code as the sending; the links
 * that are each recipient's own lead to a page that explains them.
 */
export async function previewIssue(
  ctx: OrgContext,
  publicationId: string,
  issueId: string,
): Promise<RenderedIssue> {
  requirePermission(ctx, "newsletters:read");
  const content = await transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { row } = await loadPublication(tx, ctx, publicationId);
    const issue = await readIssue(tx, row, issueId);
    return loadIssueForRendering(tx, row.organizationId, issue.id, ctx.deps.config.publicUrl);
  });
  const placeholder = `${ctx.deps.config.publicUrl}${PREVIEW_LINK_PATH}`;
  return personalize(await renderIssue(content), {
    unsubscribeUrl: `${placeholder}#avregistrera`,
    manageUrl: `${placeholder}#mina-uppgifter`,
  });
}
