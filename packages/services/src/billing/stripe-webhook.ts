// Routes: apps/api/src/routes/stripe-webhook — what Stripe tells us about the invoices it collects.
import { invoicePayments, invoices, stripeEvents, transaction } from "@nns/db";
import { AppError } from "@nns/domain";
import { and, eq, isNull, sql } from "drizzle-orm";
import { enterOrganization } from "../access.js";
import { type Deps, systemContext } from "../context.js";
import { nnsOrganizationId, stockholmDate } from "../trainings/scope.js";
import { applyPayment, lockSellerInvoice } from "./payments.js";
import { paymentFromEvent } from "./stripe/index.js";
import { stripeCollection } from "./stripe-sync.js";

/** How long Stripe is told to wait before retrying while this installation has no Stripe configured. */
const UNCONFIGURED_RETRY_SECONDS = 3_600;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface StripeEventReceipt {
  eventId: string;
  /** A delivery of an event already received: it changed nothing. */
  duplicate: boolean;
  outcome: "payment_registered" | "already_recorded" | "stripe_invoice_linked" | "ignored";
}

/**
 * One delivery to `POST /v1/webhooks/stripe`. The signature is checked on the raw body before anything
 * is read from it (400 and nothing changes otherwise). Then, in one transaction in the seller's (NNS's)
 * scope, the event id is recorded once — a replay finds it and changes nothing — and an `invoice.paid`
 * registers what Stripe collected beyond the Stripe payments already on our invoice. Because Stripe
 * reports the whole amount paid so far, events that arrive twice under two ids (`invoice.paid` and
 * `invoice.payment_succeeded`) or out of order (paid before finalized) still register the money once.
 * Without Stripe configured the answer is 503 with a Retry-After, so Stripe keeps the events until the
 * configuration is back instead of dropping them.
 */
// convention: no permission check — Stripe's signature on the raw body is the credential, checked first
export async function receiveStripeEvent(
  deps: Deps,
  rawBody: string | Buffer,
  signature: string | undefined,
): Promise<StripeEventReceipt> {
  const collection = stripeCollection(deps);
  const secret = deps.config.stripe?.webhookSecret;
  if (!collection || !secret) {
    throw new AppError(
      "service_unavailable",
      "Stripe är inte konfigurerat här (STRIPE_SECRET_KEY saknas); alla förbund betalar med bankgiro.",
      { headers: { "Retry-After": String(UNCONFIGURED_RETRY_SECONDS) } },
    );
  }
  const event = collection.parseEvent(rawBody, signature, secret);
  const meaning = paymentFromEvent(event);
  const sellerId = await transaction(deps.db, {}, (tx) => nnsOrganizationId(tx));
  const ctx = await enterOrganization(systemContext(deps, "stripe"), sellerId);
  return transaction(deps.db, { organizationId: sellerId }, async (tx) => {
    const recorded = await tx
      .insert(stripeEvents)
      .values({
        organizationId: sellerId,
        eventId: event.id,
        type: event.type,
        stripeCreatedAt: new Date(event.created * 1000),
      })
      .onConflictDoNothing()
      .returning({ eventId: stripeEvents.eventId });
    const receipt = (outcome: StripeEventReceipt["outcome"], duplicate = false) => ({
      eventId: event.id,
      duplicate,
      outcome,
    });
    if (recorded.length === 0) return receipt("ignored", true);
    if (meaning.kind === "ignored" || meaning.kind === "voided" || !UUID.test(meaning.ourInvoiceId)) {
      return receipt("ignored");
    }
    const [known] = await tx
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(eq(invoices.organizationId, sellerId), eq(invoices.id, meaning.ourInvoiceId)));
    if (!known) return receipt("ignored");
    let invoice = await lockSellerInvoice(tx, sellerId, meaning.ourInvoiceId);
    if (!invoice.stripeInvoiceId) {
      await tx
        .update(invoices)
        .set({ stripeInvoiceId: meaning.stripeInvoiceId })
        .where(
          and(
            eq(invoices.organizationId, sellerId),
            eq(invoices.id, invoice.id),
            isNull(invoices.stripeInvoiceId),
          ),
        );
      invoice = { ...invoice, stripeInvoiceId: meaning.stripeInvoiceId };
    }
    if (meaning.kind === "finalized") return receipt("stripe_invoice_linked");
    const [sum] = await tx
      .select({ ore: sql<string>`coalesce(sum(${invoicePayments.amountOre}), 0)` })
      .from(invoicePayments)
      .where(
        and(
          eq(invoicePayments.organizationId, sellerId),
          eq(invoicePayments.invoiceId, invoice.id),
          eq(invoicePayments.method, "stripe"),
        ),
      );
    const newOre = meaning.amountOre - Number(sum?.ore ?? 0);
    if (newOre <= 0) return receipt("already_recorded");
    await applyPayment(tx, ctx, invoice, {
      paidOn: stockholmDate(new Date(meaning.paidAt)),
      amountOre: newOre,
      method: "stripe",
      reference: meaning.stripeInvoiceId,
      stripeEventId: event.id,
      registeredByUserId: null,
    });
    return receipt("payment_registered");
  });
}
