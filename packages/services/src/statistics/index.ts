export * from "./figures.js";
export * from "./imports.js";
export type { ImportRowError, ScbFile } from "./scb-file.js";
export { parseScbFile } from "./scb-file.js";
