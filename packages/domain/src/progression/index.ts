export * from "./aggregates.js";
export * from "./instruments.js";
export * from "./labels.js";
export * from "./participants.js";
export * from "./pseudonymity.js";
