import { createRouter } from "../../lib/router.js";
import * as handlers from "./invitations.handlers.js";
import * as routes from "./invitations.routes.js";

export const invitationsRouter = createRouter()
  .openapi(routes.inviteMember, handlers.inviteMember)
  .openapi(routes.listInvitations, handlers.listInvitations)
  .openapi(routes.revokeInvitation, handlers.revokeInvitation);
