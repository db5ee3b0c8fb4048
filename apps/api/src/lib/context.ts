import { AppError } from "@nns/domain";
import {
  type Actor,
  enterOrganization,
  nnsAdminMembership,
  type OrgContext,
  type ServiceContext,
} from "@nns/services";
import type { Context } from "hono";
import type { AppEnv } from "./env.js";

/** The service context of an authenticated request; routes that reach here have passed requireActor. */
export function serviceContext(c: Context<AppEnv>): ServiceContext {
  const actor = c.get("actor");
  if (!actor) throw new Error("serviceContext called on an unauthenticated request");
  return { deps: c.get("deps"), actor, requestId: c.get("requestId") };
}

/** The NNS organization of an actor that has passed requireNnsAdmin. */
export function nnsOrganizationId(actor: Actor | null): string {
  const membership = nnsAdminMembership(actor);
  if (!membership) throw new AppError("forbidden", "This is for NNS administrators.");
  return membership.organizationId;
}

/** The NNS organization's context for `/nns/…` routes, which have passed requireNnsAdmin. */
export async function nnsContext(c: Context<AppEnv>): Promise<OrgContext> {
  const ctx = serviceContext(c);
  return enterOrganization(ctx, nnsOrganizationId(ctx.actor));
}
