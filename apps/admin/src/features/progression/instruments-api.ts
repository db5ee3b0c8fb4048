import { queryOptions } from "@tanstack/react-query";
import { api, call } from "../../lib/api";
import { useApiMutation } from "../../lib/mutation";
import { ifMatch, keys } from "./api";
import type { InstrumentDefinition, InstrumentVersion } from "./types";

export function instrumentsQuery(orgId: string) {
  return queryOptions({
    queryKey: [...keys.instruments(orgId), "list"],
    queryFn: () => call(api.GET("/orgs/{orgId}/progression/instruments", { params: { path: { orgId } } })),
  });
}

export function instrumentQuery(orgId: string, instrumentId: string) {
  return queryOptions({
    queryKey: [...keys.instrument(orgId, instrumentId), "detail"],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/progression/instruments/{instrumentId}", {
          params: { path: { orgId, instrumentId } },
        }),
      ),
  });
}

export function versionQuery(orgId: string, instrumentId: string, versionId: string) {
  return queryOptions({
    queryKey: [...keys.instrument(orgId, instrumentId), "version", versionId],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/progression/instruments/{instrumentId}/versions/{versionId}", {
          params: { path: { orgId, instrumentId, versionId } },
        }),
      ),
  });
}

export function mappingsQuery(orgId: string, instrumentId: string, versionId: string) {
  return queryOptions({
    queryKey: [...keys.instrument(orgId, instrumentId), "version", versionId, "mappings"],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/progression/instruments/{instrumentId}/versions/{versionId}/mappings", {
          params: { path: { orgId, instrumentId, versionId } },
        }),
      ),
  });
}

export function useCreateInstrument(orgId: string) {
  return useApiMutation({
    mutationFn: (body: { key: string; name: string; description: string | null }) =>
      call(api.POST("/orgs/{orgId}/progression/instruments", { params: { path: { orgId } }, body })),
    invalidates: [keys.instruments(orgId)],
  });
}

export function useUpdateInstrument(orgId: string, instrument: { id: string; version: number }) {
  return useApiMutation({
    mutationFn: (body: {
      name: string;
      description: string | null;
      placeholder: boolean;
      archived: boolean;
    }) =>
      call(
        api.PATCH("/orgs/{orgId}/progression/instruments/{instrumentId}", {
          params: { path: { orgId, instrumentId: instrument.id }, header: ifMatch(instrument.version) },
          body,
        }),
      ),
    invalidates: [keys.instruments(orgId)],
    invalidateOnError: true,
  });
}

export function useCreateVersion(orgId: string, instrumentId: string) {
  return useApiMutation({
    mutationFn: (body: { definition: InstrumentDefinition; changeNote?: string }) =>
      call(
        api.POST("/orgs/{orgId}/progression/instruments/{instrumentId}/versions", {
          params: { path: { orgId, instrumentId } },
          body,
        }),
      ),
    invalidates: [keys.instruments(orgId)],
  });
}

/**
 * A CSV or JSON file as it was chosen, sent as it is: the API reads either and names the row of every
 * mistake.
 */
export function useImportVersion(orgId: string, instrumentId: string) {
  return useApiMutation({
    mutationFn: (file: { type: "text/csv" | "application/json"; content: string }) =>
      call(
        api.POST("/orgs/{orgId}/progression/instruments/{instrumentId}/versions/import", {
          params: { path: { orgId, instrumentId } },
          // The body is the file's own text, in its own type; the client would otherwise encode it as JSON.
          body: file.content as never,
          bodySerializer: (body: unknown) => body as string,
          headers: { "content-type": file.type },
        }),
      ),
    invalidates: [keys.instruments(orgId)],
  });
}

const versionParams = (orgId: string, version: InstrumentVersion) => ({
  path: { orgId, instrumentId: version.instrumentId, versionId: version.id },
});

export function useSaveDraft(orgId: string, version: InstrumentVersion) {
  return useApiMutation({
    mutationFn: (body: { definition: InstrumentDefinition; changeNote: string | null }) =>
      call(
        api.PUT("/orgs/{orgId}/progression/instruments/{instrumentId}/versions/{versionId}", {
          params: { ...versionParams(orgId, version), header: ifMatch(version.version) },
          body,
        }),
      ),
    invalidates: [keys.instrument(orgId, version.instrumentId), keys.instruments(orgId)],
    invalidateOnError: true,
  });
}

export function useDeleteDraft(orgId: string, version: InstrumentVersion) {
  return useApiMutation({
    mutationFn: () =>
      call(
        api.DELETE("/orgs/{orgId}/progression/instruments/{instrumentId}/versions/{versionId}", {
          params: versionParams(orgId, version),
        }),
      ),
    invalidates: [keys.instruments(orgId)],
  });
}

export function useVersionStep(orgId: string, version: InstrumentVersion) {
  return useApiMutation({
    mutationFn: (step: "publish" | "retire") => {
      const params = { ...versionParams(orgId, version), header: ifMatch(version.version) };
      return call(
        step === "publish"
          ? api.POST("/orgs/{orgId}/progression/instruments/{instrumentId}/versions/{versionId}/publish", {
              params,
            })
          : api.POST("/orgs/{orgId}/progression/instruments/{instrumentId}/versions/{versionId}/retire", {
              params,
            }),
      );
    },
    invalidates: [keys.instrument(orgId, version.instrumentId), keys.instruments(orgId)],
    invalidateOnError: true,
  });
}

export function useSaveMappings(orgId: string, version: InstrumentVersion) {
  return useApiMutation({
    mutationFn: (body: { fromVersionId: string; items: { from: string; to: string }[] }) =>
      call(
        api.PUT("/orgs/{orgId}/progression/instruments/{instrumentId}/versions/{versionId}/mappings", {
          params: versionParams(orgId, version),
          body,
        }),
      ),
    invalidates: [keys.instrument(orgId, version.instrumentId)],
  });
}
