import type { Schemas } from "@nns/api-client";
import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { api, call } from "../../lib/api";

export type Intervention = Schemas["Intervention"];
export type InterventionContent = Schemas["InterventionContent"];
export type InterventionState = Intervention["state"];
export type InterventionResult = Schemas["InterventionResult"];
export type ResultInput = Schemas["ResultInput"];
export type InterventionVersion = Schemas["InterventionVersion"];
export type FieldChange = Schemas["FieldChange"];
export type CoOwner = Schemas["CoOwner"];
export type Vocabularies = Schemas["CatalogVocabularies"];
export type QueueEntry = Schemas["EditorialQueuePage"]["data"][number];

export const PAGE_SIZE = 50;

/** Everything about one organization's interventions sits under ["org", orgId, "interventions"]. */
export const interventionKeys = {
  all: (orgId: string) => ["org", orgId, "interventions"] as const,
  detail: (orgId: string, id: string) => ["org", orgId, "interventions", id] as const,
  settings: (orgId: string) => ["org", orgId, "catalog-settings"] as const,
  invitations: (orgId: string) => ["org", orgId, "co-ownership-invitations"] as const,
  queue: ["nns", "catalog", "queue"] as const,
};

export function interventionsPageQuery(orgId: string, state: InterventionState | "all", cursor?: string) {
  return queryOptions({
    queryKey: [...interventionKeys.all(orgId), "list", state, cursor ?? null],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/interventions", {
          params: {
            path: { orgId },
            query: { limit: PAGE_SIZE, ...(state === "all" ? {} : { state }), ...(cursor ? { cursor } : {}) },
          },
        }),
      ),
  });
}

/** One intervention with its ETag, which a later save or workflow step sends back as If-Match. */
export function interventionQuery(orgId: string, interventionId: string) {
  return queryOptions({
    queryKey: [...interventionKeys.detail(orgId, interventionId), "intervention"],
    queryFn: async (): Promise<{ intervention: Intervention; etag: string | null }> => {
      const request = api.GET("/orgs/{orgId}/interventions/{interventionId}", {
        params: { path: { orgId, interventionId } },
      });
      const intervention = await call(request);
      const { response } = await request;
      return { intervention, etag: response.headers.get("etag") };
    },
  });
}

export function resultsQuery(orgId: string, interventionId: string) {
  return queryOptions({
    queryKey: [...interventionKeys.detail(orgId, interventionId), "results"],
    queryFn: async () =>
      (
        await call(
          api.GET("/orgs/{orgId}/interventions/{interventionId}/results", {
            params: { path: { orgId, interventionId } },
          }),
        )
      ).data,
  });
}

export function versionsQuery(orgId: string, interventionId: string) {
  return queryOptions({
    queryKey: [...interventionKeys.detail(orgId, interventionId), "versions"],
    queryFn: async () =>
      (
        await call(
          api.GET("/orgs/{orgId}/interventions/{interventionId}/versions", {
            params: { path: { orgId, interventionId } },
          }),
        )
      ).data,
  });
}

export function diffQuery(orgId: string, interventionId: string, from?: number, to?: number) {
  return queryOptions({
    queryKey: [...interventionKeys.detail(orgId, interventionId), "diff", from ?? null, to ?? null],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/interventions/{interventionId}/versions/diff", {
          params: {
            path: { orgId, interventionId },
            query: { ...(from ? { from } : {}), ...(to ? { to } : {}) },
          },
        }),
      ),
  });
}

export function coOwnersQuery(orgId: string, interventionId: string) {
  return queryOptions({
    queryKey: [...interventionKeys.detail(orgId, interventionId), "co-owners"],
    queryFn: async () =>
      (
        await call(
          api.GET("/orgs/{orgId}/interventions/{interventionId}/co-owners", {
            params: { path: { orgId, interventionId } },
          }),
        )
      ).data,
  });
}

export function invitationsQuery(orgId: string) {
  return queryOptions({
    queryKey: interventionKeys.invitations(orgId),
    queryFn: async () =>
      (await call(api.GET("/orgs/{orgId}/co-ownership-invitations", { params: { path: { orgId } } }))).data,
  });
}

export function catalogSettingsQuery(orgId: string) {
  return queryOptions({
    queryKey: interventionKeys.settings(orgId),
    queryFn: () => call(api.GET("/orgs/{orgId}/catalog-settings", { params: { path: { orgId } } })),
  });
}

export function queueQuery(cursor?: string) {
  return queryOptions({
    queryKey: [...interventionKeys.queue, cursor ?? null],
    queryFn: () =>
      call(
        api.GET("/nns/catalog/queue", {
          params: { query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
        }),
      ),
  });
}

/** The catalogue's vocabularies change only when NNS edits them. */
export const vocabulariesQuery = queryOptions({
  queryKey: ["catalog", "vocabularies"],
  queryFn: () => call(api.GET("/catalog/vocabularies")),
  staleTime: 5 * 60_000,
});

/** The förbund that can be invited as co-owners: the platform's public directory. */
export const forbundChoicesQuery = queryOptions({
  queryKey: ["reference", "forbund"],
  queryFn: async () => (await call(api.GET("/reference/forbund"))).data,
  staleTime: 5 * 60_000,
});

/** After any change to an intervention: its own data, the lists that show it and NNS's queue. */
export function invalidateIntervention(queryClient: QueryClient, orgId: string, interventionId?: string) {
  return Promise.all([
    queryClient.invalidateQueries({
      queryKey: interventionId ? interventionKeys.detail(orgId, interventionId) : interventionKeys.all(orgId),
    }),
    queryClient.invalidateQueries({ queryKey: [...interventionKeys.all(orgId), "list"] }),
    queryClient.invalidateQueries({ queryKey: interventionKeys.queue }),
  ]);
}
