// Routes: apps/api/src/routes/event-cohosts — förbund co-hosting an event (/trainings/{id}/cohosts) and the
// invitations a förbund has to co-host (/cohost-invitations).
import { organizations, resourceShares, type Tx, trainingParties, trainings, transaction } from "@nns/db";
import { AppError } from "@nns/domain";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { acceptShare } from "../resource-shares.js";
import { inOrganizationScope, loadChangeableTraining, loadTraining, organizationNames } from "./scope.js";
import { lockTrainingSessions } from "./seats.js";
import {
  assertPartyRemovable,
  EVENT_COHOST_RESOURCE,
  revokeCohostShare,
  cohostShareOf as shareOf,
} from "./training-parties.js";

export interface CohostView {
  organizationId: string;
  organizationName: string;
  invitedAt: Date;
  acceptedAt: Date | null;
}

export interface CohostInvitationView {
  trainingId: string;
  title: string;
  firstSessionAt: Date | null;
  owner: { id: string; name: string };
  invitedAt: Date;
}

async function readCohosts(tx: Tx, trainingId: string): Promise<CohostView[]> {
  const rows = await tx
    .select({
      organizationId: resourceShares.organizationId,
      organizationName: organizations.name,
      invitedAt: resourceShares.invitedAt,
      acceptedAt: resourceShares.acceptedAt,
    })
    .from(resourceShares)
    .innerJoin(organizations, eq(organizations.id, resourceShares.organizationId))
    .where(and(shareOf(trainingId), isNull(resourceShares.revokedAt)))
    .orderBy(asc(resourceShares.invitedAt));
  return rows;
}

function requireEvent(kind: string): void {
  if (kind !== "event") {
    throw new AppError("conflict", "Only a förbund's own event has co-hosts; BIP/SKAPA has parties.");
  }
}

/** The host's list: every förbund invited to co-host the event, and whether it has accepted. */
export async function listCohosts(ctx: OrgContext, trainingId: string): Promise<CohostView[]> {
  requirePermission(ctx, "trainings:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const access = await loadTraining(tx, ctx, trainingId);
    requireEvent(access.training.kind);
    // A co-host learns who hosts with it from the event's parties; the open invitations are the host's.
    if (!access.isOwner) throw new AppError("forbidden", "Only the host förbund sees its invitations.");
    return readCohosts(tx, trainingId);
  });
}

/**
 * The host invites another förbund to co-host an open event. Nothing of the event is visible to the
 * invited förbund until it accepts, except the title and date in its list of invitations. Inviting again
 * after a decline or removal starts a fresh invitation.
 */
export async function inviteCohost(
  ctx: OrgContext,
  trainingId: string,
  organizationId: string,
): Promise<CohostView[]> {
  requirePermission(ctx, "trainings:manage");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const access = await loadChangeableTraining(tx, ctx, trainingId);
    requireEvent(access.training.kind);
    const [target] = await tx
      .select({ id: organizations.id, kind: organizations.kind })
      .from(organizations)
      .where(and(eq(organizations.id, organizationId), isNull(organizations.deletedAt)));
    if (target?.kind !== "forbund" || target.id === ctx.organization.id) {
      throw new AppError("validation_failed", "Co-hosts are other förbund.", {
        errors: [
          {
            field: "body.organizationId",
            rule: "other_forbund",
            message: "Välj ett annat samordningsförbund.",
          },
        ],
      });
    }
    const [open] = await tx
      .select({ acceptedAt: resourceShares.acceptedAt })
      .from(resourceShares)
      .where(
        and(
          shareOf(trainingId),
          eq(resourceShares.organizationId, target.id),
          isNull(resourceShares.revokedAt),
        ),
      );
    if (open) {
      throw new AppError("already_exists", "The förbund is already invited to co-host the event.", {
        errors: [
          {
            field: "body.organizationId",
            rule: "unique",
            message: open.acceptedAt
              ? "Förbundet är redan medarrangör."
              : "Förbundet är redan inbjudet som medarrangör.",
          },
        ],
      });
    }
    const now = new Date();
    await tx
      .insert(resourceShares)
      .values({
        resourceType: EVENT_COHOST_RESOURCE,
        resourceId: trainingId,
        ownerOrganizationId: ctx.organization.id,
        organizationId: target.id,
        permission: "read",
        invitedAt: now,
      })
      .onConflictDoUpdate({
        target: [resourceShares.resourceType, resourceShares.resourceId, resourceShares.organizationId],
        set: { invitedAt: now, acceptedAt: null, revokedAt: null },
      });
    const after = await readCohosts(tx, trainingId);
    await audit(tx, ctx, {
      action: "training.cohost_invited",
      entityType: "training",
      entityId: trainingId,
      after: after.find((c) => c.organizationId === target.id),
    });
    return after;
  });
}

/** The acting förbund's open invitations to co-host, newest first, with each event's title and date. */
export async function listCohostInvitations(ctx: OrgContext): Promise<CohostInvitationView[]> {
  requirePermission(ctx, "trainings:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const shares = await tx
      .select()
      .from(resourceShares)
      .where(
        and(
          eq(resourceShares.resourceType, EVENT_COHOST_RESOURCE),
          eq(resourceShares.organizationId, ctx.organization.id),
          isNull(resourceShares.acceptedAt),
          isNull(resourceShares.revokedAt),
        ),
      )
      .orderBy(desc(resourceShares.invitedAt))
      .limit(100);
    const names = await organizationNames(
      tx,
      shares.map((s) => s.ownerOrganizationId),
    );
    const views: CohostInvitationView[] = [];
    for (const share of shares) {
      // The open invitation, read above in the förbund's own scope, is what allows reading the event's
      // title and date in the host's; nothing else of the event is read or handed back.
      const event = await inOrganizationScope(tx, ctx, share.ownerOrganizationId, async () => {
        const [row] = await tx
          .select({ title: trainings.title, firstSessionAt: firstSessionAt() })
          .from(trainings)
          .where(eq(trainings.id, share.resourceId));
        return row;
      });
      if (!event) continue;
      views.push({
        trainingId: share.resourceId,
        title: event.title,
        firstSessionAt: event.firstSessionAt ? new Date(event.firstSessionAt) : null,
        owner: { id: share.ownerOrganizationId, name: names.get(share.ownerOrganizationId)?.name ?? "" },
        invitedAt: share.invitedAt,
      });
    }
    return views;
  });
}

/** Drizzle leaves a single table's columns unqualified, so the subquery names the outer table itself. */
function firstSessionAt() {
  return sql<
    string | null
  >`(select min(s.starts_at) from training_sessions s where s.training_id = trainings.id)`;
}

/**
 * The invited förbund accepts: the share is marked accepted and the förbund becomes a party of the event
 * (without a seat allocation, as the host has none either), in the host's scope where parties are kept.
 */
export async function acceptCohostInvitation(
  ctx: OrgContext,
  trainingId: string,
): Promise<CohostInvitationView> {
  requirePermission(ctx, "trainings:manage");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const invitations = await openInvitation(tx, ctx, trainingId);
    const share = await acceptShare(
      tx,
      ctx.organization.id,
      { type: EVENT_COHOST_RESOURCE, id: trainingId },
      "There is no open invitation to co-host this event.",
    );
    await inOrganizationScope(tx, ctx, share.ownerOrganizationId, async () => {
      const [training] = await tx
        .select({ status: trainings.status })
        .from(trainings)
        .where(eq(trainings.id, trainingId));
      if (training?.status === "cancelled" || training?.status === "completed") {
        throw new AppError("conflict", `The event is ${training.status}; there is nothing to co-host.`);
      }
      await tx
        .insert(trainingParties)
        .values({
          organizationId: ctx.organization.id,
          trainingId,
          ownerOrganizationId: share.ownerOrganizationId,
          seats: null,
        })
        .onConflictDoNothing();
    });
    await audit(tx, ctx, {
      action: "training.cohost_accepted",
      entityType: "training",
      entityId: trainingId,
      after: invitations,
    });
    return invitations;
  });
}

async function openInvitation(tx: Tx, ctx: OrgContext, trainingId: string): Promise<CohostInvitationView> {
  const [share] = await tx
    .select()
    .from(resourceShares)
    .where(
      and(
        shareOf(trainingId),
        eq(resourceShares.organizationId, ctx.organization.id),
        isNull(resourceShares.acceptedAt),
        isNull(resourceShares.revokedAt),
      ),
    );
  if (!share) throw new AppError("not_found", "There is no open invitation to co-host this event.");
  const title = await inOrganizationScope(tx, ctx, share.ownerOrganizationId, async () => {
    const [row] = await tx
      .select({ title: trainings.title, firstSessionAt: firstSessionAt() })
      .from(trainings)
      .where(eq(trainings.id, trainingId));
    return row;
  });
  const names = await organizationNames(tx, [share.ownerOrganizationId]);
  return {
    trainingId,
    title: title?.title ?? "",
    firstSessionAt: title?.firstSessionAt ? new Date(title.firstSessionAt) : null,
    owner: { id: share.ownerOrganizationId, name: names.get(share.ownerOrganizationId)?.name ?? "" },
    invitedAt: share.invitedAt,
  };
}

/** The invited förbund says no: the invitation ends (the host may invite again later). */
export async function declineCohostInvitation(ctx: OrgContext, trainingId: string): Promise<void> {
  requirePermission(ctx, "trainings:manage");
  await transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const invitation = await openInvitation(tx, ctx, trainingId);
    await tx
      .update(resourceShares)
      .set({ revokedAt: new Date() })
      .where(and(shareOf(trainingId), eq(resourceShares.organizationId, ctx.organization.id)));
    await audit(tx, ctx, {
      action: "training.cohost_declined",
      entityType: "training",
      entityId: trainingId,
      before: invitation,
    });
  });
}

/**
 * The host takes back an invitation or removes a co-host. A co-host whose people are still registered
 * keeps its place until they are cancelled (the same rule as removing any party), so nobody is left
 * registered for an event their förbund no longer co-hosts.
 */
export async function removeCohost(
  ctx: OrgContext,
  trainingId: string,
  organizationId: string,
): Promise<CohostView[]> {
  requirePermission(ctx, "trainings:manage");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const access = await loadChangeableTraining(tx, ctx, trainingId);
    requireEvent(access.training.kind);
    const before = (await readCohosts(tx, trainingId)).find((c) => c.organizationId === organizationId);
    if (!before) throw new AppError("not_found", "The förbund is not invited to co-host the event.");
    await lockTrainingSessions(tx, trainingId);
    await assertPartyRemovable(tx, trainingId, organizationId);
    await tx
      .delete(trainingParties)
      .where(
        and(eq(trainingParties.trainingId, trainingId), eq(trainingParties.organizationId, organizationId)),
      );
    await revokeCohostShare(tx, trainingId, organizationId);
    const after = await readCohosts(tx, trainingId);
    await audit(tx, ctx, {
      action: "training.cohost_revoked",
      entityType: "training",
      entityId: trainingId,
      before,
      after,
    });
    return after;
  });
}
