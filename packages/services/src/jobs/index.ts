export * from "./background.js";
export * from "./queue.js";
