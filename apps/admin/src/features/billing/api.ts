import type { paths, Schemas } from "@nns/api-client";
import { queryOptions, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, call } from "../../lib/api";
import { useApiMutation } from "../../lib/mutation";

type JsonBody<P extends keyof paths> = paths[P] extends {
  put: { requestBody?: { content: { "application/json": infer B } } };
}
  ? B
  : never;

export type SellerSettings = Schemas["BillingSellerSettings"];
export type SellerSettingsBody = JsonBody<"/orgs/{orgId}/billing/seller-settings">;
export type InvoicingDetails = Schemas["InvoicingDetails"];
export type InvoicingDetailsBody = JsonBody<"/orgs/{orgId}/billing/invoicing-details">;

const billingKeys = {
  seller: (orgId: string) => ["org", orgId, "billing", "seller-settings"] as const,
  details: (orgId: string) => ["org", orgId, "billing", "invoicing-details"] as const,
};

/** Settings not filled in yet are a 404: the form then starts empty and creates them. */
async function orNull<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/**
 * The If-Match for a save: the version the form was filled from, or "0" when there was none, which the
 * API reads as "create, unless someone else already has".
 */
const ifMatch = (version: number | undefined) => ({ "if-match": `"${version ?? 0}"` });

export function sellerSettingsQuery(orgId: string) {
  return queryOptions({
    queryKey: billingKeys.seller(orgId),
    queryFn: () =>
      orNull(call(api.GET("/orgs/{orgId}/billing/seller-settings", { params: { path: { orgId } } }))),
  });
}

export function useSaveSellerSettings(orgId: string, version: number | undefined) {
  const queryClient = useQueryClient();
  return useApiMutation({
    mutationFn: (body: SellerSettingsBody) =>
      call(
        api.PUT("/orgs/{orgId}/billing/seller-settings", {
          params: { path: { orgId }, header: ifMatch(version) },
          body,
        }),
      ),
    onSuccess: (saved) => queryClient.setQueryData(billingKeys.seller(orgId), saved),
  });
}

export function invoicingDetailsQuery(orgId: string) {
  return queryOptions({
    queryKey: billingKeys.details(orgId),
    queryFn: () =>
      orNull(call(api.GET("/orgs/{orgId}/billing/invoicing-details", { params: { path: { orgId } } }))),
  });
}

export function useSaveInvoicingDetails(orgId: string, version: number | undefined) {
  const queryClient = useQueryClient();
  return useApiMutation({
    mutationFn: (body: InvoicingDetailsBody) =>
      call(
        api.PUT("/orgs/{orgId}/billing/invoicing-details", {
          params: { path: { orgId }, header: ifMatch(version) },
          body,
        }),
      ),
    onSuccess: (saved) => queryClient.setQueryData(billingKeys.details(orgId), saved),
  });
}

/** The förbund's own name and organisationsnummer, which its invoicing details start from. */
export function organizationQuery(orgId: string) {
  return queryOptions({
    queryKey: ["org", orgId, "billing", "organization"],
    queryFn: () => call(api.GET("/orgs/{orgId}", { params: { path: { orgId } } })),
  });
}
