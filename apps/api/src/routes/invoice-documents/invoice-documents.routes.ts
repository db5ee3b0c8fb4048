import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import { CalendarDate, jsonResponse, OrgIdParams, PageQuery, pageOf, problems } from "../../lib/schemas.js";
import { InvoiceParams, InvoiceSummaryFields } from "../invoices/invoices.routes.js";
import { AGING, INVOICE_SUMMARY } from "./invoice-documents.examples.js";

const tags = ["Invoices"];
const Ore = z.number().int().openapi({ description: "Öre (1 kr = 100 öre)" });

const InvoiceSummarySchema = z
  .object(InvoiceSummaryFields)
  .openapi("InvoiceSummary", { example: INVOICE_SUMMARY });

export const listInvoices = defineRoute(
  { kind: "org", permission: "invoices:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/invoices",
    tags,
    operationId: "listInvoices",
    summary: "List invoices and credit notes",
    description:
      "Newest first. For NNS (`billing:manage`): every invoice and credit note it drafted or issued. For a " +
      "förbund (`invoices:read`, also an API-key scope): those issued to it, never drafts and never another " +
      "förbund's. Filters: `status` (a stored status, or `overdue`: an invoice with something left to pay " +
      "after its due date, counted in Europe/Stockholm), `buyerOrganizationId`, `kind`, `trainingId`, and " +
      "the issue date from `from` to `to` (both inclusive). Paginated with `limit` and `cursor`.",
    request: {
      params: OrgIdParams,
      query: PageQuery.extend({
        status: z
          .enum(["draft", "issued", "partly_paid", "paid", "credited", "partly_credited", "overdue"])
          .optional(),
        buyerOrganizationId: z.uuid().optional(),
        kind: z.enum(["invoice", "credit_note"]).optional(),
        trainingId: z.uuid().optional(),
        from: CalendarDate.optional().openapi({ description: "Issued on or after" }),
        to: CalendarDate.optional().openapi({
          description: "Issued on or before; not before `from` (400 `not_before_from`)",
        }),
      }),
    },
    responses: {
      200: jsonResponse(pageOf(InvoiceSummarySchema, "InvoiceSummaryPage", INVOICE_SUMMARY), "Invoices"),
      ...problems(400, 401, 403, 404),
    },
  },
);

const AgingAmounts = z.object({
  not_due: Ore.openapi({ description: "Open balance not yet due" }),
  "1_30": Ore.openapi({ description: "1–30 days past the due date" }),
  "31_60": Ore.openapi({ description: "31–60 days past the due date" }),
  over_60: Ore.openapi({ description: "More than 60 days past the due date" }),
  totalOre: Ore,
  invoiceCount: z.number().int().openapi({ description: "Invoices with an open balance" }),
});

const AgingSchema = z
  .object({
    asOf: CalendarDate.openapi({ description: "The day (Europe/Stockholm) the days overdue are counted to" }),
    total: AgingAmounts,
    buyers: z.array(AgingAmounts.extend({ organizationId: z.uuid(), organizationName: z.string() })),
  })
  .openapi("InvoiceAging", { example: AGING });

export const invoiceAging = defineRoute(
  { kind: "org", permission: "billing:manage" },
  {
    method: "get",
    path: "/orgs/{orgId}/invoices/aging",
    tags,
    operationId: "getInvoiceAging",
    summary: "Aging of open invoices",
    description:
      "What each förbund still owes on issued invoices (total − credited − paid, in öre), in the buckets " +
      "not yet due, 1–30, 31–60 and over 60 days past the due date, counted to today in Europe/Stockholm; " +
      "per förbund (largest balance first) and in total. Credit notes and paid invoices count nothing. " +
      "Needs `billing:manage` (NNS).",
    request: { params: OrgIdParams },
    responses: { 200: jsonResponse(AgingSchema, "Open balances by age"), ...problems(401, 403, 404) },
  },
);

const ContentDisposition = {
  "Content-Disposition": {
    description: "`attachment` with the file name from the number, e.g. `faktura-2027-0001.pdf`",
    schema: { type: "string" as const, example: 'attachment; filename="faktura-2027-0001.pdf"' },
  },
};

const DOWNLOAD =
  "The document exactly as it was frozen when issued: for NNS (`billing:manage`) every invoice it issued, for " +
  "a förbund (`invoices:read`) those issued to it; another förbund's invoice is 404. A draft has none yet (409).";

export const invoicePdf = defineRoute(
  { kind: "org", permission: "invoices:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/invoices/{invoiceId}/pdf",
    tags,
    operationId: "getInvoicePdf",
    summary: "Download an invoice as PDF",
    description: `The readable invoice or credit note in Swedish. ${DOWNLOAD}`,
    request: { params: InvoiceParams },
    responses: {
      200: {
        description: "The PDF, named `faktura-<number>.pdf` or `kreditnota-<number>.pdf`",
        headers: ContentDisposition,
        content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
      },
      ...problems(401, 403, 404, 409),
    },
  },
);

export const invoiceUbl = defineRoute(
  { kind: "org", permission: "invoices:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/invoices/{invoiceId}/ubl",
    tags,
    operationId: "getInvoiceUbl",
    summary: "Download an invoice as e-invoice (UBL)",
    description:
      "The Peppol BIS Billing 3.0 document (UBL 2.1 `Invoice`, or `CreditNote`), validated against the " +
      `official rules before it was issued. ${DOWNLOAD}`,
    request: { params: InvoiceParams },
    responses: {
      200: {
        description: "The UBL XML, named `faktura-<number>.xml` or `kreditnota-<number>.xml`",
        headers: {
          "Content-Disposition": {
            ...ContentDisposition["Content-Disposition"],
            schema: { type: "string" as const, example: 'attachment; filename="faktura-2027-0001.xml"' },
          },
        },
        content: { "application/xml": { schema: z.string() } },
      },
      ...problems(401, 403, 404, 409),
    },
  },
);
