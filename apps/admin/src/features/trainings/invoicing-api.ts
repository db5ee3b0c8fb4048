import type { Schemas } from "@nns/api-client";
import { queryOptions } from "@tanstack/react-query";
import { ApiError, api, call } from "../../lib/api";
import { useApiMutation } from "../../lib/mutation";

export type InvoiceDrafts = Schemas["InvoiceDrafts"];

/**
 * The förbund's standardreferens, shown beside its referens for one training; null while its invoicing
 * details are not filled in (404). The key is the invoicing details page's, so both read one cached copy.
 */
export function defaultReferenceQuery(orgId: string) {
  return queryOptions({
    queryKey: ["org", orgId, "billing", "invoicing-details"],
    queryFn: async () => {
      try {
        return await call(
          api.GET("/orgs/{orgId}/billing/invoicing-details", { params: { path: { orgId } } }),
        );
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    select: (details) => details?.defaultReference ?? null,
  });
}

/** The förbund's own referens for one training; it wins over its standardreferens. */
export function useSaveTrainingReference(orgId: string, trainingId: string) {
  return useApiMutation({
    mutationFn: (reference: string) =>
      call(
        api.PUT("/orgs/{orgId}/trainings/{trainingId}/invoice-reference", {
          params: { path: { orgId, trainingId } },
          body: { reference },
        }),
      ),
  });
}

/** Drafts (or brings up to date) one invoice per förbund; the answer is what each will look like. */
export function useDraftInvoices(orgId: string, trainingId: string) {
  return useApiMutation({
    mutationFn: () =>
      call(
        api.POST("/orgs/{orgId}/trainings/{trainingId}/invoice-drafts", {
          params: { path: { orgId, trainingId } },
        }),
      ),
    invalidates: [["org", orgId, "invoices"]],
  });
}
