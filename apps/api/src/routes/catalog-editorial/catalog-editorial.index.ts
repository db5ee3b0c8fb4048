import { createRouter } from "../../lib/router.js";
import * as handlers from "./catalog-editorial.handlers.js";
import * as routes from "./catalog-editorial.routes.js";

export const catalogEditorialRouter = createRouter()
  .openapi(routes.getSelfPublishing, handlers.getSelfPublishing)
  .openapi(routes.setSelfPublishing, handlers.setSelfPublishing)
  .openapi(routes.editorialQueue, handlers.editorialQueue)
  .openapi(routes.resultQueue, handlers.resultQueue)
  .openapi(routes.getSubmission, handlers.getSubmission)
  .openapi(routes.saveTargetGroup, handlers.saveTargetGroup);
