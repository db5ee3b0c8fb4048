import { timingSafeEqual } from "node:crypto";
import {
  newsletterBounces,
  newsletterDeliveries,
  newsletterSubscribers,
  type Tx,
  transaction,
} from "@nns/db";
import { AppError, fieldError, SOFT_BOUNCE_POLICY } from "@nns/domain";
import { and, count, eq, gte, inArray } from "drizzle-orm";
import type { Deps } from "../context.js";
import { webhookSignature } from "../webhooks/signing.js";
import {
  type BounceKind,
  type OriginalMessage,
  parseInboundMail,
  tokenInListUnsubscribe,
} from "./delivery-status.js";
import { type SubscriberRow, suppress, unsubscribeRow } from "./subscriber-records.js";
import { signingKey, verifyToken } from "./tokens.js";
import { unsubscribeByToken } from "./unsubscribe.js";

/** A signed post older than this is refused as a possible replay, as for our own webhooks. */
export const BOUNCE_SIGNATURE_TOLERANCE_SECONDS = 300;
const UNCONFIGURED_RETRY_SECONDS = 3600;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The bounce webhook and the inbound-mail endpoint take posts signed like our outgoing webhooks:
 * `Webhook-Timestamp` (Unix seconds) and `Webhook-Signature: v1=<hex HMAC-SHA256 of "{timestamp}.{body}">`
 * with `newsletters.bounceWebhookSecret`. Without a secret configured both answer 503, so a provider
 * keeps its notifications until the installation is set up.
 */
export function verifyBounceSignature(
  deps: Deps,
  rawBody: Buffer,
  timestamp: string | undefined,
  signature: string | undefined,
  now: Date = new Date(),
): void {
  const secret = deps.config.newsletters?.bounceWebhookSecret;
  if (!secret)
    throw new AppError("service_unavailable", "NEWSLETTER_BOUNCE_SECRET är inte konfigurerat här.", {
      headers: { "Retry-After": String(UNCONFIGURED_RETRY_SECONDS) },
    });
  const seconds = Number(timestamp);
  if (!timestamp || !Number.isInteger(seconds))
    throw fieldError("header.webhook-timestamp", "required", "Webhook-Timestamp ska vara Unix-sekunder.");
  if (Math.abs(now.getTime() / 1000 - seconds) > BOUNCE_SIGNATURE_TOLERANCE_SECONDS)
    throw fieldError(
      "header.webhook-timestamp",
      "timestamp_outside_tolerance",
      "Webhook-Timestamp är mer än fem minuter från vår klocka; en gammal leverans tas inte emot.",
    );
  const expected = Buffer.from(`v1=${webhookSignature(secret, seconds, rawBody.toString("utf8"))}`);
  const given = Buffer.from(signature ?? "");
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    throw fieldError(
      "header.webhook-signature",
      "signature_mismatch",
      "Webhook-Signature stämmer inte med kroppen och hemligheten.",
    );
}

const REASONS: Record<"hard" | "soft", string> = {
  hard: "Hård studs: adressen tar inte emot e-post.",
  soft: "Upprepade tillfälliga studsar.",
};

type BounceSource = (typeof newsletterBounces.$inferInsert)["source"];

/**
 * Records one bounce or complaint against the subscriber: a hard bounce blocklists at once, soft bounces
 * when `softBounce.count` of them fall within `softBounce.windowDays` (SOFT_BOUNCE_POLICY by default), a
 * complaint unsubscribes and suppresses the address so it is not mailed again.
 */
async function recordBounce(
  tx: Tx,
  deps: Deps,
  row: SubscriberRow,
  event: { kind: BounceKind; source: BounceSource; diagnostic: string | null },
): Promise<void> {
  const receivedAt = new Date();
  await tx.insert(newsletterBounces).values({
    organizationId: row.organizationId,
    publicationId: row.publicationId,
    subscriberId: row.id,
    kind: event.kind,
    source: event.source,
    diagnostic: event.diagnostic?.slice(0, 1000) ?? null,
    receivedAt,
  });
  if (event.kind === "complaint") {
    await unsubscribeRow(tx, row);
    await suppress(tx, row, "complaint");
    return;
  }
  if (event.kind === "soft") {
    const policy = deps.config.newsletters?.softBounce ?? SOFT_BOUNCE_POLICY;
    const [recent] = await tx
      .select({ n: count() })
      .from(newsletterBounces)
      .where(
        and(
          eq(newsletterBounces.organizationId, row.organizationId),
          eq(newsletterBounces.subscriberId, row.id),
          eq(newsletterBounces.kind, "soft"),
          gte(newsletterBounces.receivedAt, new Date(receivedAt.getTime() - policy.windowDays * 86_400_000)),
        ),
      );
    if ((recent?.n ?? 0) < policy.count) return;
  }
  await tx
    .update(newsletterSubscribers)
    .set({
      status: "blocklisted",
      blocklistedAt: receivedAt,
      blocklistReason: REASONS[event.kind],
      updatedAt: receivedAt,
    })
    .where(
      and(
        eq(newsletterSubscribers.organizationId, row.organizationId),
        eq(newsletterSubscribers.id, row.id),
        inArray(newsletterSubscribers.status, ["confirmed", "unconfirmed", "unsubscribed"]),
      ),
    );
}

/**
 * A recipient our SMTP server refused for good (5xx to RCPT TO) while sending: the same as a hard bounce
 * reported later, so the address is blocklisted and not tried again. Runs in the sender's transaction, in
 * the owner's scope; a subscriber erased meanwhile leaves nothing to record.
 */
export async function recordRefusedRecipient(
  tx: Tx,
  deps: Deps,
  organizationId: string,
  subscriberId: string,
  diagnostic: string,
): Promise<void> {
  const row = await subscriberById(tx, organizationId, subscriberId);
  if (row) await recordBounce(tx, deps, row, { kind: "hard", source: "smtp", diagnostic });
}

async function subscriberById(
  tx: Tx,
  organizationId: string,
  subscriberId: string,
): Promise<SubscriberRow | undefined> {
  const [row] = await tx
    .select()
    .from(newsletterSubscribers)
    .where(
      and(
        eq(newsletterSubscribers.organizationId, organizationId),
        eq(newsletterSubscribers.id, subscriberId),
      ),
    );
  return row;
}

/**
 * Finds the subscriber a report is about. The original's List-Unsubscribe token names the owner (and so
 * the scope to look in) and a subscriber; the Message-ID `<{deliveryId}@…>` names the delivery, whose
 * subscriber wins; failing that, the recipient's address within the token subscriber's publication.
 */
async function subscriberOf(
  tx: Tx,
  organizationId: string,
  tokenSubscriberId: string,
  report: OriginalMessage,
) {
  const deliveryId = /^<?([^@>]+)@/.exec(report.messageId ?? "")?.[1];
  if (deliveryId && UUID.test(deliveryId)) {
    const [delivery] = await tx
      .select({ subscriberId: newsletterDeliveries.subscriberId })
      .from(newsletterDeliveries)
      .where(
        and(eq(newsletterDeliveries.organizationId, organizationId), eq(newsletterDeliveries.id, deliveryId)),
      );
    if (delivery?.subscriberId) {
      const row = await subscriberById(tx, organizationId, delivery.subscriberId);
      if (row) return row;
    }
  }
  const named = await subscriberById(tx, organizationId, tokenSubscriberId);
  if (!named || !report.recipient || named.email === report.recipient) return named;
  const [byAddress] = await tx
    .select()
    .from(newsletterSubscribers)
    .where(
      and(
        eq(newsletterSubscribers.organizationId, organizationId),
        eq(newsletterSubscribers.publicationId, named.publicationId),
        eq(newsletterSubscribers.email, report.recipient),
      ),
    );
  return byAddress ?? named;
}

export type BounceOutcome = "recorded" | "unmatched";

async function applyReport(
  deps: Deps,
  report: OriginalMessage & { kind: BounceKind; diagnostic: string | null },
  source: BounceSource,
): Promise<BounceOutcome> {
  const claims = report.unsubscribeToken
    ? verifyToken(await signingKey(deps.db), report.unsubscribeToken, "unsubscribe")
    : null;
  if (!claims) return "unmatched";
  return transaction(deps.db, { organizationId: claims.organizationId }, async (tx) => {
    const row = await subscriberOf(tx, claims.organizationId, claims.subscriberId, report);
    if (!row) return "unmatched";
    await recordBounce(tx, deps, row, { kind: report.kind, source, diagnostic: report.diagnostic });
    return "recorded";
  });
}

export interface BounceWebhookEvent {
  kind: BounceKind;
  recipient?: string | null | undefined;
  messageId?: string | null | undefined;
  /** The original message's List-Unsubscribe header, as the provider reports the original's headers. */
  listUnsubscribe?: string | null | undefined;
  diagnostic?: string | null | undefined;
}

/** A provider's notifications, each matched and recorded on its own; unmatched ones are counted, not errors. */
export async function receiveBounceWebhook(
  deps: Deps,
  rawBody: Buffer,
  timestamp: string | undefined,
  signature: string | undefined,
  events: () => BounceWebhookEvent[],
): Promise<{ recorded: number; unmatched: number }> {
  verifyBounceSignature(deps, rawBody, timestamp, signature);
  const result = { recorded: 0, unmatched: 0 };
  for (const event of events()) {
    const outcome = await applyReport(
      deps,
      {
        kind: event.kind,
        recipient: event.recipient?.trim().toLowerCase() || null,
        messageId: event.messageId ?? null,
        unsubscribeToken: tokenInListUnsubscribe(event.listUnsubscribe),
        diagnostic: event.diagnostic ?? null,
      },
      "webhook",
    );
    result[outcome] += 1;
  }
  return result;
}

export type InboundOutcome = "bounce_recorded" | "unsubscribed" | "unmatched" | "ignored";

/**
 * A raw message that reached the bounce or unsubscribe mailbox, forwarded to us: a DSN or complaint
 * report is recorded against its subscriber, a List-Unsubscribe mailto unsubscribes, anything else
 * (auto-replies, spam) is ignored.
 */
export async function receiveInboundMail(
  deps: Deps,
  raw: Buffer,
  timestamp: string | undefined,
  signature: string | undefined,
): Promise<{ outcome: InboundOutcome }> {
  verifyBounceSignature(deps, raw, timestamp, signature);
  const mail = await parseInboundMail(raw);
  if (mail.type === "other") return { outcome: "ignored" };
  if (mail.type === "unsubscribe")
    return { outcome: (await unsubscribeByToken(deps, mail.token)) ? "unsubscribed" : "unmatched" };
  const outcome = await applyReport(deps, mail, "dsn");
  return { outcome: outcome === "recorded" ? "bounce_recorded" : "unmatched" };
}
