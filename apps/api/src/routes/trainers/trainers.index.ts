import { createRouter } from "../../lib/router.js";
import * as handlers from "./trainers.handlers.js";
import * as routes from "./trainers.routes.js";

export const trainersRouter = createRouter()
  .openapi(routes.listTrainers, handlers.listTrainers)
  .openapi(routes.createTrainer, handlers.createTrainer)
  .openapi(routes.getTrainer, handlers.getTrainer)
  .openapi(routes.updateTrainer, handlers.updateTrainer)
  .openapi(routes.addCertification, handlers.addCertification)
  .openapi(routes.revokeCertification, handlers.revokeCertification)
  .openapi(routes.expiringCertifications, handlers.expiringCertifications)
  .openapi(routes.listPriceItems, handlers.listPriceItems)
  .openapi(routes.putPriceItem, handlers.putPriceItem)
  .openapi(routes.getTemplate, handlers.getTemplate)
  .openapi(routes.putTemplate, handlers.putTemplate)
  .openapi(routes.pairingSuggestions, handlers.pairingSuggestions);
