import type { Context } from "hono";
import { routePath } from "hono/route";

/**
 * The route a request was answered by, as the contract writes it (`/v1/trainings/{id}`), never the raw
 * path: one label value per route keeps the metrics' series and the traces' names bounded, and a path's
 * ids and tokens (a self-rating link's is a credential) stay out of both. Read after the handlers ran;
 * a request no route matched is named after the last middleware it passed (`/v1/*`, `*`).
 */
export function routeLabel(c: Context): string {
  return routePath(c).replace(/:(\w+)(\{[^}]*\})?\??/g, "{$1}") || "*";
}
