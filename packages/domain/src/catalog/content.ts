/** The editable content of an intervention: what a version stores and what the public entry shows. */
export interface InterventionContent {
  title: string;
  summary: string;
  /** Markdown; sanitised whenever it is rendered. */
  description: string;
  orientation: "individual" | "structural";
  /** Preciserad inriktning: a code from the focus areas of the chosen orientation. */
  focusArea: string;
  targetGroups: string[];
  targetGroupNote: string | null;
  memberParties: ("fk" | "af" | "region" | "kommun")[];
  /** The area: SCB kommunkoder; län are derived from them. */
  municipalityCodes: string[];
  startDate: string | null;
  endDate: string | null;
  status: "planned" | "ongoing" | "ended" | "regular_operations";
  followUpMethod: string | null;
  esfFunded: boolean;
  budget: { year: number; amountOre: number; financingParties: string[] }[];
  goals: {
    resultGoalPercent: number | null;
    resultGoalWithinMonths: number | null;
    volumeGoalParticipants: number | null;
    plannedThroughputMonths: number | null;
  };
  methods: string[];
  links: { kind: "evaluation" | "study_visit" | "other"; title: string; url: string }[];
  contacts: { name: string; role: string; email: string | null; phone: string | null }[];
}

export const INTERVENTION_STATUSES = ["planned", "ongoing", "ended", "regular_operations"] as const;

/** Swedish labels of the statuses, for the public pages and exports. */
export const STATUS_LABELS_SV: Record<InterventionContent["status"], string> = {
  planned: "Planerad",
  ongoing: "Pågående",
  ended: "Avslutad",
  regular_operations: "Övergått i ordinarie verksamhet",
};

export const ORIENTATION_LABELS_SV: Record<InterventionContent["orientation"], string> = {
  individual: "Individinriktad",
  structural: "Strukturövergripande",
};

/** Swedish names of the public catalogue's facets. */
export const FACETS_SV: Record<string, string> = {
  county: "Län",
  municipality: "Kommun",
  targetGroup: "Målgrupp",
  orientation: "Inriktning",
  status: "Status",
  method: "Metod",
  organization: "Förbund",
  memberParty: "Huvudman",
  linkKind: "Typ av länk",
};
