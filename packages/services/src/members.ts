import { memberships, type Tx, transaction, users } from "@nns/db";
import { AppError, assignableRoles, type Page, type Role } from "@nns/domain";
import { and, asc, eq } from "drizzle-orm";
import { requirePermission } from "./access.js";
import { audit } from "./audit.js";
import type { OrgContext } from "./context.js";
import { keyset, type PageRequest } from "./pagination.js";

export interface MemberView {
  userId: string;
  email: string;
  name: string;
  role: Role;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

function memberQuery(tx: Tx) {
  return tx
    .select({
      userId: memberships.userId,
      email: users.email,
      name: users.name,
      role: memberships.role,
      version: memberships.version,
      createdAt: memberships.createdAt,
      updatedAt: memberships.updatedAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId));
}

export async function listMembers(ctx: OrgContext, page: PageRequest): Promise<Page<MemberView>> {
  requirePermission(ctx, "members:read");
  const keys = keyset(page, memberships.createdAt, memberships.userId, "asc");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const rows = await memberQuery(tx)
      .where(and(eq(memberships.organizationId, ctx.organization.id), keys.after))
      .orderBy(...keys.orderBy)
      .limit(keys.limit);
    return keys.page(rows as MemberView[], (m) => [m.createdAt, m.userId]);
  });
}

export async function getMember(ctx: OrgContext, userId: string): Promise<MemberView> {
  requirePermission(ctx, "members:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, (tx) =>
    loadMember(tx, ctx, userId),
  );
}

async function loadMember(tx: Tx, ctx: OrgContext, userId: string, lock = false): Promise<MemberView> {
  const query = memberQuery(tx).where(
    and(eq(memberships.organizationId, ctx.organization.id), eq(memberships.userId, userId)),
  );
  const [row] = lock ? await query.for("update", { of: memberships }) : await query;
  if (!row) throw new AppError("not_found", "The person is not a member of this organization.");
  return row as MemberView;
}

/**
 * Administrators there are now, with their rows locked so that two concurrent demotions cannot both
 * see "one other admin left" and leave the organization with none.
 */
async function lockedAdminCount(tx: Tx, ctx: OrgContext): Promise<number> {
  const adminRole = ctx.organization.kind === "nns" ? "nns_admin" : "org_admin";
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, ctx.organization.id), eq(memberships.role, adminRole)))
    .orderBy(asc(memberships.userId))
    .for("update");
  return rows.length;
}

function isAdminRole(ctx: OrgContext, role: Role): boolean {
  return role === (ctx.organization.kind === "nns" ? "nns_admin" : "org_admin");
}

function allowedRoles(ctx: OrgContext): Role[] {
  return assignableRoles(ctx.access === "system" ? "nns_admin" : ctx.access, ctx.organization.kind);
}

export function assertAssignable(ctx: OrgContext, role: Role): void {
  const allowed = allowedRoles(ctx);
  if (!allowed.includes(role)) {
    throw new AppError("validation_failed", `The role "${role}" cannot be given here.`, {
      errors: [
        {
          field: "body.role",
          rule: "assignable_role",
          message: `Rollen kan inte ges här. Tillåtna: ${allowed.join(", ")}.`,
        },
      ],
    });
  }
}

/** Only someone who could give a member's current role may change or remove that member. */
function assertMayManage(ctx: OrgContext, member: MemberView): void {
  if (!allowedRoles(ctx).includes(member.role)) {
    throw new AppError("forbidden", `You may not change a member with the role "${member.role}".`);
  }
}

export async function changeMemberRole(
  ctx: OrgContext,
  userId: string,
  role: Role,
  expectedVersion: number | null,
): Promise<MemberView> {
  requirePermission(ctx, "members:manage");
  assertAssignable(ctx, role);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const admins = await lockedAdminCount(tx, ctx);
    const before = await loadMember(tx, ctx, userId, true);
    assertMayManage(ctx, before);
    if (expectedVersion !== null && before.version !== expectedVersion) {
      throw new AppError(
        "precondition_failed",
        "The membership has changed since you read it; reload and try again.",
      );
    }
    if (before.role === role) return before;
    if (isAdminRole(ctx, before.role) && !isAdminRole(ctx, role) && admins <= 1) {
      throw new AppError("conflict", "Organisationen måste ha minst en administratör.");
    }
    await tx
      .update(memberships)
      .set({ role, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(memberships.organizationId, ctx.organization.id), eq(memberships.userId, userId)));
    const after = await loadMember(tx, ctx, userId);
    await audit(tx, ctx, {
      action: "member.role_changed",
      entityType: "membership",
      entityId: userId,
      before,
      after,
    });
    return after;
  });
}

export async function removeMember(ctx: OrgContext, userId: string): Promise<void> {
  requirePermission(ctx, "members:manage");
  await transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const admins = await lockedAdminCount(tx, ctx);
    const before = await loadMember(tx, ctx, userId, true);
    assertMayManage(ctx, before);
    if (isAdminRole(ctx, before.role) && admins <= 1) {
      throw new AppError("conflict", "Organisationen måste ha minst en administratör.");
    }
    await tx
      .delete(memberships)
      .where(and(eq(memberships.organizationId, ctx.organization.id), eq(memberships.userId, userId)));
    await audit(tx, ctx, { action: "member.removed", entityType: "membership", entityId: userId, before });
  });
}
