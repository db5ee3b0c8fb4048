import type { Schemas } from "@nns/api-client";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, call } from "./api";

export type Me = Extract<Schemas["Me"], { kind: "user" }>;
export type Membership = Schemas["Membership"];

export const meQuery = queryOptions({
  queryKey: ["me"],
  queryFn: async (): Promise<Me | null> => {
    const { data, response } = await api.GET("/auth/me");
    if (response.status === 401) return null;
    if (data?.kind !== "user") return null;
    return data;
  },
  staleTime: 60_000,
});

export function useMe(): Me {
  const { data } = useQuery(meQuery);
  if (!data) throw new Error("useMe used outside the signed-in area");
  return data;
}

export function orgAccessQuery(orgId: string) {
  return queryOptions({
    queryKey: ["org", orgId, "access"],
    queryFn: () => call(api.GET("/orgs/{orgId}/access", { params: { path: { orgId } } })),
    staleTime: 60_000,
  });
}

/** The signed-in person's permissions in an organization, as the API computes them. */
export function usePermissions(orgId: string): Set<string> {
  const { data } = useQuery(orgAccessQuery(orgId));
  return new Set(data?.permissions ?? []);
}
