import type { Schemas } from "@nns/api-client";
import { keepPreviousData, queryOptions, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { ApiError, api, call } from "../../lib/api";
import { useApiMutation } from "../../lib/mutation";
import { meQuery, orgAccessQuery, useMe } from "../../lib/session";
import type { Member, Role } from "./roles";

export type Invitation = Schemas["Invitation"];

export const PAGE_SIZE = 50;

export const memberKeys = {
  members: (orgId: string) => ["org", orgId, "members"] as const,
  invitations: (orgId: string) => ["org", orgId, "invitations"] as const,
};

export function membersQuery(orgId: string, cursor: string | undefined) {
  return queryOptions({
    queryKey: [...memberKeys.members(orgId), cursor],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/members", {
          params: { path: { orgId }, query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function invitationsQuery(orgId: string, cursor: string | undefined) {
  return queryOptions({
    queryKey: [...memberKeys.invitations(orgId), cursor],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/invitations", {
          params: {
            path: { orgId },
            query: { status: "pending", limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The membership changed between the list being shown and the role change: don't overwrite blindly. */
class ChangedMeanwhile extends Error {}

/** The role change failed because someone else changed the membership first (here or in the API). */
export function changedMeanwhile(error: unknown): boolean {
  return error instanceof ChangedMeanwhile || (error instanceof ApiError && error.status === 412);
}

/**
 * Changes a member's role: reads the membership just before writing and sends its ETag back as If-Match.
 * The signed-in person's own change refreshes their permissions (navigation, buttons) at once; a change
 * that lost to someone else's refreshes the list so the person sees what is there now.
 */
export function useChangeRole(orgId: string) {
  const me = useMe();
  const queryClient = useQueryClient();
  return useApiMutation({
    mutationFn: async ({ member, role }: { member: Member; role: Role }) => {
      const path = { orgId, userId: member.userId };
      const read = api.GET("/orgs/{orgId}/members/{userId}", { params: { path } });
      const current = await call(read);
      if (current.version !== member.version) throw new ChangedMeanwhile();
      const etag = (await read).response.headers.get("etag") ?? `"${current.version}"`;
      return call(
        api.PATCH("/orgs/{orgId}/members/{userId}", {
          params: { path, header: { "if-match": etag } },
          body: { role },
        }),
      );
    },
    invalidates: [memberKeys.members(orgId)],
    onSuccess: (updated) =>
      updated.userId === me.user.id
        ? Promise.all([
            queryClient.invalidateQueries({ queryKey: meQuery.queryKey }),
            queryClient.invalidateQueries({ queryKey: orgAccessQuery(orgId).queryKey }),
          ])
        : undefined,
    onError: (error) => {
      if (changedMeanwhile(error))
        void queryClient.invalidateQueries({ queryKey: memberKeys.members(orgId) });
    },
  });
}

/**
 * Removes a member. Someone who removes themselves has no access here any more: they go to wherever
 * they still belong, and nothing cached about this organization is kept.
 */
export function useRemoveMember(orgId: string) {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useApiMutation({
    mutationFn: (member: Member) =>
      call(
        api.DELETE("/orgs/{orgId}/members/{userId}", { params: { path: { orgId, userId: member.userId } } }),
      ),
    onSuccess: async (_nothing, member) => {
      if (member.userId !== me.user.id) {
        await queryClient.invalidateQueries({ queryKey: memberKeys.members(orgId) });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
      await navigate({ to: "/" });
      queryClient.removeQueries({ queryKey: ["org", orgId] });
    },
  });
}

/** Sends an invitation with the caller's Idempotency-Key (one per opening of the dialog). */
export function useInvite(orgId: string, idempotencyKey: string) {
  return useApiMutation({
    mutationFn: (body: { email: string; role: Role }) =>
      call(
        api.POST("/orgs/{orgId}/invitations", {
          params: { path: { orgId }, header: { "idempotency-key": idempotencyKey } },
          body,
        }),
      ),
    invalidates: [memberKeys.invitations(orgId)],
  });
}

export function useRevokeInvitation(orgId: string) {
  return useApiMutation({
    mutationFn: (invitation: Invitation) =>
      call(
        api.DELETE("/orgs/{orgId}/invitations/{invitationId}", {
          params: { path: { orgId, invitationId: invitation.id } },
        }),
      ),
    invalidates: [memberKeys.invitations(orgId)],
  });
}
