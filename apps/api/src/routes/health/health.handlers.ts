import type { RouteHandler } from "@hono/zod-openapi";
import { migrationStatus } from "@nns/db";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./health.routes.js";

export const health: RouteHandler<typeof routes.health, AppEnv> = (c) =>
  c.json({ status: "ok" as const }, 200);

export const ready: RouteHandler<typeof routes.ready, AppEnv> = async (c) => {
  const draining = !(c.get("options").isAcceptingTraffic?.() ?? true);
  let migrations: { applied: number; shipped: number } | null = null;
  try {
    migrations = await migrationStatus(c.get("deps").db);
  } catch {
    migrations = null;
  }
  // More applied than shipped is a newer release's migrations: during a rolling upgrade the migration step
  // runs first and the replicas still on the old release must keep serving until they are replaced.
  const ok = !draining && migrations !== null && migrations.applied >= migrations.shipped;
  const body = {
    status: ok ? ("ready" as const) : ("not_ready" as const),
    database: migrations ? ("ok" as const) : ("unreachable" as const),
    migrations,
    draining,
  };
  return ok ? c.json(body, 200) : c.json(body, 503);
};
