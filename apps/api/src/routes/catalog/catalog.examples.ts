import { example, IDS, NORRA_VASTMANLAND } from "../../lib/examples.js";
import { RESAM_CONTENT, RESULT } from "../interventions/interventions.examples.js";

const ORGANIZATION = { id: NORRA_VASTMANLAND.id, name: NORRA_VASTMANLAND.name, slug: NORRA_VASTMANLAND.slug };
const MUNICIPALITIES = [
  { code: "1904", name: "Fagersta" },
  { code: "1962", name: "Norberg" },
  { code: "1982", name: "Skinnskatteberg" },
];
const TARGET_GROUPS = [
  { code: "long_term_sick", label: "Långtidssjukskrivna" },
  { code: "activity_compensation", label: "Personer med aktivitetsersättning" },
  { code: "far_from_labour_market", label: "Personer långt från arbetsmarknaden" },
];
const FIRST_PUBLISHED_AT = "2026-06-11T13:02:37.000Z";
const UPDATED_AT = "2026-10-02T09:48:15.000Z";

export const CATALOG_SUMMARY = example({
  id: IDS.intervention,
  title: RESAM_CONTENT.title,
  summary: RESAM_CONTENT.summary,
  organization: ORGANIZATION,
  orientation: "individual",
  status: "ended",
  startDate: "2007-09-01",
  endDate: "2010-12-31",
  municipalities: MUNICIPALITIES,
  targetGroups: TARGET_GROUPS,
  firstPublishedAt: FIRST_PUBLISHED_AT,
  updatedAt: UPDATED_AT,
});

const facet = (value: string, label: string, count: number) => ({ value, label, count });

export const CATALOG_SEARCH_RESULT = example({
  data: [CATALOG_SUMMARY],
  nextCursor: null,
  total: 1,
  facets: {
    county: [facet("19", "Västmanlands län", 1)],
    municipality: [
      facet("1904", "Fagersta", 1),
      facet("1962", "Norberg", 1),
      facet("1982", "Skinnskatteberg", 1),
    ],
    targetGroup: [
      facet("long_term_sick", "Långtidssjukskrivna", 1),
      facet("activity_compensation", "Personer med aktivitetsersättning", 1),
      facet("far_from_labour_market", "Personer långt från arbetsmarknaden", 1),
    ],
    orientation: [facet("individual", "Individinriktad", 1)],
    status: [facet("ended", "Avslutad", 1)],
    method: [
      facet("solution_focused", "Lösningsfokuserat arbetssätt", 1),
      facet("motivational_interviewing", "Motiverande samtal", 1),
      facet("work_ability_assessment", "Arbetsförmågebedömning", 1),
    ],
    organization: [facet(NORRA_VASTMANLAND.id, NORRA_VASTMANLAND.name, 1)],
    memberParty: [
      facet("af", "Arbetsförmedlingen", 1),
      facet("fk", "Försäkringskassan", 1),
      facet("kommun", "Kommun", 1),
      facet("region", "Region", 1),
    ],
    linkKind: [facet("evaluation", "Utvärdering", 1)],
  },
});

/** The published document: the content with its codes labelled, the area with its län, the owner. */
export const CATALOG_DOCUMENT = {
  id: IDS.intervention,
  parentId: null,
  revision: 3,
  ...RESAM_CONTENT,
  focusArea: { code: "vocational_rehabilitation", label: "Arbetslivsinriktad rehabilitering" },
  targetGroups: TARGET_GROUPS,
  area: { municipalities: MUNICIPALITIES, counties: [{ code: "19", name: "Västmanlands län" }] },
  statusLabel: "Avslutad",
  methods: [
    { code: "solution_focused", label: "Lösningsfokuserat arbetssätt" },
    { code: "motivational_interviewing", label: "Motiverande samtal" },
    { code: "work_ability_assessment", label: "Arbetsförmågebedömning" },
  ],
  organization: ORGANIZATION,
  coOwners: [],
};

export const CATALOG_ENTRY = example({
  document: CATALOG_DOCUMENT,
  results: [RESULT],
  firstPublishedAt: FIRST_PUBLISHED_AT,
  updatedAt: UPDATED_AT,
});

export const CATALOG_ENTRY_WITH_RELATED = example({
  ...CATALOG_ENTRY,
  related: { parent: null, parts: [] },
});

export const CATALOG_VOCABULARIES = example({
  focusAreas: [
    {
      code: "vocational_rehabilitation",
      orientation: "individual",
      labelSv: "Arbetslivsinriktad rehabilitering",
      position: 2,
      retired: false,
    },
    {
      code: "methods_development",
      orientation: "structural",
      labelSv: "Metod- och verksamhetsutveckling",
      position: 6,
      retired: false,
    },
  ],
  targetGroups: [
    { code: "long_term_sick", labelSv: "Långtidssjukskrivna", position: 1, retired: false },
    { code: "young_adults", labelSv: "Unga vuxna 16–29 år", position: 8, retired: false },
  ],
  methods: [
    { code: "bip_skapa", labelSv: "BIP/SKAPA", position: 2, retired: false },
    { code: "suggestopedi", labelSv: "Suggestopedi", position: 7, retired: false },
  ],
  outcomeCategories: [
    {
      code: "vocational_rehabilitation",
      labelSv: "Till arbetslivsinriktad rehabilitering",
      position: 1,
      retired: false,
      outcomeClass: "positive",
      positive: true,
    },
    {
      code: "back_to_fk",
      labelSv: "Tillbaka till Försäkringskassan",
      position: 4,
      retired: false,
      outcomeClass: "negative",
      positive: false,
    },
  ],
});
