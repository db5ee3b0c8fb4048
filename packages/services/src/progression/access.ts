// Who may reach individual-level progression data, and the log of every such read (docs/progression.md).
import { progressionAccessLog, progressionParticipants, type Tx, transaction } from "@nns/db";
import { AppError } from "@nns/domain";
import { and, eq } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { isNnsAdmin, type OrgContext } from "../context.js";

export type ParticipantRow = typeof progressionParticipants.$inferSelect;

/**
 * Audit entries about one participant (ids, codes, dates; never answers). NNS coordinators read a förbund's
 * audit log, but not these: NNS sees no individual-level progression data at all.
 */
export const INDIVIDUAL_AUDIT_ENTITY_TYPES = [
  "progression_participant",
  "progression_measurement",
  "progression_self_rating_link",
] as const;

/** What an entry in the access log says was done with one participant's data. */
export type AccessAction = "list" | "read" | "record" | "export" | "erase" | "self_rating_link";

/**
 * Individual data is a förbund's own: NNS never reaches it, so a förbund context is required whatever the
 * permissions say, and an NNS admin is refused even with a role of their own in the förbund (one they
 * could otherwise hand themselves by invitation).
 */
function requireForbund(ctx: OrgContext): void {
  if (ctx.organization.kind !== "forbund" || isNnsAdmin(ctx.actor)) {
    throw new AppError("forbidden", "Deltagardata finns bara hos förbunden; NNS ser bara sammanställningar.");
  }
}

/** True when the actor sees all of the förbund's participants, false when only their own (a coach). */
export function managesAllParticipants(ctx: OrgContext): boolean {
  requireForbund(ctx);
  if (ctx.permissions.has("progression:manage")) return true;
  requirePermission(ctx, "progression:record");
  return false;
}

/**
 * A transaction in which row-level security shows the actor exactly the participants they may see: all
 * of the förbund's for its progression managers (`app.progression_all`), only those assigned to them for
 * a coach (0015_progression.sql). Every service reading or writing individual data goes through here.
 */
export function withParticipantAccess<T>(
  ctx: OrgContext,
  fn: (tx: Tx, managesAll: boolean) => Promise<T>,
): Promise<T> {
  const managesAll = managesAllParticipants(ctx);
  const userId = ctx.actor.type === "user" ? ctx.actor.userId : null;
  return transaction(
    ctx.deps.db,
    {
      organizationId: ctx.organization.id,
      userId,
      settings: { "app.progression_all": managesAll ? "on" : "" },
    },
    (tx) => fn(tx, managesAll),
  );
}

/** The participant as the actor may see it; anyone else's is reported as not found, so it does not leak. */
export async function loadParticipant(
  tx: Tx,
  ctx: OrgContext,
  participantId: string,
): Promise<ParticipantRow> {
  const [row] = await tx
    .select()
    .from(progressionParticipants)
    .where(
      and(
        eq(progressionParticipants.organizationId, ctx.organization.id),
        eq(progressionParticipants.id, participantId),
      ),
    );
  if (!row) throw new AppError("not_found", "Deltagaren finns inte.");
  return row;
}

function actorOf(ctx: OrgContext) {
  const { actor } = ctx;
  switch (actor.type) {
    case "user":
      return {
        actorType: "user" as const,
        actorUserId: actor.userId,
        actorApiKeyId: null,
        actorName: actor.name,
      };
    case "api_key":
      return {
        actorType: "api_key" as const,
        actorUserId: null,
        actorApiKeyId: actor.apiKeyId,
        actorName: actor.name,
      };
    case "system":
      return { actorType: "system" as const, actorUserId: null, actorApiKeyId: null, actorName: actor.label };
  }
}

/**
 * Records that individual data of these participants was read or handled, in the same transaction as the
 * read, so a read that returns data is always logged. The förbund's admin reads the log.
 */
export async function logParticipantAccess(
  tx: Tx,
  ctx: OrgContext,
  participants: readonly Pick<ParticipantRow, "id" | "code">[],
  action: AccessAction,
): Promise<void> {
  if (participants.length === 0) return;
  const actor = actorOf(ctx);
  await tx.insert(progressionAccessLog).values(
    participants.map((p) => ({
      organizationId: ctx.organization.id,
      participantId: p.id,
      participantCode: p.code,
      action,
      ...actor,
    })),
  );
}
