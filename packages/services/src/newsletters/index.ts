export * from "./progress.js";
export * from "./render.js";
export * from "./sender.js";
export * from "./sender-policy.js";
export * from "./sending.js";
export * from "./tokens.js";
