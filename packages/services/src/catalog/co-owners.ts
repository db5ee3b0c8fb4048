import { catalogEntries, organizations, resourceShares, type Tx, transaction } from "@nns/db";
import { AppError } from "@nns/domain";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { acceptShare } from "../resource-shares.js";
import { INTERVENTION_RESOURCE, loadIntervention, requireOwner } from "./access.js";

export interface CoOwnerView {
  organizationId: string;
  organizationName: string;
  invitedAt: Date;
  acceptedAt: Date | null;
}

const shareOf = (interventionId: string) =>
  and(eq(resourceShares.resourceType, INTERVENTION_RESOURCE), eq(resourceShares.resourceId, interventionId));

/**
 * Invites another förbund to co-own an intervention (write access once it accepts). Only the owner
 * invites; inviting again after a revocation starts a fresh invitation.
 */
export async function inviteCoOwner(
  ctx: OrgContext,
  interventionId: string,
  organizationId: string,
): Promise<CoOwnerView> {
  requirePermission(ctx, "interventions:write");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { row, isOwner } = await loadIntervention(tx, ctx, interventionId);
    requireOwner(isOwner, "invite co-owners");
    const [target] = await tx
      .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
      .from(organizations)
      .where(and(eq(organizations.id, organizationId), isNull(organizations.deletedAt)));
    if (target?.kind !== "forbund" || target.id === row.organizationId)
      throw new AppError("validation_failed", "Co-owners are other förbund.", {
        errors: [
          {
            field: "body.organizationId",
            rule: "other_forbund",
            message: "Välj ett annat samordningsförbund.",
          },
        ],
      });
    const now = new Date();
    const [share] = await tx
      .insert(resourceShares)
      .values({
        resourceType: INTERVENTION_RESOURCE,
        resourceId: row.id,
        ownerOrganizationId: row.organizationId,
        organizationId: target.id,
        permission: "write",
        invitedAt: now,
      })
      .onConflictDoUpdate({
        target: [resourceShares.resourceType, resourceShares.resourceId, resourceShares.organizationId],
        set: { invitedAt: now, acceptedAt: null, revokedAt: null, permission: "write" },
      })
      .returning();
    await audit(tx, ctx, {
      action: "intervention.co_owner_invited",
      entityType: "intervention",
      entityId: row.id,
      after: { organizationId: target.id },
    });
    return {
      organizationId: target.id,
      organizationName: target.name,
      invitedAt: share?.invitedAt ?? now,
      acceptedAt: null,
    };
  });
}

/** The invited förbund accepts; from then on it reads and edits the intervention. */
export async function acceptCoOwnership(ctx: OrgContext, interventionId: string): Promise<CoOwnerView> {
  requirePermission(ctx, "interventions:write");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const share = await acceptShare(
      tx,
      ctx.organization.id,
      { type: INTERVENTION_RESOURCE, id: interventionId },
      "There is no open co-ownership invitation for this intervention.",
    );
    await addCoOwnerToCatalogEntry(tx, ctx, interventionId);
    await audit(tx, ctx, {
      action: "intervention.co_ownership_accepted",
      entityType: "intervention",
      entityId: interventionId,
      after: { ownerOrganizationId: share.ownerOrganizationId },
    });
    return {
      organizationId: ctx.organization.id,
      organizationName: ctx.organization.name,
      invitedAt: share.invitedAt,
      acceptedAt: share.acceptedAt,
    };
  });
}

/**
 * A published entry names its co-owners and is found under their förbund filter; the rest of the entry
 * changes only when a new version is published.
 */
async function addCoOwnerToCatalogEntry(tx: Tx, ctx: OrgContext, interventionId: string): Promise<void> {
  const [me] = await tx
    .select({ slug: organizations.slug })
    .from(organizations)
    .where(eq(organizations.id, ctx.organization.id));
  const coOwner = { id: ctx.organization.id, name: ctx.organization.name, slug: me?.slug ?? "" };
  await tx.execute(sql`update catalog_entries
    set organization_ids = array_append(organization_ids, ${coOwner.id}::uuid),
      document = jsonb_set(document, '{coOwners}',
        coalesce(document->'coOwners', '[]'::jsonb) || jsonb_build_array(${JSON.stringify(coOwner)}::jsonb))
    where intervention_id = ${interventionId}::uuid and not (${coOwner.id}::uuid = any(organization_ids))`);
}

/**
 * Ends a co-ownership: the owner removes a co-owner, or a co-owner leaves. The share is revoked, not
 * deleted, so the record of who could edit when remains; the published entry stops naming the förbund.
 */
export async function removeCoOwner(
  ctx: OrgContext,
  interventionId: string,
  coOwnerId: string,
): Promise<void> {
  requirePermission(ctx, "interventions:write");
  await transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { row, isOwner } = await loadIntervention(tx, ctx, interventionId);
    const leaving = ctx.organization.id === coOwnerId;
    if (!isOwner && !leaving)
      throw new AppError("forbidden", "Only the owning förbund may remove a co-owner.");
    // The entry first: a leaving co-owner may update it only while its share is live.
    await tx.execute(sql`update catalog_entries
      set organization_ids = array_remove(organization_ids, ${coOwnerId}::uuid),
        document = jsonb_set(document, '{coOwners}', (
          select coalesce(jsonb_agg(e), '[]'::jsonb) from jsonb_array_elements(document->'coOwners') e
          where e->>'id' <> ${coOwnerId}))
      where intervention_id = ${row.id}::uuid`);
    const [revoked] = await tx
      .update(resourceShares)
      .set({ revokedAt: new Date() })
      .where(
        and(shareOf(row.id), eq(resourceShares.organizationId, coOwnerId), isNull(resourceShares.revokedAt)),
      )
      .returning();
    if (!revoked) throw new AppError("not_found", "That förbund is not a co-owner of this intervention.");
    await audit(tx, ctx, {
      action: leaving ? "intervention.co_ownership_left" : "intervention.co_owner_removed",
      entityType: "intervention",
      entityId: row.id,
      before: { organizationId: coOwnerId, acceptedAt: revoked.acceptedAt },
    });
  });
}

export async function listCoOwners(ctx: OrgContext, interventionId: string): Promise<CoOwnerView[]> {
  requirePermission(ctx, "interventions:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { row } = await loadIntervention(tx, ctx, interventionId);
    // Row-level security shows the owner every share and a co-owner its own.
    return tx
      .select({
        organizationId: resourceShares.organizationId,
        organizationName: organizations.name,
        invitedAt: resourceShares.invitedAt,
        acceptedAt: resourceShares.acceptedAt,
      })
      .from(resourceShares)
      .innerJoin(organizations, eq(organizations.id, resourceShares.organizationId))
      .where(and(shareOf(row.id), isNull(resourceShares.revokedAt)))
      .orderBy(organizations.name);
  });
}

export interface CoOwnershipInvitationView {
  interventionId: string;
  ownerOrganizationId: string;
  ownerOrganizationName: string;
  /** The published title, when the intervention is in the public catalogue; drafts stay private until accepted. */
  publishedTitle: string | null;
  invitedAt: Date;
}

/** Open invitations for this förbund to co-own other förbund's interventions. */
export async function listCoOwnershipInvitations(ctx: OrgContext): Promise<CoOwnershipInvitationView[]> {
  requirePermission(ctx, "interventions:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) =>
    tx
      .select({
        interventionId: resourceShares.resourceId,
        ownerOrganizationId: resourceShares.ownerOrganizationId,
        ownerOrganizationName: organizations.name,
        publishedTitle: catalogEntries.title,
        invitedAt: resourceShares.invitedAt,
      })
      .from(resourceShares)
      .innerJoin(organizations, eq(organizations.id, resourceShares.ownerOrganizationId))
      .leftJoin(catalogEntries, eq(catalogEntries.interventionId, resourceShares.resourceId))
      .where(
        and(
          eq(resourceShares.resourceType, INTERVENTION_RESOURCE),
          eq(resourceShares.organizationId, ctx.organization.id),
          isNull(resourceShares.acceptedAt),
          isNull(resourceShares.revokedAt),
        ),
      )
      .orderBy(desc(resourceShares.invitedAt)),
  );
}
