export * from "./bgmax.js";
export * from "./bookkeeping.js";
export * from "./document.js";
export * from "./identifiers.js";
export * from "./ledger.js";
export * from "./lines.js";
export * from "./ocr.js";
