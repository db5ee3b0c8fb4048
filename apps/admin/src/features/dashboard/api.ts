import { useQuery } from "@tanstack/react-query";
import { api, call } from "../../lib/api";

export function useOrganization(orgId: string) {
  return useQuery({
    queryKey: ["org", orgId],
    queryFn: () => call(api.GET("/orgs/{orgId}", { params: { path: { orgId } } })),
  });
}
