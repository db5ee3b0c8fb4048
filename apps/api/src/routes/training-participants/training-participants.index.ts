import { createRouter } from "../../lib/router.js";
import * as handlers from "./training-participants.handlers.js";
import * as routes from "./training-participants.routes.js";

export const trainingParticipantsRouter = createRouter()
  .openapi(routes.listParticipants, handlers.listParticipants)
  .openapi(routes.registerParticipant, handlers.registerParticipant)
  .openapi(routes.cancelRegistration, handlers.cancelRegistration)
  .openapi(routes.sessionRoster, handlers.sessionRoster)
  .openapi(routes.recordAttendance, handlers.recordAttendance)
  .openapi(routes.mySessions, handlers.mySessions);
