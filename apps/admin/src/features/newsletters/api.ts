import type { Schemas } from "@nns/api-client";
import { type QueryKey, queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { api, call } from "../../lib/api";
import { useApiMutation } from "../../lib/mutation";

export type Publication = Schemas["Newsletter"];
export type Publisher = Schemas["NewsletterPublisher"];
export type PublicationInput = Schemas["NewsletterInput"];
export type Issue = Schemas["NewsletterIssue"];
export type Section = Schemas["NewsletterSection"];
export type SectionInput = Schemas["NewsletterSectionInput"];
export type IssueStatus = Issue["status"];

/**
 * Everything about one förbund's newsletters sits under ["org", orgId, "newsletters"]; a publication's
 * issues (and their previews) under its own key, so one invalidation refreshes what a change touches.
 */
const keys = {
  all: (orgId: string) => ["org", orgId, "newsletters"] as const,
  list: (orgId: string) => [...keys.all(orgId), "list"] as const,
  invitations: (orgId: string) => [...keys.all(orgId), "invitations"] as const,
  publication: (orgId: string, publicationId: string) =>
    [...keys.all(orgId), "publication", publicationId] as const,
  issues: (orgId: string, publicationId: string) =>
    [...keys.publication(orgId, publicationId), "issues"] as const,
  issue: (orgId: string, publicationId: string, issueId: string) =>
    [...keys.issues(orgId, publicationId), issueId] as const,
};

/** The API's ETags are the quoted version, so the version a view was read with is its If-Match. */
const ifMatch = (version: number) => ({ "if-match": `"${version}"` });

export function publicationsQuery(orgId: string) {
  return queryOptions({
    queryKey: keys.list(orgId),
    queryFn: async () =>
      (await call(api.GET("/orgs/{orgId}/newsletters", { params: { path: { orgId } } }))).data,
  });
}

export function invitationsQuery(orgId: string) {
  return queryOptions({
    queryKey: keys.invitations(orgId),
    queryFn: async () =>
      (await call(api.GET("/orgs/{orgId}/newsletter-invitations", { params: { path: { orgId } } }))).data,
  });
}

export function publicationQuery(orgId: string, publicationId: string) {
  return queryOptions({
    queryKey: [...keys.publication(orgId, publicationId), "detail"],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/newsletters/{publicationId}", {
          params: { path: { orgId, publicationId } },
        }),
      ),
  });
}

export function issuesQuery(orgId: string, publicationId: string) {
  return queryOptions({
    queryKey: [...keys.issues(orgId, publicationId), "list"],
    queryFn: async () =>
      (
        await call(
          api.GET("/orgs/{orgId}/newsletters/{publicationId}/issues", {
            params: { path: { orgId, publicationId } },
          }),
        )
      ).data,
  });
}

export function issueQuery(orgId: string, publicationId: string, issueId: string) {
  return queryOptions({
    queryKey: [...keys.issue(orgId, publicationId, issueId), "detail"],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}", {
          params: { path: { orgId, publicationId, issueId } },
        }),
      ),
  });
}

/** The issue as it will be sent; refreshed with the issue, since every change to it changes this. */
export function previewQuery(orgId: string, publicationId: string, issueId: string) {
  return queryOptions({
    queryKey: [...keys.issue(orgId, publicationId, issueId), "preview"],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/preview", {
          params: { path: { orgId, publicationId, issueId } },
        }),
      ),
  });
}

export function useCreatePublication(orgId: string) {
  return useApiMutation({
    mutationFn: (body: PublicationInput) =>
      call(api.POST("/orgs/{orgId}/newsletters", { params: { path: { orgId } }, body })),
    invalidates: [keys.list(orgId)],
  });
}

/** The owner's settings, saved against the version the form was filled from (412 if someone saved since). */
export function useUpdatePublication(orgId: string, publication: Publication) {
  return useApiMutation({
    mutationFn: (body: PublicationInput) =>
      call(
        api.PATCH("/orgs/{orgId}/newsletters/{publicationId}", {
          params: { path: { orgId, publicationId: publication.id }, header: ifMatch(publication.version) },
          body,
        }),
      ),
    invalidates: [keys.all(orgId)],
    invalidateOnError: true,
  });
}

export function useAcceptInvitation(orgId: string) {
  return useApiMutation({
    mutationFn: (publicationId: string) =>
      call(
        api.POST("/orgs/{orgId}/newsletters/{publicationId}/publishing/accept", {
          params: { path: { orgId, publicationId } },
        }),
      ),
    invalidates: [keys.all(orgId)],
  });
}

export function useInvitePublisher(orgId: string, publicationId: string) {
  return useApiMutation({
    mutationFn: (organizationId: string) =>
      call(
        api.POST("/orgs/{orgId}/newsletters/{publicationId}/publishers", {
          params: { path: { orgId, publicationId } },
          body: { organizationId },
        }),
      ),
    invalidates: [keys.publication(orgId, publicationId), keys.list(orgId)],
  });
}

/** The owner removes a co-publisher, or a co-publisher removes itself (leaves). */
export function useRemovePublisher(orgId: string, publicationId: string) {
  return useApiMutation({
    mutationFn: (publisherId: string) =>
      call(
        api.DELETE("/orgs/{orgId}/newsletters/{publicationId}/publishers/{publisherId}", {
          params: { path: { orgId, publicationId, publisherId } },
        }),
      ),
    invalidates: [keys.all(orgId)],
  });
}

export function useSetContact(orgId: string, publicationId: string) {
  return useApiMutation({
    mutationFn: (contact: string) =>
      call(
        api.PUT("/orgs/{orgId}/newsletters/{publicationId}/contact", {
          params: { path: { orgId, publicationId } },
          body: { contact },
        }),
      ),
    // The footer line is in every preview too.
    invalidates: [keys.publication(orgId, publicationId)],
  });
}

export function useCreateIssue(orgId: string, publicationId: string) {
  return useApiMutation({
    mutationFn: (body: { subject: string; preheader: string }) =>
      call(
        api.POST("/orgs/{orgId}/newsletters/{publicationId}/issues", {
          params: { path: { orgId, publicationId } },
          body,
        }),
      ),
    invalidates: [keys.issues(orgId, publicationId)],
  });
}

/**
 * Every write to an issue answers with the issue, but sections, approvals, status and the preview all
 * follow from it, and the publication's list shows its status: all of them are refreshed.
 */
function issueChanged(
  orgId: string,
  publicationId: string,
): { invalidates: QueryKey[]; invalidateOnError: true } {
  return { invalidates: [keys.issues(orgId, publicationId)], invalidateOnError: true };
}

export function useUpdateIssue(orgId: string, issue: Issue) {
  return useApiMutation({
    mutationFn: (body: { subject: string; preheader: string }) =>
      call(
        api.PATCH("/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}", {
          params: {
            path: { orgId, publicationId: issue.publicationId, issueId: issue.id },
            header: ifMatch(issue.version),
          },
          body,
        }),
      ),
    ...issueChanged(orgId, issue.publicationId),
  });
}

export function useAddSection(orgId: string, issue: Issue) {
  return useApiMutation({
    mutationFn: (body: SectionInput) =>
      call(
        api.POST("/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/sections", {
          params: { path: { orgId, publicationId: issue.publicationId, issueId: issue.id } },
          body,
        }),
      ),
    ...issueChanged(orgId, issue.publicationId),
  });
}

function sectionPath(orgId: string, issue: Issue, section: Section) {
  return { orgId, publicationId: issue.publicationId, issueId: issue.id, sectionId: section.id };
}

/** A change and an approval are sent against the section's version: one approves exactly the text read. */
export function useUpdateSection(orgId: string, issue: Issue, section: Section) {
  return useApiMutation({
    mutationFn: (body: SectionInput) =>
      call(
        api.PATCH("/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/sections/{sectionId}", {
          params: { path: sectionPath(orgId, issue, section), header: ifMatch(section.version) },
          body,
        }),
      ),
    ...issueChanged(orgId, issue.publicationId),
  });
}

export function useApproveSection(orgId: string, issue: Issue, section: Section) {
  return useApiMutation({
    mutationFn: () =>
      call(
        api.POST("/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/sections/{sectionId}/approve", {
          params: { path: sectionPath(orgId, issue, section), header: ifMatch(section.version) },
        }),
      ),
    ...issueChanged(orgId, issue.publicationId),
  });
}

export function useDeleteSection(orgId: string, issue: Issue, section: Section) {
  return useApiMutation({
    mutationFn: () =>
      call(
        api.DELETE("/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/sections/{sectionId}", {
          params: { path: sectionPath(orgId, issue, section) },
        }),
      ),
    ...issueChanged(orgId, issue.publicationId),
  });
}

export function useOrderSections(orgId: string, issue: Issue) {
  return useApiMutation({
    mutationFn: (sectionIds: string[]) =>
      call(
        api.PUT("/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/section-order", {
          params: {
            path: { orgId, publicationId: issue.publicationId, issueId: issue.id },
            header: ifMatch(issue.version),
          },
          body: { sectionIds },
        }),
      ),
    ...issueChanged(orgId, issue.publicationId),
  });
}

export type IssueStep = { step: "ready" } | { step: "draft" } | { step: "schedule"; scheduledAt: string };

/** The owner's steps through the workflow: ready, scheduled, back to draft. */
export function useIssueStep(orgId: string, issue: Issue) {
  return useApiMutation({
    mutationFn: (step: IssueStep) => {
      const params = {
        path: { orgId, publicationId: issue.publicationId, issueId: issue.id },
        header: ifMatch(issue.version),
      };
      if (step.step === "schedule")
        return call(
          api.POST("/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/schedule", {
            params,
            body: { scheduledAt: step.scheduledAt },
          }),
        );
      return call(
        step.step === "ready"
          ? api.POST("/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/ready", { params })
          : api.POST("/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/draft", { params }),
      );
    },
    ...issueChanged(orgId, issue.publicationId),
  });
}

export type SendingProgress = Schemas["NewsletterSendingProgress"];
export type SendingStep = "send" | "pause" | "resume" | "cancel";

/** Deliveries exist once sending has started: before that there are no figures to ask for. */
const HAS_DELIVERIES: readonly IssueStatus[] = ["sending", "paused", "sent", "cancelled"];

/**
 * The issue's sending figures, asked for every 2 s while it is being sent or paused (a paused issue may be
 * resumed from another screen). When the answer shows the issue has moved on (sent), the issue itself is
 * refreshed too, so the page's status and actions follow.
 */
export function useSendingProgress(orgId: string, issue: Issue) {
  const queryClient = useQueryClient();
  const progress = useQuery({
    queryKey: [...keys.issue(orgId, issue.publicationId, issue.id), "progress"],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/progress", {
          params: { path: { orgId, publicationId: issue.publicationId, issueId: issue.id } },
        }),
      ),
    enabled: HAS_DELIVERIES.includes(issue.status),
    refetchInterval: (query) => {
      const status = query.state.data?.status ?? issue.status;
      return status === "sending" || status === "paused" ? 2_000 : false;
    },
  });
  const seen = progress.data?.status;
  useEffect(() => {
    if (seen && seen !== issue.status)
      void queryClient.invalidateQueries({ queryKey: keys.issues(orgId, issue.publicationId) });
  }, [seen, issue.status, orgId, issue.publicationId, queryClient]);
  return progress;
}

/** Send now, pause, resume, cancel: the owner's steps once the issue is ready. */
export function useSendingStep(orgId: string, issue: Issue) {
  return useApiMutation({
    mutationFn: (step: SendingStep) => {
      const params = { path: { orgId, publicationId: issue.publicationId, issueId: issue.id } };
      switch (step) {
        case "send":
          return call(
            api.POST("/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/send", { params }),
          );
        case "pause":
          return call(
            api.POST("/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/pause", { params }),
          );
        case "resume":
          return call(
            api.POST("/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/resume", { params }),
          );
        case "cancel":
          return call(
            api.POST("/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/cancel", { params }),
          );
      }
    },
    ...issueChanged(orgId, issue.publicationId),
  });
}

/** A copy of the issue to the signed-in person's own address. */
export function useTestSend(orgId: string, issue: Issue) {
  return useApiMutation({
    mutationFn: () =>
      call(
        api.POST("/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/test-send", {
          params: { path: { orgId, publicationId: issue.publicationId, issueId: issue.id } },
        }),
      ),
  });
}
