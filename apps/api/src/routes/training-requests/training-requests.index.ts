import { createRouter } from "../../lib/router.js";
import * as handlers from "./training-requests.handlers.js";
import * as routes from "./training-requests.routes.js";

export const trainingRequestsRouter = createRouter()
  .openapi(routes.listTrainingRequests, handlers.listTrainingRequests)
  .openapi(routes.submitTrainingRequest, handlers.submitTrainingRequest)
  .openapi(routes.getTrainingRequest, handlers.getTrainingRequest)
  .openapi(routes.withdrawTrainingRequest, handlers.withdrawTrainingRequest)
  .openapi(routes.declineTrainingRequest, handlers.declineTrainingRequest);
