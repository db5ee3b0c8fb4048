import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, call } from "../../lib/api";
import { useApiMutation } from "../../lib/mutation";
import type {
  AccessLogEntry,
  ChosenVersion,
  Comparison,
  DueOccasion,
  Instrument,
  InstrumentDefinition,
  InstrumentVersion,
  ItemMapping,
  Measurement,
  MeasurementInput,
  Page,
  Participant,
  ParticipantChange,
  ParticipantDetail,
  ParticipantInput,
  ProgressionSettings,
  Report,
  ReportOptions,
  ReportQuery,
  Respondent,
  SelfRatingLink,
} from "./types";

type Query = Record<string, string | number | undefined>;

const base = (orgId: string) => `/v1/orgs/${orgId}/progression`;

function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** The API's ETags are the quoted version, so the version a view was read with is its If-Match. */
const ifMatch = (version: number) => ({ "if-match": `"${version}"` });

/**
 * One request to the progression API, unwrapped by `call` like every other (an ApiError carrying the
 * problem+json on failure).
 */
function request<T>(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  options: {
    body?: unknown;
    text?: { type: string; content: string };
    headers?: Record<string, string>;
  } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  let body: string | undefined;
  if (options.text) {
    headers["content-type"] = options.text.type;
    body = options.text.content;
  } else if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  return call<T>(
    fetch(path, { method, headers, body, credentials: "same-origin" }).then(async (response) => {
      const payload = response.status === 204 ? undefined : await response.json().catch(() => undefined);
      return response.ok ? { data: payload as T, response } : { error: payload, response };
    }),
  );
}

/** Everything progression of one organization sits under one key; writes refresh what they touch. */
const keys = {
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
      request<Page<Participant>>(
        "GET",
        withQuery(`${base(orgId)}/participants`, { ...filters, cursor, limit: PAGE_SIZE }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function dueQuery(orgId: string) {
  return queryOptions({
    queryKey: keys.due(orgId),
    queryFn: () => request<{ data: DueOccasion[] }>("GET", `${base(orgId)}/due`),
  });
}

export function participantQuery(orgId: string, participantId: string) {
  return queryOptions({
    queryKey: [...keys.participant(orgId, participantId), "detail"],
    queryFn: () => request<ParticipantDetail>("GET", `${base(orgId)}/participants/${participantId}`),
  });
}

export function measurementsQuery(orgId: string, participantId: string) {
  return queryOptions({
    queryKey: [...keys.participant(orgId, participantId), "measurements"],
    queryFn: () =>
      request<{ data: Measurement[] }>(
        "GET",
        withQuery(`${base(orgId)}/participants/${participantId}/measurements`, { limit: 200 }),
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
      request<Comparison>("GET", withQuery(`${base(orgId)}/participants/${participantId}/comparison`, query)),
    placeholderData: keepPreviousData,
  });
}

/** Participants' data is read only while someone looks at it: an export is a plain download link. */
export function exportUrl(orgId: string, participantId: string, format: "json" | "csv"): string {
  return withQuery(`${base(orgId)}/participants/${participantId}/export`, { format });
}

export function useCreateParticipant(orgId: string) {
  return useApiMutation({
    mutationFn: (body: ParticipantInput) =>
      request<ParticipantDetail>("POST", `${base(orgId)}/participants`, { body }),
    invalidates: [keys.participants(orgId), keys.due(orgId)],
  });
}

export function useUpdateParticipant(orgId: string, participant: Participant) {
  return useApiMutation({
    mutationFn: (body: ParticipantChange) =>
      request<ParticipantDetail>("PATCH", `${base(orgId)}/participants/${participant.id}`, {
        body,
        headers: ifMatch(participant.version),
      }),
    invalidates: [keys.participants(orgId), keys.due(orgId)],
    invalidateOnError: true,
  });
}

export function useEraseParticipant(orgId: string, participantId: string) {
  return useApiMutation({
    mutationFn: () => request<void>("DELETE", `${base(orgId)}/participants/${participantId}`),
    invalidates: [keys.due(orgId)],
  });
}

export function useRecordMeasurement(orgId: string, participantId: string) {
  return useApiMutation({
    mutationFn: (body: MeasurementInput) =>
      request<Measurement>("POST", `${base(orgId)}/participants/${participantId}/measurements`, { body }),
    invalidates: [keys.participant(orgId, participantId), keys.due(orgId)],
  });
}

export function useDeleteMeasurement(orgId: string, participantId: string) {
  return useApiMutation({
    mutationFn: (measurementId: string) =>
      request<void>("DELETE", `${base(orgId)}/participants/${participantId}/measurements/${measurementId}`),
    invalidates: [keys.participant(orgId, participantId), keys.due(orgId)],
  });
}

export function useCreateSelfRatingLink(orgId: string, participantId: string) {
  return useApiMutation({
    mutationFn: (body: { instrumentVersionId: string; expiresInHours: number }) =>
      request<SelfRatingLink>("POST", `${base(orgId)}/participants/${participantId}/self-rating-links`, {
        body,
      }),
  });
}

export function accessLogQuery(orgId: string, participantId: string | undefined, cursor: string | undefined) {
  return queryOptions({
    queryKey: [...keys.all(orgId), "access-log", participantId, cursor],
    queryFn: () =>
      request<Page<AccessLogEntry>>(
        "GET",
        withQuery(`${base(orgId)}/access-log`, { participantId, cursor, limit: PAGE_SIZE }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function reportOptionsQuery(orgId: string) {
  return queryOptions({
    queryKey: [...keys.all(orgId), "report-options"],
    queryFn: () => request<ReportOptions>("GET", `${base(orgId)}/report-options`),
  });
}

export function reportQuery(orgId: string, query: ReportQuery) {
  return queryOptions({
    queryKey: [...keys.all(orgId), "report", query],
    queryFn: () => request<Report>("GET", withQuery(`${base(orgId)}/reports`, { ...query })),
    placeholderData: keepPreviousData,
  });
}

export function reportCsvUrl(orgId: string, query: ReportQuery): string {
  return withQuery(`${base(orgId)}/reports/export`, { ...query });
}

export function settingsQuery(orgId: string) {
  return queryOptions({
    queryKey: keys.settings(orgId),
    queryFn: () => request<ProgressionSettings>("GET", `${base(orgId)}/settings`),
  });
}

export function useSaveSettings(orgId: string) {
  return useApiMutation({
    mutationFn: (body: ProgressionSettings) =>
      request<ProgressionSettings>("PUT", `${base(orgId)}/settings`, { body }),
    invalidates: [keys.settings(orgId)],
  });
}

export function interventionInstrumentsQuery(orgId: string, interventionId: string) {
  return queryOptions({
    queryKey: [...keys.interventionInstruments(orgId), interventionId],
    queryFn: () =>
      request<{ items: ChosenVersion[] }>(
        "GET",
        `/v1/orgs/${orgId}/interventions/${interventionId}/progression-instruments`,
      ),
  });
}

export function useSetInterventionInstruments(orgId: string, interventionId: string) {
  return useApiMutation({
    mutationFn: (versionIds: string[]) =>
      request<{ items: ChosenVersion[] }>(
        "PUT",
        `/v1/orgs/${orgId}/interventions/${interventionId}/progression-instruments`,
        { body: { versionIds } },
      ),
    invalidates: [keys.interventionInstruments(orgId), keys.participants(orgId)],
  });
}

/** The förbund's own insatser, to register participants in and to choose instruments for. */
export function interventionsQuery(orgId: string) {
  return queryOptions({
    queryKey: [...keys.all(orgId), "interventions"],
    queryFn: async () =>
      (
        await request<Page<{ id: string; state: string; content: { title: string } }>>(
          "GET",
          withQuery(`/v1/orgs/${orgId}/interventions`, { limit: 100 }),
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
        await request<Page<{ userId: string; name: string; role: string }>>(
          "GET",
          withQuery(`/v1/orgs/${orgId}/members`, { limit: 100 }),
        )
      ).data
        .filter((member) => member.role === "coach" || member.role === "org_admin")
        .map((member) => ({ id: member.userId, label: member.name })),
  });
}

export function instrumentsQuery(orgId: string) {
  return queryOptions({
    queryKey: [...keys.instruments(orgId), "list"],
    queryFn: () => request<{ data: Instrument[] }>("GET", `${base(orgId)}/instruments`),
  });
}

export function instrumentQuery(orgId: string, instrumentId: string) {
  return queryOptions({
    queryKey: [...keys.instrument(orgId, instrumentId), "detail"],
    queryFn: () => request<Instrument>("GET", `${base(orgId)}/instruments/${instrumentId}`),
  });
}

/** A version's definition; published versions never change, so once read it is kept. */
export function versionQuery(orgId: string, instrumentId: string, versionId: string) {
  return queryOptions({
    queryKey: [...keys.instrument(orgId, instrumentId), "version", versionId],
    queryFn: () =>
      request<InstrumentVersion>("GET", `${base(orgId)}/instruments/${instrumentId}/versions/${versionId}`),
  });
}

export function mappingsQuery(orgId: string, instrumentId: string, versionId: string) {
  return queryOptions({
    queryKey: [...keys.instrument(orgId, instrumentId), "version", versionId, "mappings"],
    queryFn: () =>
      request<{ data: ItemMapping[] }>(
        "GET",
        `${base(orgId)}/instruments/${instrumentId}/versions/${versionId}/mappings`,
      ),
  });
}

export function useCreateInstrument(orgId: string) {
  return useApiMutation({
    mutationFn: (body: { key: string; name: string; description: string | null }) =>
      request<Instrument>("POST", `${base(orgId)}/instruments`, { body }),
    invalidates: [keys.instruments(orgId)],
  });
}

export function useUpdateInstrument(orgId: string, instrument: Instrument) {
  return useApiMutation({
    mutationFn: (body: {
      name: string;
      description: string | null;
      placeholder: boolean;
      archived: boolean;
    }) =>
      request<Instrument>("PATCH", `${base(orgId)}/instruments/${instrument.id}`, {
        body,
        headers: ifMatch(instrument.version),
      }),
    invalidates: [keys.instruments(orgId)],
    invalidateOnError: true,
  });
}

export function useCreateVersion(orgId: string, instrumentId: string) {
  return useApiMutation({
    mutationFn: (body: { definition: InstrumentDefinition; changeNote?: string }) =>
      request<InstrumentVersion>("POST", `${base(orgId)}/instruments/${instrumentId}/versions`, { body }),
    invalidates: [keys.instruments(orgId)],
  });
}

/** A CSV or JSON file as it was chosen; the API reads either and names the row of every mistake. */
export function useImportVersion(orgId: string, instrumentId: string) {
  return useApiMutation({
    mutationFn: (file: { type: "text/csv" | "application/json"; content: string }) =>
      request<InstrumentVersion>("POST", `${base(orgId)}/instruments/${instrumentId}/versions/import`, {
        text: file,
      }),
    invalidates: [keys.instruments(orgId)],
  });
}

const versionPath = (orgId: string, version: InstrumentVersion) =>
  `${base(orgId)}/instruments/${version.instrumentId}/versions/${version.id}`;

export function useSaveDraft(orgId: string, version: InstrumentVersion) {
  return useApiMutation({
    mutationFn: (body: { definition: InstrumentDefinition; changeNote: string | null }) =>
      request<InstrumentVersion>("PUT", versionPath(orgId, version), {
        body,
        headers: ifMatch(version.version),
      }),
    invalidates: [keys.instrument(orgId, version.instrumentId), keys.instruments(orgId)],
    invalidateOnError: true,
  });
}

export function useDeleteDraft(orgId: string, version: InstrumentVersion) {
  return useApiMutation({
    mutationFn: () => request<void>("DELETE", versionPath(orgId, version)),
    invalidates: [keys.instruments(orgId)],
  });
}

export function useVersionStep(orgId: string, version: InstrumentVersion) {
  return useApiMutation({
    mutationFn: (step: "publish" | "retire") =>
      request<InstrumentVersion>("POST", `${versionPath(orgId, version)}/${step}`, {
        headers: ifMatch(version.version),
      }),
    invalidates: [keys.instrument(orgId, version.instrumentId), keys.instruments(orgId)],
    invalidateOnError: true,
  });
}

export function useSaveMappings(orgId: string, version: InstrumentVersion) {
  return useApiMutation({
    mutationFn: (body: { fromVersionId: string; items: { from: string; to: string }[] }) =>
      request<ItemMapping>("PUT", `${versionPath(orgId, version)}/mappings`, { body }),
    invalidates: [keys.instrument(orgId, version.instrumentId)],
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
