import { createRouter } from "../../lib/router.js";
import * as handlers from "./progression-privacy.handlers.js";
import * as routes from "./progression-privacy.routes.js";

export const progressionPrivacyRouter = createRouter()
  .openapi(routes.createSelfRatingLink, handlers.createSelfRatingLink)
  .openapi(routes.exportParticipant, handlers.exportParticipant)
  .openapi(routes.eraseParticipant, handlers.eraseParticipant)
  .openapi(routes.getProgressionSettings, handlers.getProgressionSettings)
  .openapi(routes.putProgressionSettings, handlers.putProgressionSettings)
  .openapi(routes.getSelfRating, handlers.getSelfRating)
  .openapi(routes.submitSelfRating, handlers.submitSelfRating);
