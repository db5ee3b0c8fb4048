import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import { jsonResponse } from "../../lib/schemas.js";

const tags = ["Operations"];

export const health = defineRoute(
  { kind: "public" },
  {
    method: "get",
    path: "/health",
    tags,
    summary: "Liveness: the process is up",
    responses: { 200: jsonResponse(z.object({ status: z.literal("ok") }), "Alive") },
  },
);

const ReadySchema = z.object({
  status: z.enum(["ready", "not_ready"]),
  database: z.enum(["ok", "unreachable"]),
  migrations: z.object({ applied: z.number().int(), shipped: z.number().int() }).nullable(),
  draining: z.boolean(),
});

export const ready = defineRoute(
  { kind: "public" },
  {
    method: "get",
    path: "/ready",
    tags,
    summary: "Readiness: database reachable, migrations current, not shutting down",
    responses: { 200: jsonResponse(ReadySchema, "Ready"), 503: jsonResponse(ReadySchema, "Not ready") },
  },
);
