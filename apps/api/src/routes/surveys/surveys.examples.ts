import { example, GOTEBORG_NORDOST, HALLAND, IDS } from "../../lib/examples.js";

export const SURVEY = example({
  trainingTitle: "BIP/SKAPA Halland och Göteborg Nordost, våren 2027",
  questions: [
    { key: "overall", text: "Hur nöjd är du med dagen som helhet?" },
    { key: "content", text: "Hur nöjd är du med innehållet?" },
    { key: "usefulness", text: "Hur användbart är det du fick med dig i ditt arbete?" },
    { key: "organisation", text: "Hur nöjd är du med upplägg och organisation?" },
  ],
  scale: { min: 1, max: 5 },
  answered: false,
});

const HALLAND_FIGURES = {
  registered: 14,
  attended: 13,
  attendedWomen: 10,
  attendedMen: 2,
  attendedOtherOrNotStated: 1,
  satisfaction: {
    responses: 9,
    averages: { overall: 4.4, content: 4.2, usefulness: 4.6, organisation: 3.9 },
    distribution: {
      overall: [0, 0, 1, 3, 5],
      content: [0, 0, 2, 3, 4],
      usefulness: [0, 0, 0, 4, 5],
      organisation: [0, 1, 2, 3, 3],
    },
    comments: ["Mycket givande dag, särskilt övningarna i att skatta progression.", "Lokalen var för trång."],
  },
};

const NORDOST_FIGURES = {
  registered: 11,
  attended: 9,
  attendedWomen: 7,
  attendedMen: 2,
  attendedOtherOrNotStated: 0,
  satisfaction: { responses: 3, averages: null, distribution: null, comments: null },
};

export const FOLLOW_UP = example({
  trainingId: IDS.training,
  surveysSent: 22,
  registered: 25,
  attended: 22,
  attendedWomen: 17,
  attendedMen: 4,
  attendedOtherOrNotStated: 1,
  satisfaction: {
    responses: 12,
    averages: { overall: 4.3, content: 4.1, usefulness: 4.5, organisation: 4 },
    distribution: {
      overall: [0, 0, 1, 6, 5],
      content: [0, 0, 3, 5, 4],
      usefulness: [0, 0, 0, 6, 6],
      organisation: [0, 1, 2, 5, 4],
    },
    comments: [
      "Mycket givande dag, särskilt övningarna i att skatta progression.",
      "Lokalen var för trång.",
      "Bra att träffa kollegor från Göteborg.",
    ],
  },
  byOrganization: [
    { organizationId: HALLAND.id, organizationName: HALLAND.name, ...HALLAND_FIGURES },
    { organizationId: GOTEBORG_NORDOST.id, organizationName: GOTEBORG_NORDOST.name, ...NORDOST_FIGURES },
  ],
});

export const FOLLOW_UP_OVERVIEW = example({
  data: [
    {
      trainingId: IDS.training,
      title: "BIP/SKAPA Halland och Göteborg Nordost, våren 2027",
      kind: "bip_skapa",
      completedAt: "2027-03-18T08:02:45.000Z",
      figures: HALLAND_FIGURES,
    },
    {
      trainingId: IDS.event,
      title: "Temadag: psykisk ohälsa och arbetsliv",
      kind: "event",
      completedAt: "2026-10-01T15:30:12.000Z",
      figures: {
        registered: 64,
        attended: 57,
        attendedWomen: 41,
        attendedMen: 14,
        attendedOtherOrNotStated: 2,
        satisfaction: {
          responses: 31,
          averages: { overall: 4.1, content: 4.3, usefulness: 3.8, organisation: 4.2 },
          distribution: {
            overall: [0, 1, 5, 14, 11],
            content: [0, 0, 4, 14, 13],
            usefulness: [1, 2, 8, 11, 9],
            organisation: [0, 1, 4, 15, 11],
          },
          comments: ["Fler sådana dagar, gärna med arbetsgivare på plats."],
        },
      },
    },
  ],
});
