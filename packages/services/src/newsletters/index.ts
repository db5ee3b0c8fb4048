export * from "./access.js";
export * from "./issue-content.js";
export * from "./issues.js";
export * from "./publications.js";
export * from "./publishers.js";
export * from "./render.js";
export * from "./sections.js";
export * from "./tokens.js";
