import { createHash } from "node:crypto";
import {
  newsletterIssues,
  newsletterPublications,
  newsletterPublishers,
  newsletterSections,
  newsletterSubscribers,
  newsletterSuppressions,
  transaction,
} from "@nns/db";
import type { Deps } from "../src/index.js";

/**
 * Newsletter rows written straight into the database, for the sending tests: a publication owned by one
 * förbund, an issue ready to send with one section, and subscribers in the given states. (The
 * publications and subscribers services have their own tests; these only need the rows.)
 */
export interface NewsletterFixture {
  organizationId: string;
  publicationId: string;
  slug: string;
  issueId: string;
}

let counter = 0;

export async function newsletterFixture(
  deps: Deps,
  organizationId: string,
  options: { replyTo?: string | null; status?: "ready" | "scheduled" | "draft"; scheduledAt?: Date } = {},
): Promise<NewsletterFixture> {
  counter += 1;
  const slug = `brev-${counter}-${organizationId.slice(0, 8)}`;
  const publicationId = await transaction(deps.db, { organizationId }, async (tx) => {
    const [publication] = await tx
      .insert(newsletterPublications)
      .values({
        organizationId,
        slug,
        name: `Samverkansbladet ${counter}`,
        senderName: "Samordningsförbundet Halland",
        senderEmail: "info@halland.example.se",
        replyTo: options.replyTo === undefined ? "svar@halland.example.se" : options.replyTo,
      })
      .returning();
    const publicationId = publication?.id as string;
    await tx.insert(newsletterPublishers).values({
      organizationId,
      publicationId,
      publisherOrganizationId: organizationId,
      contact: "035-12 34 56",
    });
    return publicationId;
  });
  const issueId = await addIssue(deps, organizationId, publicationId, 1, options);
  return { organizationId, publicationId, slug, issueId };
}

export async function addIssue(
  deps: Deps,
  organizationId: string,
  publicationId: string,
  number: number,
  options: { status?: "ready" | "scheduled" | "draft"; scheduledAt?: Date } = {},
): Promise<string> {
  return transaction(deps.db, { organizationId }, async (tx) => {
    const [issue] = await tx
      .insert(newsletterIssues)
      .values({
        organizationId,
        publicationId,
        number,
        subject: `Nytt från förbunden, nummer ${number}`,
        preheader: "Höstens utbildningar och ett nytt samarbete",
        status: options.status ?? "ready",
        scheduledAt: options.scheduledAt ?? null,
      })
      .returning();
    await tx.insert(newsletterSections).values({
      organizationId,
      issueId: issue?.id as string,
      publicationId,
      authorOrganizationId: organizationId,
      position: 1,
      heading: "Välkommen till hösten",
      bodyMarkdown: "Vi har **tre nya utbildningar** i höst.",
      links: [{ label: "Läs mer", url: "https://halland.example.se/hosten" }],
      approvedAt: new Date(),
    });
    return issue?.id as string;
  });
}

export type SubscriberState = "confirmed" | "unconfirmed" | "unsubscribed" | "blocklisted";

/** Subscribers `prefix0@…`, `prefix1@…`, … in one insert; returns their addresses. */
export async function addSubscribers(
  deps: Deps,
  fixture: NewsletterFixture,
  count: number,
  status: SubscriberState,
  prefix: string,
): Promise<string[]> {
  const emails = Array.from({ length: count }, (_, i) => `${prefix}${i}@mottagare.test`);
  await transaction(deps.db, { organizationId: fixture.organizationId }, (tx) =>
    tx.insert(newsletterSubscribers).values(
      emails.map((email, i) => ({
        organizationId: fixture.organizationId,
        publicationId: fixture.publicationId,
        email,
        name: i % 2 === 0 ? `Prenumerant ${i}` : null,
        status,
        consentSource: "api" as const,
        consentAt: new Date(),
        consentText: "Jag vill få nyhetsbrevet.",
        confirmedAt: status === "confirmed" ? new Date() : null,
        unsubscribedAt: status === "unsubscribed" ? new Date() : null,
      })),
    ),
  );
  return emails;
}

/** Puts addresses on the publication's suppression list, as erasure leaves them. */
export async function suppress(deps: Deps, fixture: NewsletterFixture, emails: string[]): Promise<void> {
  await transaction(deps.db, { organizationId: fixture.organizationId }, (tx) =>
    tx.insert(newsletterSuppressions).values(
      emails.map((email) => ({
        organizationId: fixture.organizationId,
        publicationId: fixture.publicationId,
        emailHash: createHash("sha256").update(email.toLowerCase()).digest("hex"),
        reason: "erased" as const,
      })),
    ),
  );
}

/** The sender's settings in the crash test's processes: short leases, so the test need not wait long. */
export const CRASH_TEST_NEWSLETTERS = {
  sendRatePerSecond: 400,
  sending: { leaseMs: 3_000, sliceMs: 10_000, outageFirstDelayMs: 100, outageMaxDelayMs: 400 },
};
