import { example, NNS } from "../../lib/examples.js";

/** Seed 004: a delprojekt of Hälsofrämjande etablering run by Arbetsförmedlingen in Gävle. */
export const RUNNING_BODY = example({
  kind: "af",
  name: "Arbetsförmedlingen i Gävle",
  municipalityCode: "2180",
  countyCode: null,
});

export const PROJECT = example({
  parts: [
    {
      id: "5f0c8a51-3f0e-4c1a-9d8e-2b7a1f4c6e21",
      title: "Delprojekt Gävle: identifiering av ohälsa",
      organizationName: NNS.name,
      runningBody: { ...RUNNING_BODY, placeName: "Gävle" },
      places: ["Gävle"],
      participants: 26,
    },
    {
      id: "0b9e7d43-81c2-4f5a-a6d0-9c3e5b2f7a18",
      title: "Delprojekt Malmö: tidiga hälsosamtal",
      organizationName: NNS.name,
      runningBody: {
        kind: "kommun",
        name: "Malmö stad",
        municipalityCode: "1280",
        countyCode: null,
        placeName: "Malmö",
      },
      places: ["Malmö"],
      participants: 38,
    },
  ],
  totals: {
    participantsTotal: 64,
    participantsWomen: 35,
    participantsMen: 29,
    participantsOther: 0,
    outcomeShares: [
      { code: "vocational_rehabilitation", count: 5, sharePercent: 7.8 },
      { code: "reduced_sick_leave", count: 3, sharePercent: 4.7 },
      { code: "job_seeking_studies_work", count: 24, sharePercent: 37.5 },
      { code: "back_to_fk", count: 6, sharePercent: 9.4 },
      { code: "dropped_out", count: 2, sharePercent: 3.1 },
      { code: "social_services", count: 0, sharePercent: 0 },
    ],
    positiveCount: 32,
    positiveSharePercent: 50,
    withoutOutcome: 24,
    reportingParts: 2,
    outcomes: [
      {
        code: "vocational_rehabilitation",
        label: "Till arbetslivsinriktad rehabilitering",
        positive: true,
        count: 5,
        sharePercent: 7.8,
      },
      {
        code: "reduced_sick_leave",
        label: "Minskad sjukfrånvaro: anpassning av pågående arbete",
        positive: true,
        count: 3,
        sharePercent: 4.7,
      },
      {
        code: "job_seeking_studies_work",
        label: "Till Arbetsförmedlingen som arbetssökande, studier, arbete eller eget företag",
        positive: true,
        count: 24,
        sharePercent: 37.5,
      },
      {
        code: "back_to_fk",
        label: "Tillbaka till Försäkringskassan",
        positive: false,
        count: 6,
        sharePercent: 9.4,
      },
      { code: "dropped_out", label: "Avhopp", positive: false, count: 2, sharePercent: 3.1 },
      { code: "social_services", label: "Till socialtjänsten", positive: false, count: 0, sharePercent: 0 },
    ],
  },
});
