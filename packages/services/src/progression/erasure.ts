// Routes: apps/api/src/routes/progression-privacy — erasing one participant (docs/progression-privacy.md).
import { progressionParticipants, type Tx } from "@nns/db";
import { AppError } from "@nns/domain";
import { and, eq } from "drizzle-orm";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import {
  loadParticipant,
  logParticipantAccess,
  managesAllParticipants,
  type ParticipantRow,
  withParticipantAccess,
} from "./access.js";

/** Export, erasure and the retention rule are the förbund's managers' alone, never a coach's. */
export function requireParticipantManager(ctx: OrgContext): void {
  if (!managesAllParticipants(ctx)) {
    throw new AppError("forbidden", 'This needs the permission "progression:manage".');
  }
}

/**
 * Deletes the participant; its measurements, first/latest rows and self-rating links go with it by
 * cascade. What stays is what names only the pseudonymous code: the access log (with this erasure in
 * it) and the audit entry.
 */
export async function eraseParticipantIn(
  tx: Tx,
  ctx: OrgContext,
  participant: Pick<ParticipantRow, "id" | "code">,
): Promise<void> {
  await logParticipantAccess(tx, ctx, [participant], "erase");
  await tx
    .delete(progressionParticipants)
    .where(
      and(
        eq(progressionParticipants.organizationId, ctx.organization.id),
        eq(progressionParticipants.id, participant.id),
      ),
    );
  await audit(tx, ctx, {
    action: "progression.participant_erased",
    entityType: "progression_participant",
    entityId: participant.id,
    after: { code: participant.code },
  });
}

/** Erases one participant and everything measured about them, at once and for good. */
export async function eraseParticipant(ctx: OrgContext, participantId: string): Promise<void> {
  requireParticipantManager(ctx);
  await withParticipantAccess(ctx, async (tx) => {
    const participant = await loadParticipant(tx, ctx, participantId);
    await eraseParticipantIn(tx, ctx, participant);
  });
}
