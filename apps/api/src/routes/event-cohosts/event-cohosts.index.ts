import { createRouter } from "../../lib/router.js";
import * as handlers from "./event-cohosts.handlers.js";
import * as routes from "./event-cohosts.routes.js";

export const eventCohostsRouter = createRouter()
  .openapi(routes.listCohosts, handlers.listCohosts)
  .openapi(routes.inviteCohost, handlers.inviteCohost)
  .openapi(routes.removeCohost, handlers.removeCohost)
  .openapi(routes.listInvitations, handlers.listInvitations)
  .openapi(routes.acceptInvitation, handlers.acceptInvitation)
  .openapi(routes.declineInvitation, handlers.declineInvitation);
