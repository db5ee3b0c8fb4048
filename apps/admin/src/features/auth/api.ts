import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call } from "../../lib/api";
import { useApiMutation } from "../../lib/mutation";
import { meQuery } from "../../lib/session";

/** Fetch now: a cached "signed out" answer would send the router straight back to sign-in. */
function refreshSession(queryClient: QueryClient) {
  return queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useApiMutation({
    mutationFn: (body: { email: string; password: string }) => call(api.POST("/auth/login", { body })),
    onSuccess: () => refreshSession(queryClient),
  });
}

export function useRequestPasswordReset() {
  return useApiMutation({
    mutationFn: (email: string) => call(api.POST("/auth/password-reset", { body: { email } })),
  });
}

export function useConfirmPasswordReset(token: string) {
  return useApiMutation({
    mutationFn: (password: string) =>
      call(api.POST("/auth/password-reset/confirm", { body: { token, password } })),
  });
}

/** What an invitation link is for, before the person accepts it; no token, no request. */
export function useInvitation(token: string) {
  return useQuery({
    queryKey: ["invitation", token],
    queryFn: () => call(api.POST("/auth/invitations/lookup", { body: { token } })),
    enabled: token.length > 0,
  });
}

/** Accepting signs the person in, as a new account (with a name) or an existing one. */
export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useApiMutation({
    mutationFn: (body: { name?: string; password: string }) =>
      call(api.POST("/auth/invitations/accept", { body: { token, ...body } })),
    onSuccess: () => refreshSession(queryClient),
  });
}
