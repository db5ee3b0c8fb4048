import { createRouter } from "../../lib/router.js";
import * as handlers from "./statistics-reports.handlers.js";
import * as routes from "./statistics-reports.routes.js";

export const statisticsReportsRouter = createRouter().openapi(
  routes.getForbundBoardReport,
  handlers.getForbundBoardReport,
);
