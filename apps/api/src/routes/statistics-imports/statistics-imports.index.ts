import { createRouter } from "../../lib/router.js";
import * as handlers from "./statistics-imports.handlers.js";
import * as routes from "./statistics-imports.routes.js";

export const statisticsImportsRouter = createRouter()
  .openapi(routes.uploadStatisticsImport, handlers.uploadStatisticsImport)
  .openapi(routes.listStatisticsImports, handlers.listStatisticsImports)
  .openapi(routes.getStatisticsImport, handlers.getStatisticsImport);
