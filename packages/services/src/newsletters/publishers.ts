// Routes: apps/api/src/routes/newsletters — who publishes a newsletter together: invitations through
// resource_shares (as for co-owned interventions), each publisher's footer line, leaving and removal.
import {
  newsletterIssues,
  newsletterPublishers,
  newsletterSections,
  organizations,
  resourceShares,
  type Tx,
  transaction,
} from "@nns/db";
import { AppError } from "@nns/domain";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { acceptShare } from "../resource-shares.js";
import {
  loadPublication,
  lockIssue,
  PUBLICATION_RESOURCE,
  type PublicationRow,
  readIssue,
  reopenIssue,
  requirePublicationOwner,
} from "./access.js";

export interface PublisherView {
  organizationId: string;
  organizationName: string;
  role: "owner" | "co_publisher";
  /** The publisher's own footer line (address, phone, web); empty until it writes one. */
  contact: string;
  /** Null for the owner, and for another co-publisher's invitation, which only the owner sees. */
  invitedAt: Date | null;
  /** Null while the invitation is open. */
  acceptedAt: Date | null;
}

const shareOf = (publicationId: string) =>
  and(eq(resourceShares.resourceType, PUBLICATION_RESOURCE), eq(resourceShares.resourceId, publicationId));

/**
 * The footer lines (the owner first, then the co-publishers by name) and, for the owner, the open
 * invitations. Row-level security shows the owner every share and a co-publisher its own.
 */
export async function publishersOf(tx: Tx, publication: PublicationRow): Promise<PublisherView[]> {
  const rows = await tx
    .select({
      organizationId: newsletterPublishers.publisherOrganizationId,
      organizationName: organizations.name,
      contact: newsletterPublishers.contact,
      createdAt: newsletterPublishers.createdAt,
    })
    .from(newsletterPublishers)
    .innerJoin(organizations, eq(organizations.id, newsletterPublishers.publisherOrganizationId))
    .where(
      and(
        eq(newsletterPublishers.organizationId, publication.organizationId),
        eq(newsletterPublishers.publicationId, publication.id),
      ),
    )
    .orderBy(asc(organizations.name));
  const shares = await tx
    .select({
      organizationId: resourceShares.organizationId,
      organizationName: organizations.name,
      invitedAt: resourceShares.invitedAt,
      acceptedAt: resourceShares.acceptedAt,
    })
    .from(resourceShares)
    .innerJoin(organizations, eq(organizations.id, resourceShares.organizationId))
    .where(
      and(
        shareOf(publication.id),
        eq(resourceShares.ownerOrganizationId, publication.organizationId),
        isNull(resourceShares.revokedAt),
      ),
    )
    .orderBy(asc(organizations.name));
  const shareByOrg = new Map(shares.map((s) => [s.organizationId, s]));
  const owner = rows.filter((r) => r.organizationId === publication.organizationId);
  const others = rows.filter((r) => r.organizationId !== publication.organizationId);
  const accepted: PublisherView[] = [...owner, ...others].map((r) => {
    const isOwner = r.organizationId === publication.organizationId;
    return {
      organizationId: r.organizationId,
      organizationName: r.organizationName,
      role: isOwner ? "owner" : "co_publisher",
      contact: r.contact,
      invitedAt: isOwner ? null : (shareByOrg.get(r.organizationId)?.invitedAt ?? null),
      acceptedAt: isOwner
        ? publication.createdAt
        : (shareByOrg.get(r.organizationId)?.acceptedAt ?? r.createdAt),
    };
  });
  const pending: PublisherView[] = shares
    .filter((s) => s.acceptedAt === null)
    .map((s) => ({
      organizationId: s.organizationId,
      organizationName: s.organizationName,
      role: "co_publisher",
      contact: "",
      invitedAt: s.invitedAt,
      acceptedAt: null,
    }));
  return [...accepted, ...pending];
}

export async function listPublishers(ctx: OrgContext, publicationId: string): Promise<PublisherView[]> {
  requirePermission(ctx, "newsletters:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) =>
    publishersOf(tx, (await loadPublication(tx, ctx, publicationId)).row),
  );
}

/**
 * The owner invites another förbund to publish the newsletter together (write access to its own sections
 * and footer line once it accepts). Inviting again after a removal or a leave starts a fresh invitation.
 */
export async function invitePublisher(
  ctx: OrgContext,
  publicationId: string,
  organizationId: string,
): Promise<PublisherView> {
  requirePermission(ctx, "newsletters:write");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { row, isOwner } = await loadPublication(tx, ctx, publicationId);
    requirePublicationOwner(isOwner, "bjuda in fler utgivare");
    if (row.archivedAt) throw new AppError("conflict", "Nyhetsbrevet är arkiverat.");
    const [target] = await tx
      .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
      .from(organizations)
      .where(and(eq(organizations.id, organizationId), isNull(organizations.deletedAt)));
    if (target?.kind !== "forbund" || target.id === row.organizationId)
      throw new AppError("validation_failed", "Co-publishers are other förbund.", {
        errors: [
          {
            field: "body.organizationId",
            rule: "other_forbund",
            message: "Välj ett annat samordningsförbund att ge ut nyhetsbrevet med.",
          },
        ],
      });
    const [existing] = await tx
      .select({ acceptedAt: resourceShares.acceptedAt })
      .from(resourceShares)
      .where(
        and(shareOf(row.id), eq(resourceShares.organizationId, target.id), isNull(resourceShares.revokedAt)),
      );
    if (existing?.acceptedAt)
      throw new AppError("already_exists", `${target.name} ger redan ut nyhetsbrevet.`, {
        errors: [
          {
            field: "body.organizationId",
            rule: "already_publisher",
            message: `${target.name} ger redan ut nyhetsbrevet.`,
          },
        ],
      });
    const now = new Date();
    await tx
      .insert(resourceShares)
      .values({
        resourceType: PUBLICATION_RESOURCE,
        resourceId: row.id,
        ownerOrganizationId: row.organizationId,
        organizationId: target.id,
        permission: "write",
        invitedAt: now,
      })
      .onConflictDoUpdate({
        target: [resourceShares.resourceType, resourceShares.resourceId, resourceShares.organizationId],
        set: { invitedAt: now, acceptedAt: null, revokedAt: null, permission: "write" },
      });
    await audit(tx, ctx, {
      action: "newsletter.publisher_invited",
      entityType: "newsletter_publication",
      entityId: row.id,
      after: { organizationId: target.id },
    });
    return {
      organizationId: target.id,
      organizationName: target.name,
      role: "co_publisher",
      contact: "",
      invitedAt: now,
      acceptedAt: null,
    };
  });
}

/** The invited förbund accepts: it now reads the publication and its issues, and writes its own part. */
export async function acceptPublishing(ctx: OrgContext, publicationId: string): Promise<PublisherView> {
  requirePermission(ctx, "newsletters:write");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const share = await acceptShare(
      tx,
      ctx.organization.id,
      { type: PUBLICATION_RESOURCE, id: publicationId },
      "Det finns ingen öppen inbjudan att ge ut det här nyhetsbrevet.",
    );
    // Allowed by row-level security now that the share is accepted: the publisher's own footer line.
    const [publisher] = await tx
      .insert(newsletterPublishers)
      .values({
        organizationId: share.ownerOrganizationId,
        publicationId,
        publisherOrganizationId: ctx.organization.id,
      })
      .onConflictDoNothing()
      .returning();
    await audit(tx, ctx, {
      action: "newsletter.publishing_accepted",
      entityType: "newsletter_publication",
      entityId: publicationId,
      after: { ownerOrganizationId: share.ownerOrganizationId },
    });
    return {
      organizationId: ctx.organization.id,
      organizationName: ctx.organization.name,
      role: "co_publisher",
      contact: publisher?.contact ?? "",
      invitedAt: share.invitedAt,
      acceptedAt: share.acceptedAt,
    };
  });
}

/**
 * Ends a co-publishing: the owner removes a co-publisher or withdraws an invitation, or a co-publisher
 * leaves. The share is revoked, not deleted, so who could write when stays on record. The förbund's
 * footer line goes, and so do its sections in issues not yet sent (they would go out under a name that
 * no longer publishes); an issue that was ready or scheduled goes back to draft.
 */
export async function removePublisher(
  ctx: OrgContext,
  publicationId: string,
  publisherOrganizationId: string,
): Promise<void> {
  requirePermission(ctx, "newsletters:write");
  await transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { row, isOwner } = await loadPublication(tx, ctx, publicationId);
    const leaving = ctx.organization.id === publisherOrganizationId;
    if (publisherOrganizationId === row.organizationId)
      throw new AppError(
        "conflict",
        "Förbundet som äger nyhetsbrevet kan inte lämna det; arkivera det i stället.",
      );
    if (!isOwner && !leaving)
      throw new AppError("forbidden", "Bara förbundet som äger nyhetsbrevet får ta bort en utgivare.");
    // Before the share is revoked: a leaving co-publisher may change these rows only while it is live.
    await withdrawSections(tx, ctx, row, publisherOrganizationId);
    await tx
      .delete(newsletterPublishers)
      .where(
        and(
          eq(newsletterPublishers.organizationId, row.organizationId),
          eq(newsletterPublishers.publicationId, row.id),
          eq(newsletterPublishers.publisherOrganizationId, publisherOrganizationId),
        ),
      );
    const [revoked] = await tx
      .update(resourceShares)
      .set({ revokedAt: new Date() })
      .where(
        and(
          shareOf(row.id),
          eq(resourceShares.organizationId, publisherOrganizationId),
          isNull(resourceShares.revokedAt),
        ),
      )
      .returning();
    if (!revoked) throw new AppError("not_found", "Förbundet ger inte ut det här nyhetsbrevet.");
    await audit(tx, ctx, {
      action: leaving ? "newsletter.publishing_left" : "newsletter.publisher_removed",
      entityType: "newsletter_publication",
      entityId: row.id,
      before: { organizationId: publisherOrganizationId, acceptedAt: revoked.acceptedAt },
    });
  });
}

async function withdrawSections(
  tx: Tx,
  ctx: OrgContext,
  publication: PublicationRow,
  authorOrganizationId: string,
): Promise<void> {
  const unsent = await tx
    .selectDistinct({ id: newsletterIssues.id })
    .from(newsletterIssues)
    .innerJoin(
      newsletterSections,
      and(
        eq(newsletterSections.organizationId, newsletterIssues.organizationId),
        eq(newsletterSections.issueId, newsletterIssues.id),
      ),
    )
    .where(
      and(
        eq(newsletterIssues.organizationId, publication.organizationId),
        eq(newsletterIssues.publicationId, publication.id),
        inArray(newsletterIssues.status, ["draft", "ready", "scheduled"]),
        eq(newsletterSections.authorOrganizationId, authorOrganizationId),
      ),
    );
  for (const { id } of unsent.sort((a, b) => a.id.localeCompare(b.id))) {
    await lockIssue(tx, id);
    const issue = await readIssue(tx, publication, id);
    if (issue.status !== "draft" && issue.status !== "ready" && issue.status !== "scheduled") continue;
    await tx
      .delete(newsletterSections)
      .where(
        and(
          eq(newsletterSections.organizationId, publication.organizationId),
          eq(newsletterSections.issueId, id),
          eq(newsletterSections.authorOrganizationId, authorOrganizationId),
        ),
      );
    await reopenIssue(tx, ctx, issue, "publisher_removed");
  }
}

/** The caller's own footer line in the publication: the owner's or a co-publisher's. */
export async function setPublisherContact(
  ctx: OrgContext,
  publicationId: string,
  contact: string,
): Promise<PublisherView> {
  requirePermission(ctx, "newsletters:write");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { row } = await loadPublication(tx, ctx, publicationId);
    const text = contact.trim();
    const [before] = await tx
      .select({ contact: newsletterPublishers.contact })
      .from(newsletterPublishers)
      .where(
        and(
          eq(newsletterPublishers.organizationId, row.organizationId),
          eq(newsletterPublishers.publicationId, row.id),
          eq(newsletterPublishers.publisherOrganizationId, ctx.organization.id),
        ),
      );
    if (!before) throw new AppError("not_found", "Förbundet ger inte ut det här nyhetsbrevet.");
    await tx
      .update(newsletterPublishers)
      .set({ contact: text, updatedAt: new Date() })
      .where(
        and(
          eq(newsletterPublishers.organizationId, row.organizationId),
          eq(newsletterPublishers.publicationId, row.id),
          eq(newsletterPublishers.publisherOrganizationId, ctx.organization.id),
        ),
      );
    await audit(tx, ctx, {
      action: "newsletter.publisher_contact_changed",
      entityType: "newsletter_publication",
      entityId: row.id,
      before: { contact: before.contact },
      after: { contact: text },
    });
    const mine = (await publishersOf(tx, row)).find((p) => p.organizationId === ctx.organization.id);
    if (!mine) throw new Error("the publisher's row vanished");
    return mine;
  });
}
