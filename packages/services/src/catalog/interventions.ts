import { interventions, interventionVersions, type Tx, transaction } from "@nns/db";
import {
  AppError,
  diffContent,
  type FieldChange,
  type InterventionContent,
  type InterventionState,
  nextState,
  type Page,
} from "@nns/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { actorFields, audit } from "../audit.js";
import { actorUserId, type OrgContext } from "../context.js";
import { keyset, type PageRequest } from "../pagination.js";
import { type InterventionRow, loadIntervention, reachableFrom } from "./access.js";
import { checkRunningBody } from "./running-body.js";
import { checkContent } from "./vocabularies.js";

export interface InterventionView {
  id: string;
  organizationId: string;
  parentId: string | null;
  state: InterventionState;
  /** The revision of the working copy; every saved content is a revision. */
  revision: number;
  /** The revision the public catalogue shows, if any; it stays public while a new draft is edited. */
  publishedRevision: number | null;
  reviewComment: string | null;
  content: InterventionContent;
  /** For If-Match: changes with every edit and workflow step. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
}

export function interventionView(row: InterventionRow): InterventionView {
  return {
    id: row.id,
    organizationId: row.organizationId,
    parentId: row.parentId,
    state: row.state,
    revision: row.revision,
    publishedRevision: row.publishedRevision,
    reviewComment: row.reviewComment,
    content: row.content as InterventionContent,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    submittedAt: row.submittedAt,
  };
}

/** Appends the content as a new revision, recording who wrote it and for which organization. */
async function recordVersion(tx: Tx, ctx: OrgContext, row: InterventionRow): Promise<void> {
  await tx.insert(interventionVersions).values({
    interventionId: row.id,
    revision: row.revision,
    organizationId: row.organizationId,
    content: row.content,
    authorOrganizationId: ctx.organization.id,
    authorUserId: actorUserId(ctx.actor),
    authorLabel: actorFields(ctx).actorLabel,
  });
}

async function checkParent(tx: Tx, ctx: OrgContext, parentId: string | null | undefined): Promise<void> {
  if (!parentId) return;
  const [parent] = await tx
    .select({ id: interventions.id })
    .from(interventions)
    .where(and(eq(interventions.id, parentId), reachableFrom(ctx.organization.id)));
  if (!parent)
    throw new AppError("validation_failed", "The parent intervention does not exist or is not yours.", {
      errors: [
        {
          field: "body.parentId",
          rule: "reachable_intervention",
          message: "Huvudinsatsen finns inte eller tillhör inte organisationen.",
        },
      ],
    });
}

export async function createIntervention(
  ctx: OrgContext,
  input: { parentId?: string | null; content: InterventionContent },
): Promise<InterventionView> {
  // Any organization may own entries: a förbund its insatser, NNS the projects that are coordinated
  // nationally (decision 0024). The permission is the only gate.
  requirePermission(ctx, "interventions:write");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, (tx) =>
    insertIntervention(tx, ctx, input),
  );
}

/** The insert itself, inside the caller's transaction: also used by the bulk import. */
export async function insertIntervention(
  tx: Tx,
  ctx: OrgContext,
  input: { parentId?: string | null; content: InterventionContent },
  fieldPrefix = "body.content",
): Promise<InterventionView> {
  await checkContent(tx, input.content, fieldPrefix);
  await checkRunningBody(tx, input.content.runningBody, fieldPrefix);
  await checkParent(tx, ctx, input.parentId);
  const [row] = await tx
    .insert(interventions)
    .values({
      organizationId: ctx.organization.id,
      parentId: input.parentId ?? null,
      state: "draft",
      content: input.content,
    })
    .returning();
  const created = row as InterventionRow;
  await recordVersion(tx, ctx, created);
  const view = interventionView(created);
  await audit(tx, ctx, {
    action: "intervention.created",
    entityType: "intervention",
    entityId: view.id,
    after: { state: view.state, revision: view.revision, title: view.content.title },
  });
  return view;
}

export async function getIntervention(ctx: OrgContext, interventionId: string): Promise<InterventionView> {
  requirePermission(ctx, "interventions:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) =>
    interventionView((await loadIntervention(tx, ctx, interventionId)).row),
  );
}

/** The organization's own and co-owned interventions, most recently changed first. */
export async function listInterventions(
  ctx: OrgContext,
  page: PageRequest & { state?: InterventionState | undefined },
): Promise<Page<InterventionView>> {
  requirePermission(ctx, "interventions:read");
  const keys = keyset(page, interventions.updatedAt, interventions.id, "desc");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const rows = await tx
      .select()
      .from(interventions)
      .where(
        and(
          reachableFrom(ctx.organization.id),
          page.state ? eq(interventions.state, page.state) : undefined,
          keys.after,
        ),
      )
      .orderBy(...keys.orderBy)
      .limit(keys.limit);
    return keys.page(rows.map(interventionView), (i) => [i.updatedAt, i.id]);
  });
}

function checkVersion(row: InterventionRow, expected: number | null): void {
  if (expected !== null && expected !== row.version)
    throw new AppError(
      "precondition_failed",
      `The intervention is at version ${row.version}; read it again.`,
    );
}

/**
 * Saves new content as the next revision. Editing a published intervention starts a draft; the
 * published revision stays in the public catalogue until a new one is published.
 */
export async function updateIntervention(
  ctx: OrgContext,
  interventionId: string,
  input: { parentId?: string | null; content: InterventionContent },
  expectedVersion: number | null,
): Promise<InterventionView> {
  requirePermission(ctx, "interventions:write");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { row, isOwner } = await loadIntervention(tx, ctx, interventionId, { forUpdate: true });
    checkVersion(row, expectedVersion);
    const state = nextState(row.state, "edit", { editorial: false, selfPublishing: false });
    await checkContent(tx, input.content, "body.content", row.content as InterventionContent);
    await checkRunningBody(tx, input.content.runningBody);
    if (input.parentId !== undefined && input.parentId !== row.parentId) {
      if (!isOwner)
        throw new AppError("forbidden", "Only the owning organization may move the intervention.");
      if (input.parentId === row.id)
        throw new AppError("validation_failed", "An intervention cannot be its own parent.", {
          errors: [
            {
              field: "body.parentId",
              rule: "not_self",
              message: "Insatsen kan inte vara sin egen huvudinsats.",
            },
          ],
        });
      await checkParent(tx, ctx, input.parentId);
    }
    const [updated] = await tx
      .update(interventions)
      .set({
        content: input.content,
        parentId: input.parentId === undefined ? row.parentId : input.parentId,
        state,
        revision: row.revision + 1,
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(interventions.id, row.id))
      .returning();
    const saved = updated as InterventionRow;
    await recordVersion(tx, ctx, saved);
    await audit(tx, ctx, {
      action: "intervention.edited",
      entityType: "intervention",
      entityId: row.id,
      before: { state: row.state, revision: row.revision },
      after: {
        state: saved.state,
        revision: saved.revision,
        changes: diffContent(row.content, saved.content),
      },
    });
    return interventionView(saved);
  });
}

export interface VersionView {
  revision: number;
  authorLabel: string;
  authorOrganizationId: string | null;
  createdAt: Date;
  publishedAt: Date | null;
  publishedByLabel: string | null;
}

export async function listInterventionVersions(
  ctx: OrgContext,
  interventionId: string,
): Promise<VersionView[]> {
  requirePermission(ctx, "interventions:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { row } = await loadIntervention(tx, ctx, interventionId);
    return tx
      .select({
        revision: interventionVersions.revision,
        authorLabel: interventionVersions.authorLabel,
        authorOrganizationId: interventionVersions.authorOrganizationId,
        createdAt: interventionVersions.createdAt,
        publishedAt: interventionVersions.publishedAt,
        publishedByLabel: interventionVersions.publishedByLabel,
      })
      .from(interventionVersions)
      .where(eq(interventionVersions.interventionId, row.id))
      .orderBy(asc(interventionVersions.revision));
  });
}

/** What changed between two revisions, field by field. */
export async function diffInterventionVersions(
  ctx: OrgContext,
  interventionId: string,
  requested: { from?: number | undefined; to?: number | undefined },
): Promise<{ from: number; to: number; changes: FieldChange[] }> {
  requirePermission(ctx, "interventions:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { row } = await loadIntervention(tx, ctx, interventionId);
    const to = requested.to ?? row.revision;
    const from = requested.from ?? Math.max(1, to - 1);
    const versions = await tx
      .select({ revision: interventionVersions.revision, content: interventionVersions.content })
      .from(interventionVersions)
      .where(
        and(
          eq(interventionVersions.interventionId, row.id),
          inArray(interventionVersions.revision, [from, to]),
        ),
      );
    const find = (revision: number, field: string) => {
      const found = versions.find((v) => v.revision === revision);
      if (!found)
        throw new AppError("not_found", `Revision ${revision} does not exist.`, {
          errors: [{ field, rule: "existing_revision", message: `Version ${revision} finns inte.` }],
        });
      return found.content;
    };
    return { from, to, changes: diffContent(find(from, "query.from"), find(to, "query.to")) };
  });
}

/** Bumps the row after a workflow step, in the caller's transaction. */
export async function setState(
  tx: Tx,
  row: InterventionRow,
  changes: Partial<Pick<InterventionRow, "state" | "publishedRevision" | "reviewComment" | "submittedAt">>,
): Promise<InterventionRow> {
  const [updated] = await tx
    .update(interventions)
    .set({ ...changes, version: sql`${interventions.version} + 1`, updatedAt: new Date() })
    .where(eq(interventions.id, row.id))
    .returning();
  return updated as InterventionRow;
}
