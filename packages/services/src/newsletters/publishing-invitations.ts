// Routes: apps/api/src/routes/newsletters — the invitations a förbund has to co-publish others' newsletters.
import { newsletterPublications, organizations, resourceShares, transaction } from "@nns/db";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { requirePermission } from "../access.js";
import type { OrgContext } from "../context.js";
import { PUBLICATION_RESOURCE } from "./access.js";

export interface PublishingInvitationView {
  publicationId: string;
  publicationName: string;
  ownerOrganizationId: string;
  ownerOrganizationName: string;
  invitedAt: Date;
}

/**
 * Open invitations for this förbund to publish other förbund's newsletters. The invitee may not read the
 * publication yet; its name is public (its page), so it is read as the public pages read it.
 */
export async function listPublishingInvitations(ctx: OrgContext): Promise<PublishingInvitationView[]> {
  requirePermission(ctx, "newsletters:read");
  const invitations = await transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) =>
    tx
      .select({
        publicationId: resourceShares.resourceId,
        ownerOrganizationId: resourceShares.ownerOrganizationId,
        ownerOrganizationName: organizations.name,
        invitedAt: resourceShares.invitedAt,
      })
      .from(resourceShares)
      .innerJoin(organizations, eq(organizations.id, resourceShares.ownerOrganizationId))
      .where(
        and(
          eq(resourceShares.resourceType, PUBLICATION_RESOURCE),
          eq(resourceShares.organizationId, ctx.organization.id),
          isNull(resourceShares.acceptedAt),
          isNull(resourceShares.revokedAt),
        ),
      )
      .orderBy(desc(resourceShares.invitedAt)),
  );
  if (invitations.length === 0) return [];
  const names = await transaction(ctx.deps.db, { settings: { "app.newsletter_public": "on" } }, async (tx) =>
    tx
      .select({
        id: newsletterPublications.id,
        ownerId: newsletterPublications.organizationId,
        name: newsletterPublications.name,
      })
      .from(newsletterPublications)
      .where(
        inArray(
          newsletterPublications.id,
          invitations.map((i) => i.publicationId),
        ),
      ),
  );
  // An archived publication is gone from the public pages, and an invitation to it leads nowhere.
  return invitations.flatMap((invitation) => {
    const publication = names.find(
      (n) => n.id === invitation.publicationId && n.ownerId === invitation.ownerOrganizationId,
    );
    return publication ? [{ ...invitation, publicationName: publication.name }] : [];
  });
}
