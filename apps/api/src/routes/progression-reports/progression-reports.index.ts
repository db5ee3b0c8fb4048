import { createRouter } from "../../lib/router.js";
import * as handlers from "./progression-reports.handlers.js";
import * as routes from "./progression-reports.routes.js";

export const progressionReportsRouter = createRouter()
  .openapi(routes.exportProgressionReport, handlers.exportProgressionReport)
  .openapi(routes.getProgressionReport, handlers.getProgressionReport)
  .openapi(routes.getProgressionReportOptions, handlers.getProgressionReportOptions);
