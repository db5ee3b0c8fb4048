import { auditLog, memberships, setScope, type Tx } from "@nns/db";
import type { AuditAction } from "@nns/domain";
import { eq } from "drizzle-orm";
import type { OrgContext, ServiceContext } from "./context.js";

export interface AuditEntry {
  /** Listed in @nns/domain's AUDIT_ACTION_FAMILIES, which the admin labels in Swedish. */
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

export function actorFields(ctx: ServiceContext) {
  const { actor } = ctx;
  switch (actor.type) {
    case "user":
      return { actorType: "user" as const, actorId: actor.userId, actorLabel: actor.email };
    case "api_key":
      return { actorType: "api_key" as const, actorId: actor.apiKeyId, actorLabel: actor.name };
    case "system":
      return { actorType: "system" as const, actorId: null, actorLabel: actor.label };
  }
}

/**
 * Records a mutation in the organization's audit log, inside the caller's transaction so the entry
 * exists exactly when the change does. Secrets never go into before/after: callers pass public views.
 */
export async function writeAudit(
  tx: Tx,
  ctx: ServiceContext,
  organizationId: string,
  entry: AuditEntry,
): Promise<void> {
  await tx.insert(auditLog).values({
    organizationId,
    ...actorFields(ctx),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: ctx.requestId,
  });
}

export function audit(tx: Tx, ctx: OrgContext, entry: AuditEntry): Promise<void> {
  return writeAudit(tx, ctx, ctx.organization.id, entry);
}

/**
 * A change to a person rather than to an organization (password, sessions, account state) is recorded in
 * the audit log of every organization the person belongs to, each under that organization's own scope.
 */
export async function auditForPerson(
  tx: Tx,
  ctx: ServiceContext,
  userId: string,
  entry: AuditEntry,
): Promise<void> {
  // The person's own memberships are visible only with the person set (policy own_memberships); callers
  // before sign-in (a password reset) or acting on someone else (operations disabling an account) have not.
  await setScope(tx, { userId });
  const rows = await tx
    .select({ organizationId: memberships.organizationId })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  for (const { organizationId } of rows) {
    await setScope(tx, { organizationId, userId });
    await writeAudit(tx, ctx, organizationId, entry);
  }
}
