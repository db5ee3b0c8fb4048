import { auditLog, transaction } from "@nns/db";
import { AUDIT_ACTION_FAMILIES, type AuditActionFamily, type Page } from "@nns/domain";
import { and, eq, gte, inArray, lt, notInArray } from "drizzle-orm";
import { requirePermission } from "./access.js";
import { entityNames } from "./audit-names.js";
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
  /** What the object is called (a training's title, an invoice's number), where the log can tell. */
  entityName: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  createdAt: Date;
}

export interface AuditFilter {
  action?: string | undefined;
  /** One family of AUDIT_ACTION_FAMILIES: training, billing, newsletter… */
  family?: AuditActionFamily | undefined;
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
          filter.family ? inArray(auditLog.action, [...AUDIT_ACTION_FAMILIES[filter.family]]) : undefined,
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
    const names = await entityNames(tx, rows);
    const views: AuditEntryView[] = rows.map(({ organizationId: _org, ...rest }) => ({
      ...rest,
      entityName: (rest.entityId && names.get(`${rest.entityType}:${rest.entityId}`)) ?? null,
    }));
    return keys.page(views, (e) => [e.createdAt, e.id]);
  });
}
