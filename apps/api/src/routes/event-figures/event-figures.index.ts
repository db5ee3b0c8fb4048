import { createRouter } from "../../lib/router.js";
import * as handlers from "./event-figures.handlers.js";
import * as routes from "./event-figures.routes.js";

export const eventFiguresRouter = createRouter()
  .openapi(routes.getFollowUp, handlers.getFollowUp)
  .openapi(routes.putFigures, handlers.putFigures)
  .openapi(routes.addPastParticipant, handlers.addPastParticipant)
  .openapi(routes.listMemberParties, handlers.listMemberParties);
