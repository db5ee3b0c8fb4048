import createClient, { type ClientOptions } from "openapi-fetch";
import type { components, paths } from "./schema.js";

export type { components, paths };
export type Schemas = components["schemas"];
export type Problem = Schemas["Problem"];

/**
 * The typed client for the NNS platform API, generated from the committed OpenAPI document: the admin
 * app uses exactly the contract third parties get. `baseUrl` is the API root including `/v1`.
 *
 *   const api = createApiClient({ baseUrl: "https://nns.example.se/v1", headers: { authorization: `Bearer ${key}` } });
 *   const { data, error } = await api.GET("/orgs/{orgId}/members", { params: { path: { orgId } } });
 */
export function createApiClient(options: ClientOptions = {}) {
  return createClient<paths>(options);
}

export type ApiClient = ReturnType<typeof createApiClient>;

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === "object" && value !== null && "code" in value && "status" in value && "title" in value
  );
}
