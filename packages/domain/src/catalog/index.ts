export * from "./content.js";
export * from "./diff.js";
export * from "./project-totals.js";
export * from "./result-periods.js";
export * from "./results.js";
export * from "./vocabulary.js";
export * from "./workflow.js";
