import {
  newsletterDeliveries,
  newsletterIssues,
  newsletterPublications,
  newsletterPublishers,
  resourceShares,
  transaction,
} from "@nns/db";
import type { TestEnv } from "./helpers.js";

/**
 * A publication inserted as its owner, until the publications' own services exist to make one; only
 * what the subscriber tests need. `coPublishers` get an accepted share, `invited` a pending one.
 */
export async function insertPublication(
  env: TestEnv,
  input: { ownerId: string; slug: string; name: string; coPublishers?: string[]; invited?: string[] },
): Promise<string> {
  return transaction(env.deps.db, { organizationId: input.ownerId }, async (tx) => {
    const [row] = await tx
      .insert(newsletterPublications)
      .values({
        organizationId: input.ownerId,
        slug: input.slug,
        name: input.name,
        senderName: input.name,
        senderEmail: "nyhetsbrev@test.se",
      })
      .returning({ id: newsletterPublications.id });
    const id = row?.id as string;
    await tx
      .insert(newsletterPublishers)
      .values({ organizationId: input.ownerId, publicationId: id, publisherOrganizationId: input.ownerId });
    const shares = [
      ...(input.coPublishers ?? []).map((organizationId) => ({ organizationId, acceptedAt: new Date() })),
      ...(input.invited ?? []).map((organizationId) => ({ organizationId, acceptedAt: null })),
    ];
    for (const share of shares)
      await tx.insert(resourceShares).values({
        resourceType: "newsletter_publication",
        resourceId: id,
        ownerOrganizationId: input.ownerId,
        permission: "write",
        ...share,
      });
    return id;
  });
}

/** One issue's delivery to a subscriber, as sending will make it; its id is the Message-ID's local part. */
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
