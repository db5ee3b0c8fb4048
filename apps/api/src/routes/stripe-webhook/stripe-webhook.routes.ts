import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import { jsonResponse, problems } from "../../lib/schemas.js";

const ReceiptSchema = z
  .object({
    eventId: z.string(),
    duplicate: z.boolean().openapi({ description: "The event was received before; nothing changed" }),
    outcome: z.enum(["payment_registered", "already_recorded", "stripe_invoice_linked", "ignored"]),
  })
  .openapi("StripeEventReceipt", {
    example: { eventId: "evt_1QxY2z3A4b5C6d7E", duplicate: false, outcome: "payment_registered" },
  });

export const receiveStripeEvent = defineRoute(
  { kind: "public" },
  {
    method: "post",
    path: "/webhooks/stripe",
    tags: ["Billing"],
    operationId: "receiveStripeEvent",
    summary: "Receive a Stripe event",
    description:
      "For Stripe only: the endpoint to register in Stripe's dashboard for `invoice.finalized`, `invoice.paid`, " +
      "`invoice.payment_succeeded` and `invoice.voided`. The `Stripe-Signature` header must sign the raw body " +
      "with the endpoint's secret within five minutes (400 naming `header.stripe-signature` and the rule " +
      "otherwise, and nothing changes). Each event id is recorded once: a replay answers 200 with " +
      "`duplicate: true` and changes nothing, and since a payment event carries all Stripe has collected, " +
      "events out of order or under two ids register the money once. Without a Stripe key on this " +
      "installation the answer is 503 with `Retry-After`, so Stripe keeps retrying until it is configured.",
    request: {
      headers: z.object({
        "stripe-signature": z
          .string()
          .max(2_000)
          .optional()
          .openapi({ description: "`t=<unix seconds>,v1=<hex HMAC-SHA256>`, as Stripe sends it" }),
      }),
      // Described, not parsed here: the signature covers the exact bytes, which parsing would lose.
      body: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["id", "type"],
              properties: { id: { type: "string" }, object: { type: "string" }, type: { type: "string" } },
              description: "A Stripe event object",
            },
            example: { id: "evt_1QxY2z3A4b5C6d7E", type: "invoice.paid", object: "event" },
          },
        },
      },
    },
    responses: {
      200: jsonResponse(ReceiptSchema, "Received"),
      503: {
        description: "`service_unavailable`: Stripe is not configured here (or the database is unreachable)",
        headers: { "Retry-After": { schema: { type: "integer" } } },
        content: problems(503)[503]?.content,
      },
      ...problems(400),
    },
  },
);
