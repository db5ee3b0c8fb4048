import { createRouter } from "../../lib/router.js";
import * as handlers from "./progression-instruments.handlers.js";
import * as routes from "./progression-instruments.routes.js";

export const progressionInstrumentsRouter = createRouter()
  .openapi(routes.listProgressionInstruments, handlers.listProgressionInstruments)
  .openapi(routes.createProgressionInstrument, handlers.createProgressionInstrument)
  .openapi(routes.getProgressionInstrument, handlers.getProgressionInstrument)
  .openapi(routes.updateProgressionInstrument, handlers.updateProgressionInstrument)
  .openapi(routes.createProgressionInstrumentVersion, handlers.createProgressionInstrumentVersion)
  .openapi(routes.importProgressionInstrumentVersion, handlers.importProgressionInstrumentVersion)
  .openapi(routes.getProgressionInstrumentVersion, handlers.getProgressionInstrumentVersion)
  .openapi(routes.updateProgressionInstrumentVersion, handlers.updateProgressionInstrumentVersion)
  .openapi(routes.deleteProgressionInstrumentVersion, handlers.deleteProgressionInstrumentVersion)
  .openapi(routes.publishProgressionInstrumentVersion, handlers.publishProgressionInstrumentVersion)
  .openapi(routes.retireProgressionInstrumentVersion, handlers.retireProgressionInstrumentVersion)
  .openapi(routes.listProgressionItemMappings, handlers.listProgressionItemMappings)
  .openapi(routes.saveProgressionItemMapping, handlers.saveProgressionItemMapping)
  .openapi(routes.getInterventionProgressionInstruments, handlers.getInterventionProgressionInstruments)
  .openapi(routes.setInterventionProgressionInstruments, handlers.setInterventionProgressionInstruments);
