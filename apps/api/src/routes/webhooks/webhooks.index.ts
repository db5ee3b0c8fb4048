import { createRouter } from "../../lib/router.js";
import { registerWebhookEvents } from "./webhooks.events.js";
import * as handlers from "./webhooks.handlers.js";
import * as routes from "./webhooks.routes.js";

export const webhooksRouter = createRouter()
  .openapi(routes.listWebhookEventTypes, handlers.listWebhookEventTypes)
  .openapi(routes.createWebhookEndpoint, handlers.createWebhookEndpoint)
  .openapi(routes.listWebhookEndpoints, handlers.listWebhookEndpoints)
  .openapi(routes.getWebhookEndpoint, handlers.getWebhookEndpoint)
  .openapi(routes.updateWebhookEndpoint, handlers.updateWebhookEndpoint)
  .openapi(routes.deleteWebhookEndpoint, handlers.deleteWebhookEndpoint)
  .openapi(routes.rotateWebhookSecret, handlers.rotateWebhookSecret)
  .openapi(routes.listWebhookDeliveries, handlers.listWebhookDeliveries)
  .openapi(routes.resendWebhookDelivery, handlers.resendWebhookDelivery)
  .openapi(routes.pingWebhookEndpoint, handlers.pingWebhookEndpoint);

export { registerWebhookEvents };
