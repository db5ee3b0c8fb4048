import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import {
  CalendarDate,
  FieldErrorSchema,
  jsonBody,
  jsonResponse,
  nonBlank,
  OrgIdParams,
  problems,
  Timestamp,
} from "../../lib/schemas.js";
import { TrainingParams } from "../trainings/trainings.routes.js";
import { CREDIT_NOTE, DRAFTS, INVOICE } from "./invoices.examples.js";

const tags = ["Invoices"];
const Ore = z.number().int().openapi({ description: "Öre (1 kr = 100 öre)" });

export const InvoiceParams = OrgIdParams.extend({
  invoiceId: z.uuid().openapi({ param: { name: "invoiceId", in: "path" } }),
});

const VatCategory = z.enum(["S", "Z", "E"]).openapi({
  description: "EN 16931 VAT category: S standard rate, Z zero rated, E exempt",
});

export const InvoiceLineSchema = z.object({
  position: z.number().int(),
  description: z.string(),
  kind: z.enum(["shared", "print"]),
  netOre: Ore,
  vatCategory: VatCategory,
  vatRateBasisPoints: z.number().int(),
  vatOre: Ore,
});

/** The fields of an invoice the list shows too (billing-read reuses it). */
export const InvoiceSummaryFields = {
  id: z.uuid(),
  kind: z.enum(["invoice", "credit_note"]),
  status: z.enum(["draft", "issued", "partly_paid", "paid", "credited", "partly_credited"]),
  overdue: z.boolean().openapi({ description: "Something is left to pay after the due date (derived)" }),
  daysOverdue: z.number().int(),
  number: z
    .string()
    .nullable()
    .openapi({ description: "In the seller's series, e.g. 2027-0001; null for a draft" }),
  seller: z.object({ organizationId: z.uuid() }),
  buyer: z.object({ organizationId: z.uuid(), name: z.string() }),
  trainingId: z.uuid().nullable(),
  creditedInvoiceId: z.uuid().nullable().openapi({ description: "Credit notes: the invoice they correct" }),
  issueDate: CalendarDate.nullable(),
  dueDate: CalendarDate.nullable(),
  buyerReference: z.string().nullable().openapi({ description: "The förbund's referens (Peppol BT-10)" }),
  ocr: z.string().nullable().openapi({ description: "Bankgiro OCR reference to pay with" }),
  netOre: Ore,
  vatOre: Ore,
  totalOre: Ore,
  paidOre: Ore,
  creditedOre: Ore,
  balanceOre: Ore.openapi({ description: "What is still owed: total − credited − paid" }),
  issuedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
  links: z.object({
    self: z.string(),
    pdf: z.string().nullable().openapi({ description: "The PDF, once issued" }),
    ubl: z.string().nullable().openapi({ description: "The Peppol BIS Billing 3.0 e-invoice, once issued" }),
  }),
};

export const InvoiceSchema = z
  .object({
    ...InvoiceSummaryFields,
    lines: z.array(InvoiceLineSchema),
    vatSummary: z.array(
      z.object({
        vatCategory: VatCategory,
        vatRateBasisPoints: z.number().int(),
        taxableOre: Ore,
        vatOre: Ore,
        exemptionReason: z.string().nullable(),
      }),
    ),
    payments: z.array(
      z.object({
        id: z.uuid(),
        paidOn: CalendarDate,
        amountOre: Ore,
        method: z.enum(["bankgiro", "plusgiro", "stripe", "manual", "bank_file"]),
        reference: z.string().nullable(),
        note: z.string().nullable(),
        createdAt: Timestamp,
      }),
    ),
    creditNotes: z.array(
      z.object({
        id: z.uuid(),
        number: z.string().nullable(),
        issueDate: CalendarDate.nullable(),
        totalOre: Ore,
      }),
    ),
  })
  .openapi("Invoice", { example: INVOICE });

const DraftsSchema = z
  .object({
    trainingId: z.uuid(),
    drafts: z.array(
      z.object({
        invoice: InvoiceSchema,
        buyerReference: z
          .string()
          .nullable()
          .openapi({ description: "The referens the invoice will carry when issued now" }),
        missing: z.array(FieldErrorSchema).openapi({
          description: "What must be put right before the invoice can be issued; empty when it can be",
        }),
      }),
    ),
  })
  .openapi("InvoiceDrafts", { example: DRAFTS });

export const draftInvoices = defineRoute(
  { kind: "org", permission: "billing:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/trainings/{trainingId}/invoice-drafts",
    tags,
    operationId: "createInvoiceDrafts",
    summary: "Draft the invoices of a training",
    description:
      "One draft invoice per förbund taking part in NNS's BIP/SKAPA training, from its cost breakdown: one " +
      "line per share of a shared cost, print costs only when NNS paid the printer, VAT per line; totals " +
      "equal the breakdown's `invoicedTotalOre`. Idempotent: drafting again updates open drafts to the " +
      "current breakdown and never duplicates; a förbund whose invoice is issued is left alone. The " +
      "training must be confirmed or completed (409 otherwise, with the reason). Answers each förbund's " +
      "invoice with the referens it will carry and what is missing before it can be issued. Needs " +
      "`billing:manage`. Audited as `invoice.drafted`.",
    request: { params: TrainingParams },
    responses: { 200: jsonResponse(DraftsSchema, "Drafts"), ...problems(401, 403, 404, 409, 422) },
  },
);

export const getInvoice = defineRoute(
  { kind: "org", permission: "invoices:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/invoices/{invoiceId}",
    tags,
    operationId: "getInvoice",
    summary: "Get an invoice or credit note",
    description:
      "With lines, VAT summary, status, overdue flag and days, balance, payments and the credit notes that " +
      "correct it. The seller (`billing:manage`) sees its drafts too; the förbund invoiced sees what was " +
      "issued to it; anything else is 404. `ETag` carries the version. Needs `invoices:read`.",
    request: { params: InvoiceParams },
    responses: { 200: jsonResponse(InvoiceSchema, "Invoice"), ...problems(401, 403, 404) },
  },
  { etag: true },
);

export const discardDraft = defineRoute(
  { kind: "org", permission: "billing:manage" },
  {
    method: "delete",
    path: "/orgs/{orgId}/invoices/{invoiceId}",
    tags,
    operationId: "deleteInvoiceDraft",
    summary: "Discard a draft invoice",
    description:
      "Only a draft: an issued invoice is an allmän handling, never deleted, and is corrected by a credit " +
      "note (409). Needs `billing:manage`. Audited as `invoice.draft_discarded`.",
    request: { params: InvoiceParams },
    responses: { 204: { description: "Discarded" }, ...problems(401, 403, 404, 409) },
  },
);

export const issueInvoice = defineRoute(
  { kind: "org", permission: "billing:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/invoices/{invoiceId}/issue",
    tags,
    operationId: "issueInvoice",
    summary: "Issue a draft invoice",
    description:
      "In one transaction: checks that NNS's seller settings, the förbund's invoicing details and a referens " +
      "(the training's own or the förbund's default; mandatory in Peppol) exist — 409 naming each one " +
      "missing — and that the draft still matches the cost breakdown (409 otherwise: draft again); takes the " +
      "next number in NNS's series for the year (Swedish date), gapless, e.g. `2027-0001`; sets the OCR " +
      "reference and the due date (issue date + payment terms); freezes the document; writes the Peppol BIS " +
      "Billing 3.0 e-invoice and validates it against the official rules (422 naming the failed rules, and " +
      "the number is not used); renders the PDF; emails both to the förbund's invoice address and sends the " +
      "`invoice.issued` webhook to the förbund. Issued invoices never change and are never deleted: correct " +
      "them with a credit note. 409 when already issued. Needs `billing:manage`. Audited as `invoice.issued`.",
    request: { params: InvoiceParams },
    responses: {
      200: jsonResponse(InvoiceSchema, "Issued"),
      ...problems(401, 403, 404, 409, 422),
    },
  },
);

export const createCreditNote = defineRoute(
  { kind: "org", permission: "billing:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/invoices/{invoiceId}/credit-notes",
    tags,
    operationId: "createCreditNote",
    summary: "Credit an issued invoice",
    description:
      "Creates and issues a credit note referencing the invoice, in the same number series and through the " +
      "same validation, PDF and delivery as an invoice. Whole by default (everything not yet credited); " +
      "partial with `lines`: the net amount in öre to credit per invoice line (by `position`), never more " +
      "than is left of the line (400 `at_most_left_to_credit`), VAT at the line's rate. The invoice becomes " +
      "`partly_credited`, or `credited` when nothing is left. 409 for a draft or a fully credited invoice. " +
      "Needs `billing:manage`. Audited as `invoice.credited` and `credit_note.issued`.",
    request: {
      params: InvoiceParams,
      body: jsonBody(
        z
          .object({
            reason: nonBlank(2).max(500).openapi({ description: "Why, printed on the credit note" }),
            lines: z
              .array(
                z
                  .object({
                    position: z.number().int().min(1),
                    netOre: z.number().int().min(1).openapi({ description: "Net öre to credit, before VAT" }),
                  })
                  .strict(),
              )
              .min(1)
              .max(100)
              .nullable()
              .optional()
              .openapi({ description: "Partial credit per line; absent or null credits everything left" }),
          })
          .strict(),
        {
          reason: "Utbildningen hölls med 20 deltagare i stället för 25",
          lines: [{ position: 1, netOre: 500_000 }],
        },
      ),
    },
    responses: {
      201: jsonResponse(InvoiceSchema, "Credit note issued", CREDIT_NOTE),
      ...problems(400, 401, 403, 404, 409, 422),
    },
  },
);
