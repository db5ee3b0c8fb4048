import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./env.js";

/**
 * Marks the answer as the same for every caller and free of anything personal, so it keeps whatever
 * caching its handler chooses. Only routes declared `{ kind: "public", cacheable: true }` and the OpenAPI
 * document use it; such a handler must not read the actor. Because the answer never depends on who asks,
 * these responses need no `Vary: Cookie, Authorization`.
 */
export const cacheableForAnyone: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set("cacheable", true);
  await next();
};

/**
 * Every other answer under /v1 is `Cache-Control: no-store`: anything answered to a session or an API
 * key, sign-in and sign-out, token lookups (invitations, surveys), and errors. Deciding it here rather
 * than per handler means a new route is private by default and has to opt in to caching. A response that
 * sets a cookie (e.g. clearing a stale session on a public read) is never stored either.
 */
export const noStoreUnlessCacheable: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (!c.get("cacheable") || c.res.headers.has("set-cookie")) c.header("Cache-Control", "no-store");
};
