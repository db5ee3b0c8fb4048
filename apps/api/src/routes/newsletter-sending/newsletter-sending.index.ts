import { createRouter } from "../../lib/router.js";
import * as handlers from "./newsletter-sending.handlers.js";
import * as routes from "./newsletter-sending.routes.js";

export const newsletterSendingRouter = createRouter()
  .openapi(routes.sendIssue, handlers.sendIssue)
  .openapi(routes.pauseIssue, handlers.pauseIssue)
  .openapi(routes.resumeIssue, handlers.resumeIssue)
  .openapi(routes.cancelIssue, handlers.cancelIssue)
  .openapi(routes.issueProgress, handlers.issueProgress)
  .openapi(routes.testSendIssue, handlers.testSendIssue);
