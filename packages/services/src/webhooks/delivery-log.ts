import { type Tx, transaction, webhookDeliveries, type webhookEndpoints } from "@nns/db";
import { AppError, type Page } from "@nns/domain";
import { and, eq } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { keyset, type PageRequest } from "../pagination.js";
import { loadEndpoint } from "./endpoints.js";
import {
  enqueueDelivery,
  PING_EVENT,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
  type WebhookPayload,
  webhookPayload,
} from "./events.js";

// An endpoint's delivery log and the actions on it: resend, ping.

export interface WebhookDeliveryView {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  status: "pending" | "succeeded" | "failed" | "gave_up";
  attempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastResponseStatus: number | null;
  lastError: string | null;
  responseBodyExcerpt: string | null;
  durationMs: number | null;
  deliveredAt: Date | null;
  createdAt: Date;
  payload: WebhookPayload;
}

type DeliveryRow = typeof webhookDeliveries.$inferSelect;
type EndpointRow = typeof webhookEndpoints.$inferSelect;

const scope = (ctx: OrgContext) => ({ organizationId: ctx.organization.id });

export function deliveryView(row: DeliveryRow): WebhookDeliveryView {
  return {
    id: row.id,
    endpointId: row.endpointId,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastAttemptAt: row.lastAttemptAt,
    lastResponseStatus: row.lastResponseStatus,
    lastError: row.lastError,
    responseBodyExcerpt: row.responseBodyExcerpt,
    durationMs: row.durationMs,
    deliveredAt: row.deliveredAt,
    createdAt: row.createdAt,
    payload: row.payload as WebhookPayload,
  };
}

export async function listWebhookDeliveries(
  ctx: OrgContext,
  endpointId: string,
  page: PageRequest & { status?: WebhookDeliveryView["status"] | undefined },
): Promise<Page<WebhookDeliveryView>> {
  requirePermission(ctx, "webhooks:manage");
  const keys = keyset(page, webhookDeliveries.createdAt, webhookDeliveries.id, "desc");
  return transaction(ctx.deps.db, scope(ctx), async (tx) => {
    await loadEndpoint(tx, ctx, endpointId);
    const rows = await tx
      .select()
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.organizationId, ctx.organization.id),
          eq(webhookDeliveries.endpointId, endpointId),
          page.status ? eq(webhookDeliveries.status, page.status) : undefined,
          keys.after,
        ),
      )
      .orderBy(...keys.orderBy)
      .limit(keys.limit);
    return keys.page(rows.map(deliveryView), (d) => [d.createdAt, d.id]);
  });
}

async function queueForEndpoint(
  tx: Tx,
  ctx: OrgContext,
  endpoint: EndpointRow,
  payload: WebhookPayload,
): Promise<WebhookDeliveryView> {
  if (!endpoint.enabled)
    throw new AppError("conflict", "The endpoint is disabled; enable it before sending to it.");
  const [row] = await tx
    .insert(webhookDeliveries)
    .values({
      organizationId: ctx.organization.id,
      endpointId: endpoint.id,
      eventId: payload.id,
      eventType: payload.type,
      payload,
      nextAttemptAt: new Date(),
    })
    .returning();
  const delivery = deliveryView(row as DeliveryRow);
  await enqueueDelivery(tx, ctx, ctx.organization.id, delivery.id);
  return delivery;
}

/**
 * Sends an event again as a new delivery with the same event id and payload, so a receiver that
 * deduplicates by `Webhook-Id` recognises it; the original delivery stays in the log as it was.
 */
export async function resendWebhookDelivery(
  ctx: OrgContext,
  endpointId: string,
  deliveryId: string,
): Promise<WebhookDeliveryView> {
  requirePermission(ctx, "webhooks:manage");
  return transaction(ctx.deps.db, scope(ctx), async (tx) => {
    const endpoint = await loadEndpoint(tx, ctx, endpointId);
    const [original] = await tx
      .select()
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.organizationId, ctx.organization.id),
          eq(webhookDeliveries.endpointId, endpointId),
          eq(webhookDeliveries.id, deliveryId),
        ),
      );
    if (!original) throw new AppError("not_found", "The delivery does not exist.");
    const delivery = await queueForEndpoint(tx, ctx, endpoint, original.payload as WebhookPayload);
    await audit(tx, ctx, {
      action: "webhook_delivery.resent",
      entityType: "webhook_delivery",
      entityId: delivery.id,
      after: { endpointId, eventId: delivery.eventId, resentFrom: deliveryId },
    });
    return delivery;
  });
}

/** Sends a `ping` event to one endpoint, to test it. */
export async function pingWebhookEndpoint(ctx: OrgContext, endpointId: string): Promise<WebhookDeliveryView> {
  requirePermission(ctx, "webhooks:manage");
  return transaction(ctx.deps.db, scope(ctx), async (tx) => {
    const endpoint = await loadEndpoint(tx, ctx, endpointId);
    const payload = webhookPayload(PING_EVENT, ctx.organization.id, {
      endpointId,
      message: "Ett testmeddelande från NNS-plattformen.",
    });
    const delivery = await queueForEndpoint(tx, ctx, endpoint, payload);
    await audit(tx, ctx, {
      action: "webhook_endpoint.pinged",
      entityType: "webhook_endpoint",
      entityId: endpointId,
      after: { deliveryId: delivery.id, eventId: delivery.eventId },
    });
    return delivery;
  });
}

export function listWebhookEventTypes(): { type: WebhookEventType; description: string }[] {
  return Object.entries(WEBHOOK_EVENT_TYPES).map(([type, description]) => ({
    type: type as WebhookEventType,
    description,
  }));
}
