import type { Schemas } from "@nns/api-client";
import { useQuery } from "@tanstack/react-query";
import { api, call } from "../../lib/api";
import { useApiMutation } from "../../lib/mutation";

export type Session = Schemas["Session"];

const sessionsKey = ["auth", "sessions"] as const;

/** The signed-in person's sessions, the current one marked. */
export function useSessions() {
  return useQuery({
    queryKey: sessionsKey,
    queryFn: () => call(api.GET("/auth/sessions")),
  });
}

/** A new password ends the person's other sessions, so the list is fetched again. */
export function useChangePassword() {
  return useApiMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      call(api.POST("/auth/password", { body })),
    invalidates: [sessionsKey],
  });
}

/** The list is fetched again after a failure too, so it shows whichever sessions are left. */
export function useSignOutOtherSessions() {
  return useApiMutation({
    mutationFn: () => call(api.DELETE("/auth/sessions")),
    invalidates: [sessionsKey],
    invalidateOnError: true,
  });
}
