import { createRouter } from "../../lib/router.js";
import * as handlers from "./surveys.handlers.js";
import * as routes from "./surveys.routes.js";

export const surveysRouter = createRouter()
  .openapi(routes.lookupSurvey, handlers.lookupSurvey)
  .openapi(routes.answerSurvey, handlers.answerSurvey)
  .openapi(routes.followUp, handlers.followUp)
  .openapi(routes.followUpOverview, handlers.followUpOverview);
