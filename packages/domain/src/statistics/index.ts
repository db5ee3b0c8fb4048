export * from "./codes.js";
export * from "./quartiles.js";
export * from "./summary.js";
export * from "./views.js";
