import { createRouter } from "../../lib/router.js";
import * as handlers from "./stripe-webhook.handlers.js";
import * as routes from "./stripe-webhook.routes.js";

export const stripeWebhookRouter = createRouter().openapi(
  routes.receiveStripeEvent,
  handlers.receiveStripeEvent,
);
