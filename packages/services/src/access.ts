import { organizations, transaction } from "@nns/db";
import { AppError, effectivePermissions, PERMISSIONS, type Permission } from "@nns/domain";
import { and, eq, isNull } from "drizzle-orm";
import {
  type Actor,
  isNnsAdmin,
  type MembershipSummary,
  nnsAdminMembership,
  type OrganizationRef,
  type OrgContext,
  type ServiceContext,
} from "./context.js";

async function lookUpOrganization(
  ctx: ServiceContext,
  organizationId: string,
): Promise<OrganizationRef | undefined> {
  return transaction(ctx.deps.db, {}, async (tx) => {
    const [row] = await tx
      .select({ id: organizations.id, kind: organizations.kind, name: organizations.name })
      .from(organizations)
      .where(and(eq(organizations.id, organizationId), isNull(organizations.deletedAt)));
    return row;
  });
}

/**
 * Binds a context to an organization. An organization the actor has no access to is reported as not
 * found, so its existence does not leak.
 */
export async function enterOrganization(ctx: ServiceContext, organizationId: string): Promise<OrgContext> {
  const { actor } = ctx;
  const notFound = () => new AppError("not_found", "The organization does not exist.");
  // Keys and members already carry their organizations (read at authentication), so most requests
  // need no lookup here; only operations and NNS admins working in other organizations do.
  if (actor.type === "api_key") {
    if (actor.organizationId !== organizationId) throw notFound();
    return {
      ...ctx,
      organization: actor.organization,
      access: "api_key",
      permissions: new Set(actor.scopes),
    };
  }
  const membershipHere =
    actor.type === "user" ? actor.memberships.find((m) => m.organizationId === organizationId) : undefined;
  if (actor.type === "user" && !membershipHere && !isNnsAdmin(actor)) throw notFound();
  const organization = membershipHere
    ? {
        id: membershipHere.organizationId,
        kind: membershipHere.organizationKind,
        name: membershipHere.organizationName,
      }
    : await lookUpOrganization(ctx, organizationId);
  if (!organization) throw notFound();
  if (actor.type === "system") {
    return { ...ctx, organization, access: "system", permissions: new Set(PERMISSIONS) };
  }
  const coordinator = isNnsAdmin(actor) && organization.kind !== "nns";
  if (!membershipHere && !coordinator) throw notFound();
  const permissions = effectivePermissions(
    membershipHere?.role ?? null,
    isNnsAdmin(actor),
    organization.kind,
  );
  // An NNS admin who is only a viewer or editor here acts with national coordination rights.
  const weakRole = !membershipHere || membershipHere.role === "viewer" || membershipHere.role === "editor";
  return {
    ...ctx,
    organization,
    access: coordinator && weakRole ? "nns_admin_elsewhere" : (membershipHere?.role ?? "nns_admin_elsewhere"),
    permissions,
  };
}

export function requirePermission(ctx: OrgContext, permission: Permission): void {
  if (!ctx.permissions.has(permission)) {
    throw new AppError("forbidden", `This needs the permission "${permission}".`);
  }
}

/**
 * For national work done outside any one organization's context (the catalogue's vocabularies and
 * editorial queue, registering a förbund): the NNS admin's membership, whose organization keeps the audit
 * entry. Anyone else lacks `permission`.
 */
export function requireNnsAdmin(ctx: ServiceContext, permission: Permission): MembershipSummary {
  const membership = nnsAdminMembership(ctx.actor);
  if (!membership) throw new AppError("forbidden", `This needs the permission "${permission}".`);
  return membership;
}

/** Operations' own work (the CLI, the demo seed), which no request reaches. */
export function requireOperations(ctx: ServiceContext, message: string): void {
  if (ctx.actor.type !== "system") throw new AppError("forbidden", message);
}

/** Work on the signed-in person's own account: only they may do it, whatever their roles. */
export function requireSignedInPerson(
  ctx: ServiceContext,
  message: string,
): Extract<Actor, { type: "user" }> {
  if (ctx.actor.type !== "user") throw new AppError("forbidden", message);
  return ctx.actor;
}
