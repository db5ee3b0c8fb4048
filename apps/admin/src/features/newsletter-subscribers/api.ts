import type { Schemas } from "@nns/api-client";
import type { SubscriberStatus } from "@nns/domain/newsletters";
import { queryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { api, call } from "../../lib/api";
import { useApiMutation } from "../../lib/mutation";

export type Subscriber = Schemas["Subscriber"];
export type ImportReport = Schemas["SubscriberImportReport"];

const PAGE_SIZE = 50;

export interface SubscriberFilters {
  status?: SubscriberStatus;
  q?: string;
}

const subscriberKeys = {
  list: (orgId: string, publicationId: string) =>
    ["org", orgId, "newsletters", publicationId, "subscribers"] as const,
};

const inPublication = (orgId: string, publicationId: string) => ({
  params: { path: { orgId, publicationId } },
});

/** The publication's name and sender, for the page's title and the suggested consent text. */
export function publicationQuery(orgId: string, publicationId: string) {
  return queryOptions({
    queryKey: ["org", orgId, "newsletters", publicationId, "publication"],
    queryFn: () =>
      call(api.GET("/orgs/{orgId}/newsletters/{publicationId}", inPublication(orgId, publicationId))),
  });
}

/**
 * The list grows page by page ("Visa fler") instead of replacing one page with the next: someone working
 * down a long list keeps what they have read above. The filters are part of the key, so a new search
 * starts again from the first page.
 */
export function useSubscribers(orgId: string, publicationId: string, filters: SubscriberFilters) {
  return useInfiniteQuery({
    queryKey: [...subscriberKeys.list(orgId, publicationId), filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET("/orgs/{orgId}/newsletters/{publicationId}/subscribers", {
          params: {
            path: { orgId, publicationId },
            query: {
              limit: PAGE_SIZE,
              ...(filters.status ? { status: filters.status } : {}),
              ...(filters.q ? { q: filters.q } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** The export is a plain link with the session cookie: the API names the file and the browser saves it. */
export const exportUrl = (orgId: string, publicationId: string) =>
  `/v1/orgs/${orgId}/newsletters/${publicationId}/subscribers/export`;

export interface NewSubscriberBody {
  email: string;
  name: string | null;
  consentText: string;
  attestConsent: boolean;
}

export function useAddSubscriber(orgId: string, publicationId: string) {
  return useApiMutation({
    mutationFn: (body: NewSubscriberBody) =>
      call(
        api.POST("/orgs/{orgId}/newsletters/{publicationId}/subscribers", {
          ...inPublication(orgId, publicationId),
          body,
        }),
      ),
    invalidates: [subscriberKeys.list(orgId, publicationId)],
  });
}

export interface ImportBody {
  csv: string;
  consentText: string;
  attestConsent: boolean;
}

export function useImportSubscribers(orgId: string, publicationId: string) {
  return useApiMutation({
    mutationFn: (body: ImportBody) =>
      call(
        api.POST("/orgs/{orgId}/newsletters/{publicationId}/subscribers/import", {
          ...inPublication(orgId, publicationId),
          body,
        }),
      ),
    invalidates: [subscriberKeys.list(orgId, publicationId)],
  });
}

const onSubscriber = (orgId: string, publicationId: string, subscriber: Subscriber) => ({
  params: { path: { orgId, publicationId, subscriberId: subscriber.id } },
});

/*
 * Unsubscribing and erasing change or remove the row whose button started them: what follows a success is
 * the hook's own callback, which runs even once that row is gone (mutate()'s would not).
 */

export function useUnsubscribe(
  orgId: string,
  publicationId: string,
  onDone: (subscriber: Subscriber) => void,
) {
  return useApiMutation({
    mutationFn: (subscriber: Subscriber) =>
      call(
        api.POST(
          "/orgs/{orgId}/newsletters/{publicationId}/subscribers/{subscriberId}/unsubscribe",
          onSubscriber(orgId, publicationId, subscriber),
        ),
      ),
    invalidates: [subscriberKeys.list(orgId, publicationId)],
    onSuccess: onDone,
  });
}

export function useEraseSubscriber(
  orgId: string,
  publicationId: string,
  onDone: (subscriber: Subscriber) => void,
) {
  return useApiMutation({
    mutationFn: async (subscriber: Subscriber) => {
      await call(
        api.DELETE(
          "/orgs/{orgId}/newsletters/{publicationId}/subscribers/{subscriberId}",
          onSubscriber(orgId, publicationId, subscriber),
        ),
      );
      return subscriber;
    },
    invalidates: [subscriberKeys.list(orgId, publicationId)],
    onSuccess: onDone,
  });
}
