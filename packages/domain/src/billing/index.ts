export * from "./document.js";
export * from "./ledger.js";
