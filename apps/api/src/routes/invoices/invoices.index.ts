import { createRouter } from "../../lib/router.js";
import * as handlers from "./invoices.handlers.js";
import * as routes from "./invoices.routes.js";

export const invoicesRouter = createRouter()
  .openapi(routes.draftInvoices, handlers.draftInvoices)
  .openapi(routes.getInvoice, handlers.getInvoice)
  .openapi(routes.discardDraft, handlers.discardDraft)
  .openapi(routes.issueInvoice, handlers.issueInvoice)
  .openapi(routes.createCreditNote, handlers.createCreditNote);
