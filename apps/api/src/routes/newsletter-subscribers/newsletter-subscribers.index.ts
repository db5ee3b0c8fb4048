import { createRouter } from "../../lib/router.js";
import * as handlers from "./newsletter-subscribers.handlers.js";
import * as routes from "./newsletter-subscribers.routes.js";

// Export and import before `{subscriberId}`, which would otherwise take their names for an id.
export const newsletterSubscribersRouter = createRouter()
  .openapi(routes.listSubscribers, handlers.listSubscribers)
  .openapi(routes.addSubscriber, handlers.addSubscriber)
  .openapi(routes.importSubscribers, handlers.importSubscribers)
  .openapi(routes.exportSubscribers, handlers.exportSubscribers)
  .openapi(routes.getSubscriber, handlers.getSubscriber)
  .openapi(routes.eraseSubscriber, handlers.eraseSubscriber)
  .openapi(routes.unsubscribeSubscriber, handlers.unsubscribeSubscriber)
  .openapi(routes.receiveBounces, handlers.receiveBounces)
  .openapi(routes.receiveInbound, handlers.receiveInbound)
  .openapi(routes.subscribe, handlers.subscribe);
