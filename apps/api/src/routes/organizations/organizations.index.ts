import { createRouter } from "../../lib/router.js";
import * as handlers from "./organizations.handlers.js";
import * as routes from "./organizations.routes.js";

export const organizationsRouter = createRouter()
  .openapi(routes.listOrganizations, handlers.listOrganizations)
  .openapi(routes.createOrganization, handlers.createOrganization)
  .openapi(routes.getOrganization, handlers.getOrganization)
  .openapi(routes.updateOrganization, handlers.updateOrganization)
  .openapi(routes.getMyAccess, handlers.getMyAccess);
