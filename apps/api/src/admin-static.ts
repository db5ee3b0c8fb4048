import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import type { AppEnv } from "./lib/env.js";

/** The built admin app, next to this package in the monorepo (apps/admin/dist); null when not built. */
export function defaultAdminRoot(): string | null {
  const root = fileURLToPath(new URL("../../admin/dist", import.meta.url));
  return existsSync(`${root}/index.html`) ? root : null;
}

const API_PREFIXES = ["/v1/", "/docs", "/health", "/ready"];

/**
 * Serves the admin single-page app on the API's own port: hashed assets cached for a year, every other
 * GET for a page answered with index.html so deep links (e.g. /accept-invitation#token=…) work.
 */
export function adminStaticRouter(root: string) {
  return new Hono<AppEnv>()
    .use("/assets/*", async (c, next) => {
      await next();
      if (c.res.ok) c.header("Cache-Control", "public, max-age=31536000, immutable");
    })
    .use("*", serveStatic({ root }))
    .get("*", async (c, next) => {
      if (API_PREFIXES.some((prefix) => c.req.path.startsWith(prefix))) return next();
      c.header("Cache-Control", "no-cache");
      return serveStatic({ root, path: "index.html" })(c, next);
    });
}
