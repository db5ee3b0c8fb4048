import type { Schemas } from "@nns/api-client";
import { useQuery } from "@tanstack/react-query";
import { api, call } from "../../lib/api";

export type Email = Schemas["Email"];

const PAGE_SIZE = 25;

/** One page of the e-mail the platform sent, or queued, on the organization's behalf. */
export function useOutbox(orgId: string, cursor: string | undefined) {
  return useQuery({
    queryKey: ["org", orgId, "outbox", cursor],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/outbox", {
          params: { path: { orgId }, query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
        }),
      ),
  });
}
