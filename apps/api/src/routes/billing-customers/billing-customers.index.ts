import { createRouter } from "../../lib/router.js";
import * as handlers from "./billing-customers.handlers.js";
import * as routes from "./billing-customers.routes.js";

export const billingCustomersRouter = createRouter()
  .openapi(routes.getBillingCustomer, handlers.getBillingCustomer)
  .openapi(routes.putBillingCustomer, handlers.putBillingCustomer);
