import { AppError, fieldError } from "@nns/domain";
import Stripe from "stripe";

const SIGNATURE_FIELD = "header.stripe-signature";
/** Stripe's own default: a delivery signed more than five minutes ago is refused as a possible replay. */
export const STRIPE_SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * A webhook delivery from Stripe, verified: the `Stripe-Signature` header must hold an HMAC of the raw
 * body (exactly the bytes received, before any JSON parsing) made with our endpoint's secret, signed
 * less than five minutes ago. Anything else is a 400 that names the header and the rule it broke.
 */
export function verifyStripeEvent(
  rawBody: string | Buffer,
  signatureHeader: string | undefined,
  webhookSecret: string,
): Stripe.Event {
  if (!webhookSecret) throw new Error("STRIPE_WEBHOOK_SECRET is not configured");
  if (!signatureHeader) {
    throw fieldError(
      SIGNATURE_FIELD,
      "required",
      "Huvudet Stripe-Signature saknas: leveransen kan inte kontrolleras.",
    );
  }
  try {
    return Stripe.webhooks.constructEvent(
      rawBody,
      signatureHeader,
      webhookSecret,
      STRIPE_SIGNATURE_TOLERANCE_SECONDS,
    );
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError)
      throw signatureProblem(error.message);
    if (error instanceof SyntaxError)
      throw new AppError("malformed_json", "Händelsens kropp är inte giltig JSON.");
    throw error;
  }
}

function signatureProblem(sdkMessage: string): AppError {
  if (sdkMessage.startsWith("Timestamp outside the tolerance zone")) {
    return fieldError(
      SIGNATURE_FIELD,
      "timestamp_outside_tolerance",
      "Stripe-Signature är äldre än fem minuter; en gammal leverans tas inte emot igen.",
    );
  }
  if (
    sdkMessage.startsWith("Unable to extract") ||
    sdkMessage.startsWith("No signatures found with expected scheme")
  ) {
    return fieldError(
      SIGNATURE_FIELD,
      "invalid_format",
      "Stripe-Signature ska ha formen t=<tid>,v1=<signatur>.",
    );
  }
  return fieldError(
    SIGNATURE_FIELD,
    "signature_mismatch",
    "Stripe-Signature stämmer inte med kroppen och vår hemlighet: kroppen är ändrad eller hemligheten fel.",
  );
}

/** What a Stripe event means for our ledger. Amounts in öre, times ISO 8601 UTC. */
export type StripeInvoiceEvent =
  | {
      kind: "paid";
      ourInvoiceId: string;
      stripeInvoiceId: string;
      /** All that has been paid on the Stripe invoice so far: apply it keyed by `stripeInvoiceId`, never add it up. */
      amountOre: number;
      paidAt: string;
    }
  | {
      kind: "finalized";
      ourInvoiceId: string;
      stripeInvoiceId: string;
      /** Stripe's payment page for the förbund; null until Stripe has made it. */
      hostedInvoiceUrl: string | null;
      finalizedAt: string;
    }
  | { kind: "voided"; ourInvoiceId: string; stripeInvoiceId: string; voidedAt: string }
  | { kind: "ignored"; reason: "event_type" | "not_ours" | "paid_out_of_band" };

/** Events to enable on the Stripe webhook endpoint; every other type maps to `ignored`. */
export const STRIPE_EVENT_TYPES = [
  "invoice.finalized",
  "invoice.paid",
  "invoice.payment_succeeded",
  "invoice.voided",
];

/**
 * The meaning of an event for our ledger, read from the event alone. Our invoice id is in the Stripe
 * invoice's metadata; an invoice without it was made by hand in Stripe's dashboard and is not ours.
 * `invoice.paid` and `invoice.payment_succeeded` both arrive for one card payment and give the same
 * answer. A payment we registered ourselves (bankgiro, marked paid out of band) is ignored.
 */
export function paymentFromEvent(event: Stripe.Event): StripeInvoiceEvent {
  if (!STRIPE_EVENT_TYPES.includes(event.type)) return { kind: "ignored", reason: "event_type" };
  const invoice = event.data.object as Stripe.Invoice;
  const ourInvoiceId = invoice.metadata?.ourInvoiceId;
  if (!ourInvoiceId || invoice.object !== "invoice") return { kind: "ignored", reason: "not_ours" };
  const at = (seconds: number | null | undefined) =>
    new Date((seconds ?? event.created) * 1000).toISOString();
  const ids = { ourInvoiceId, stripeInvoiceId: invoice.id };
  switch (event.type) {
    case "invoice.finalized":
      return {
        kind: "finalized",
        ...ids,
        hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
        finalizedAt: at(invoice.status_transitions.finalized_at),
      };
    case "invoice.voided":
      return { kind: "voided", ...ids, voidedAt: at(invoice.status_transitions.voided_at) };
    default:
      if (invoice.metadata?.paidOutOfBand === "true") return { kind: "ignored", reason: "paid_out_of_band" };
      return {
        kind: "paid",
        ...ids,
        amountOre: invoice.amount_paid,
        paidAt: at(invoice.status_transitions.paid_at),
      };
  }
}
