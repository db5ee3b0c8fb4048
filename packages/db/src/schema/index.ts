export * from "./billing.js";
export * from "./catalog.js";
export * from "./identity.js";
export * from "./organizations.js";
export * from "./platform.js";
export * from "./reference.js";
export * from "./trainings.js";
export * from "./webhooks.js";
