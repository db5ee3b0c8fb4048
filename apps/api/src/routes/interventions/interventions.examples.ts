import { example, GOTEBORG_NORDOST, HALLAND, IDS, NORRA_VASTMANLAND, PEOPLE } from "../../lib/examples.js";

/** RESAM (seed 002), as its förbund would describe it. */
export const RESAM_CONTENT = example({
  title: "RESAM – ett samordnat resursteam för Fagersta, Norberg och Skinnskatteberg",
  summary:
    "Samordnad rehabilitering och arbetsförmågebedömning för personer långt från arbetsmarknaden, i ett team med Arbetsförmedlingen, Försäkringskassan och läkare.",
  description:
    "Resam arbetade med samverkan och samordning av rehabiliteringsinsatser för personer som står långt ifrån arbetsmarknaden.\n\n**Framgångsfaktorer:** nära teamarbete, en egen lokal som neutralt rum, lösningsfokuserad metodik och läkarinsatsen.",
  orientation: "individual",
  focusArea: "vocational_rehabilitation",
  targetGroups: ["long_term_sick", "activity_compensation", "far_from_labour_market"],
  targetGroupNote: "Personer 18–64 år som varit sjukskrivna eller utan arbete i mer än ett år.",
  memberParties: ["fk", "af", "region", "kommun"],
  municipalityCodes: ["1904", "1962", "1982"],
  startDate: "2007-09-01",
  endDate: "2010-12-31",
  status: "ended",
  followUpMethod: "SUS, Uppföljning Finsam",
  esfFunded: false,
  budget: [
    { year: 2008, amountOre: 420_000_000, financingParties: ["Samordningsförbundet Norra Västmanland"] },
    { year: 2009, amountOre: 435_000_000, financingParties: ["Samordningsförbundet Norra Västmanland"] },
  ],
  goals: {
    resultGoalPercent: 40,
    resultGoalWithinMonths: 12,
    volumeGoalParticipants: 30,
    plannedThroughputMonths: 6,
  },
  methods: ["solution_focused", "motivational_interviewing", "work_ability_assessment"],
  links: [
    {
      kind: "evaluation",
      title: "Samhällsekonomisk utvärdering (Payoff)",
      url: "https://www.samordningnorravastmanland.se/resam/utvardering.pdf",
    },
  ],
  contacts: [
    {
      name: "Karin Helander",
      role: "Projektledare",
      email: "karin.helander@samordningnorravastmanland.se",
      phone: "0223-440 17",
    },
  ],
});

export const INTERVENTION_INPUT = example({ parentId: null, content: RESAM_CONTENT });

export const INTERVENTION = example({
  id: IDS.intervention,
  organizationId: NORRA_VASTMANLAND.id,
  parentId: null,
  state: "published",
  revision: 3,
  publishedRevision: 3,
  reviewComment: null,
  content: RESAM_CONTENT,
  version: 7,
  createdAt: "2026-05-04T07:49:12.000Z",
  updatedAt: "2026-06-11T13:02:37.000Z",
  submittedAt: "2026-06-09T10:26:55.000Z",
});

export const DRAFT_INTERVENTION = example({
  ...INTERVENTION,
  state: "draft",
  revision: 1,
  publishedRevision: null,
  version: 1,
  updatedAt: INTERVENTION.createdAt,
  submittedAt: null,
});

export const VERSION = example({
  revision: 3,
  authorLabel: "Karin Helander",
  authorOrganizationId: NORRA_VASTMANLAND.id,
  createdAt: "2026-06-08T15:12:04.000Z",
  publishedAt: "2026-06-11T13:02:37.000Z",
  publishedByLabel: PEOPLE.maria.name,
});

export const DIFF = example({
  from: 2,
  to: 3,
  changes: [
    {
      field: "summary",
      kind: "changed",
      before: "Samordnad rehabilitering för personer långt från arbetsmarknaden.",
      after: RESAM_CONTENT.summary,
    },
    { field: "targetGroups", kind: "items", added: ["far_from_labour_market"], removed: [] },
  ],
});

const RESAM_DETAILS = {
  budgetLines: [
    { description: "Läkare", sharePercent: 20, budgetOre: 180_000_000, costOre: 171_000_000 },
    { description: "Socialkonsulent AF", sharePercent: 50, budgetOre: 420_000_000, costOre: 402_000_000 },
    {
      description: "Personlig handläggare FK",
      sharePercent: 70,
      budgetOre: 560_000_000,
      costOre: 520_000_000,
    },
    { description: "Resor", sharePercent: null, budgetOre: 30_000_000, costOre: 22_000_000 },
    { description: "Lokalhyra", sharePercent: null, budgetOre: 100_000_000, costOre: 70_000_000 },
  ],
  assessedNotEnrolled: 25,
  survey: {
    responses: 21,
    summary:
      "Övervägande positiva svar: deltagarna tycker att teamet gett dem tid, förståelse och stöttning.",
    figures: [],
  },
  socioEconomic: {
    paybackMonths: 27,
    netBenefitOre: 160_000_000,
    netBenefitYears: 5,
    method: "Samhällsekonomisk utvärdering av Payoff.",
  },
};

const SUB_OUTCOMES = [
  { outcome: "job_seeking_studies_work", label: "Anställning inom kommunerna", count: 8 },
  { outcome: "job_seeking_studies_work", label: "Anställning på den privata arbetsmarknaden", count: 9 },
  { outcome: "job_seeking_studies_work", label: "Startat eget företag", count: 2 },
];

export const RESULT_INPUT = example({
  periodStart: "2007-09-01",
  periodEnd: "2010-12-31",
  kind: "cumulative",
  participantsWomen: 56,
  participantsMen: 47,
  participantsOther: 0,
  outcomes: {
    vocational_rehabilitation: 10,
    reduced_sick_leave: 2,
    job_seeking_studies_work: 50,
    back_to_fk: 34,
    dropped_out: 3,
    social_services: 4,
  },
  averageEnrolmentMonths: 7.5,
  costOre: 1_185_000_000,
  budgetOre: 1_290_000_000,
  ...RESAM_DETAILS,
  subOutcomes: SUB_OUTCOMES,
});

/** RESAM's reported results (seed 002) with the shares the service derives from them. */
export const RESULT = example({
  id: "6c0f2f4e-3b1d-4a57-9d0e-2f7b8a1c5e90",
  kind: "cumulative",
  periodStart: "2007-09-01",
  periodEnd: "2010-12-31",
  participants: { women: 56, men: 47, other: 0, total: 103 },
  outcomes: [
    {
      code: "vocational_rehabilitation",
      label: "Till arbetslivsinriktad rehabilitering",
      positive: true,
      count: 10,
      sharePercent: 9.7,
    },
    {
      code: "reduced_sick_leave",
      label: "Minskad sjukfrånvaro: anpassning av pågående arbete",
      positive: true,
      count: 2,
      sharePercent: 1.9,
    },
    {
      code: "job_seeking_studies_work",
      label: "Till Arbetsförmedlingen som arbetssökande, studier, arbete eller eget företag",
      positive: true,
      count: 50,
      sharePercent: 48.5,
    },
    {
      code: "back_to_fk",
      label: "Tillbaka till Försäkringskassan",
      positive: false,
      count: 34,
      sharePercent: 33,
    },
    { code: "dropped_out", label: "Avhopp", positive: false, count: 3, sharePercent: 2.9 },
    { code: "social_services", label: "Till socialtjänsten", positive: false, count: 4, sharePercent: 3.9 },
  ],
  positiveSharePercent: 60.2,
  averageEnrolmentMonths: 7.5,
  costOre: 1_185_000_000,
  budgetOre: 1_290_000_000,
  costOfBudgetPercent: 91.9,
  ...RESAM_DETAILS,
  subOutcomes: SUB_OUTCOMES.map((s) => ({
    ...s,
    outcomeLabel: "Till Arbetsförmedlingen som arbetssökande, studier, arbete eller eget företag",
  })),
});

/** The same report as its förbund sees it, published by NNS's editors. */
export const RESULT_REPORT = example({
  ...RESULT,
  state: "published",
  submittedAt: null,
  publishedAt: "2011-02-14T09:12:40.000Z",
  publishedByLabel: "Karin Helander",
});

export const CO_OWNER = example({
  organizationId: HALLAND.id,
  organizationName: HALLAND.name,
  invitedAt: "2026-09-15T12:31:08.000Z",
  acceptedAt: "2026-09-17T07:54:40.000Z",
});

export const PENDING_CO_OWNER = example({
  organizationId: GOTEBORG_NORDOST.id,
  organizationName: GOTEBORG_NORDOST.name,
  invitedAt: "2026-11-20T14:03:29.000Z",
  acceptedAt: null,
});

export const CO_OWNERSHIP_INVITATION = example({
  interventionId: IDS.intervention,
  ownerOrganizationId: NORRA_VASTMANLAND.id,
  ownerOrganizationName: NORRA_VASTMANLAND.name,
  publishedTitle: RESAM_CONTENT.title,
  invitedAt: "2026-11-20T14:03:29.000Z",
});
