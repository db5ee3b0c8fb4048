import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./lib/env.js";

export const OPENAPI_INFO = {
  openapi: "3.1.0",
  info: {
    title: "NNS-plattformen API",
    version: "1.0.0",
    description:
      "The API of the platform for Sweden's samordningsförbund and NNS. Errors are RFC 9457 problem+json with a stable `code`. No string may contain the NUL character U+0000 (400 `validation_failed`, rule `no_nul_character`). See docs/api.md for authentication, pagination, idempotency and versioning.",
  },
  servers: [{ url: "/v1", description: "Version 1" }],
  tags: [
    { name: "Auth", description: "Sessions, password reset and invitations" },
    { name: "Organizations", description: "NNS and the samordningsförbund (tenants)" },
    { name: "Members", description: "People in an organization, their roles and invitations" },
    { name: "API keys", description: "Keys for third-party integrations" },
    { name: "Audit log", description: "Who changed what" },
    { name: "Outbox", description: "Emails the platform has sent" },
    { name: "Reference data", description: "SCB län and kommuner" },
    { name: "Operations", description: "Health and readiness" },
  ],
};

export function registerSecuritySchemes(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "sessionCookie", {
    type: "apiKey",
    in: "cookie",
    name: "__Host-nns_session",
    description:
      "Set by POST /v1/auth/login. Browsers only; unsafe methods must carry a same-site Origin header.",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description: "An organization's API key: `Authorization: Bearer nns_…`. Never in the URL.",
  });
}

export function registerSharedResponses(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent("responses", "ServiceUnavailable", {
    description:
      "The database cannot be reached right now (problem+json, code `service_unavailable`). Retry after `Retry-After` seconds. A write in flight may or may not have been saved: retry creating requests with the same `Idempotency-Key`.",
    headers: {
      "Retry-After": { description: "Seconds to wait before retrying", schema: { type: "integer" } },
    },
    content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
  });
}

export function buildOpenApiDocument(v1: OpenAPIHono<AppEnv>) {
  return v1.getOpenAPI31Document(OPENAPI_INFO);
}
