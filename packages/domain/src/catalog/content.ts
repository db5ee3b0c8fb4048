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
  /**
   * Who runs the insats when that is not the owner itself: typically a delprojekt of a national project
   * run by a member party. Absent or null: the owner runs it.
   */
  runningBody?: RunningBody | null;
}

export const RUNNING_BODY_KINDS = ["fk", "af", "region", "kommun"] as const;

/**
 * A body that runs a delprojekt without being a tenant: a member party (huvudman) in a place. A kommun
 * names its kommunkod, a region its länskod; FK and AF may name the kommun of their local office.
 */
export interface RunningBody {
  kind: (typeof RUNNING_BODY_KINDS)[number];
  /** How the public reads it: "Arbetsförmedlingen i Gävle", "Växjö kommun", "Malmö stad". */
  name: string;
  municipalityCode: string | null;
  countyCode: string | null;
}

export const RUNNING_BODY_KIND_LABELS_SV: Record<RunningBody["kind"], string> = {
  fk: "Försäkringskassan",
  af: "Arbetsförmedlingen",
  region: "Region",
  kommun: "Kommun",
};

/**
 * The rules of a running body that need no reference data: which code each kind needs or may not have.
 * Returns the offending fields (relative to the running body) with their rule; empty when it is whole.
 */
export function runningBodyShapeErrors(
  body: RunningBody,
): { field: "municipalityCode" | "countyCode"; rule: "required" | "not_allowed"; message: string }[] {
  const errors: ReturnType<typeof runningBodyShapeErrors> = [];
  if (body.kind === "kommun" && !body.municipalityCode)
    errors.push({ field: "municipalityCode", rule: "required", message: "Välj vilken kommun." });
  if (body.kind === "region" && !body.countyCode)
    errors.push({ field: "countyCode", rule: "required", message: "Välj vilken region (län)." });
  if (body.kind === "region" && body.municipalityCode)
    errors.push({
      field: "municipalityCode",
      rule: "not_allowed",
      message: "En region anges med län, inte kommun.",
    });
  if (body.kind !== "region" && body.countyCode)
    errors.push({
      field: "countyCode",
      rule: "not_allowed",
      message: "Bara en region anges med län; ange kommun för övriga.",
    });
  return errors;
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
