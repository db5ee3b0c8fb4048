/**
 * The catalogue's fixed vocabularies: written by migration 0006 and not writable by the application role,
 * so the API contract can list them as enums (services test that the database holds exactly these).
 * Target groups are not here: NNS edits them through the API, so they are checked against the database.
 */
export const FOCUS_AREAS = {
  pre_rehabilitation: "individual",
  vocational_rehabilitation: "individual",
  work_ability_assessment: "individual",
  coordination_individual: "individual",
  competence_development: "structural",
  methods_development: "structural",
  needs_mapping: "structural",
  collaboration_structures: "structural",
} as const satisfies Record<string, "individual" | "structural">;
export const FOCUS_AREA_CODES = Object.keys(FOCUS_AREAS) as [
  keyof typeof FOCUS_AREAS,
  ...(keyof typeof FOCUS_AREAS)[],
];

export const CATALOG_METHOD_CODES = [
  "solution_focused",
  "motivational_interviewing",
  "supported_employment_ips",
  "bip_skapa",
  "work_training",
  "work_ability_assessment",
] as const;

/** In the order of RESAM's results table (seed 002). */
export const OUTCOME_CATEGORY_CODES = [
  "vocational_rehabilitation",
  "reduced_sick_leave",
  "job_seeking_studies_work",
  "back_to_fk",
  "dropped_out",
  "social_services",
] as const;
