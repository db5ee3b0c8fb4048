import { createRouter } from "../../lib/router.js";
import * as handlers from "./billing-exports.handlers.js";
import * as routes from "./billing-exports.routes.js";

export const billingExportsRouter = createRouter()
  .openapi(routes.exportInvoicesCsv, handlers.exportInvoicesCsv)
  .openapi(routes.exportBookkeepingSie, handlers.exportBookkeepingSie)
  .openapi(routes.getBillingAccounts, handlers.getBillingAccounts)
  .openapi(routes.putBillingAccounts, handlers.putBillingAccounts);
