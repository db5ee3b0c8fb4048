import { createRouter } from "../../lib/router.js";
import * as handlers from "./event-series.handlers.js";
import * as routes from "./event-series.routes.js";

export const eventSeriesRouter = createRouter()
  .openapi(routes.listSeries, handlers.listSeries)
  .openapi(routes.createSeries, handlers.createSeries)
  .openapi(routes.getSeries, handlers.getSeries)
  .openapi(routes.updateSeries, handlers.updateSeries)
  .openapi(routes.putTrainingSeries, handlers.putTrainingSeries);
