export * from "./bgmax.js";
export * from "./bookkeeping.js";
export * from "./document.js";
export * from "./ledger.js";
export * from "./ocr.js";
