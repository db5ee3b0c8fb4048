import type { Schemas } from "@nns/api-client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call } from "../../lib/api";

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
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      call(api.POST("/auth/password", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

/** The list is fetched again after a failure too, so it shows whichever sessions are left. */
export function useSignOutOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.DELETE("/auth/sessions")),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}
