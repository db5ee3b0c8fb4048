import type { Translations } from "../../i18n/types";
import type { sv } from "./sv";

export const en: Translations<typeof sv> = {
  title: "Catalogue lists",
  description:
    "The lists the catalogue's interventions choose from. A term's code never changes: rename it and the new name shows everywhere, the published catalogue included. A term no longer to be used is retired rather than removed: interventions and reports that have it keep it, but new content cannot choose it.",
  kinds: {
    "focus-areas": {
      heading: "Focus areas",
      intro: "Each focus area belongs to an orientation.",
      term: "focus area",
    },
    methods: {
      heading: "Methods",
      intro: "Methods and ways of working the interventions use.",
      term: "method",
    },
    "outcome-categories": {
      heading: "Outcome categories",
      intro:
        "Where participants went after the intervention. Positive ones count towards the positive share; negative and neutral ones do not.",
      term: "outcome category",
    },
    "target-groups": {
      heading: "Target groups",
      intro: "Who the interventions are for.",
      term: "target group",
    },
  },
  columns: {
    label: "Label",
    orientation: "Orientation",
    outcomeClass: "Kind",
    status: "Status",
    actions: "Actions",
  },
  orientations: { individual: "Individual", structural: "Structural" },
  classes: { positive: "Positive", negative: "Negative", neutral: "Neutral" },
  inUse: "In use",
  retired: "Retired",
  add: "Add",
  addLabel: "Add a {{term}}",
  addTitle: "New {{term}}",
  labelField: "Label",
  orientationField: "Orientation",
  classField: "Kind of outcome",
  classFixed:
    "A positive category cannot become non-positive, or the other way round: reported shares would change.",
  added: "{{label}} was added.",
  rename: "Edit",
  renameLabel: "Edit {{label}}",
  renameTitle: "Edit {{label}}",
  saved: "{{label}} was saved.",
  retire: "Retire",
  retireLabel: "Retire {{label}}",
  retiredDone: "{{label}} is retired. It stays where it is already used.",
  reinstate: "Reinstate",
  reinstateLabel: "Reinstate {{label}}",
  reinstated: "{{label}} is in use again.",
  moveUp: "Move up",
  moveUpLabel: "Move up {{label}}",
  moveDown: "Move down",
  moveDownLabel: "Move down {{label}}",
  moved: "{{label}} is now number {{position}} of {{total}}.",
  empty: "The list is empty.",
};
