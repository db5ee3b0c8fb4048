import type { ServiceContext } from "@nns/services";
import type { Context } from "hono";
import type { AppEnv } from "./env.js";

/** The service context of an authenticated request; routes that reach here have passed requireActor. */
export function serviceContext(c: Context<AppEnv>): ServiceContext {
  const actor = c.get("actor");
  if (!actor) throw new Error("serviceContext called on an unauthenticated request");
  return { deps: c.get("deps"), actor, requestId: c.get("requestId") };
}
