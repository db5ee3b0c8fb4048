import {
  newsletterIssues,
  newsletterPublications,
  newsletterPublishers,
  newsletterSections,
  type Tx,
} from "@nns/db";
import { AppError } from "@nns/domain";
import { and, asc, eq } from "drizzle-orm";
import type { OrgContext } from "../context.js";
import { organizationNames } from "../trainings/scope.js";
import type { IssueForRendering } from "./render.js";

export type PublicationRow = typeof newsletterPublications.$inferSelect;
export type IssueRow = typeof newsletterIssues.$inferSelect;

/**
 * The publication as the acting organization reaches it: its own, or one it co-publishes (row-level
 * security shows nothing else, so a stranger's is not found). Stands in for access.ts `loadPublication`
 * of the publications module until the two are merged.
 */
export async function publicationForSending(
  tx: Tx,
  ctx: OrgContext,
  publicationId: string,
): Promise<{ row: PublicationRow; isOwner: boolean }> {
  const [row] = await tx
    .select()
    .from(newsletterPublications)
    .where(eq(newsletterPublications.id, publicationId));
  if (!row) throw new AppError("not_found", "Nyhetsbrevet finns inte.");
  return { row, isOwner: row.organizationId === ctx.organization.id };
}

export async function issueOfPublication(
  tx: Tx,
  publication: PublicationRow,
  issueId: string,
  lock = false,
): Promise<IssueRow> {
  const query = tx
    .select()
    .from(newsletterIssues)
    .where(
      and(
        eq(newsletterIssues.organizationId, publication.organizationId),
        eq(newsletterIssues.publicationId, publication.id),
        eq(newsletterIssues.id, issueId),
      ),
    );
  const [issue] = lock ? await query.for("update") : await query;
  if (!issue) throw new AppError("not_found", "Utskicket finns inte.");
  return issue;
}

export function archiveUrl(publicUrl: string, publication: PublicationRow, issue: IssueRow): string {
  return `${publicUrl}/nyhetsbrev/${publication.slug}/${issue.number}`;
}

/**
 * The issue as the renderer takes it. Stands in for issue-content.ts `loadIssueForRendering` of the
 * issues module until the two are merged; the merge replaces this with that.
 */
export async function issueForRendering(
  tx: Tx,
  publication: PublicationRow,
  issue: IssueRow,
  publicUrl: string,
): Promise<IssueForRendering> {
  const scope = eq(newsletterPublishers.organizationId, publication.organizationId);
  const publishers = await tx
    .select()
    .from(newsletterPublishers)
    .where(and(scope, eq(newsletterPublishers.publicationId, publication.id)));
  const sections = await tx
    .select()
    .from(newsletterSections)
    .where(
      and(
        eq(newsletterSections.organizationId, publication.organizationId),
        eq(newsletterSections.issueId, issue.id),
      ),
    )
    .orderBy(asc(newsletterSections.position));
  const names = await organizationNames(tx, [
    publication.organizationId,
    ...publishers.map((p) => p.publisherOrganizationId),
    ...sections.map((s) => s.authorOrganizationId),
  ]);
  const nameOf = (id: string) => names.get(id)?.name ?? "";
  const ordered = [...publishers].sort(
    (a, b) =>
      Number(b.publisherOrganizationId === publication.organizationId) -
        Number(a.publisherOrganizationId === publication.organizationId) ||
      nameOf(a.publisherOrganizationId).localeCompare(nameOf(b.publisherOrganizationId), "sv"),
  );
  return {
    publication: { name: publication.name, logoUrl: publication.logoUrl, logoAlt: publication.logoAlt },
    publishers: ordered.map((p) => ({ name: nameOf(p.publisherOrganizationId), contact: p.contact })),
    issue: { number: issue.number, subject: issue.subject, preheader: issue.preheader },
    sections: sections.map((s) => ({
      heading: s.heading,
      bodyMarkdown: s.bodyMarkdown,
      imageUrl: s.imageUrl,
      imageAlt: s.imageAlt,
      links: s.links,
      authorName: nameOf(s.authorOrganizationId),
    })),
    archiveUrl: archiveUrl(publicUrl, publication, issue),
  };
}
