export * from "./calendar.js";
export * from "./costs.js";
export * from "./registrations.js";
export * from "./requests.js";
export * from "./settings.js";
export * from "./surveys.js";
export * from "./trainers.js";
export * from "./trainings.js";
