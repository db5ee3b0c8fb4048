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
    operationId: "getHealth",
    summary: "Check that the service is alive",
    description:
      "Liveness for load balancers and monitors: answers 200 as long as the process runs, without touching " +
      "the database. Public; served at `/health`, outside the versioned API.",
    responses: { 200: jsonResponse(z.object({ status: z.literal("ok") }), "Alive", { status: "ok" }) },
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
    operationId: "getReadiness",
    summary: "Check that the service is ready for traffic",
    description:
      "Readiness: 200 when the database answers, every shipped migration is applied and the process is " +
      "not shutting down; otherwise 503 with the same body saying which. Migrations of a newer release " +
      "(`applied` above `shipped`) keep it ready, so a rolling upgrade can migrate first. Public. Take a " +
      "replica out of rotation on 503.",
    responses: {
      200: jsonResponse(ReadySchema, "Ready", {
        status: "ready",
        database: "ok",
        migrations: { applied: 10, shipped: 10 },
        draining: false,
      }),
      503: jsonResponse(ReadySchema, "Not ready", {
        status: "not_ready",
        database: "unreachable",
        migrations: null,
        draining: false,
      }),
    },
  },
);
