import {
  type NewsletterLink,
  newsletterDeliveries,
  newsletterIssues,
  newsletterPublications,
  newsletterPublishers,
  newsletterSections,
  resourceShares,
  transaction,
} from "@nns/db";
import type { IssueStatus } from "@nns/domain";
import type { TestEnv } from "./helpers.js";

export interface SectionFixture {
  heading: string;
  bodyMarkdown: string;
  /** The writing publisher; the owner when left out. */
  authorOrganizationId?: string;
  image?: { url: string; alt: string };
  links?: NewsletterLink[];
}

export interface IssueFixture {
  number: number;
  subject: string;
  preheader?: string;
  status: IssueStatus;
  /** For sent issues. */
  sentAt?: string;
  sections: SectionFixture[];
}

export interface PublicationFixture {
  ownerId: string;
  slug: string;
  name: string;
  description?: string;
  ownerContact?: string;
  coPublishers?: { organizationId: string; contact: string }[];
  archived?: boolean;
  /** Förbund with an accepted invitation to co-publish, and with one still open. */
  shares?: { accepted?: string[]; invited?: string[] };
  issues?: IssueFixture[];
}

/**
 * A publication with its publishers, issues and sections written straight into the tables in the
 * owner's scope (row-level security as the application role): the archive is tested against the rows it
 * reads, not against how they were made. Co-publishers get their footer line only; the archive never reads
 * the shares behind them.
 */
export async function insertPublication(env: TestEnv, fixture: PublicationFixture): Promise<{ id: string }> {
  const organizationId = fixture.ownerId;
  return transaction(env.deps.db, { organizationId }, async (tx) => {
    const [publication] = await tx
      .insert(newsletterPublications)
      .values({
        organizationId,
        slug: fixture.slug,
        name: fixture.name,
        description: fixture.description ?? null,
        senderName: fixture.name,
        senderEmail: `${fixture.slug}@nyhetsbrev.test.se`,
        archivedAt: fixture.archived ? new Date("2026-11-01T10:00:00Z") : null,
      })
      .returning({ id: newsletterPublications.id });
    const publicationId = (publication as { id: string }).id;
    await tx.insert(newsletterPublishers).values([
      {
        organizationId,
        publicationId,
        publisherOrganizationId: organizationId,
        contact: fixture.ownerContact ?? "",
      },
      ...(fixture.coPublishers ?? []).map((co) => ({
        organizationId,
        publicationId,
        publisherOrganizationId: co.organizationId,
        contact: co.contact,
      })),
    ]);
    const shares = [
      ...(fixture.shares?.accepted ?? []).map((id) => ({ organizationId: id, acceptedAt: new Date() })),
      ...(fixture.shares?.invited ?? []).map((id) => ({ organizationId: id, acceptedAt: null })),
    ];
    for (const share of shares)
      await tx.insert(resourceShares).values({
        resourceType: "newsletter_publication",
        resourceId: publicationId,
        ownerOrganizationId: organizationId,
        permission: "write",
        ...share,
      });
    for (const issue of fixture.issues ?? []) {
      const [row] = await tx
        .insert(newsletterIssues)
        .values({
          organizationId,
          publicationId,
          number: issue.number,
          subject: issue.subject,
          preheader: issue.preheader ?? "",
          status: issue.status,
          sentAt: issue.sentAt ? new Date(issue.sentAt) : null,
          sendStartedAt: issue.sentAt ? new Date(issue.sentAt) : null,
          renderedHtml: issue.sentAt
            ? `<!doctype html><html lang="sv"><body><h1>${issue.subject}</h1></body></html>`
            : null,
          renderedText: issue.sentAt
            ? `${issue.subject}\n\nAvregistrera: https://recipient.invalid/unsubscribe`
            : null,
        })
        .returning({ id: newsletterIssues.id });
      const issueId = (row as { id: string }).id;
      for (const [index, section] of issue.sections.entries())
        await tx.insert(newsletterSections).values({
          organizationId,
          issueId,
          publicationId,
          authorOrganizationId: section.authorOrganizationId ?? organizationId,
          position: index + 1,
          heading: section.heading,
          bodyMarkdown: section.bodyMarkdown,
          imageUrl: section.image?.url ?? null,
          imageAlt: section.image?.alt ?? null,
          links: section.links ?? [],
          approvedAt: new Date("2026-09-01T08:00:00Z"),
        });
    }
    return { id: publicationId };
  });
}

/** One issue's delivery to a subscriber, as sending makes it; its id is the Message-ID's local part. */
export async function insertDelivery(
  env: TestEnv,
  input: { ownerId: string; publicationId: string; subscriberId: string; number: number },
): Promise<string> {
  return transaction(env.deps.db, { organizationId: input.ownerId }, async (tx) => {
    const [issue] = await tx
      .insert(newsletterIssues)
      .values({
        organizationId: input.ownerId,
        publicationId: input.publicationId,
        number: input.number,
        subject: `Utskick ${input.number}`,
        status: "sending",
      })
      .returning({ id: newsletterIssues.id });
    const [delivery] = await tx
      .insert(newsletterDeliveries)
      .values({
        organizationId: input.ownerId,
        issueId: issue?.id as string,
        subscriberId: input.subscriberId,
        status: "sent",
      })
      .returning({ id: newsletterDeliveries.id });
    return delivery?.id as string;
  });
}
