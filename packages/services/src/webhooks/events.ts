import { randomUUID } from "node:crypto";
import { rowsOf, type Tx } from "@nns/db";
import { sql } from "drizzle-orm";
import type { OrgContext } from "../context.js";
import { inOrganizationScope } from "../trainings/scope.js";

/** The payload format's version; a breaking change to a payload gets a new date (docs/api.md). */
export const WEBHOOK_API_VERSION = "2026-11-26";

/**
 * Every event an endpoint may subscribe to, with what it means to a receiver. Which organizations receive
 * each one is decided where it is emitted (see `WebhookRecipient`); docs/api.md states the rule.
 */
export const WEBHOOK_EVENT_TYPES = {
  "intervention.published":
    "An intervention of the organization was published in the national catalogue (first time or a new revision).",
  "intervention.archived": "An intervention of the organization was archived and left the public catalogue.",
  "training.created": "A training was created that the organization owns or takes part in.",
  "training.confirmed": "A training the organization owns or takes part in was confirmed.",
  "training.cancelled": "A training the organization owns or takes part in was cancelled.",
  "registration.created":
    "A person was registered for a session (confirmed or on the waiting list): sent to the förbund whose participant it is and to the training's owner.",
  "registration.cancelled":
    "A session registration was cancelled: sent to the participant's förbund and to the training's owner.",
  "registration.promoted":
    "A person moved up from the waiting list to a confirmed seat: sent to the participant's förbund and to the training's owner.",
  "training_request.scheduled":
    "The organization's intresseanmälan was turned into a training (sent to the förbund that sent it).",
  "training_request.reopened":
    "The training the organization's intresseanmälan was scheduled to was cancelled; the request is open for NNS to schedule again (sent to the förbund that sent it).",
  "invoice.issued":
    "An invoice or credit note was issued to the organization (sent to the förbund invoiced, not to the seller).",
  "invoice.paid":
    "An invoice to the organization became paid in full (by bankgiro, plusgiro, Stripe or as registered by NNS); sent to the förbund invoiced.",
  "newsletter.sent":
    "An issue of a joint newsletter the organization publishes (as owner or co-publisher) has been sent to every subscriber: publication, issue and delivery counts.",
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENT_TYPES;
export const WEBHOOK_EVENT_TYPE_NAMES = Object.keys(WEBHOOK_EVENT_TYPES) as [
  WebhookEventType,
  ...WebhookEventType[],
];

/** A test event, sent to one endpoint on request; no endpoint subscribes to it. */
export const PING_EVENT = "ping";

export interface WebhookPayload {
  id: string;
  type: WebhookEventType | typeof PING_EVENT;
  apiVersion: typeof WEBHOOK_API_VERSION;
  createdAt: string;
  organizationId: string;
  data: { object: object };
}

/** One organization that hears of an event, with the object as that organization may read it. */
export interface WebhookRecipient {
  organizationId: string;
  object: object;
}

export function webhookPayload(
  type: WebhookPayload["type"],
  organizationId: string,
  object: object,
  id: string = randomUUID(),
): WebhookPayload {
  return {
    id,
    type,
    apiVersion: WEBHOOK_API_VERSION,
    createdAt: new Date().toISOString(),
    organizationId,
    data: { object },
  };
}

/**
 * Records an event for every subscribed, enabled endpoint of each recipient and enqueues its delivery, in
 * the caller's transaction: the deliveries exist exactly when the change does (the outbox pattern). Each
 * recipient's deliveries are written under that organization's scope, since another organization's
 * endpoints are invisible from the acting one; each recipient gets its own event id.
 */
export async function emitWebhookEvent(
  tx: Tx,
  ctx: OrgContext,
  type: WebhookEventType,
  recipients: readonly WebhookRecipient[],
): Promise<void> {
  const seen = new Set<string>();
  for (const recipient of recipients) {
    if (seen.has(recipient.organizationId)) continue;
    seen.add(recipient.organizationId);
    const payload = webhookPayload(type, recipient.organizationId, recipient.object);
    const ids = await inOrganizationScope(tx, ctx, recipient.organizationId, async () =>
      rowsOf<{ id: string }>(
        await tx.execute(sql`
          insert into webhook_deliveries (organization_id, endpoint_id, event_id, event_type, payload, next_attempt_at)
          select organization_id, id, ${payload.id}, ${type}, ${JSON.stringify(payload)}::jsonb, now()
            from webhook_endpoints
           where organization_id = ${recipient.organizationId} and enabled and ${type} = any(events)
          returning id`),
      ),
    );
    for (const { id } of ids) await enqueueDelivery(tx, ctx, recipient.organizationId, id);
  }
}

export interface DeliveryJob {
  organizationId: string;
  deliveryId: string;
}

export async function enqueueDelivery(
  tx: Tx,
  ctx: { deps: OrgContext["deps"] },
  organizationId: string,
  deliveryId: string,
  startAfterSeconds?: number,
): Promise<void> {
  await ctx.deps.jobs.enqueue(
    tx,
    "webhook.deliver",
    { organizationId, deliveryId } satisfies DeliveryJob,
    startAfterSeconds ? { startAfterSeconds } : {},
  );
}

/** A training as every organization it concerns sees it: no contact details, no participants. */
export function trainingObject(training: {
  id: string;
  kind: string;
  title: string;
  status: string;
  owner: { id: string };
  cancellationReason: string | null;
  sessions: { id: string; title: string; startsAt: Date; endsAt: Date; mode: string }[];
  parties: { organizationId: string }[];
}) {
  return {
    id: training.id,
    organizationId: training.owner.id,
    kind: training.kind,
    title: training.title,
    status: training.status,
    cancellationReason: training.cancellationReason,
    sessions: training.sessions.map((s) => ({
      id: s.id,
      title: s.title,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      mode: s.mode,
    })),
    partyOrganizationIds: training.parties.map((p) => p.organizationId),
  };
}

/** The training's owner and every förbund taking part. */
export function trainingRecipients(object: ReturnType<typeof trainingObject>): WebhookRecipient[] {
  return [object.organizationId, ...object.partyOrganizationIds].map((organizationId) => ({
    organizationId,
    object,
  }));
}

export interface RegistrationFacts {
  id: string;
  trainingId: string;
  sessionId: string;
  participantId: string;
  /** The förbund whose participant it is. */
  organizationId: string;
  status: string;
}

/**
 * A registration event goes to the participant's förbund, with the person's name and email (its own
 * data), and to the training's owner with ids and status only: no more than each may read in the API
 * about a person it did not register.
 */
export function registrationRecipients(
  trainingOwnerId: string,
  registration: RegistrationFacts,
  participant: { name: string; email: string },
): WebhookRecipient[] {
  return [
    {
      organizationId: registration.organizationId,
      object: { ...registration, participant: { name: participant.name, email: participant.email } },
    },
    { organizationId: trainingOwnerId, object: { ...registration, participant: null } },
  ];
}

export function emitRegistrationEvent(
  tx: Tx,
  ctx: OrgContext,
  type: "registration.created" | "registration.cancelled" | "registration.promoted",
  trainingOwnerId: string,
  registration: RegistrationFacts,
  participant: { name: string; email: string },
): Promise<void> {
  return emitWebhookEvent(tx, ctx, type, registrationRecipients(trainingOwnerId, registration, participant));
}
