import { createRouter } from "../../lib/router.js";
import * as handlers from "./newsletters-public.handlers.js";
import * as routes from "./newsletters-public.routes.js";

export const newslettersPublicRouter = createRouter()
  .openapi(routes.getPublicNewsletter, handlers.getPublicNewsletter)
  .openapi(routes.listPublicNewsletterIssues, handlers.listPublicNewsletterIssues)
  .openapi(routes.getPublicNewsletterIssue, handlers.getPublicNewsletterIssue);
