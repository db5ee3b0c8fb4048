import { example, IDS } from "../../lib/examples.js";

/** Halland's administrator, a week before the training step that Halland shares with Göteborg Nordost. */
export const FORBUND_DASHBOARD = example({
  audience: "forbund",
  upcomingSessions: [
    {
      trainingId: IDS.training,
      trainingTitle: "BIP/SKAPA Halland och Göteborg Nordost",
      sessionId: IDS.session,
      title: "Utbildning i progressionsmätning",
      startsAt: "2027-03-11T08:00:00.000Z",
      endsAt: "2027-03-11T15:00:00.000Z",
      capacity: 25,
      confirmed: 25,
      waitlisted: 3,
    },
  ],
  requests: { waiting: 1, oldestCreatedAt: "2026-10-08T11:26:44.000Z", paired: null, suggestions: null },
  costs: {
    year: 2027,
    sharedNetOre: 2_500_000,
    printNetOre: 125_050,
    vatOre: 656_263,
    totalOre: 3_281_313,
    trainings: [{ id: IDS.training, title: "BIP/SKAPA Halland och Göteborg Nordost", totalOre: 3_281_313 }],
  },
  catalog: {
    byState: { draft: 1, submitted: 0, returned: 1, published: 4, archived: 0 },
    returned: [
      {
        id: IDS.intervention,
        title: "Vägen vidare Halland",
        updatedAt: "2026-11-02T09:14:00.000Z",
        reviewComment: "Ange målgruppen och hur insatsen följs upp.",
      },
    ],
    drafts: [
      {
        id: IDS.partIntervention,
        title: "Digitala studiebesök",
        updatedAt: "2026-11-20T13:40:00.000Z",
        reviewComment: null,
      },
    ],
  },
  term: null,
  expiringCertifications: null,
  reviewQueue: null,
  overdueInvoices: null,
  newsletterSends: [],
  trainer: null,
});
