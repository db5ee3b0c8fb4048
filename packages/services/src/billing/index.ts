export * from "./drafts.js";
export * from "./invoice-view.js";
export * from "./invoices.js";
export * from "./readiness.js";
export * from "./settings.js";
