import type { Schemas } from "@nns/api-client";
import { queryOptions, useQueryClient } from "@tanstack/react-query";
import { api, call } from "../../lib/api";
import { useApiMutation } from "../../lib/mutation";
import { meQuery } from "../../lib/session";

export type Organization = Schemas["Organization"];
export type OrganizationInput = Schemas["CreateOrganization"];
export type MemberPartyInput = Schemas["MemberPartyInput"];
export type BillingCustomer = Schemas["BillingCustomer"];
export type PaymentMethod = BillingCustomer["paymentMethod"];

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

/** What the form sends: the fields of CreateOrganization, with huvudmän only for a förbund. */
export type OrganizationBody = Omit<OrganizationInput, "memberParties"> & {
  memberParties?: MemberPartyInput[];
};

type Saved = { organization: Organization; etag: string | null };

/**
 * Registers a förbund. One key per visit to the form (the caller's): a repeated submit cannot register
 * it twice, and the API frees the key when a request fails, so corrections can be sent. The new
 * organization is in the list, in the person's own memberships, and cached with its ETag for editing.
 */
export function useCreateOrganization(idempotencyKey: string) {
  const queryClient = useQueryClient();
  return useApiMutation({
    mutationFn: async (body: OrganizationBody): Promise<Saved> => {
      const request = api.POST("/organizations", {
        params: { header: { "idempotency-key": idempotencyKey } },
        body: { ...body, memberParties: body.memberParties ?? [] },
      });
      const organization = await call(request);
      const { response } = await request;
      return { organization, etag: response.headers.get("etag") };
    },
    invalidates: [organizationKeys.all, meQuery.queryKey],
    onSuccess: (created) =>
      queryClient.setQueryData(organizationKeys.detail(created.organization.id), created),
  });
}

/** Saves an organization, sending back the ETag of the version the form was filled from as If-Match. */
export function useSaveOrganization(id: string, etag: string | null) {
  const queryClient = useQueryClient();
  return useApiMutation({
    mutationFn: async (body: OrganizationBody): Promise<Saved> => {
      const request = api.PATCH("/orgs/{orgId}", {
        params: { path: { orgId: id }, header: etag ? { "if-match": etag } : {} },
        body,
      });
      const updated = await call(request);
      const { response } = await request;
      return { organization: updated, etag: response.headers.get("etag") };
    },
    invalidates: [organizationKeys.all, ["org", id], meQuery.queryKey],
    onSuccess: (saved) => queryClient.setQueryData(organizationKeys.detail(id), saved),
  });
}

/** How a förbund pays NNS: kept under NNS's organization (`orgId`), which sends the invoices. */
const customerKey = (orgId: string, buyerId: string) =>
  ["org", orgId, "billing", "customer", buyerId] as const;

export function customerQuery(orgId: string, buyerId: string) {
  return queryOptions({
    queryKey: customerKey(orgId, buyerId),
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/billing/customers/{buyerOrganizationId}", {
          params: { path: { orgId, buyerOrganizationId: buyerId } },
        }),
      ),
  });
}

export function useSetPaymentMethod(orgId: string, buyerId: string) {
  const queryClient = useQueryClient();
  return useApiMutation({
    mutationFn: (paymentMethod: PaymentMethod) =>
      call(
        api.PUT("/orgs/{orgId}/billing/customers/{buyerOrganizationId}", {
          params: { path: { orgId, buyerOrganizationId: buyerId } },
          body: { paymentMethod },
        }),
      ),
    onSuccess: (saved) => queryClient.setQueryData(customerKey(orgId, buyerId), saved),
  });
}

export { countiesQuery, countyOfMunicipality, municipalitiesQuery } from "../../lib/reference";
