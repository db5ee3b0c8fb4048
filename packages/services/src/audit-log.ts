import { auditLog, transaction } from "@nns/db";
import type { Page } from "@nns/domain";
import { and, eq, gte, lt, notInArray } from "drizzle-orm";
import { requirePermission } from "./access.js";
import type { OrgContext } from "./context.js";
import { keyset, type PageRequest } from "./pagination.js";
import { INDIVIDUAL_AUDIT_ENTITY_TYPES } from "./progression/access.js";

export interface AuditEntryView {
  id: string;
  actorType: "user" | "api_key" | "system";
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  createdAt: Date;
}

export interface AuditFilter {
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/** Newest first. `from` is inclusive and `to` exclusive, so consecutive periods never overlap. */
export async function listAuditLog(
  ctx: OrgContext,
  filter: AuditFilter,
  page: PageRequest,
): Promise<Page<AuditEntryView>> {
  requirePermission(ctx, "audit:read");
  const keys = keyset(page, auditLog.createdAt, auditLog.id, "desc");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const rows = await tx
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.organizationId, ctx.organization.id),
          filter.action ? eq(auditLog.action, filter.action) : undefined,
          filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
          filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
          filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
          filter.from ? gte(auditLog.createdAt, filter.from) : undefined,
          filter.to ? lt(auditLog.createdAt, filter.to) : undefined,
          ctx.access === "nns_admin_elsewhere"
            ? notInArray(auditLog.entityType, [...INDIVIDUAL_AUDIT_ENTITY_TYPES])
            : undefined,
          keys.after,
        ),
      )
      .orderBy(...keys.orderBy)
      .limit(keys.limit);
    const views: AuditEntryView[] = rows.map(({ organizationId: _org, ...rest }) => rest);
    return keys.page(views, (e) => [e.createdAt, e.id]);
  });
}
