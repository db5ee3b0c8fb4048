import type { Schemas } from "@nns/api-client";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, call } from "../../lib/api";
import { useApiMutation } from "../../lib/mutation";
import type { InvoiceFilters } from "./search";

export type Invoice = Schemas["Invoice"];
export type InvoiceSummary = Schemas["InvoiceSummary"];
export type InvoiceAging = Schemas["InvoiceAging"];
export type InvoiceStatus = InvoiceSummary["status"];
export type PaymentMethod = Invoice["payments"][number]["method"];

const PAGE_SIZE = 50;

/**
 * Every invoice query lives under one key per organization: any write refreshes the list, the aging and
 * the invoice itself, since a payment or a credit note changes all three.
 */
export const invoiceKeys = {
  all: (orgId: string) => ["org", orgId, "invoices"] as const,
  detail: (orgId: string, invoiceId: string) => [...invoiceKeys.all(orgId), "detail", invoiceId] as const,
};

export function invoicesQuery(orgId: string, filters: InvoiceFilters, cursor: string | undefined) {
  return queryOptions({
    queryKey: [...invoiceKeys.all(orgId), "list", filters, cursor],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/invoices", {
          params: {
            path: { orgId },
            query: {
              limit: PAGE_SIZE,
              ...(filters.status ? { status: filters.status } : {}),
              ...(filters.buyer ? { buyerOrganizationId: filters.buyer } : {}),
              ...(filters.from ? { from: filters.from } : {}),
              ...(filters.to ? { to: filters.to } : {}),
              ...(cursor ? { cursor } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function agingQuery(orgId: string) {
  return queryOptions({
    queryKey: [...invoiceKeys.all(orgId), "aging"],
    queryFn: () => call(api.GET("/orgs/{orgId}/invoices/aging", { params: { path: { orgId } } })),
  });
}

export function invoiceQuery(orgId: string, invoiceId: string) {
  return queryOptions({
    queryKey: invoiceKeys.detail(orgId, invoiceId),
    queryFn: () =>
      call(api.GET("/orgs/{orgId}/invoices/{invoiceId}", { params: { path: { orgId, invoiceId } } })),
  });
}

/**
 * The trainings the organization runs or takes part in, to name an invoice's training. The same key as
 * the trainings pages use, so the list is fetched once for both.
 */
export function trainingNamesQuery(orgId: string) {
  return queryOptions({
    queryKey: ["org", orgId, "trainings", "list"],
    queryFn: async () =>
      (await call(api.GET("/orgs/{orgId}/trainings", { params: { path: { orgId } } }))).data,
    select: (trainings) => new Map(trainings.map((training) => [training.id, training.title])),
    staleTime: 60_000,
  });
}

/** NNS's own seller identity, shown as the seller of its invoices; only NNS may read it. */
export function sellerSettingsQuery(orgId: string) {
  return queryOptions({
    queryKey: ["org", orgId, "billing", "seller-settings"],
    queryFn: () => call(api.GET("/orgs/{orgId}/billing/seller-settings", { params: { path: { orgId } } })),
    retry: false,
  });
}

const inInvoice = (orgId: string, invoiceId: string) => ({ params: { path: { orgId, invoiceId } } });

/*
 * The writes below take what to do after a success as the hook's own callback, not mutate()'s: the
 * refresh that follows changes the invoice's status, which removes the very button and dialog that
 * started the write, and mutate()'s callbacks do not run once their component is gone.
 */

export function useIssueInvoice(orgId: string, invoiceId: string, onIssued: (invoice: Invoice) => void) {
  return useApiMutation({
    mutationFn: () => call(api.POST("/orgs/{orgId}/invoices/{invoiceId}/issue", inInvoice(orgId, invoiceId))),
    invalidates: [invoiceKeys.all(orgId)],
    onSuccess: onIssued,
  });
}

/** Only the list is refreshed: the removed draft's own page is left, not asked for again. */
export function useDiscardDraft(orgId: string, invoiceId: string) {
  return useApiMutation({
    mutationFn: () => call(api.DELETE("/orgs/{orgId}/invoices/{invoiceId}", inInvoice(orgId, invoiceId))),
    invalidates: [[...invoiceKeys.all(orgId), "list"]],
  });
}

export interface PaymentBody {
  paidOn: string;
  amountOre: number;
  method: "bankgiro" | "plusgiro" | "manual";
  reference: string | null;
}

/** The key makes a double press or a retry after a lost answer register the payment once. */
export function useRegisterPayment(
  orgId: string,
  invoiceId: string,
  onRegistered: (result: Schemas["InvoicePaymentResult"]) => void,
) {
  return useApiMutation({
    onSuccess: onRegistered,
    mutationFn: ({ body, idempotencyKey }: { body: PaymentBody; idempotencyKey: string }) =>
      call(
        api.POST("/orgs/{orgId}/invoices/{invoiceId}/payments", {
          params: { path: { orgId, invoiceId }, header: { "idempotency-key": idempotencyKey } },
          body,
        }),
      ),
    invalidates: [invoiceKeys.all(orgId)],
  });
}

export interface CreditBody {
  reason: string;
  /** Net öre per line; null credits everything still open. */
  lines: { position: number; netOre: number }[] | null;
}

export function useCreateCreditNote(orgId: string, invoiceId: string, onCredited: (note: Invoice) => void) {
  return useApiMutation({
    onSuccess: onCredited,
    mutationFn: ({ body, idempotencyKey }: { body: CreditBody; idempotencyKey: string }) =>
      call(
        api.POST("/orgs/{orgId}/invoices/{invoiceId}/credit-notes", {
          params: { path: { orgId, invoiceId }, header: { "idempotency-key": idempotencyKey } },
          body,
        }),
      ),
    invalidates: [invoiceKeys.all(orgId)],
  });
}

/** The förbund NNS can filter its invoices by (an NNS administrator is given every organization). */
export function forbundOptionsQuery() {
  return queryOptions({
    queryKey: ["organizations", "forbund-options"],
    queryFn: async () =>
      (await call(api.GET("/organizations", { params: { query: { limit: 200 } } }))).data
        .filter((organization) => organization.kind === "forbund")
        .map((organization) => ({ id: organization.id, label: organization.name })),
    staleTime: 60_000,
  });
}

export type BankFileReport = Schemas["BankFileReport"];

/** A BgMax file imported twice registers nothing more (the API keys payments by Bankgirot's serial). */
export function useImportBankFile(orgId: string) {
  return useApiMutation({
    mutationFn: (body: { filename: string; content: string }) =>
      call(api.POST("/orgs/{orgId}/billing/bank-files", { params: { path: { orgId } }, body })),
    invalidates: [invoiceKeys.all(orgId)],
  });
}
