import {
  type NewsletterLink,
  newsletterIssues,
  newsletterPublications,
  newsletterPublishers,
  newsletterSections,
  organizations,
  type Tx,
  transaction,
} from "@nns/db";
import { AppError, type Page } from "@nns/domain";
import { type AnyColumn, and, asc, count, desc, eq, isNull, max } from "drizzle-orm";
import type { Deps } from "../context.js";
import { keyset, type PageRequest } from "../pagination.js";

/**
 * The public archive of sent issues: read by anyone, in transactions with no organization and the
 * setting `app.newsletter_public` on, under which row-level security shows publications that are not
 * archived, their publishers' footer lines, and sent issues with their sections — nothing else
 * (0013_newsletters.sql, 0014_newsletter_public_sections.sql). The queries ask for the same again, so
 * that what is public is written here as well as in the policies.
 */
function publicRead<T>(deps: Deps, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return transaction(deps.db, { settings: { "app.newsletter_public": "on" } }, fn);
}

export interface PublicPublisher {
  organizationId: string;
  name: string;
  role: "owner" | "co_publisher";
  /** The publisher's own footer line (address, telephone, web); may be empty. */
  contact: string;
}

export interface PublicIssueSummary {
  id: string;
  number: number;
  subject: string;
  preheader: string;
  sentAt: string;
  /** The issue's page, `/nyhetsbrev/{slug}/{number}`. */
  publicUrl: string;
}

export interface PublicPublication {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  logoUrl: string | null;
  logoAlt: string | null;
  /** The owner first, then the co-publishers by name. */
  publishers: PublicPublisher[];
  sentIssues: number;
  latestIssue: PublicIssueSummary | null;
  publicUrl: string;
}

export interface PublicSection {
  position: number;
  heading: string;
  bodyMarkdown: string;
  image: { url: string; alt: string } | null;
  links: NewsletterLink[];
  author: { organizationId: string; name: string };
}

export interface PublicIssue extends PublicIssueSummary {
  publication: { slug: string; name: string };
  sections: PublicSection[];
  /**
   * What was sent, frozen when sending started; each recipient's own unsubscribe and data links are
   * left as the placeholders `https://recipient.invalid/unsubscribe` and `…/manage`.
   */
  html: string | null;
  text: string | null;
}

const base = (deps: Deps) => deps.config.publicUrl.replace(/\/$/, "");
const publicationUrl = (deps: Deps, slug: string) => `${base(deps)}/nyhetsbrev/${slug}`;

function notFound(): AppError {
  return new AppError("not_found", "Inget nyhetsbrev med den adressen finns i arkivet.");
}

type IssueRow = Pick<
  typeof newsletterIssues.$inferSelect,
  "id" | "number" | "subject" | "preheader" | "sentAt"
>;

function issueSummary(deps: Deps, slug: string, row: IssueRow): PublicIssueSummary {
  return {
    id: row.id,
    number: row.number,
    subject: row.subject,
    preheader: row.preheader,
    // A sent issue always has its time; the fallback only keeps the type honest.
    sentAt: (row.sentAt ?? new Date(0)).toISOString(),
    publicUrl: `${publicationUrl(deps, slug)}/${row.number}`,
  };
}

/** Sent issues of a publication: a row's ids, or the table's columns in a join. */
const sent = (publication: { organizationId: string | AnyColumn; id: string | AnyColumn }) =>
  and(
    eq(newsletterIssues.organizationId, publication.organizationId),
    eq(newsletterIssues.publicationId, publication.id),
    eq(newsletterIssues.status, "sent"),
  );

const issueColumns = {
  id: newsletterIssues.id,
  number: newsletterIssues.number,
  subject: newsletterIssues.subject,
  preheader: newsletterIssues.preheader,
  sentAt: newsletterIssues.sentAt,
};

async function publicationBySlug(tx: Tx, slug: string) {
  const [row] = await tx
    .select()
    .from(newsletterPublications)
    .where(and(eq(newsletterPublications.slug, slug), isNull(newsletterPublications.archivedAt)));
  if (!row) throw notFound();
  return row;
}

async function publishersOf(
  tx: Tx,
  publication: { organizationId: string; id: string },
): Promise<PublicPublisher[]> {
  const rows = await tx
    .select({
      organizationId: newsletterPublishers.publisherOrganizationId,
      name: organizations.name,
      contact: newsletterPublishers.contact,
    })
    .from(newsletterPublishers)
    .innerJoin(organizations, eq(organizations.id, newsletterPublishers.publisherOrganizationId))
    .where(
      and(
        eq(newsletterPublishers.organizationId, publication.organizationId),
        eq(newsletterPublishers.publicationId, publication.id),
      ),
    );
  const role = (id: string) => (id === publication.organizationId ? "owner" : "co_publisher");
  return rows
    .map((row) => ({ ...row, role: role(row.organizationId) }) as PublicPublisher)
    .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name, "sv") : a.role === "owner" ? -1 : 1));
}

async function publicationView(
  deps: Deps,
  tx: Tx,
  row: typeof newsletterPublications.$inferSelect,
): Promise<PublicPublication> {
  const [totals] = await tx.select({ sentIssues: count() }).from(newsletterIssues).where(sent(row));
  const [latest] = await tx
    .select(issueColumns)
    .from(newsletterIssues)
    .where(sent(row))
    .orderBy(desc(newsletterIssues.sentAt), desc(newsletterIssues.id))
    .limit(1);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    logoUrl: row.logoUrl,
    logoAlt: row.logoAlt,
    publishers: await publishersOf(tx, row),
    sentIssues: totals?.sentIssues ?? 0,
    latestIssue: latest ? issueSummary(deps, row.slug, latest) : null,
    publicUrl: publicationUrl(deps, row.slug),
  };
}

/** Every publication with at least one sent issue, the most recently sent first: the archive's index. */
export async function listPublicPublications(deps: Deps): Promise<PublicPublication[]> {
  return publicRead(deps, async (tx) => {
    const rows = await tx
      .select({ publication: newsletterPublications, lastSentAt: max(newsletterIssues.sentAt) })
      .from(newsletterPublications)
      .innerJoin(newsletterIssues, sent(newsletterPublications))
      .where(isNull(newsletterPublications.archivedAt))
      .groupBy(newsletterPublications.organizationId, newsletterPublications.id)
      .orderBy(desc(max(newsletterIssues.sentAt)), asc(newsletterPublications.name));
    const views: PublicPublication[] = [];
    for (const { publication } of rows) views.push(await publicationView(deps, tx, publication));
    return views;
  });
}

/**
 * A publication's public face, also before its first issue is sent (its page carries the sign-up
 * form). Archived and unknown slugs are not found alike.
 */
export async function getPublicPublication(deps: Deps, slug: string): Promise<PublicPublication> {
  return publicRead(deps, async (tx) => publicationView(deps, tx, await publicationBySlug(tx, slug)));
}

/** A publication's sent issues, the newest first. */
export async function listPublicIssues(
  deps: Deps,
  slug: string,
  page: PageRequest,
): Promise<Page<PublicIssueSummary>> {
  return publicRead(deps, async (tx) => {
    const publication = await publicationBySlug(tx, slug);
    const paging = keyset(page, newsletterIssues.sentAt, newsletterIssues.id, "desc");
    const rows = await tx
      .select(issueColumns)
      .from(newsletterIssues)
      .where(and(sent(publication), paging.after))
      .orderBy(...paging.orderBy)
      .limit(paging.limit);
    const result = paging.page(rows, (row) => [row.sentAt ?? new Date(0), row.id]);
    return { ...result, data: result.data.map((row) => issueSummary(deps, slug, row)) };
  });
}

async function sectionsOf(tx: Tx, issue: { organizationId: string; id: string }): Promise<PublicSection[]> {
  const rows = await tx
    .select({ section: newsletterSections, authorName: organizations.name })
    .from(newsletterSections)
    .innerJoin(organizations, eq(organizations.id, newsletterSections.authorOrganizationId))
    .where(
      and(
        eq(newsletterSections.organizationId, issue.organizationId),
        eq(newsletterSections.issueId, issue.id),
      ),
    )
    .orderBy(asc(newsletterSections.position), asc(newsletterSections.id));
  return rows.map(({ section, authorName }) => ({
    position: section.position,
    heading: section.heading,
    bodyMarkdown: section.bodyMarkdown,
    image: section.imageUrl ? { url: section.imageUrl, alt: section.imageAlt ?? "" } : null,
    links: section.links,
    author: { organizationId: section.authorOrganizationId, name: authorName },
  }));
}

async function fullIssues(
  deps: Deps,
  tx: Tx,
  publication: typeof newsletterPublications.$inferSelect,
  rows: (typeof newsletterIssues.$inferSelect)[],
): Promise<PublicIssue[]> {
  const issues: PublicIssue[] = [];
  for (const row of rows)
    issues.push({
      ...issueSummary(deps, publication.slug, row),
      publication: { slug: publication.slug, name: publication.name },
      sections: await sectionsOf(tx, row),
      html: row.renderedHtml,
      text: row.renderedText,
    });
  return issues;
}

/** One sent issue by its number; drafts, unsent and cancelled issues are not found, like unknown ones. */
export async function getPublicIssue(deps: Deps, slug: string, number: number): Promise<PublicIssue> {
  return publicRead(deps, async (tx) => {
    const publication = await publicationBySlug(tx, slug);
    const [row] = await tx
      .select()
      .from(newsletterIssues)
      .where(and(sent(publication), eq(newsletterIssues.number, number)));
    if (!row) throw notFound();
    const [issue] = await fullIssues(deps, tx, publication, [row]);
    return issue as PublicIssue;
  });
}

export interface PublicationFeed {
  publication: PublicPublication;
  /** The most recently sent issues with their sections, the newest first. */
  issues: PublicIssue[];
}

/** What a publication's Atom feed holds: its latest sent issues in full. */
export async function publicationFeed(deps: Deps, slug: string, limit = 20): Promise<PublicationFeed> {
  return publicRead(deps, async (tx) => {
    const row = await publicationBySlug(tx, slug);
    const rows = await tx
      .select()
      .from(newsletterIssues)
      .where(sent(row))
      .orderBy(desc(newsletterIssues.sentAt), desc(newsletterIssues.id))
      .limit(limit);
    return {
      publication: await publicationView(deps, tx, row),
      issues: await fullIssues(deps, tx, row, rows),
    };
  });
}
