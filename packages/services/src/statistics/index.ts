export * from "./figures.js";
