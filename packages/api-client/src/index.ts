import createClient, { type ClientOptions } from "openapi-fetch";
import { headerRecord } from "./headers.js";
import type { components, paths } from "./schema.js";

export { newIdempotencyKey, withIdempotencyKey } from "./idempotency.js";
export { type Page, paginate } from "./pagination.js";
export { ApiProblem, type ApiResult, type FieldError, isProblem, type Problem, unwrap } from "./problem.js";
export type { components, paths };
export type Schemas = components["schemas"];

export interface ApiClientOptions extends ClientOptions {
  /** An API key (`nns_…`), sent as `Authorization: Bearer …` on every request. */
  apiKey?: string;
}

/**
 * The typed client for the NNS platform API, generated from the committed OpenAPI document: the admin
 * app uses exactly the contract third parties get. `baseUrl` is the API root including `/v1`.
 *
 *   const api = createApiClient({ baseUrl: "https://nns.example.se/v1", apiKey: process.env.NNS_API_KEY });
 *   const members = await unwrap(api.GET("/orgs/{orgId}/members", { params: { path: { orgId } } }));
 */
export function createApiClient({ apiKey, ...options }: ApiClientOptions = {}) {
  if (!apiKey) return createClient<paths>(options);
  return createClient<paths>({
    ...options,
    headers: { ...headerRecord(options.headers), authorization: `Bearer ${apiKey}` },
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;
