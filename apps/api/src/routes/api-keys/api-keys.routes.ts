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
import { API_KEY, CREATE_API_KEY, CREATED_API_KEY, REVOKED_API_KEY } from "./api-keys.examples.js";

const tags = ["API keys"];

export const ApiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().openapi({ description: "The public start of the key, to recognise it" }),
    scopes: z.array(z.enum(API_KEY_SCOPES)),
    status: z.enum(["active", "revoked", "expired"]),
    expiresAt: Timestamp.nullable(),
    lastUsedAt: Timestamp.nullable(),
    revokedAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .openapi("ApiKey", { example: API_KEY });

export const createApiKey = defineRoute(
  { kind: "org", permission: "api_keys:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/api-keys",
    tags,
    operationId: "createApiKey",
    summary: "Create an API key",
    description:
      "Needs `api_keys:manage`, which only the organization's administrators hold (a key never creates " +
      "keys). The `secret` is in this response only: it is never stored and cannot be shown again, so " +
      "store it at once and send it as `Authorization: Bearer <secret>`. Choose the fewest scopes the " +
      "integration needs; an expiry must lie in the future. Audited as " +
      "`api_key.created`.",
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
        CREATE_API_KEY,
      ),
    },
    responses: {
      201: jsonResponse(
        z
          .object({ apiKey: ApiKeySchema, secret: z.string() })
          .openapi("CreatedApiKey", { example: CREATED_API_KEY }),
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
    operationId: "listApiKeys",
    summary: "List API keys",
    description:
      "The organization's API keys, newest first, with status, scopes and when each was last used; never " +
      "their secrets. Revoked and expired keys stay listed. Needs `api_keys:read` (administrators). " +
      "Paginated with `limit` and the opaque `cursor` from the previous page's `nextCursor`.",
    request: { params: OrgIdParams, query: PageQuery },
    responses: {
      200: jsonResponse(pageOf(ApiKeySchema, "ApiKeyPage", API_KEY), "API keys"),
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
    operationId: "revokeApiKey",
    summary: "Revoke an API key",
    description:
      "The key stops working at once: its next request answers 401. It stays listed as revoked, so the " +
      "audit trail of what it did keeps its name. Needs `api_keys:manage`. Audited as `api_key.revoked`.",
    request: {
      params: OrgIdParams.extend({ apiKeyId: z.uuid().openapi({ param: { name: "apiKeyId", in: "path" } }) }),
    },
    responses: { 200: jsonResponse(ApiKeySchema, "Revoked", REVOKED_API_KEY), ...problems(401, 403, 404) },
  },
);
