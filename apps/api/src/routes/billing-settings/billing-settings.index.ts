import { createRouter } from "../../lib/router.js";
import * as handlers from "./billing-settings.handlers.js";
import * as routes from "./billing-settings.routes.js";

export const billingSettingsRouter = createRouter()
  .openapi(routes.getSellerSettings, handlers.getSellerSettings)
  .openapi(routes.putSellerSettings, handlers.putSellerSettings)
  .openapi(routes.getInvoicingDetails, handlers.getInvoicingDetails)
  .openapi(routes.putInvoicingDetails, handlers.putInvoicingDetails)
  .openapi(routes.putTrainingReference, handlers.putTrainingReference);
