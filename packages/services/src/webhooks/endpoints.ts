import { randomBytes } from "node:crypto";
import { isIP } from "node:net";
import { type Tx, transaction, webhookEndpoints } from "@nns/db";
import { AppError, fieldError, type Page } from "@nns/domain";
import { and, eq } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext, ServiceConfig } from "../context.js";
import { keyset, type PageRequest } from "../pagination.js";
import { classifyAddress } from "./address.js";
import type { WebhookEventType } from "./events.js";

export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string | null;
  events: WebhookEventType[];
  enabled: boolean;
  disabledReason: string | null;
  disabledAt: Date | null;
  /** The first failed attempt since the last success, or null while deliveries succeed. */
  failingSince: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

type EndpointRow = typeof webhookEndpoints.$inferSelect;

/** What the platform allows as a webhook target; both off in production (decision 0014). */
export interface WebhookTargetRules {
  allowHttp: boolean;
  allowPrivateTargets: boolean;
}

export function targetRules(config: ServiceConfig): WebhookTargetRules {
  return {
    allowHttp: config.webhooks?.allowHttp ?? false,
    allowPrivateTargets: config.webhooks?.allowPrivateTargets ?? false,
  };
}

function endpointView(row: EndpointRow): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events as WebhookEventType[],
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    disabledAt: row.disabledAt,
    failingSince: row.failingSince,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
/**
 * A URL the platform will deliver to: HTTPS (HTTP only where configured for development), no credentials
 * in it (they would show in logs and the admin), and not a literal address in a refused range. A host
 * name is resolved and checked again at every delivery, since its address can change.
 */
export function checkWebhookUrl(value: string, rules: WebhookTargetRules, field = "body.url"): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw fieldError(field, "url", "Ange en fullständig adress, t.ex. https://example.se/webhooks.");
  }
  if (url.protocol !== "https:" && !(rules.allowHttp && url.protocol === "http:"))
    throw fieldError(field, "https_required", "Adressen måste börja med https://.");
  if (url.username || url.password)
    throw fieldError(field, "no_credentials", "Adressen får inte innehålla användarnamn eller lösenord.");
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (!rules.allowPrivateTargets) {
    const kind = isIP(host)
      ? classifyAddress(host)
      : host === "localhost" || host.endsWith(".localhost")
        ? "loopback"
        : "public";
    if (kind !== "public")
      throw fieldError(
        field,
        "public_address_required",
        `Adressen pekar på ett internt nät (${kind}), dit skickas inga händelser.`,
      );
  }
  url.hash = "";
  return url.toString();
}

function newSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

export async function loadEndpoint(tx: Tx, ctx: OrgContext, endpointId: string): Promise<EndpointRow> {
  const [row] = await tx
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.organizationId, ctx.organization.id), eq(webhookEndpoints.id, endpointId)))
    .for("update");
  if (!row) throw new AppError("not_found", "The webhook endpoint does not exist.");
  return row;
}

const scope = (ctx: OrgContext) => ({ organizationId: ctx.organization.id });

export interface WebhookEndpointInput {
  url: string;
  description?: string | null | undefined;
  events: WebhookEventType[];
}

export async function createWebhookEndpoint(
  ctx: OrgContext,
  input: WebhookEndpointInput,
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  requirePermission(ctx, "webhooks:manage");
  const url = checkWebhookUrl(input.url, targetRules(ctx.deps.config));
  const secret = newSecret();
  return transaction(ctx.deps.db, scope(ctx), async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        organizationId: ctx.organization.id,
        url,
        description: input.description ?? null,
        events: [...new Set(input.events)],
        secret,
        createdByUserId: ctx.actor.type === "user" ? ctx.actor.userId : null,
      })
      .returning();
    const endpoint = endpointView(row as EndpointRow);
    await audit(tx, ctx, {
      action: "webhook_endpoint.created",
      entityType: "webhook_endpoint",
      entityId: endpoint.id,
      after: endpoint,
    });
    return { endpoint, secret };
  });
}

export async function listWebhookEndpoints(
  ctx: OrgContext,
  page: PageRequest,
): Promise<Page<WebhookEndpointView>> {
  requirePermission(ctx, "webhooks:manage");
  const keys = keyset(page, webhookEndpoints.createdAt, webhookEndpoints.id, "desc");
  return transaction(ctx.deps.db, scope(ctx), async (tx) => {
    const rows = await tx
      .select()
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.organizationId, ctx.organization.id), keys.after))
      .orderBy(...keys.orderBy)
      .limit(keys.limit);
    return keys.page(rows.map(endpointView), (e) => [e.createdAt, e.id]);
  });
}

export async function getWebhookEndpoint(ctx: OrgContext, endpointId: string): Promise<WebhookEndpointView> {
  requirePermission(ctx, "webhooks:manage");
  return transaction(ctx.deps.db, scope(ctx), async (tx) =>
    endpointView(await loadEndpoint(tx, ctx, endpointId)),
  );
}

export interface WebhookEndpointChanges {
  url?: string | undefined;
  description?: string | null | undefined;
  events?: WebhookEventType[] | undefined;
  enabled?: boolean | undefined;
}

/** Changes an endpoint. Switching it on again clears the failure state, so it gets a fresh 3 days. */
export async function updateWebhookEndpoint(
  ctx: OrgContext,
  endpointId: string,
  changes: WebhookEndpointChanges,
): Promise<WebhookEndpointView> {
  requirePermission(ctx, "webhooks:manage");
  const url =
    changes.url === undefined ? undefined : checkWebhookUrl(changes.url, targetRules(ctx.deps.config));
  return transaction(ctx.deps.db, scope(ctx), async (tx) => {
    const before = await loadEndpoint(tx, ctx, endpointId);
    const now = new Date();
    const toggled = changes.enabled !== undefined && changes.enabled !== before.enabled;
    const [row] = await tx
      .update(webhookEndpoints)
      .set({
        ...(url !== undefined && { url }),
        ...(changes.description !== undefined && { description: changes.description }),
        ...(changes.events !== undefined && { events: [...new Set(changes.events)] }),
        ...(toggled &&
          (changes.enabled
            ? { enabled: true, disabledReason: null, disabledAt: null, failingSince: null }
            : { enabled: false, disabledReason: "Avstängd av en administratör.", disabledAt: now })),
        version: before.version + 1,
        updatedAt: now,
      })
      .where(
        and(eq(webhookEndpoints.organizationId, ctx.organization.id), eq(webhookEndpoints.id, endpointId)),
      )
      .returning();
    const after = endpointView(row as EndpointRow);
    await audit(tx, ctx, {
      action: toggled
        ? changes.enabled
          ? "webhook_endpoint.enabled"
          : "webhook_endpoint.disabled"
        : "webhook_endpoint.updated",
      entityType: "webhook_endpoint",
      entityId: endpointId,
      before: endpointView(before),
      after,
    });
    return after;
  });
}

/** Deletes an endpoint and its delivery log; deliveries not yet made are dropped. */
export async function deleteWebhookEndpoint(ctx: OrgContext, endpointId: string): Promise<void> {
  requirePermission(ctx, "webhooks:manage");
  await transaction(ctx.deps.db, scope(ctx), async (tx) => {
    const before = await loadEndpoint(tx, ctx, endpointId);
    await tx
      .delete(webhookEndpoints)
      .where(
        and(eq(webhookEndpoints.organizationId, ctx.organization.id), eq(webhookEndpoints.id, endpointId)),
      );
    await audit(tx, ctx, {
      action: "webhook_endpoint.deleted",
      entityType: "webhook_endpoint",
      entityId: endpointId,
      before: endpointView(before),
    });
  });
}

/** A new signing secret, in force at once for every later attempt; the old one stops verifying. */
export async function rotateWebhookSecret(
  ctx: OrgContext,
  endpointId: string,
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  requirePermission(ctx, "webhooks:manage");
  const secret = newSecret();
  return transaction(ctx.deps.db, scope(ctx), async (tx) => {
    const before = await loadEndpoint(tx, ctx, endpointId);
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ secret, version: before.version + 1, updatedAt: new Date() })
      .where(
        and(eq(webhookEndpoints.organizationId, ctx.organization.id), eq(webhookEndpoints.id, endpointId)),
      )
      .returning();
    const endpoint = endpointView(row as EndpointRow);
    await audit(tx, ctx, {
      action: "webhook_endpoint.secret_rotated",
      entityType: "webhook_endpoint",
      entityId: endpointId,
    });
    return { endpoint, secret };
  });
}
