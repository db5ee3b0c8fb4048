export * from "./archive.js";
export * from "./render.js";
export * from "./tokens.js";
