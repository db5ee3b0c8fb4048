import type { Schemas } from "@nns/api-client";
import { queryOptions } from "@tanstack/react-query";
import { api, call } from "../../lib/api";
import { useApiMutation } from "../../lib/mutation";
import { trainingKeys } from "./api";

export type EventSignup = Schemas["EventSignup"];

const signupKey = (orgId: string, trainingId: string) =>
  [...trainingKeys.detail(orgId, trainingId), "public-signup"] as const;

/** The event's public sign-up: open or not, until when, its consent text and public address. */
export function eventSignupQuery(orgId: string, trainingId: string) {
  return queryOptions({
    queryKey: signupKey(orgId, trainingId),
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/trainings/{trainingId}/public-signup", {
          params: { path: { orgId, trainingId } },
        }),
      ),
  });
}

/** Opens, changes or closes public sign-up; the training's participants may change with it, so both refresh. */
export function useSaveEventSignup(orgId: string, trainingId: string) {
  return useApiMutation({
    mutationFn: (body: { open: boolean; closesAt: string | null; consentText: string }) =>
      call(
        api.PUT("/orgs/{orgId}/trainings/{trainingId}/public-signup", {
          params: { path: { orgId, trainingId } },
          body,
        }),
      ),
    invalidates: [trainingKeys.detail(orgId, trainingId)],
  });
}
