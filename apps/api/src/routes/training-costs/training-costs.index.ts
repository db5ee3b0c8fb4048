import { createRouter } from "../../lib/router.js";
import * as handlers from "./training-costs.handlers.js";
import * as routes from "./training-costs.routes.js";

export const trainingCostsRouter = createRouter()
  .openapi(routes.trainingCosts, handlers.trainingCosts)
  .openapi(routes.addPrintCost, handlers.addPrintCost)
  .openapi(routes.removePrintCost, handlers.removePrintCost);
