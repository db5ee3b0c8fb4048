import type { Schemas } from "@nns/api-client";
import { type QueryKey, queryOptions, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { api, call } from "../../lib/api";
import { useApiMutation } from "../../lib/mutation";

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

export function mySessionsQuery(orgId: string) {
  return queryOptions({
    queryKey: trainingKeys.mySessions(orgId),
    queryFn: async () =>
      (await call(api.GET("/orgs/{orgId}/my-sessions", { params: { path: { orgId } } }))).data,
  });
}

/** The förbund NNS can bring into a training (the organizations list, förbund only). */
export const forbundOptionsQuery = queryOptions({
  queryKey: ["organizations", "forbund-options"],
  queryFn: async () =>
    (await call(api.GET("/organizations", { params: { query: { limit: 200 } } }))).data.filter(
      (o) => o.kind === "forbund",
    ),
  staleTime: 5 * 60_000,
});

/** After any change to a training: its own data (sessions, seats, participants, costs) and the list. */
function trainingChanged(orgId: string, trainingId: string): QueryKey[] {
  return [trainingKeys.detail(orgId, trainingId), [...trainingKeys.all(orgId), "list"]];
}

type Kind = Training["kind"];

/**
 * A new training: a förbund's own event or (NNS) a BIP/SKAPA training, possibly answering requests,
 * whose förbund become its parties. The caller's Idempotency-Key makes a repeated submit harmless.
 * Then the person is taken to it: here, not in the dialog, which is gone by then when it stood beside
 * a request or pairing that the new training answered.
 */
export function useCreateTraining(orgId: string, idempotencyKey: string, requestIds?: string[]) {
  const navigate = useNavigate();
  return useApiMutation({
    mutationFn: (body: { kind: Kind; title: string; description: string | null }) =>
      call(
        api.POST("/orgs/{orgId}/trainings", {
          params: { path: { orgId }, header: { "idempotency-key": idempotencyKey } },
          body: { ...body, ...(requestIds ? { requestIds } : {}) },
        }),
      ),
    invalidates: [trainingKeys.all(orgId), trainingKeys.requests(orgId), trainingKeys.nns],
    onSuccess: (training) =>
      navigate({ to: "/o/$orgId/trainings/$trainingId", params: { orgId, trainingId: training.id } }),
  });
}

/**
 * The owner's changes to the training itself (title, description, cost split), against the version
 * shown. A refusal refreshes it: a 412 means someone else changed it first.
 */
export function useUpdateTraining(orgId: string, training: Training) {
  return useApiMutation({
    mutationFn: (body: { title?: string; description?: string | null; costSplitRule?: "equal" | "seats" }) =>
      call(
        api.PATCH("/orgs/{orgId}/trainings/{trainingId}", {
          params: {
            path: { orgId, trainingId: training.id },
            header: { "if-match": `"${training.version}"` },
          },
          body,
        }),
      ),
    invalidates: trainingChanged(orgId, training.id),
    invalidateOnError: true,
  });
}

/** Moves the training along its lifecycle (plan, confirm, complete) or cancels it with a reason. */
export function useTransition(orgId: string, trainingId: string) {
  return useApiMutation({
    mutationFn: (
      body: { action: "plan" | "confirm" | "complete"; reason: null } | { action: "cancel"; reason: string },
    ) =>
      call(
        api.POST("/orgs/{orgId}/trainings/{trainingId}/transitions", {
          params: { path: { orgId, trainingId } },
          body,
        }),
      ),
    invalidates: trainingChanged(orgId, trainingId),
  });
}

export interface SessionBody {
  stepKey?: string | null;
  title?: string;
  startsAt?: string;
  endsAt?: string;
  mode: Mode;
  location: string | null;
  videoLink: string | null;
  capacity: number | null;
  trainerIds?: string[];
}

/** Adds a session, or with `session` changes that one against the version shown. */
export function useSaveSession(orgId: string, trainingId: string, session?: TrainingSession) {
  return useApiMutation({
    mutationFn: (body: SessionBody) =>
      session
        ? call(
            api.PATCH("/orgs/{orgId}/trainings/{trainingId}/sessions/{sessionId}", {
              params: {
                path: { orgId, trainingId, sessionId: session.id },
                header: { "if-match": `"${session.version}"` },
              },
              body,
            }),
          )
        : call(
            api.POST("/orgs/{orgId}/trainings/{trainingId}/sessions", {
              params: { path: { orgId, trainingId } },
              body: { ...body, startsAt: body.startsAt ?? "" },
            }),
          ),
    invalidates: trainingChanged(orgId, trainingId),
  });
}

export function useRemoveSession(orgId: string, trainingId: string) {
  return useApiMutation({
    mutationFn: (session: TrainingSession) =>
      call(
        api.DELETE("/orgs/{orgId}/trainings/{trainingId}/sessions/{sessionId}", {
          params: { path: { orgId, trainingId, sessionId: session.id } },
        }),
      ),
    invalidates: trainingChanged(orgId, trainingId),
  });
}

/** Brings a förbund into the training, or changes its seats and contact: the same write. */
export function useSetParty(orgId: string, trainingId: string) {
  return useApiMutation({
    mutationFn: ({
      partyId,
      ...body
    }: {
      partyId: string;
      seats: number | null;
      contactEmail: string | null;
    }) =>
      call(
        api.PUT("/orgs/{orgId}/trainings/{trainingId}/parties/{partyId}", {
          params: { path: { orgId, trainingId, partyId } },
          body,
        }),
      ),
    invalidates: trainingChanged(orgId, trainingId),
  });
}

export function useRegisterParticipant(orgId: string, trainingId: string) {
  return useApiMutation({
    mutationFn: (body: {
      name: string;
      email: string;
      employer: string | null;
      jobTitle: string | null;
      gender: "woman" | "man" | "other" | null;
      contactConsent: boolean;
      sessionIds: string[];
    }) =>
      call(
        api.POST("/orgs/{orgId}/trainings/{trainingId}/participants", {
          params: { path: { orgId, trainingId } },
          body,
        }),
      ),
    invalidates: trainingChanged(orgId, trainingId),
  });
}

type Registration = Participant["registrations"][number];

export function useCancelRegistration(orgId: string, trainingId: string) {
  return useApiMutation({
    mutationFn: ({ registration }: { participant: Participant; registration: Registration }) =>
      call(
        api.POST("/orgs/{orgId}/trainings/{trainingId}/registrations/{registrationId}/cancel", {
          params: { path: { orgId, trainingId, registrationId: registration.id } },
        }),
      ),
    invalidates: trainingChanged(orgId, trainingId),
  });
}

/** Adds a print cost; the answer is the new breakdown, which replaces the cached one. */
export function useAddPrintCost(orgId: string, trainingId: string) {
  const queryClient = useQueryClient();
  return useApiMutation({
    mutationFn: (body: {
      description: string;
      amountOre: number;
      vatRateBasisPoints: number;
      paidBy: "organization" | "owner";
    }) =>
      call(
        api.POST("/orgs/{orgId}/trainings/{trainingId}/print-costs", {
          params: { path: { orgId, trainingId } },
          body,
        }),
      ),
    onSuccess: (costs) => queryClient.setQueryData(costsQuery(orgId, trainingId).queryKey, costs),
  });
}

export function useRemovePrintCost(orgId: string, trainingId: string) {
  const queryClient = useQueryClient();
  return useApiMutation({
    mutationFn: (printCostId: string) =>
      call(
        api.DELETE("/orgs/{orgId}/trainings/{trainingId}/print-costs/{printCostId}", {
          params: { path: { orgId, trainingId, printCostId } },
        }),
      ),
    invalidates: [trainingKeys.detail(orgId, trainingId)],
    onSuccess: (costs) => queryClient.setQueryData(costsQuery(orgId, trainingId).queryKey, costs),
  });
}

export function useSaveAttendance(orgId: string, trainingId: string, sessionId: string) {
  return useApiMutation({
    mutationFn: (entries: { registrationId: string; attended: boolean }[]) =>
      call(
        api.PUT("/orgs/{orgId}/trainings/{trainingId}/sessions/{sessionId}/attendance", {
          params: { path: { orgId, trainingId, sessionId } },
          body: { entries },
        }),
      ),
    invalidates: [trainingKeys.detail(orgId, trainingId)],
  });
}
