import type { Schemas } from "@nns/api-client";
import { type QueryKey, queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, call } from "../../lib/api";
import { useApiMutation } from "../../lib/mutation";
import { forbundQuery } from "../../lib/reference";
import { localProblem } from "./localErrors";
import "./i18n";

export type Intervention = Schemas["Intervention"];
export type InterventionContent = Schemas["InterventionContent"];
export type InterventionState = Intervention["state"];
export type InterventionResult = Schemas["InterventionResultReport"];
export type ResultInput = Schemas["ResultInput"];
export type InterventionVersion = Schemas["InterventionVersion"];
export type FieldChange = Schemas["FieldChange"];
export type CoOwner = Schemas["CoOwner"];
export type Vocabularies = Schemas["CatalogVocabularies"];
export type QueueEntry = Schemas["EditorialQueuePage"]["data"][number];
export type InterventionProject = Schemas["InterventionProject"];
export type WorkflowAction = "submit" | "withdraw" | "publish" | "return" | "archive";
/** Problems the form found before sending, by field name; any of them stops the request. */
type LocalErrors = Record<string, string>;

export const PAGE_SIZE = 50;

/** Everything about one organization's interventions sits under ["org", orgId, "interventions"]. */
const interventionKeys = {
  all: (orgId: string) => ["org", orgId, "interventions"] as const,
  detail: (orgId: string, id: string) => ["org", orgId, "interventions", id] as const,
  coOwners: (orgId: string, id: string) => ["org", orgId, "interventions", id, "co-owners"] as const,
  settings: (orgId: string) => ["org", orgId, "catalog-settings"] as const,
  invitations: (orgId: string) => ["org", orgId, "co-ownership-invitations"] as const,
  queue: ["nns", "catalog", "queue"] as const,
};

/**
 * What any change to an intervention makes stale: its own data (or, with no one entry in question, all
 * of the organization's), the lists that show it and NNS's queue.
 */
function interventionChanged(orgId: string, interventionId?: string): QueryKey[] {
  return [
    interventionId ? interventionKeys.detail(orgId, interventionId) : interventionKeys.all(orgId),
    [...interventionKeys.all(orgId), "list"],
    interventionKeys.queue,
  ];
}

/** Turns the form's own findings into the error the API would give, so they show the same way. */
function useRejectLocal() {
  const { t } = useTranslation("catalog");
  return (local: LocalErrors) => {
    if (Object.keys(local).length > 0) throw localProblem(local, t("form.badInput"));
  };
}

export function useInterventionsPage(orgId: string, state: InterventionState | "all", cursor?: string) {
  return useQuery({
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
export function useIntervention(orgId: string, interventionId: string) {
  return useQuery({
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

export function useResults(orgId: string, interventionId: string) {
  return useQuery({
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

/** An entry's delprojekt, who runs them and where, and their results added up. */
export function useProject(orgId: string, interventionId: string) {
  return useQuery({
    queryKey: [...interventionKeys.detail(orgId, interventionId), "project"],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/interventions/{interventionId}/project", {
          params: { path: { orgId, interventionId } },
        }),
      ),
  });
}

export function useVersions(orgId: string, interventionId: string) {
  return useQuery({
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

export function useVersionDiff(orgId: string, interventionId: string, from?: number, to?: number) {
  return useQuery({
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

export function useCoOwners(orgId: string, interventionId: string) {
  return useQuery({
    queryKey: interventionKeys.coOwners(orgId, interventionId),
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

export function useCoOwnershipInvitations(orgId: string) {
  return useQuery({
    queryKey: interventionKeys.invitations(orgId),
    queryFn: async () =>
      (await call(api.GET("/orgs/{orgId}/co-ownership-invitations", { params: { path: { orgId } } }))).data,
  });
}

export function useCatalogSettings(orgId: string) {
  return useQuery({
    queryKey: interventionKeys.settings(orgId),
    queryFn: () => call(api.GET("/orgs/{orgId}/catalog-settings", { params: { path: { orgId } } })),
  });
}

/** NNS's editorial queue; its route (under /nns) is only open to NNS administrators. */
export function useEditorialQueue(cursor: string | undefined) {
  return useQuery({
    queryKey: [...interventionKeys.queue, cursor ?? null],
    queryFn: () =>
      call(
        api.GET("/nns/catalog/queue", {
          params: { query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
        }),
      ),
  });
}

/** Who submitted an entry and what they wrote to the editors: for NNS's reviewer. */
export function useSubmission(orgId: string, interventionId: string) {
  return useQuery({
    queryKey: [...interventionKeys.detail(orgId, interventionId), "submission"],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/interventions/{interventionId}/submission", {
          params: { path: { orgId, interventionId } },
        }),
      ),
  });
}

/**
 * The catalogue's vocabularies, retired terms included (marked): stored content may still name them and
 * shows their labels. They change only when NNS edits them.
 */
const vocabulariesQuery = queryOptions({
  queryKey: ["catalog", "vocabularies", "with-retired"],
  queryFn: () => call(api.GET("/catalog/vocabularies", { params: { query: { includeRetired: "true" } } })),
  staleTime: 5 * 60_000,
});

/** The terms that may be chosen: those in use, and retired ones the stored content already has. */
export function choosable<T extends { code: string; retired: boolean }>(
  terms: T[],
  kept: readonly string[],
): T[] {
  return terms.filter((term) => !term.retired || kept.includes(term.code));
}

export function useVocabularies() {
  return useQuery(vocabulariesQuery);
}

/** The förbund that can be invited as co-owners: the platform's public directory. */
export function useForbundChoices(enabled: boolean) {
  return useQuery({ ...forbundQuery, enabled });
}

/**
 * Creates a draft, or saves a new revision of an existing one with the ETag it was read with (a 412 means
 * someone saved in between). One idempotency key per form, so a resent create makes one draft. `onSaved`
 * runs with the mutation, not as a mutate() callback: the refetched entry has a new version, which mounts
 * a fresh edit form, and a callback of the old form's mutate() would never run.
 */
export function useSaveIntervention(
  orgId: string,
  existing: { id: string; etag: string | null } | undefined,
  onSaved: (saved: Intervention) => unknown,
) {
  const rejectLocal = useRejectLocal();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  return useApiMutation({
    mutationFn: async ({
      local,
      ...body
    }: {
      parentId: string | null;
      content: InterventionContent;
      local: LocalErrors;
    }) => {
      rejectLocal(local);
      if (existing) {
        return call(
          api.PUT("/orgs/{orgId}/interventions/{interventionId}", {
            params: {
              path: { orgId, interventionId: existing.id },
              header: existing.etag ? { "if-match": existing.etag } : {},
            },
            body,
          }),
        );
      }
      return call(
        api.POST("/orgs/{orgId}/interventions", {
          params: { path: { orgId }, header: { "idempotency-key": idempotencyKey } },
          body,
        }),
      );
    },
    invalidates: interventionChanged(orgId, existing?.id),
    onSuccess: (saved) => onSaved(saved),
  });
}

/** CSV import: everything or nothing. */
export function useImportInterventions(orgId: string) {
  return useApiMutation({
    mutationFn: (csv: string) =>
      call(api.POST("/orgs/{orgId}/interventions/import", { params: { path: { orgId } }, body: { csv } })),
    invalidates: interventionChanged(orgId),
  });
}

/** The five workflow routes take and answer the same shapes; only the last segment differs. */
type WorkflowPath = "/orgs/{orgId}/interventions/{interventionId}/submit";

/** A workflow step on the entry as it was read: the ETag makes a step on a stale copy fail with 412. */
export function useWorkflowStep(orgId: string, interventionId: string, etag: string | null) {
  return useApiMutation({
    mutationFn: ({ action, comment }: { action: WorkflowAction; comment: string }) =>
      call(
        api.POST(`/orgs/{orgId}/interventions/{interventionId}/${action}` as WorkflowPath, {
          params: {
            path: { orgId, interventionId },
            header: etag ? { "if-match": etag } : {},
          },
          body: { comment: comment.trim() || null },
        }),
      ),
    invalidates: interventionChanged(orgId, interventionId),
  });
}

export function useInviteCoOwner(orgId: string, interventionId: string) {
  return useApiMutation({
    mutationFn: (organizationId: string) =>
      call(
        api.POST("/orgs/{orgId}/interventions/{interventionId}/co-owners", {
          params: { path: { orgId, interventionId } },
          body: { organizationId },
        }),
      ),
    invalidates: [interventionKeys.coOwners(orgId, interventionId)],
  });
}

/**
 * The owner removes a co-owner, or a co-owner removes itself: leaving takes the entry out of its own
 * lists, so then those lists are refreshed, not only the co-owners.
 */
export function useRemoveCoOwner(orgId: string, interventionId: string) {
  const queryClient = useQueryClient();
  return useApiMutation({
    mutationFn: (coOwnerId: string) =>
      call(
        api.DELETE("/orgs/{orgId}/interventions/{interventionId}/co-owners/{coOwnerId}", {
          params: { path: { orgId, interventionId, coOwnerId } },
        }),
      ),
    invalidates: [interventionKeys.coOwners(orgId, interventionId)],
    onSuccess: (_, coOwnerId) =>
      coOwnerId === orgId
        ? Promise.all(
            interventionChanged(orgId).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
          )
        : undefined,
  });
}

export function useAcceptCoOwnership(orgId: string) {
  return useApiMutation({
    mutationFn: (interventionId: string) =>
      call(
        api.POST("/orgs/{orgId}/interventions/{interventionId}/co-ownership/accept", {
          params: { path: { orgId, interventionId } },
        }),
      ),
    invalidates: [interventionKeys.invitations(orgId), ...interventionChanged(orgId)],
  });
}

/** NNS's editorial team grants or withdraws a förbund's right to publish without review. */
export function useSetSelfPublishing(orgId: string) {
  const queryClient = useQueryClient();
  // The answer is the new settings: stored as they are, with no second request for them.
  return useApiMutation({
    mutationFn: (selfPublishing: boolean) =>
      call(
        api.PUT("/orgs/{orgId}/catalog-settings", { params: { path: { orgId } }, body: { selfPublishing } }),
      ),
    onSuccess: (data) => queryClient.setQueryData(interventionKeys.settings(orgId), data),
  });
}

/** NNS's editors (or a self-publishing förbund's admin) publish a submitted report. */
export function usePublishResults(orgId: string, interventionId: string) {
  return useApiMutation({
    mutationFn: (resultId: string) =>
      call(
        api.POST("/orgs/{orgId}/interventions/{interventionId}/results/{resultId}/publish", {
          params: { path: { orgId, interventionId, resultId } },
        }),
      ),
    invalidates: [interventionKeys.detail(orgId, interventionId)],
  });
}

/** One reporting period's figures; the API derives the shares, which the intervention's pages show. */
export function useSaveResults(orgId: string, interventionId: string) {
  const rejectLocal = useRejectLocal();
  return useApiMutation({
    mutationFn: ({ local, ...body }: ResultInput & { local: LocalErrors }) => {
      rejectLocal(local);
      return call(
        api.PUT("/orgs/{orgId}/interventions/{interventionId}/results", {
          params: { path: { orgId, interventionId } },
          body,
        }),
      );
    },
    invalidates: [interventionKeys.detail(orgId, interventionId)],
  });
}
