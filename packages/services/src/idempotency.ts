import { idempotencyKeys, transaction } from "@nns/db";
import { AppError } from "@nns/domain";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Deps } from "./context.js";

export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** A claim with no response after this long belongs to a request that died; the key may be used again. */
const ABANDONED_CLAIM_MS = 5 * 60_000;

export interface IdempotencyScope {
  organizationId: string;
  actorKey: string;
  key: string;
  /** Hash of method, path and body: the same key with a different request is refused. */
  requestHash: string;
}

export type IdempotencyStart =
  | { kind: "proceed" }
  | { kind: "replay"; status: number; body: unknown; headers: Record<string, string> };

function where(scope: IdempotencyScope) {
  return and(
    eq(idempotencyKeys.organizationId, scope.organizationId),
    eq(idempotencyKeys.actorKey, scope.actorKey),
    eq(idempotencyKeys.key, scope.key),
  );
}

/**
 * Claims the key before the request runs. The claim commits at once, so a concurrent duplicate finds it
 * and gets 409 instead of running the request a second time.
 */
// convention: no permission check — the request it guards checks its own permission
// convention: no audit — an Idempotency-Key claim is the API's bookkeeping, not a change
export async function beginIdempotentRequest(deps: Deps, scope: IdempotencyScope): Promise<IdempotencyStart> {
  return transaction(deps.db, { organizationId: scope.organizationId }, async (tx) => {
    await tx
      .delete(idempotencyKeys)
      .where(
        and(
          where(scope),
          or(
            lt(idempotencyKeys.createdAt, new Date(Date.now() - IDEMPOTENCY_TTL_MS)),
            and(
              isNull(idempotencyKeys.completedAt),
              lt(idempotencyKeys.createdAt, new Date(Date.now() - ABANDONED_CLAIM_MS)),
            ),
          ),
        ),
      );
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({
        organizationId: scope.organizationId,
        actorKey: scope.actorKey,
        key: scope.key,
        requestHash: scope.requestHash,
      })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length > 0) return { kind: "proceed" } as const;
    const [existing] = await tx.select().from(idempotencyKeys).where(where(scope));
    if (!existing) throw new AppError("idempotency_in_progress", "Retry the request.");
    if (existing.requestHash !== scope.requestHash) {
      throw new AppError("idempotency_key_reused", "This Idempotency-Key was used for a different request.");
    }
    if (!existing.completedAt || existing.responseStatus === null) {
      throw new AppError(
        "idempotency_in_progress",
        "A request with this Idempotency-Key is still being processed.",
      );
    }
    return {
      kind: "replay",
      status: existing.responseStatus,
      body: existing.responseBody,
      headers: existing.responseHeaders ?? {},
    } as const;
  });
}

// convention: no permission check — the request it guards checks its own permission
// convention: no audit — storing the response for replay is the API's bookkeeping
export async function completeIdempotentRequest(
  deps: Deps,
  scope: IdempotencyScope,
  response: { status: number; body: unknown; headers: Record<string, string> },
): Promise<void> {
  await transaction(deps.db, { organizationId: scope.organizationId }, (tx) =>
    tx
      .update(idempotencyKeys)
      .set({
        responseStatus: response.status,
        responseBody: response.body,
        responseHeaders: response.headers,
        completedAt: new Date(),
      })
      .where(where(scope)),
  );
}

/** A request that failed releases its key, so the client may retry it with the same key. */
// convention: no permission check — the request it guards checks its own permission
// convention: no audit — releasing a failed request's key is the API's bookkeeping
export async function releaseIdempotentRequest(deps: Deps, scope: IdempotencyScope): Promise<void> {
  await transaction(deps.db, { organizationId: scope.organizationId }, (tx) =>
    tx.delete(idempotencyKeys).where(where(scope)),
  );
}
