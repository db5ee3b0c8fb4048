import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, call } from "../../lib/api";
import { useApiMutation } from "../../lib/mutation";
import type { DeliveryStatus, WebhookDelivery, WebhookEventType } from "./events";

const PAGE_SIZE = 50;

const webhookKeys = {
  all: (orgId: string) => ["org", orgId, "webhooks"] as const,
  list: (orgId: string) => [...webhookKeys.all(orgId), "list"] as const,
  endpoint: (orgId: string, endpointId: string) =>
    [...webhookKeys.all(orgId), "endpoint", endpointId] as const,
  deliveries: (orgId: string, endpointId: string) =>
    [...webhookKeys.all(orgId), "deliveries", endpointId] as const,
};

/** The event types change only with a new release of the API: fetched once per session. */
export const eventTypesQuery = queryOptions({
  queryKey: ["webhook-event-types"],
  queryFn: async () => (await call(api.GET("/webhook-event-types"))).data,
  staleTime: Number.POSITIVE_INFINITY,
});

export function endpointsQuery(orgId: string, cursor: string | undefined) {
  return queryOptions({
    queryKey: [...webhookKeys.list(orgId), cursor],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/webhook-endpoints", {
          params: { path: { orgId }, query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function endpointQuery(orgId: string, endpointId: string) {
  return queryOptions({
    queryKey: webhookKeys.endpoint(orgId, endpointId),
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/webhook-endpoints/{endpointId}", {
          params: { path: { orgId, endpointId } },
        }),
      ),
  });
}

/**
 * One page of an endpoint's deliveries. While any on the page is still on its way the page is asked
 * again every few seconds, so a test event or a resend shows its outcome without a reload.
 */
export function deliveriesQuery(
  orgId: string,
  endpointId: string,
  status: DeliveryStatus | undefined,
  cursor: string | undefined,
) {
  return queryOptions({
    queryKey: [...webhookKeys.deliveries(orgId, endpointId), status, cursor],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/webhook-endpoints/{endpointId}/deliveries", {
          params: {
            path: { orgId, endpointId },
            query: { limit: PAGE_SIZE, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) },
          },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.data.some((delivery: WebhookDelivery) => delivery.status === "pending")
        ? 2_000
        : false,
  });
}

export interface EndpointBody {
  url: string;
  description: string | null;
  events: WebhookEventType[];
}

/** Adds an endpoint. The response carries the secret: it is not kept in the mutation cache once unused. */
export function useCreateEndpoint(orgId: string) {
  return useApiMutation({
    mutationFn: (body: EndpointBody) =>
      call(api.POST("/orgs/{orgId}/webhook-endpoints", { params: { path: { orgId } }, body })),
    gcTime: 0,
    invalidates: [webhookKeys.list(orgId)],
  });
}

export function useUpdateEndpoint(orgId: string, endpointId: string) {
  return useApiMutation({
    mutationFn: (body: Partial<EndpointBody> & { enabled?: boolean }) =>
      call(
        api.PATCH("/orgs/{orgId}/webhook-endpoints/{endpointId}", {
          params: { path: { orgId, endpointId } },
          body,
        }),
      ),
    invalidates: [webhookKeys.list(orgId), webhookKeys.endpoint(orgId, endpointId)],
  });
}

/** Only the list is refreshed: the removed endpoint's own page is left, not asked for again. */
export function useDeleteEndpoint(orgId: string, endpointId: string) {
  return useApiMutation({
    mutationFn: () =>
      call(
        api.DELETE("/orgs/{orgId}/webhook-endpoints/{endpointId}", {
          params: { path: { orgId, endpointId } },
        }),
      ),
    invalidates: [webhookKeys.list(orgId)],
  });
}

/** A new secret, shown once: like creation, never kept in the mutation cache. */
export function useRotateSecret(orgId: string, endpointId: string) {
  return useApiMutation({
    mutationFn: () =>
      call(
        api.POST("/orgs/{orgId}/webhook-endpoints/{endpointId}/rotate-secret", {
          params: { path: { orgId, endpointId } },
        }),
      ),
    gcTime: 0,
    invalidates: [webhookKeys.endpoint(orgId, endpointId)],
  });
}

export function usePingEndpoint(orgId: string, endpointId: string) {
  return useApiMutation({
    mutationFn: () =>
      call(
        api.POST("/orgs/{orgId}/webhook-endpoints/{endpointId}/ping", {
          params: { path: { orgId, endpointId } },
        }),
      ),
    invalidates: [webhookKeys.deliveries(orgId, endpointId)],
  });
}

export function useResendDelivery(orgId: string, endpointId: string) {
  return useApiMutation({
    mutationFn: (delivery: WebhookDelivery) =>
      call(
        api.POST("/orgs/{orgId}/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/resend", {
          params: { path: { orgId, endpointId, deliveryId: delivery.id } },
        }),
      ),
    invalidates: [webhookKeys.deliveries(orgId, endpointId)],
  });
}
