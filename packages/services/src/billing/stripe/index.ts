export {
  StripeCollection,
  type StripeCollectionOptions,
  stripeIdempotencyKey,
  stripeItems,
} from "./collection.js";
export {
  paymentFromEvent,
  STRIPE_EVENT_TYPES,
  STRIPE_SIGNATURE_TOLERANCE_SECONDS,
  type StripeInvoiceEvent,
  verifyStripeEvent,
} from "./events.js";
