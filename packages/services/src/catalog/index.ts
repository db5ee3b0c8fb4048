export * from "./co-owners.js";
export * from "./csv-export.js";
export * from "./editorial.js";
export * from "./interventions.js";
export * from "./public-catalog.js";
export * from "./results.js";
export type { PublicResult } from "./snapshot.js";
export * from "./vocabularies.js";
export * from "./workflow.js";
