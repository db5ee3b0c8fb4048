// Routes: apps/api/src/routes/progression-participants — who read which participant's data, for the förbund.
import { progressionAccessLog, transaction } from "@nns/db";
import { AppError, type Page } from "@nns/domain";
import { and, eq } from "drizzle-orm";
import type { OrgContext } from "../context.js";
import { keyset, type PageRequest } from "../pagination.js";
import { type AccessAction, managesAllParticipants } from "./access.js";

export interface AccessLogEntryView {
  id: string;
  /** Kept after the participant's erasure, when it names no one any more; the code says whom it was. */
  participantId: string | null;
  participantCode: string;
  action: AccessAction;
  actor: { type: "user" | "api_key" | "system"; id: string | null; name: string };
  at: Date;
}

/** Newest first; a manager's reading (only managers see every participant, so only they read the log). */
export async function listAccessLog(
  ctx: OrgContext,
  query: PageRequest & { participantId?: string | undefined },
): Promise<Page<AccessLogEntryView>> {
  if (!managesAllParticipants(ctx))
    throw new AppError("forbidden", 'This needs the permission "progression:manage".');
  const keys = keyset(query, progressionAccessLog.at, progressionAccessLog.id, "desc");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const rows = await tx
      .select()
      .from(progressionAccessLog)
      .where(
        and(
          eq(progressionAccessLog.organizationId, ctx.organization.id),
          query.participantId ? eq(progressionAccessLog.participantId, query.participantId) : undefined,
          keys.after,
        ),
      )
      .orderBy(...keys.orderBy)
      .limit(keys.limit);
    return keys.page(
      rows.map((row) => ({
        id: row.id,
        participantId: row.participantId,
        participantCode: row.participantCode,
        action: row.action as AccessAction,
        actor: {
          type: row.actorType,
          id: row.actorUserId ?? row.actorApiKeyId,
          name: row.actorName,
        },
        at: row.at,
      })),
      (e) => [e.at, e.id],
    );
  });
}
