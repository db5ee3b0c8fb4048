import { createRouter } from "../../lib/router.js";
import * as handlers from "./auth.handlers.js";
import * as routes from "./auth.routes.js";

export const authRouter = createRouter()
  .openapi(routes.login, handlers.login)
  .openapi(routes.logout, handlers.logout)
  .openapi(routes.me, handlers.me)
  .openapi(routes.requestPasswordReset, handlers.requestPasswordReset)
  .openapi(routes.confirmPasswordReset, handlers.confirmPasswordReset)
  .openapi(routes.lookupInvitation, handlers.lookupInvitation)
  .openapi(routes.acceptInvitation, handlers.acceptInvitation)
  .openapi(routes.changePassword, handlers.changePassword)
  .openapi(routes.listSessions, handlers.listSessions)
  .openapi(routes.signOutOthers, handlers.signOutOthers);
