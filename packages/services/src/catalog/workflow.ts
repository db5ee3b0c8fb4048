import { catalogSelfPublishing, interventionVersions, type Tx, transaction } from "@nns/db";
import {
  AppError,
  type InterventionContent,
  nextState,
  type Publisher,
  type WorkflowAction,
} from "@nns/domain";
import { and, eq } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { actorFields, audit } from "../audit.js";
import { actorUserId, type OrgContext } from "../context.js";
import { interventionPublishedEmail, interventionReturnedEmail } from "../mail/catalog-templates.js";
import { emitWebhookEvent } from "../webhooks/events.js";
import { type InterventionRow, loadIntervention, requireOwner } from "./access.js";
import { type InterventionView, interventionView, setState } from "./interventions.js";
import { removeCatalogEntry, writeCatalogEntry } from "./snapshot.js";

async function selfPublishingGranted(tx: Tx, organizationId: string): Promise<boolean> {
  const [row] = await tx
    .select({ organizationId: catalogSelfPublishing.organizationId })
    .from(catalogSelfPublishing)
    .where(eq(catalogSelfPublishing.organizationId, organizationId));
  return Boolean(row);
}

/** Who the actor is as a publisher of this intervention. Co-owners never publish for the owner. */
export async function publisherFor(tx: Tx, ctx: OrgContext, isOwner: boolean): Promise<Publisher> {
  const editorial = ctx.permissions.has("catalog:editorial");
  const admin = ctx.access === "org_admin" || ctx.access === "system";
  return {
    editorial,
    selfPublishing: isOwner && admin && (await selfPublishingGranted(tx, ctx.organization.id)),
  };
}

const PAST_TENSE = {
  submit: "submitted",
  withdraw: "withdrawn",
  publish: "published",
  return: "returned",
  archive: "archived",
} as const;

export interface WorkflowInput {
  comment?: string | null | undefined;
}

/**
 * One workflow step on an intervention: checks the rule for the actor's role, moves the state, keeps the
 * public catalogue in step (publish writes the entry, archive removes it) and audits, in one transaction.
 */
export async function applyWorkflowAction(
  ctx: OrgContext,
  interventionId: string,
  action: Exclude<WorkflowAction, "edit">,
  input: WorkflowInput,
  expectedVersion: number | null,
): Promise<InterventionView> {
  requirePermission(ctx, "interventions:write");
  if (action === "return" && !input.comment?.trim())
    throw new AppError("validation_failed", "Say what needs to change when returning an entry.", {
      errors: [{ field: "body.comment", rule: "required", message: "Skriv vad som behöver ändras." }],
    });
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { row, isOwner } = await loadIntervention(tx, ctx, interventionId, { forUpdate: true });
    if (expectedVersion !== null && expectedVersion !== row.version)
      throw new AppError(
        "precondition_failed",
        `The intervention is at version ${row.version}; read it again.`,
      );
    if (action === "archive") requireOwner(isOwner || ctx.permissions.has("catalog:editorial"), "archive it");
    const state = nextState(row.state, action, await publisherFor(tx, ctx, isOwner));
    let updated: InterventionRow;
    switch (action) {
      case "submit":
        updated = await setState(tx, row, { state, submittedAt: new Date() });
        break;
      case "withdraw":
        updated = await setState(tx, row, { state, submittedAt: null });
        break;
      case "return":
        updated = await setState(tx, row, { state, reviewComment: input.comment?.trim() ?? null });
        break;
      case "publish":
        updated = await publish(tx, ctx, row, state);
        break;
      case "archive":
        updated = await setState(tx, row, { state });
        await removeCatalogEntry(tx, row.id);
        break;
    }
    await audit(tx, ctx, {
      action: `intervention.${PAST_TENSE[action]}`,
      entityType: "intervention",
      entityId: row.id,
      before: { state: row.state, publishedRevision: row.publishedRevision },
      after: {
        state: updated.state,
        publishedRevision: updated.publishedRevision,
        comment: input.comment?.trim() || null,
      },
    });
    if (action === "return" || action === "publish")
      await notifyAuthor(tx, ctx, updated, action, input.comment?.trim() ?? "");
    if (action === "publish" || action === "archive") {
      await emitWebhookEvent(tx, ctx, `intervention.${PAST_TENSE[action]}`, [
        {
          organizationId: updated.organizationId,
          object: {
            id: updated.id,
            organizationId: updated.organizationId,
            title: (updated.content as InterventionContent).title,
            state: updated.state,
            publishedRevision: updated.publishedRevision,
            catalogUrl: action === "publish" ? `${ctx.deps.config.publicUrl}/katalog/${updated.id}` : null,
          },
        },
      ]);
    }
    return interventionView(updated);
  });
}

/**
 * Tells the person who wrote the reviewed version what the editors decided, unless they decided it
 * themselves (a self-publishing admin) or the version came from an API key.
 */
async function notifyAuthor(
  tx: Tx,
  ctx: OrgContext,
  row: InterventionRow,
  action: "return" | "publish",
  comment: string,
): Promise<void> {
  const [version] = await tx
    .select({ userId: interventionVersions.authorUserId, label: interventionVersions.authorLabel })
    .from(interventionVersions)
    .where(
      and(eq(interventionVersions.interventionId, row.id), eq(interventionVersions.revision, row.revision)),
    );
  if (!version?.userId || version.userId === actorUserId(ctx.actor)) return;
  const title = (row.content as InterventionContent).title;
  const base = ctx.deps.config.publicUrl;
  await ctx.deps.mailer.queue(
    tx,
    action === "return"
      ? await interventionReturnedEmail({
          to: version.label,
          title,
          comment,
          url: `${base}/o/${row.organizationId}/interventions/${row.id}`,
          organizationId: row.organizationId,
        })
      : await interventionPublishedEmail({
          to: version.label,
          title,
          url: `${base}/katalog/${row.id}`,
          organizationId: row.organizationId,
        }),
  );
}

async function publish(tx: Tx, ctx: OrgContext, row: InterventionRow, state: InterventionRow["state"]) {
  await tx
    .update(interventionVersions)
    .set({ publishedAt: new Date(), publishedByLabel: actorFields(ctx).actorLabel })
    .where(
      and(eq(interventionVersions.interventionId, row.id), eq(interventionVersions.revision, row.revision)),
    );
  const updated = await setState(tx, row, {
    state,
    publishedRevision: row.revision,
    reviewComment: null,
    submittedAt: null,
  });
  await writeCatalogEntry(tx, updated, {
    revision: row.revision,
    content: row.content as InterventionContent,
  });
  return updated;
}

/** NNS grants or withdraws a förbund's right to publish its own entries without central review. */
export async function setSelfPublishing(
  ctx: OrgContext,
  granted: boolean,
): Promise<{ selfPublishing: boolean }> {
  requirePermission(ctx, "catalog:editorial");
  if (ctx.organization.kind !== "forbund")
    throw new AppError("unprocessable", "Self-publishing is granted to a förbund.");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const before = await selfPublishingGranted(tx, ctx.organization.id);
    if (before === granted) return { selfPublishing: granted };
    if (granted)
      await tx
        .insert(catalogSelfPublishing)
        .values({ organizationId: ctx.organization.id, grantedByLabel: actorFields(ctx).actorLabel });
    else
      await tx
        .delete(catalogSelfPublishing)
        .where(eq(catalogSelfPublishing.organizationId, ctx.organization.id));
    await audit(tx, ctx, {
      action: granted ? "catalog.self_publishing_granted" : "catalog.self_publishing_withdrawn",
      entityType: "organization",
      entityId: ctx.organization.id,
      before: { selfPublishing: before },
      after: { selfPublishing: granted },
    });
    return { selfPublishing: granted };
  });
}

export async function getSelfPublishing(ctx: OrgContext): Promise<{ selfPublishing: boolean }> {
  requirePermission(ctx, "interventions:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => ({
    selfPublishing: await selfPublishingGranted(tx, ctx.organization.id),
  }));
}
