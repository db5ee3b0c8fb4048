import { example, HALLAND, NORRA_VASTMANLAND } from "../../lib/examples.js";

export const SKAPA_ID = "3f0c9a62-1b7e-4d15-8a3c-6e2f9d4b7a01";
export const SKAPA_VERSION_ID = "8b4e2d17-5c9a-4f3e-b6d1-0a7c3e9f2b58";
export const INSTRUMENT = example({
  id: SKAPA_ID,
  name: "SKAPA (platshållare)",
  placeholder: true,
  versionId: SKAPA_VERSION_ID,
  versionNumber: 1,
});

const item = (code: string, label: string, meanFirst: number, meanLatest: number, improved: number) => ({
  code,
  label,
  meanFirst,
  meanLatest,
  distance: Math.round((meanLatest - meanFirst) * 100) / 100,
  improvedPercent: improved,
  unchangedPercent: Math.round((100 - improved - 5) * 10) / 10,
  worsePercent: 5,
});

export const NATIONAL_REPORT = example({
  scope: "national",
  intervention: null,
  instrument: INSTRUMENT,
  respondent: "participant",
  dimension: "organization",
  minGroupSize: 5,
  improvementThresholdSteps: 1,
  generatedAt: "2026-11-24T09:15:02.118Z",
  activity: {
    total: {
      group: null,
      label: "Alla",
      suppressed: false,
      participants: 214,
      measuredParticipants: 188,
      measurements: 531,
    },
    groups: [
      {
        group: HALLAND.id,
        label: HALLAND.name,
        suppressed: false,
        participants: 131,
        measuredParticipants: 117,
        measurements: 342,
      },
      {
        group: NORRA_VASTMANLAND.id,
        label: NORRA_VASTMANLAND.name,
        suppressed: false,
        participants: 83,
        measuredParticipants: 71,
        measurements: 189,
      },
    ],
  },
  total: {
    group: null,
    label: "Alla",
    suppressed: false,
    n: 142,
    items: [item("S1", "Söka arbete (platshållare)", 2.41, 3.35, 58.5)],
  },
  groups: [
    {
      group: HALLAND.id,
      label: HALLAND.name,
      suppressed: false,
      n: 96,
      items: [item("S1", "Söka arbete (platshållare)", 2.38, 3.42, 61.5)],
    },
    { group: NORRA_VASTMANLAND.id, label: NORRA_VASTMANLAND.name, suppressed: true, reason: "too_few" },
  ],
});

export const REPORT_OPTIONS = example({
  instruments: [
    {
      id: SKAPA_VERSION_ID,
      number: 1,
      status: "published",
      publishedAt: "2026-09-01T07:00:00.000Z",
      itemCount: 11,
      participantItemCount: 9,
      coachItemCount: 11,
      instrumentId: SKAPA_ID,
      instrumentName: "SKAPA (platshållare)",
      placeholder: true,
      respondents: ["coach", "participant"],
    },
  ],
  interventions: [{ id: "0d5b8e34-6a1f-4c27-9e83-b4f2a7c61d09", name: "Steget vidare" }],
});
