import { createRouter } from "../../lib/router.js";
import * as handlers from "./progression-participants.handlers.js";
import * as routes from "./progression-participants.routes.js";

export const progressionParticipantsRouter = createRouter()
  .openapi(routes.listParticipants, handlers.listParticipants)
  .openapi(routes.createParticipant, handlers.createParticipant)
  .openapi(routes.getParticipant, handlers.getParticipant)
  .openapi(routes.updateParticipant, handlers.updateParticipant)
  .openapi(routes.listMeasurements, handlers.listMeasurements)
  .openapi(routes.recordMeasurement, handlers.recordMeasurement)
  .openapi(routes.deleteMeasurement, handlers.deleteMeasurement)
  .openapi(routes.getComparison, handlers.getComparison)
  .openapi(routes.listDueOccasions, handlers.listDueOccasions)
  .openapi(routes.listAccessLog, handlers.listAccessLog);
