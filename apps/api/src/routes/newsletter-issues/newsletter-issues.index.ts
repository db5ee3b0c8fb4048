import { createRouter } from "../../lib/router.js";
import * as handlers from "./newsletter-issues.handlers.js";
import * as routes from "./newsletter-issues.routes.js";

export const newsletterIssuesRouter = createRouter()
  .openapi(routes.listNewsletterIssues, handlers.listNewsletterIssues)
  .openapi(routes.createNewsletterIssue, handlers.createNewsletterIssue)
  .openapi(routes.getNewsletterIssue, handlers.getNewsletterIssue)
  .openapi(routes.updateNewsletterIssue, handlers.updateNewsletterIssue)
  .openapi(routes.addNewsletterSection, handlers.addNewsletterSection)
  .openapi(routes.updateNewsletterSection, handlers.updateNewsletterSection)
  .openapi(routes.deleteNewsletterSection, handlers.deleteNewsletterSection)
  .openapi(routes.approveNewsletterSection, handlers.approveNewsletterSection)
  .openapi(routes.orderNewsletterSections, handlers.orderNewsletterSections)
  .openapi(routes.markNewsletterIssueReady, handlers.markNewsletterIssueReady)
  .openapi(routes.scheduleNewsletterIssue, handlers.scheduleNewsletterIssue)
  .openapi(routes.returnNewsletterIssueToDraft, handlers.returnNewsletterIssueToDraft)
  .openapi(routes.previewNewsletterIssue, handlers.previewNewsletterIssue);
