import type { Schemas } from "@nns/api-client";
import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { api, call } from "../../lib/api";

export type TrainingSummary = Schemas["TrainingSummary"];
export type Training = Schemas["Training"];
export type TrainingSession = Schemas["TrainingSession"];
export type Participant = Schemas["TrainingParticipant"];
export type TrainingRequest = Schemas["TrainingRequest"];
export type PairingSuggestion = Schemas["PairingSuggestion"];
export type TrainingCosts = Schemas["TrainingCosts"];
export type FollowUp = Schemas["FollowUp"];
export type Trainer = Schemas["Trainer"];
export type Certification = Schemas["TrainerCertification"];
export type PriceItem = Schemas["PriceItem"];
export type TrainingTemplate = Schemas["TrainingTemplate"];
export type TrainingStatus = TrainingSummary["status"];
export type Mode = TrainingSession["mode"];
export type DeliveryPreference = TrainingRequest["deliveryPreference"];

/** Everything about one organization's trainings sits under ["org", orgId, "trainings"]. */
export const trainingKeys = {
  all: (orgId: string) => ["org", orgId, "trainings"] as const,
  detail: (orgId: string, trainingId: string) => ["org", orgId, "trainings", trainingId] as const,
  requests: (orgId: string) => ["org", orgId, "training-requests"] as const,
  mySessions: (orgId: string) => ["org", orgId, "my-sessions"] as const,
  nns: ["nns", "trainings"] as const,
};

export function trainingsQuery(orgId: string) {
  return queryOptions({
    queryKey: [...trainingKeys.all(orgId), "list"],
    queryFn: async () =>
      (await call(api.GET("/orgs/{orgId}/trainings", { params: { path: { orgId } } }))).data,
  });
}

export function trainingQuery(orgId: string, trainingId: string) {
  return queryOptions({
    queryKey: [...trainingKeys.detail(orgId, trainingId), "training"],
    queryFn: () =>
      call(api.GET("/orgs/{orgId}/trainings/{trainingId}", { params: { path: { orgId, trainingId } } })),
  });
}

export function seatsQuery(orgId: string, trainingId: string) {
  return queryOptions({
    queryKey: [...trainingKeys.detail(orgId, trainingId), "seats"],
    queryFn: async () =>
      (
        await call(
          api.GET("/orgs/{orgId}/trainings/{trainingId}/seats", { params: { path: { orgId, trainingId } } }),
        )
      ).data,
  });
}

export function participantsQuery(orgId: string, trainingId: string) {
  return queryOptions({
    queryKey: [...trainingKeys.detail(orgId, trainingId), "participants"],
    queryFn: async () =>
      (
        await call(
          api.GET("/orgs/{orgId}/trainings/{trainingId}/participants", {
            params: { path: { orgId, trainingId } },
          }),
        )
      ).data,
  });
}

export function costsQuery(orgId: string, trainingId: string) {
  return queryOptions({
    queryKey: [...trainingKeys.detail(orgId, trainingId), "costs"],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/trainings/{trainingId}/costs", { params: { path: { orgId, trainingId } } }),
      ),
  });
}

export function followUpQuery(orgId: string, trainingId: string) {
  return queryOptions({
    queryKey: [...trainingKeys.detail(orgId, trainingId), "follow-up"],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/trainings/{trainingId}/follow-up", {
          params: { path: { orgId, trainingId } },
        }),
      ),
  });
}

export function rosterQuery(orgId: string, trainingId: string, sessionId: string) {
  return queryOptions({
    queryKey: [...trainingKeys.detail(orgId, trainingId), "roster", sessionId],
    queryFn: async () =>
      (
        await call(
          api.GET("/orgs/{orgId}/trainings/{trainingId}/sessions/{sessionId}/roster", {
            params: { path: { orgId, trainingId, sessionId } },
          }),
        )
      ).data,
  });
}

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

export function mySessionsQuery(orgId: string) {
  return queryOptions({
    queryKey: trainingKeys.mySessions(orgId),
    queryFn: async () =>
      (await call(api.GET("/orgs/{orgId}/my-sessions", { params: { path: { orgId } } }))).data,
  });
}

export const pairingsQuery = queryOptions({
  queryKey: [...trainingKeys.nns, "pairings"],
  queryFn: async () => (await call(api.GET("/nns/training-pairings"))).data,
});

export const trainersQuery = queryOptions({
  queryKey: [...trainingKeys.nns, "trainers"],
  queryFn: async () => (await call(api.GET("/nns/trainers"))).data,
});

export const expiringQuery = queryOptions({
  queryKey: [...trainingKeys.nns, "expiring"],
  queryFn: async () => (await call(api.GET("/nns/certifications/expiring"))).data,
});

export const priceListQuery = queryOptions({
  queryKey: [...trainingKeys.nns, "price-list"],
  queryFn: async () => (await call(api.GET("/nns/price-list"))).data,
});

export const templateQuery = queryOptions({
  queryKey: [...trainingKeys.nns, "template"],
  queryFn: () => call(api.GET("/nns/training-template")),
  staleTime: 5 * 60_000,
});

/** After any change to a training: its own data, the lists that show it, and the requests it answers. */
export function invalidateTraining(queryClient: QueryClient, orgId: string, trainingId?: string) {
  return Promise.all([
    queryClient.invalidateQueries({
      queryKey: trainingId ? trainingKeys.detail(orgId, trainingId) : trainingKeys.all(orgId),
    }),
    queryClient.invalidateQueries({ queryKey: [...trainingKeys.all(orgId), "list"] }),
  ]);
}
