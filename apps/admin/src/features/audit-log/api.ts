import type { Schemas } from "@nns/api-client";
import type { AuditActionFamily } from "@nns/domain";
import { useQuery } from "@tanstack/react-query";
import { api, call } from "../../lib/api";
import { stockholmMidnight } from "../../lib/stockholm";

export type AuditEntry = Schemas["AuditEntry"];

export interface AuditFilters {
  family: AuditActionFamily | "";
  action: string;
  /** Calendar dates (YYYY-MM-DD) in Swedish time; `to` is inclusive. */
  from: string;
  to: string;
}

const PAGE_SIZE = 25;

/** The API's `to` is exclusive, so an inclusive end date becomes the following midnight in Stockholm. */
function toQuery(filters: AuditFilters, cursor: string | undefined) {
  return {
    limit: PAGE_SIZE,
    ...(cursor ? { cursor } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.family ? { family: filters.family } : {}),
    ...(filters.from ? { from: stockholmMidnight(filters.from) } : {}),
    ...(filters.to ? { to: stockholmMidnight(filters.to, 1) } : {}),
  };
}

export function useAuditLog(orgId: string, filters: AuditFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: ["org", orgId, "audit-log", filters, cursor],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/audit-log", {
          params: { path: { orgId }, query: toQuery(filters, cursor) },
        }),
      ),
  });
}
