import { createRouter } from "../../lib/router.js";
import * as handlers from "./event-signup.handlers.js";
import * as routes from "./event-signup.routes.js";

export const eventSignupRouter = createRouter()
  .openapi(routes.getEventSignup, handlers.getEventSignup)
  .openapi(routes.putEventSignup, handlers.putEventSignup);
