import { organizations, transaction } from "@nns/db";
import { AppError, effectivePermissions, PERMISSIONS, type Permission } from "@nns/domain";
import { and, eq, isNull } from "drizzle-orm";
import { isNnsAdmin, type OrgContext, type ServiceContext } from "./context.js";

/**
 * Binds a context to an organization. An organization the actor has no access to is reported as not
 * found, so its existence does not leak.
 */
export async function enterOrganization(ctx: ServiceContext, organizationId: string): Promise<OrgContext> {
  const { actor } = ctx;
  const organization = await transaction(ctx.deps.db, {}, async (tx) => {
    const [row] = await tx
      .select({ id: organizations.id, kind: organizations.kind, name: organizations.name })
      .from(organizations)
      .where(and(eq(organizations.id, organizationId), isNull(organizations.deletedAt)));
    return row;
  });
  if (!organization) throw new AppError("not_found", "The organization does not exist.");

  if (actor.type === "system") {
    return { ...ctx, organization, access: "system", permissions: new Set(PERMISSIONS) };
  }
  if (actor.type === "api_key") {
    if (actor.organizationId !== organization.id)
      throw new AppError("not_found", "The organization does not exist.");
    return { ...ctx, organization, access: "api_key", permissions: new Set(actor.scopes) };
  }
  const membership = actor.memberships.find((m) => m.organizationId === organization.id);
  const coordinator = isNnsAdmin(actor) && organization.kind !== "nns";
  if (!membership && !coordinator) throw new AppError("not_found", "The organization does not exist.");
  const permissions = effectivePermissions(membership?.role ?? null, isNnsAdmin(actor), organization.kind);
  // An NNS admin who is only a viewer or editor here acts with national coordination rights.
  const weakRole = !membership || membership.role === "viewer" || membership.role === "editor";
  return {
    ...ctx,
    organization,
    access: coordinator && weakRole ? "nns_admin_elsewhere" : (membership?.role ?? "nns_admin_elsewhere"),
    permissions,
  };
}

export function requirePermission(ctx: OrgContext, permission: Permission): void {
  if (!ctx.permissions.has(permission)) {
    throw new AppError("forbidden", `This needs the permission "${permission}".`);
  }
}
