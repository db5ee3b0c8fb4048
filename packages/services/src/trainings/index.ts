export * from "./attendance.js";
export * from "./calendar.js";
export * from "./event-budget.js";
export * from "./event-cohosts.js";
export * from "./event-figures.js";
export * from "./event-series.js";
export * from "./event-signup.js";
export * from "./event-signup-public.js";
export { type SeatsView, seatsOverview } from "./seats.js";
export * from "./settings.js";
export * from "./surveys.js";
export * from "./trainers.js";
export * from "./training-costs.js";
export * from "./training-participants.js";
export { removeParty, setParty } from "./training-parties.js";
export * from "./training-requests.js";
export * from "./training-sessions.js";
export {
  type PartyView,
  readTrainingView,
  type TrainingSessionView,
  type TrainingSummary,
  type TrainingView,
} from "./training-view.js";
export * from "./trainings.js";
