export * from "./sweden.js";
