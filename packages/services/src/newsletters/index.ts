export * from "./render.js";
export * from "./tokens.js";
