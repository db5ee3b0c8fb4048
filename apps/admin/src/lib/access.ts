import type { QueryClient } from "@tanstack/react-query";
import { notFound } from "@tanstack/react-router";
import { type Me, orgAccessQuery } from "./session";

/** Why a route's guard refused; AccessDeniedPage (the route's notFoundComponent) says it in words. */
export type Refusal = "nns" | "permission";

/**
 * A refusal is the router's not-found outcome with the reason as its data: that is the router's way of
 * rendering something else in a route's place. A thrown error would do the same but be logged as a
 * failure, and being refused a page is not one.
 */
function refuse(access: Refusal): never {
  throw notFound({ data: { access } });
}

/** Route guard (beforeLoad) for NNS's own pages: only NNS administrators get past it. */
export function requireNnsAdmin(me: Me): void {
  if (!me.nnsAdmin) refuse("nns");
}

/**
 * Route guard (beforeLoad) for a page of one organization that needs a permission there, as the API
 * computes it. The API checks every request again; this only spares the person a form they cannot send.
 */
export async function requirePermission(
  queryClient: QueryClient,
  orgId: string,
  permission: string,
): Promise<void> {
  const access = await queryClient.ensureQueryData(orgAccessQuery(orgId));
  if (!access.permissions.includes(permission)) refuse("permission");
}

/** Like requirePermission, for a page that any one of several permissions opens. */
export async function requireAnyPermission(
  queryClient: QueryClient,
  orgId: string,
  permissions: readonly string[],
): Promise<void> {
  const access = await queryClient.ensureQueryData(orgAccessQuery(orgId));
  if (!permissions.some((permission) => access.permissions.includes(permission))) refuse("permission");
}

/** The refusal carried by a not-found outcome, if it is one. */
export function refusalOf(data: unknown): Refusal | null {
  const access = (data as { access?: unknown } | undefined)?.access;
  return access === "nns" || access === "permission" ? access : null;
}
