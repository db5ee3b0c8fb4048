/** Training requests (intresseanmälningar): a förbund's own, and NNS's pairing of those that fit together. */
import { queryOptions } from "@tanstack/react-query";
import { api, call } from "../../lib/api";
import { useApiMutation } from "../../lib/mutation";
import { type DeliveryPreference, type TrainingRequest, trainingKeys } from "./api";

export function requestsQuery(orgId: string, status?: TrainingRequest["status"]) {
  return queryOptions({
    queryKey: [...trainingKeys.requests(orgId), "list", status ?? "all"],
    queryFn: async () =>
      (
        await call(
          api.GET("/orgs/{orgId}/training-requests", {
            params: { path: { orgId }, query: status ? { status } : {} },
          }),
        )
      ).data,
  });
}

export const pairingsQuery = queryOptions({
  queryKey: [...trainingKeys.nns, "pairings"],
  queryFn: async () => (await call(api.GET("/nns/training-pairings"))).data,
});

export type RequestBody = {
  periodStart: string;
  periodEnd: string;
  expectedParticipants: number;
  deliveryPreference: DeliveryPreference;
  openToSharing: boolean;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  notes: string | null;
};

/** A förbund's intresseanmälan, with the caller's Idempotency-Key (one per visit to the form). */
export function useSubmitRequest(orgId: string, idempotencyKey: string) {
  return useApiMutation({
    mutationFn: (body: RequestBody) =>
      call(
        api.POST("/orgs/{orgId}/training-requests", {
          params: { path: { orgId }, header: { "idempotency-key": idempotencyKey } },
          body,
        }),
      ),
    invalidates: [trainingKeys.requests(orgId)],
  });
}

export function useWithdrawRequest(orgId: string) {
  return useApiMutation({
    mutationFn: (request: TrainingRequest) =>
      call(
        api.POST("/orgs/{orgId}/training-requests/{requestId}/withdraw", {
          params: { path: { orgId, requestId: request.id } },
        }),
      ),
    invalidates: [trainingKeys.requests(orgId)],
  });
}

/** NNS declines a request with a note the förbund sees; the pairing suggestions change with it. */
export function useDeclineRequest(orgId: string, requestId: string) {
  return useApiMutation({
    mutationFn: (note: string) =>
      call(
        api.POST("/orgs/{orgId}/training-requests/{requestId}/decline", {
          params: { path: { orgId, requestId } },
          body: { note },
        }),
      ),
    invalidates: [trainingKeys.requests(orgId), trainingKeys.nns],
  });
}
