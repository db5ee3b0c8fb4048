import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { PING_EVENT, WEBHOOK_API_VERSION, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import { Timestamp } from "../../lib/schemas.js";
import { InvoiceSummaryFields } from "../invoices/invoices.routes.js";

/**
 * The contract's top-level `webhooks`: one entry per event type, with its payload schema and the
 * signature headers, so integrators generate receivers from the same document as clients.
 */

const InterventionObject = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid().openapi({ description: "The owning organization" }),
    title: z.string(),
    state: z.string().openapi({ example: "published" }),
    publishedRevision: z.number().int().nullable(),
    catalogUrl: z
      .string()
      .nullable()
      .openapi({ description: "The public catalogue page; null once archived" }),
  })
  .openapi("WebhookInterventionObject");

const TrainingObject = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid().openapi({ description: "The owning organization" }),
    kind: z.enum(["bip_skapa", "event"]),
    title: z.string(),
    status: z.string().openapi({ example: "confirmed" }),
    cancellationReason: z.string().nullable(),
    sessions: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        startsAt: Timestamp,
        endsAt: Timestamp,
        mode: z.enum(["digital", "on_site"]),
      }),
    ),
    partyOrganizationIds: z.array(z.uuid()).openapi({ description: "The förbund taking part" }),
  })
  .openapi("WebhookTrainingObject");

const RegistrationObject = z
  .object({
    id: z.uuid().openapi({ description: "The session registration" }),
    trainingId: z.uuid(),
    sessionId: z.uuid(),
    participantId: z.uuid(),
    organizationId: z.uuid().openapi({ description: "The förbund whose participant it is" }),
    status: z.enum(["confirmed", "waitlisted", "cancelled"]),
    participant: z.object({ name: z.string(), email: z.string() }).nullable().openapi({
      description: "The person, only in the event sent to their own förbund; null for the training's owner",
    }),
  })
  .openapi("WebhookRegistrationObject");

const TrainingRequestObject = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid().openapi({ description: "The förbund that sent the intresseanmälan" }),
    status: z.literal("scheduled"),
    trainingId: z.uuid(),
  })
  .openapi("WebhookTrainingRequestObject");

const TrainingRequestReopenedObject = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid().openapi({ description: "The förbund that sent the intresseanmälan" }),
    status: z.literal("submitted"),
    trainingId: z.null(),
    cancelledTrainingId: z.uuid().openapi({ description: "The cancelled training it had been scheduled to" }),
  })
  .openapi("WebhookTrainingRequestReopenedObject");

const InvoiceObject = z
  .object(InvoiceSummaryFields)
  .openapi("WebhookInvoiceObject", { description: "The invoice as the förbund invoiced sees it" });

const NewsletterSentObject = z
  .object({
    publication: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
    issue: z.object({
      id: z.uuid(),
      number: z.number().int(),
      subject: z.string(),
      sentAt: Timestamp,
      url: z.string().openapi({ description: "The issue in the public archive" }),
    }),
    counts: z.object({
      total: z.number().int(),
      sent: z.number().int(),
      failed: z.number().int(),
      skipped: z.number().int().openapi({ description: "Unsubscribed or erased after sending started" }),
      cancelled: z.number().int(),
    }),
  })
  .openapi("WebhookNewsletterSentObject");

const PingObject = z.object({ endpointId: z.uuid(), message: z.string() }).openapi("WebhookPingObject");

const OBJECTS: Record<WebhookEventType | typeof PING_EVENT, z.ZodType> = {
  "intervention.published": InterventionObject,
  "intervention.archived": InterventionObject,
  "training.created": TrainingObject,
  "training.confirmed": TrainingObject,
  "training.cancelled": TrainingObject,
  "registration.created": RegistrationObject,
  "registration.cancelled": RegistrationObject,
  "registration.promoted": RegistrationObject,
  "training_request.scheduled": TrainingRequestObject,
  "training_request.reopened": TrainingRequestReopenedObject,
  "invoice.issued": InvoiceObject,
  "invoice.paid": InvoiceObject,
  "newsletter.sent": NewsletterSentObject,
  [PING_EVENT]: PingObject,
};

const DESCRIPTIONS: Record<string, string> = {
  ...WEBHOOK_EVENT_TYPES,
  [PING_EVENT]: "A test event, sent to one endpoint when asked (POST …/webhook-endpoints/{endpointId}/ping).",
};

const SignatureHeaders = z.object({
  "webhook-id": z.uuid().openapi({
    description:
      "The event id; the same on every retry and resend of the event, so receivers can ignore repeats",
  }),
  "webhook-timestamp": z.string().regex(/^\d+$/).openapi({
    description: "When this attempt was signed, in Unix seconds. Reject attempts older than 5 minutes",
    example: "1795700000",
  }),
  "webhook-signature": z.string().openapi({
    description:
      "`v1=` and the hex HMAC-SHA256 of `<Webhook-Timestamp>.<raw body>` keyed with the endpoint's secret. Compare in constant time; see docs/api.md, Webhooks",
    example: "v1=5f8e0c3b9a1d7e2f4c6b8a0d1e3f5a7c9b2d4f6e8a0c2e4f6a8b0d2f4e6a8c0b",
  }),
});

function pascal(type: string): string {
  return type
    .split(/[._]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

export function registerWebhookEvents(app: OpenAPIHono<AppEnv>): void {
  for (const [type, object] of Object.entries(OBJECTS)) {
    const name = pascal(type);
    const payload = z
      .object({
        id: z.uuid().openapi({ description: "The event id (also `Webhook-Id`)" }),
        type: z.literal(type),
        apiVersion: z.literal(WEBHOOK_API_VERSION),
        createdAt: Timestamp,
        organizationId: z.uuid().openapi({ description: "The receiving organization" }),
        data: z.object({ object }),
      })
      .openapi(`${name}Event`);
    app.openAPIRegistry.registerWebhook({
      method: "post",
      path: type,
      operationId: `on${name}`,
      tags: ["Webhooks"],
      summary: type,
      description: `${DESCRIPTIONS[type]} Delivered at least once: any 2xx answer within 10 seconds acknowledges; anything else is retried with backoff for 3 days.`,
      // The platform sends no credential of the receiver's: the HMAC signature headers authenticate it.
      security: [],
      request: {
        headers: SignatureHeaders,
        body: { required: true, content: { "application/json": { schema: payload } } },
      },
      responses: {
        200: { description: "Received. Any 2xx status acknowledges the event; the body is ignored" },
      },
    });
  }
}
