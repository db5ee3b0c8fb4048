import { createRouter } from "../../lib/router.js";
import * as handlers from "./newsletters.handlers.js";
import * as routes from "./newsletters.routes.js";

export const newslettersRouter = createRouter()
  .openapi(routes.listNewsletters, handlers.listNewsletters)
  .openapi(routes.createNewsletter, handlers.createNewsletter)
  .openapi(routes.getNewsletter, handlers.getNewsletter)
  .openapi(routes.updateNewsletter, handlers.updateNewsletter)
  .openapi(routes.archiveNewsletter, handlers.archiveNewsletter)
  .openapi(routes.listNewsletterPublishers, handlers.listNewsletterPublishers)
  .openapi(routes.inviteNewsletterPublisher, handlers.inviteNewsletterPublisher)
  .openapi(routes.removeNewsletterPublisher, handlers.removeNewsletterPublisher)
  .openapi(routes.acceptNewsletterPublishing, handlers.acceptNewsletterPublishing)
  .openapi(routes.setNewsletterContact, handlers.setNewsletterContact)
  .openapi(routes.listNewsletterInvitations, handlers.listNewsletterInvitations);
