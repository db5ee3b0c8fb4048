import { createRouter } from "../../lib/router.js";
import * as handlers from "./reference.handlers.js";
import * as routes from "./reference.routes.js";

export const referenceRouter = createRouter()
  .openapi(routes.listCounties, handlers.listCounties)
  .openapi(routes.listMunicipalities, handlers.listMunicipalities)
  .openapi(routes.listForbund, handlers.listForbund);
