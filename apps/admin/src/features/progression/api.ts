import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, call } from "../../lib/api";
import { useApiMutation } from "../../lib/mutation";
import type {
  MeasurementInput,
  Participant,
  ParticipantChange,
  ParticipantInput,
  ProgressionSettings,
  ReportQuery,
  Respondent,
} from "./types";

/** The API's ETags are the quoted version, so the version a view was read with is its If-Match. */
export const ifMatch = (version: number) => ({ "if-match": `"${version}"` });

/** Links the browser follows itself (downloads), with the session cookie, on the API's path. */
function href(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, value);
  return `/v1${path}?${params}`;
}

/**
 * Everything progression of one organization sits under one key; writes refresh what they touch. The
 * instruments' requests (instruments-api.ts) use the same keys.
 */
export const keys = {
  all: (orgId: string) => ["org", orgId, "progression"] as const,
  participants: (orgId: string) => [...keys.all(orgId), "participants"] as const,
  participant: (orgId: string, participantId: string) =>
    [...keys.participants(orgId), "one", participantId] as const,
  due: (orgId: string) => [...keys.all(orgId), "due"] as const,
  instruments: (orgId: string) => [...keys.all(orgId), "instruments"] as const,
  instrument: (orgId: string, instrumentId: string) => [...keys.instruments(orgId), instrumentId] as const,
  settings: (orgId: string) => [...keys.all(orgId), "settings"] as const,
  interventionInstruments: (orgId: string) => [...keys.all(orgId), "intervention-instruments"] as const,
};

export const PAGE_SIZE = 50;

export interface ParticipantFilters {
  interventionId?: string;
  coachUserId?: string;
  status: "active" | "ended" | "all";
}

export function participantsQuery(orgId: string, filters: ParticipantFilters, cursor: string | undefined) {
  return queryOptions({
    queryKey: [...keys.participants(orgId), "list", filters, cursor],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/progression/participants", {
          params: { path: { orgId }, query: { ...filters, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function dueQuery(orgId: string) {
  return queryOptions({
    queryKey: keys.due(orgId),
    queryFn: () => call(api.GET("/orgs/{orgId}/progression/due", { params: { path: { orgId } } })),
  });
}

export function participantQuery(orgId: string, participantId: string) {
  return queryOptions({
    queryKey: [...keys.participant(orgId, participantId), "detail"],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/progression/participants/{participantId}", {
          params: { path: { orgId, participantId } },
        }),
      ),
  });
}

export function measurementsQuery(orgId: string, participantId: string) {
  return queryOptions({
    queryKey: [...keys.participant(orgId, participantId), "measurements"],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/progression/participants/{participantId}/measurements", {
          params: { path: { orgId, participantId } },
        }),
      ),
  });
}

export function comparisonQuery(
  orgId: string,
  participantId: string,
  query: { instrumentVersionId: string; respondent: Respondent; from?: string; to?: string },
) {
  return queryOptions({
    queryKey: [...keys.participant(orgId, participantId), "comparison", query],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/progression/participants/{participantId}/comparison", {
          params: { path: { orgId, participantId }, query },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** A participant's data in one file for them (GDPR art. 15 and 20): a plain download link. */
export function exportUrl(orgId: string, participantId: string, format: "json" | "csv"): string {
  return href(`/orgs/${orgId}/progression/participants/${participantId}/export`, { format });
}

export function useCreateParticipant(orgId: string) {
  return useApiMutation({
    mutationFn: (body: ParticipantInput) =>
      call(api.POST("/orgs/{orgId}/progression/participants", { params: { path: { orgId } }, body })),
    invalidates: [keys.participants(orgId), keys.due(orgId)],
  });
}

export function useUpdateParticipant(orgId: string, participant: Participant) {
  return useApiMutation({
    mutationFn: (body: ParticipantChange) =>
      call(
        api.PATCH("/orgs/{orgId}/progression/participants/{participantId}", {
          params: { path: { orgId, participantId: participant.id }, header: ifMatch(participant.version) },
          body,
        }),
      ),
    invalidates: [keys.participants(orgId), keys.due(orgId)],
    invalidateOnError: true,
  });
}

export function useEraseParticipant(orgId: string, participantId: string) {
  return useApiMutation({
    mutationFn: () =>
      call(
        api.DELETE("/orgs/{orgId}/progression/participants/{participantId}", {
          params: { path: { orgId, participantId } },
        }),
      ),
    invalidates: [keys.due(orgId)],
  });
}

export function useRecordMeasurement(orgId: string, participantId: string) {
  return useApiMutation({
    mutationFn: (body: MeasurementInput) =>
      call(
        api.POST("/orgs/{orgId}/progression/participants/{participantId}/measurements", {
          params: { path: { orgId, participantId } },
          body,
        }),
      ),
    invalidates: [keys.participant(orgId, participantId), keys.due(orgId)],
  });
}

export function useDeleteMeasurement(orgId: string, participantId: string) {
  return useApiMutation({
    mutationFn: (measurementId: string) =>
      call(
        api.DELETE("/orgs/{orgId}/progression/participants/{participantId}/measurements/{measurementId}", {
          params: { path: { orgId, participantId, measurementId } },
        }),
      ),
    invalidates: [keys.participant(orgId, participantId), keys.due(orgId)],
  });
}

export function useCreateSelfRatingLink(orgId: string, participantId: string) {
  return useApiMutation({
    mutationFn: (body: { instrumentVersionId: string; expiresInHours: number }) =>
      call(
        api.POST("/orgs/{orgId}/progression/participants/{participantId}/self-rating-links", {
          params: { path: { orgId, participantId } },
          body,
        }),
      ),
  });
}

export function accessLogQuery(orgId: string, participantId: string | undefined, cursor: string | undefined) {
  return queryOptions({
    queryKey: [...keys.all(orgId), "access-log", participantId, cursor],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/progression/access-log", {
          params: {
            path: { orgId },
            query: {
              limit: PAGE_SIZE,
              ...(participantId ? { participantId } : {}),
              ...(cursor ? { cursor } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function reportOptionsQuery(orgId: string) {
  return queryOptions({
    queryKey: [...keys.all(orgId), "report-options"],
    queryFn: () => call(api.GET("/orgs/{orgId}/progression/report-options", { params: { path: { orgId } } })),
  });
}

export function reportQuery(orgId: string, query: ReportQuery) {
  return queryOptions({
    queryKey: [...keys.all(orgId), "report", query],
    queryFn: () => call(api.GET("/orgs/{orgId}/progression/reports", { params: { path: { orgId }, query } })),
    placeholderData: keepPreviousData,
  });
}

export function reportCsvUrl(orgId: string, query: ReportQuery): string {
  return href(`/orgs/${orgId}/progression/reports/export`, { ...query });
}

export function settingsQuery(orgId: string) {
  return queryOptions({
    queryKey: keys.settings(orgId),
    queryFn: () => call(api.GET("/orgs/{orgId}/progression/settings", { params: { path: { orgId } } })),
  });
}

export function useSaveSettings(orgId: string) {
  return useApiMutation({
    mutationFn: (body: Pick<ProgressionSettings, "retentionMonths">) =>
      call(api.PUT("/orgs/{orgId}/progression/settings", { params: { path: { orgId } }, body })),
    invalidates: [keys.settings(orgId)],
  });
}

export function interventionInstrumentsQuery(orgId: string, interventionId: string) {
  return queryOptions({
    queryKey: [...keys.interventionInstruments(orgId), interventionId],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/interventions/{interventionId}/progression-instruments", {
          params: { path: { orgId, interventionId } },
        }),
      ),
  });
}

export function useSetInterventionInstruments(orgId: string, interventionId: string) {
  return useApiMutation({
    mutationFn: (versionIds: string[]) =>
      call(
        api.PUT("/orgs/{orgId}/interventions/{interventionId}/progression-instruments", {
          params: { path: { orgId, interventionId } },
          body: { versionIds },
        }),
      ),
    invalidates: [keys.interventionInstruments(orgId), keys.participants(orgId)],
  });
}

/** The förbund's own insatser that are not archived, to register participants in and choose instruments for. */
export function interventionsQuery(orgId: string) {
  return queryOptions({
    queryKey: [...keys.all(orgId), "interventions"],
    queryFn: async () =>
      (
        await call(
          api.GET("/orgs/{orgId}/interventions", { params: { path: { orgId }, query: { limit: 100 } } }),
        )
      ).data
        .filter((intervention) => intervention.state !== "archived")
        .map((intervention) => ({ id: intervention.id, name: intervention.content.title })),
  });
}

/** Members who may be a participant's handledare: coaches and the förbund's administrators. */
export function coachesQuery(orgId: string) {
  return queryOptions({
    queryKey: [...keys.all(orgId), "coaches"],
    queryFn: async () =>
      (
        await call(api.GET("/orgs/{orgId}/members", { params: { path: { orgId }, query: { limit: 100 } } }))
      ).data
        .filter((member) => member.role === "coach" || member.role === "org_admin")
        .map((member) => ({ id: member.userId, label: member.name })),
  });
}

/** The catalogue's outcome categories, what a participant's outcome at the end is chosen from. */
export const outcomesQuery = queryOptions({
  queryKey: ["catalog", "vocabularies"],
  queryFn: () => call(api.GET("/catalog/vocabularies")),
  staleTime: 5 * 60_000,
  select: (vocabularies) =>
    [...vocabularies.outcomeCategories]
      .sort((a, b) => a.position - b.position)
      .map((category) => ({ id: category.code, label: category.labelSv })),
});
