export * from "./bgmax.js";
export * from "./document.js";
export * from "./ledger.js";
