import { createRouter } from "../../lib/router.js";
import * as handlers from "./invoice-documents.handlers.js";
import * as routes from "./invoice-documents.routes.js";

export const invoiceDocumentsRouter = createRouter()
  .openapi(routes.listInvoices, handlers.listInvoices)
  .openapi(routes.invoiceAging, handlers.invoiceAging)
  .openapi(routes.invoicePdf, handlers.invoicePdf)
  .openapi(routes.invoiceUbl, handlers.invoiceUbl);
