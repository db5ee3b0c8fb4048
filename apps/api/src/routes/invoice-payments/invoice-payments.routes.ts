import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import { CalendarDate, jsonBody, jsonResponse, nonBlank, problems, Timestamp } from "../../lib/schemas.js";
import { InvoiceParams, InvoiceSchema } from "../invoices/invoices.routes.js";
import { PAYMENT, PAYMENT_RESULT } from "./invoice-payments.examples.js";

const tags = ["Invoices"];
const Ore = z.number().int().openapi({ description: "Öre (1 kr = 100 öre)" });

export const PaymentSchema = z
  .object({
    id: z.uuid(),
    paidOn: CalendarDate.openapi({ description: "The day the money arrived" }),
    amountOre: Ore.openapi({ description: "Öre; negative for a reversal of a mistaken registration" }),
    method: z.enum(["bankgiro", "plusgiro", "stripe", "manual", "bank_file"]),
    reference: z.string().nullable().openapi({ description: "e.g. the OCR number the payer gave" }),
    note: z.string().nullable(),
    createdAt: Timestamp,
  })
  .openapi("InvoicePayment", { example: PAYMENT });

const PaymentResultSchema = z
  .object({ payment: PaymentSchema, invoice: InvoiceSchema })
  .openapi("InvoicePaymentResult", { example: PAYMENT_RESULT });

export const registerPayment = defineRoute(
  { kind: "org", permission: "billing:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/invoices/{invoiceId}/payments",
    tags,
    operationId: "createInvoicePayment",
    summary: "Register a payment",
    description:
      "NNS records money received against an issued invoice: the day it arrived, the amount in öre (a part " +
      "payment is fine; the status becomes `partly_paid`, then `paid`), the method and a reference such as " +
      "the OCR number. Payments are never changed or removed: a mistaken registration is reversed with a " +
      "negative amount and a `note` saying why (400 `required_for_reversal` without one, " +
      "`reversal_exceeds_paid` beyond what was paid). Not on a draft, a credit note or a fully credited " +
      "invoice (409). When the invoice becomes paid, the förbund's webhook endpoints get `invoice.paid`, and " +
      "an invoice Stripe was collecting is marked paid out of band there. Card payments arrive through " +
      "Stripe's webhook, not here. Needs `billing:manage` (NNS). Audited as `invoice.payment_registered` or " +
      "`invoice.payment_reversed`.",
    request: {
      params: InvoiceParams,
      body: jsonBody(
        z
          .object({
            paidOn: CalendarDate.openapi({ description: "Not in the future (400 `not_in_future`)" }),
            amountOre: z.number().int().min(-100_000_000_00).max(100_000_000_00).openapi({
              description:
                "Öre, not zero (400 `nonzero_ore`); negative only to reverse a mistaken registration",
            }),
            method: z.enum(["bankgiro", "plusgiro", "manual", "bank_file"]),
            reference: z.string().trim().max(100).nullable().optional(),
            note: nonBlank(1).max(500).nullable().optional(),
          })
          .strict(),
        { paidOn: "2027-05-02", amountOre: 1_500_000, method: "bankgiro", reference: "2027000104" },
      ),
    },
    responses: {
      201: jsonResponse(PaymentResultSchema, "Registered; the invoice as it stands after it"),
      ...problems(400, 401, 403, 404, 409),
    },
  },
);
