import type { Schemas } from "@nns/api-client";
import { queryOptions } from "@tanstack/react-query";
import { api, call } from "../../lib/api";

export type Organization = Schemas["Organization"];
export type OrganizationInput = Schemas["CreateOrganization"];
export type MemberPartyInput = Schemas["MemberPartyInput"];

export const PAGE_SIZE = 50;

/** Everything cached about organizations starts with this key, so one invalidation refreshes it all. */
export const organizationKeys = {
  all: ["organizations"] as const,
  list: (cursor: string | undefined) => ["organizations", "list", cursor ?? null] as const,
  detail: (id: string) => ["organizations", "detail", id] as const,
};

export function organizationsPageQuery(cursor: string | undefined) {
  return queryOptions({
    queryKey: organizationKeys.list(cursor),
    queryFn: () =>
      call(
        api.GET("/organizations", { params: { query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } } }),
      ),
  });
}

/** One organization with the ETag the API sent, which a later PATCH must send back as If-Match. */
export function organizationDetailQuery(id: string) {
  return queryOptions({
    queryKey: organizationKeys.detail(id),
    queryFn: async (): Promise<{ organization: Organization; etag: string | null }> => {
      const request = api.GET("/orgs/{orgId}", { params: { path: { orgId: id } } });
      const organization = await call(request);
      const { response } = await request;
      return { organization, etag: response.headers.get("etag") };
    },
  });
}

export { countiesQuery, countyOfMunicipality, municipalitiesQuery } from "../../lib/reference";
