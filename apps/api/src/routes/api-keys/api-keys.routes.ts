import { z } from "@hono/zod-openapi";
import { API_KEY_SCOPES } from "@nns/domain";
import { defineRoute } from "../../lib/access.js";
import {
  jsonBody,
  jsonResponse,
  nonBlank,
  OrgIdParams,
  PageQuery,
  pageOf,
  problems,
  Timestamp,
} from "../../lib/schemas.js";

const tags = ["API keys"];

export const ApiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().openapi({
      description: "The public start of the key, to recognise it",
      example: "nns_abcdefghijklmnop",
    }),
    scopes: z.array(z.enum(API_KEY_SCOPES)),
    status: z.enum(["active", "revoked", "expired"]),
    expiresAt: Timestamp.nullable(),
    lastUsedAt: Timestamp.nullable(),
    revokedAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .openapi("ApiKey");

export const createApiKey = defineRoute(
  { kind: "org", permission: "api_keys:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/api-keys",
    tags,
    summary: "Create an API key. The secret is in this response only; it is never stored or shown again",
    request: {
      params: OrgIdParams,
      body: jsonBody(
        z
          .object({
            name: nonBlank(1).max(100),
            scopes: z.array(z.enum(API_KEY_SCOPES)).min(1),
            expiresAt: Timestamp.nullable()
              .optional()
              .openapi({ description: "In the future (400 `future`); null or left out: never expires" }),
          })
          .strict(),
      ),
    },
    responses: {
      201: jsonResponse(
        z.object({ apiKey: ApiKeySchema, secret: z.string() }).openapi("CreatedApiKey"),
        "Created",
      ),
      ...problems(400, 401, 403, 404),
    },
  },
  {
    notIdempotentBecause:
      "a replay would need the secret, which is never stored. After a lost response, list the keys and revoke any stray one",
  },
);

export const listApiKeys = defineRoute(
  { kind: "org", permission: "api_keys:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/api-keys",
    tags,
    summary: "API keys of the organization, newest first (never their secrets)",
    request: { params: OrgIdParams, query: PageQuery },
    responses: {
      200: jsonResponse(pageOf(ApiKeySchema, "ApiKeyPage"), "API keys"),
      ...problems(400, 401, 403, 404),
    },
  },
);

export const revokeApiKey = defineRoute(
  { kind: "org", permission: "api_keys:manage" },
  {
    method: "delete",
    path: "/orgs/{orgId}/api-keys/{apiKeyId}",
    tags,
    summary: "Revoke an API key; it stops working at once and stays listed as revoked",
    request: {
      params: OrgIdParams.extend({ apiKeyId: z.uuid().openapi({ param: { name: "apiKeyId", in: "path" } }) }),
    },
    responses: { 200: jsonResponse(ApiKeySchema, "Revoked"), ...problems(401, 403, 404) },
  },
);
