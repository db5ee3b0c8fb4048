import { createRouter } from "../../lib/router.js";
import * as handlers from "./invoice-payments.handlers.js";
import * as routes from "./invoice-payments.routes.js";

export const invoicePaymentsRouter = createRouter().openapi(routes.registerPayment, handlers.registerPayment);
