import { createRouter } from "../../lib/router.js";
import * as handlers from "./event-budget.handlers.js";
import * as routes from "./event-budget.routes.js";

export const eventBudgetRouter = createRouter()
  .openapi(routes.getBudget, handlers.getBudget)
  .openapi(routes.addLine, handlers.addLine)
  .openapi(routes.updateLine, handlers.updateLine)
  .openapi(routes.removeLine, handlers.removeLine);
