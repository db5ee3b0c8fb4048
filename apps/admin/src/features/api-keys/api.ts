import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, call } from "../../lib/api";
import { useApiMutation } from "../../lib/mutation";
import type { ApiKey, Scope } from "./scopes";

const PAGE_SIZE = 50;

const apiKeysKey = (orgId: string) => ["org", orgId, "api-keys"] as const;

export function apiKeysQuery(orgId: string, cursor: string | undefined) {
  return queryOptions({
    queryKey: [...apiKeysKey(orgId), cursor],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/api-keys", {
          params: { path: { orgId }, query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Creates a key. The response carries the secret: it is not kept in the mutation cache once unused. */
export function useCreateApiKey(orgId: string) {
  return useApiMutation({
    mutationFn: (body: { name: string; scopes: Scope[]; expiresAt: string | null }) =>
      call(api.POST("/orgs/{orgId}/api-keys", { params: { path: { orgId } }, body })),
    gcTime: 0,
    invalidates: [apiKeysKey(orgId)],
  });
}

export function useRevokeApiKey(orgId: string) {
  return useApiMutation({
    mutationFn: (key: ApiKey) =>
      call(
        api.DELETE("/orgs/{orgId}/api-keys/{apiKeyId}", { params: { path: { orgId, apiKeyId: key.id } } }),
      ),
    invalidates: [apiKeysKey(orgId)],
  });
}
