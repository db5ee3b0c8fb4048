import { createRouter } from "../../lib/router.js";
import * as handlers from "./members.handlers.js";
import * as routes from "./members.routes.js";

export const membersRouter = createRouter()
  .openapi(routes.listMembers, handlers.listMembers)
  .openapi(routes.getMember, handlers.getMember)
  .openapi(routes.changeRole, handlers.changeRole)
  .openapi(routes.removeMember, handlers.removeMember);
