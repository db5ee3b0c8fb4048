import type { QueryClient } from "@tanstack/react-query";
import { type Me, orgAccessQuery } from "./session";

/** Thrown by a route's guard; the route's errorComponent (AccessDeniedPage) says why instead of the page. */
export class AccessDenied extends Error {
  readonly reason: "nns" | "permission";
  constructor(reason: "nns" | "permission") {
    super(reason === "nns" ? "NNS administrators only" : "Missing permission");
    this.reason = reason;
  }
}

/** Route guard (beforeLoad) for NNS's own pages: only NNS administrators get past it. */
export function requireNnsAdmin(me: Me): void {
  if (!me.nnsAdmin) throw new AccessDenied("nns");
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
  if (!access.permissions.includes(permission)) throw new AccessDenied("permission");
}
