import { createRouter } from "../../lib/router.js";
import * as handlers from "./trainings.handlers.js";
import * as routes from "./trainings.routes.js";

export const trainingsRouter = createRouter()
  .openapi(routes.listTrainings, handlers.listTrainings)
  .openapi(routes.createTraining, handlers.createTraining)
  .openapi(routes.getTraining, handlers.getTraining)
  .openapi(routes.updateTraining, handlers.updateTraining)
  .openapi(routes.moveTraining, handlers.moveTraining)
  .openapi(routes.setParty, handlers.setParty)
  .openapi(routes.removeParty, handlers.removeParty)
  .openapi(routes.addSession, handlers.addSession)
  .openapi(routes.updateSession, handlers.updateSession)
  .openapi(routes.removeSession, handlers.removeSession)
  .openapi(routes.trainingCalendar, handlers.trainingCalendar)
  .openapi(routes.seats, handlers.seats);
