import type { Schemas } from "@nns/api-client";
import { useQuery } from "@tanstack/react-query";
import { api, call } from "../../lib/api";

export function useOrganization(orgId: string) {
  return useQuery({
    queryKey: ["org", orgId],
    queryFn: () => call(api.GET("/orgs/{orgId}", { params: { path: { orgId } } })),
  });
}

export type Dashboard = Schemas["Dashboard"];

/** The caller's dashboard: the API decides which cards the role gets. */
export function useDashboard(orgId: string) {
  return useQuery({
    queryKey: ["org", orgId, "dashboard"],
    queryFn: () => call(api.GET("/orgs/{orgId}/dashboard", { params: { path: { orgId } } })),
  });
}
