import { AppError } from "@nns/domain";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { paymentFromEvent, StripeCollection } from "../src/billing/stripe/index.js";
import { signedEvent } from "../src/testing.js";

/** Stripe webhook deliveries: verification on the raw body, and what each event means for our ledger. */
const webhookSecret = "whsec_test_nns_0123456789";

describe("webhook events", () => {
  const invoiceObject = (overrides: Partial<Stripe.Invoice> = {}) =>
    ({
      id: "in_123",
      object: "invoice",
      status: "paid",
      total: 3_125_000,
      amount_paid: 3_125_000,
      currency: "sek",
      hosted_invoice_url: "https://invoice.stripe.com/i/x",
      metadata: { ourInvoiceId: "inv-1" },
      status_transitions: {
        finalized_at: 1_800_000_000,
        paid_at: 1_800_086_400,
        voided_at: null,
        marked_uncollectible_at: null,
      },
      ...overrides,
    }) as Stripe.Invoice;
  // Verification needs no network: the key is never used.
  const collection = () => new StripeCollection({ secretKey: "sk_test_unused" });

  it("accepts a correctly signed body and gives the event", () => {
    const { body, signature, eventId } = signedEvent("invoice.paid", invoiceObject(), webhookSecret);
    const event = collection().parseEvent(Buffer.from(body), signature, webhookSecret);
    expect(event).toMatchObject({ id: eventId, type: "invoice.paid", data: { object: { id: "in_123" } } });
  });

  it("refuses a tampered body, a wrong secret, an old timestamp and a missing header, naming the header and rule", () => {
    const { body, signature } = signedEvent("invoice.paid", invoiceObject(), webhookSecret);
    const problem = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        const { code, status, errors } = error as AppError;
        return { code, status, field: errors?.[0]?.field, rule: errors?.[0]?.rule };
      }
      throw new Error("accepted");
    };
    const tampered = body.replace("3125000", "1");
    expect(problem(() => collection().parseEvent(tampered, signature, webhookSecret))).toEqual({
      code: "validation_failed",
      status: 400,
      field: "header.stripe-signature",
      rule: "signature_mismatch",
    });
    expect(problem(() => collection().parseEvent(body, signature, "whsec_other")).rule).toBe(
      "signature_mismatch",
    );
    const old = signedEvent("invoice.paid", invoiceObject(), webhookSecret, {
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect(problem(() => collection().parseEvent(old.body, old.signature, webhookSecret)).rule).toBe(
      "timestamp_outside_tolerance",
    );
    expect(problem(() => collection().parseEvent(body, undefined, webhookSecret)).rule).toBe("required");
    expect(problem(() => collection().parseEvent(body, "garbage", webhookSecret)).rule).toBe(
      "invalid_format",
    );
  });

  it("maps invoice.paid and invoice.payment_succeeded to our invoice id and amount, and the rest as they mean", () => {
    const event = (type: string, object: object) =>
      JSON.parse(signedEvent(type, object, webhookSecret).body) as Stripe.Event;
    const paid = {
      kind: "paid",
      ourInvoiceId: "inv-1",
      stripeInvoiceId: "in_123",
      amountOre: 3_125_000,
      paidAt: "2027-01-16T08:00:00.000Z",
    };
    expect(paymentFromEvent(event("invoice.paid", invoiceObject()))).toEqual(paid);
    expect(paymentFromEvent(event("invoice.payment_succeeded", invoiceObject()))).toEqual(paid);
    expect(
      paymentFromEvent(event("invoice.finalized", invoiceObject({ status: "open", amount_paid: 0 }))),
    ).toEqual({
      kind: "finalized",
      ourInvoiceId: "inv-1",
      stripeInvoiceId: "in_123",
      hostedInvoiceUrl: "https://invoice.stripe.com/i/x",
      finalizedAt: "2027-01-15T08:00:00.000Z",
    });
    expect(paymentFromEvent(event("invoice.voided", invoiceObject({ status: "void" })))).toMatchObject({
      kind: "voided",
      ourInvoiceId: "inv-1",
    });
    expect(paymentFromEvent(event("invoice.paid", invoiceObject({ metadata: {} })))).toEqual({
      kind: "ignored",
      reason: "not_ours",
    });
    expect(paymentFromEvent(event("charge.refunded", { id: "ch_1", object: "charge" }))).toEqual({
      kind: "ignored",
      reason: "event_type",
    });
  });
});
