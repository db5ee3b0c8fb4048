import { example, HALLAND, PEOPLE } from "../../lib/examples.js";

const PARTICIPANT_ID = "3c1f7a52-7e0b-4d8a-9a61-2f4b8c9d0e13";
const INSTRUMENT_ID = "9b2d4e6f-1a3c-4b5d-8e7f-0a1b2c3d4e5f";
const VERSION_ID = "4f6a8b0c-2d4e-4f6a-8b0c-2d4e6f8a0b1c";
const INTERVENTION_ID = "6d8e0f1a-3b5c-4d7e-9f1a-3b5c7d9e1f2a";
const TOKEN = "b3BlbnNvdXJjZS1leGFtcGxlLXRva2VuLWZvci1kb2M";

export const SELF_RATING_LINK_INPUT = { instrumentVersionId: VERSION_ID, expiresInHours: 72 };

export const SELF_RATING_LINK = example({
  id: "7a9b1c3d-5e7f-4a9b-8c3d-5e7f9a1b3c5d",
  url: `https://nns.example/skattning/${TOKEN}`,
  expiresAt: "2026-11-27T09:30:00.000Z",
});

const SCALE = {
  min: 1,
  max: 5,
  anchors: [
    { value: 1, label: "Stämmer inte alls" },
    { value: 3, label: "Stämmer delvis" },
    { value: 5, label: "Stämmer helt" },
  ],
};

export const SELF_RATING_FORM = example({
  instrument: { name: "SKAPA", placeholder: false },
  expiresAt: "2026-11-27T09:30:00.000Z",
  items: [
    {
      code: "P1",
      group: "Arbete",
      question: "Jag tror att jag kan få ett arbete.",
      scale: SCALE,
    },
    {
      code: "P2",
      group: "Hälsa",
      question: "Jag orkar med en vanlig dag.",
      scale: SCALE,
    },
  ],
});

export const SELF_RATING_ANSWERS = { answers: { P1: 3, P2: 4 } };

export const SELF_RATING_RECEIPT = example({ measuredOn: "2026-11-25" });

export const PARTICIPANT_EXPORT = example({
  exportedAt: "2026-11-25T10:02:11.000Z",
  participant: {
    id: PARTICIPANT_ID,
    code: "K7QM-3XRP",
    intervention: { id: INTERVENTION_ID, name: "Resursteam unga vuxna" },
    coach: { id: PEOPLE.anna.id, name: PEOPLE.anna.name },
    gender: "woman",
    birthYear: 1998,
    ageBand: "20-29",
    startDate: "2026-03-02",
    endDate: null,
    outcome: null,
    createdAt: "2026-03-02T08:15:40.000Z",
    updatedAt: "2026-03-02T08:15:40.000Z",
  },
  measurements: [
    {
      id: "2e4f6a8b-0c2d-4e6f-8a0b-2c4d6e8f0a2b",
      instrument: { id: INSTRUMENT_ID, name: "SKAPA", versionNumber: 1, placeholder: false },
      respondent: "participant",
      measuredOn: "2026-03-02",
      source: "self_rating",
      recordedBy: null,
      comment: null,
      answers: [
        { code: "P1", label: "Tro på arbete", question: "Jag tror att jag kan få ett arbete.", value: 2 },
        { code: "P2", label: "Ork", question: "Jag orkar med en vanlig dag.", value: 3 },
      ],
      createdAt: "2026-03-02T08:40:03.000Z",
    },
  ],
  selfRatingLinks: [
    {
      createdAt: "2026-03-02T08:16:12.000Z",
      expiresAt: "2026-03-05T08:16:12.000Z",
      usedAt: "2026-03-02T08:40:03.000Z",
    },
  ],
  accessLog: [
    { at: "2026-03-02T08:16:12.000Z", action: "self_rating_link", actorName: PEOPLE.anna.name },
    { at: "2026-11-25T10:02:11.000Z", action: "export", actorName: `Förbundschef ${HALLAND.name}` },
  ],
});

export const PROGRESSION_SETTINGS = example({
  retentionMonths: 36,
  updatedAt: "2026-09-01T12:00:00.000Z",
});
