import { createRouter } from "../../lib/router.js";
import * as handlers from "./statistics.handlers.js";
import * as routes from "./statistics.routes.js";

export const statisticsRouter = createRouter()
  .openapi(routes.listStatisticsPeriods, handlers.listStatisticsPeriods)
  .openapi(routes.getStatisticsRanking, handlers.getStatisticsRanking)
  .openapi(routes.getForbundStatisticsCsv, handlers.getForbundStatisticsCsv)
  .openapi(routes.getForbundStatistics, handlers.getForbundStatistics)
  .openapi(routes.getMunicipalityStatisticsCsv, handlers.getMunicipalityStatisticsCsv)
  .openapi(routes.getMunicipalityStatisticsTrend, handlers.getMunicipalityStatisticsTrend)
  .openapi(routes.getMunicipalityStatistics, handlers.getMunicipalityStatistics);
