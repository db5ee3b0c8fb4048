export * from "./co-owners.js";
export * from "./csv-export.js";
export * from "./demo-catalog.js";
export * from "./editorial.js";
export * from "./import.js";
export * from "./interventions.js";
export * from "./preview.js";
export * from "./project.js";
export * from "./public-catalog.js";
export {
  type PublicResult,
  type ResultReport,
  type ResultTotalsView,
  resultTotalsView,
} from "./result-view.js";
export * from "./results.js";
export type { RunningBodyView } from "./running-body.js";
export * from "./search-results.js";
export * from "./search-synonyms.js";
export * from "./submission.js";
export * from "./target-groups.js";
export * from "./vocabularies.js";
export * from "./vocabulary-terms.js";
export * from "./workflow.js";
