import { AppError } from "@nns/domain";
import { enterOrganization, type OrgContext, type ServiceContext } from "@nns/services";
import type { Context } from "hono";
import type { AppEnv } from "./env.js";

/** The service context of an authenticated request; routes that reach here have passed requireActor. */
export function serviceContext(c: Context<AppEnv>): ServiceContext {
  const actor = c.get("actor");
  if (!actor) throw new Error("serviceContext called on an unauthenticated request");
  return { deps: c.get("deps"), actor, requestId: c.get("requestId") };
}

/** The NNS organization's context for `/nns/…` routes, which have passed requireNnsAdmin. */
export async function nnsContext(c: Context<AppEnv>): Promise<OrgContext> {
  const ctx = serviceContext(c);
  const membership =
    ctx.actor.type === "user" ? ctx.actor.memberships.find((m) => m.organizationKind === "nns") : undefined;
  if (!membership) throw new AppError("forbidden", "This is for NNS administrators.");
  return enterOrganization(ctx, membership.organizationId);
}
