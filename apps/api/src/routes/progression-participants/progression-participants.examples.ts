import { example, IDS, PEOPLE } from "../../lib/examples.js";

export const PARTICIPANT_ID = "3c6f1d2a-8b4e-4f7a-9d15-6e2b8a4c7f01";
export const INSTRUMENT_ID = "b9e2c4a1-5d3f-4e8b-a7c6-1f0d9e8b2a34";
export const VERSION_ID = "c4d8e1f2-7a6b-4c5d-9e3f-2b1a0c9d8e76";
export const OLD_VERSION_ID = "f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9";
export const FIRST_MEASUREMENT_ID = "0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a";
export const LATEST_MEASUREMENT_ID = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d";

const COACH = { id: PEOPLE.anna.id, name: PEOPLE.anna.name };

export const PARTICIPANT_INPUT = example({
  interventionId: IDS.intervention,
  coachUserId: PEOPLE.anna.id,
  gender: "woman",
  birthYear: 1994,
  startDate: "2026-09-01",
});

export const PARTICIPANT = example({
  id: PARTICIPANT_ID,
  code: "K7QM-3XWA",
  intervention: { id: IDS.intervention, name: "Arbetsträning i Halmstad med individuellt stöd" },
  coach: COACH,
  gender: "woman",
  birthYear: 1994,
  ageBand: "30-39",
  startDate: "2026-09-01",
  endDate: null,
  outcome: null,
  status: "active",
  version: 2,
  createdAt: "2026-09-01T09:14:22.000Z",
  updatedAt: "2026-10-02T13:05:40.000Z",
});

export const INSATS_INSTRUMENT = example({
  id: VERSION_ID,
  number: 1,
  status: "published",
  publishedAt: "2026-06-15T10:00:00.000Z",
  itemCount: 11,
  participantItemCount: 9,
  coachItemCount: 11,
  instrumentId: INSTRUMENT_ID,
  instrumentName: "SKAPA (platshållare)",
  placeholder: true,
});

export const PARTICIPANT_DETAIL = example({
  ...PARTICIPANT,
  instruments: [INSATS_INSTRUMENT],
  occasions: [
    {
      instrumentVersionId: VERSION_ID,
      respondent: "participant",
      occasions: [
        { kind: "start", dueOn: "2026-09-01", state: "done", measuredOn: "2026-09-03" },
        { kind: "follow_up", dueOn: "2026-12-01", state: "due", measuredOn: null },
      ],
    },
    {
      instrumentVersionId: VERSION_ID,
      respondent: "coach",
      occasions: [
        { kind: "start", dueOn: "2026-09-01", state: "done", measuredOn: "2026-09-03" },
        { kind: "follow_up", dueOn: "2026-12-01", state: "due", measuredOn: null },
      ],
    },
  ],
  measurementCount: 2,
});

export const PARTICIPANT_CHANGES = example({ endDate: "2027-03-31", outcome: "job_seeking_studies_work" });

const answers = { S1: 2, S2: 3, S3: 2, S4: 3, S5: 4, S6: 3, S7: 2, S8: 2, S9: 3 };

export const MEASUREMENT_INPUT = example({
  instrumentVersionId: VERSION_ID,
  respondent: "participant",
  measuredOn: "2026-09-03",
  answers,
  comment: "Skattade tillsammans vid första träffen.",
});

export const MEASUREMENT = example({
  id: FIRST_MEASUREMENT_ID,
  participantId: PARTICIPANT_ID,
  instrumentVersionId: VERSION_ID,
  instrument: { id: INSTRUMENT_ID, name: "SKAPA (platshållare)", versionNumber: 1, placeholder: true },
  respondent: "participant",
  measuredOn: "2026-09-03",
  answers,
  comment: "Skattade tillsammans vid första träffen.",
  source: "coach",
  recordedBy: COACH,
  createdAt: "2026-09-03T14:02:10.000Z",
});

export const LATEST_MEASUREMENT = example({
  ...MEASUREMENT,
  id: LATEST_MEASUREMENT_ID,
  measuredOn: "2026-12-04",
  answers: { S1: 4, S2: 4, S3: 3, S4: 3, S5: 4, S6: 4, S7: 3, S8: 4, S9: 4 },
  comment: null,
  source: "self_rating",
  recordedBy: null,
  createdAt: "2026-12-04T18:44:51.000Z",
});

const end = (measurementId: string, measuredOn: string) => ({
  measurementId,
  measuredOn,
  instrumentVersionId: VERSION_ID,
  versionNumber: 1,
});

const item = (code: string, label: string, group: string, from: number, to: number) => ({
  code,
  label,
  group,
  min: 1,
  max: 5,
  direction: "higher_is_better" as const,
  from,
  to,
  change: to - from,
});

export const COMPARISON = example({
  participantId: PARTICIPANT_ID,
  respondent: "participant",
  from: end(FIRST_MEASUREMENT_ID, "2026-09-03"),
  to: end(LATEST_MEASUREMENT_ID, "2026-12-04"),
  items: [
    item("S1", "Söka arbete (platshållare)", "Arbete", 2, 4),
    item("S2", "Mål (platshållare)", "Arbete", 3, 4),
    item("S3", "Hälsa (platshållare)", "Hälsa", 2, 3),
  ],
  unmappedItems: [],
});

export const DUE_OCCASION = example({
  participantId: PARTICIPANT_ID,
  code: PARTICIPANT.code,
  intervention: PARTICIPANT.intervention,
  coach: COACH,
  instrumentVersionId: VERSION_ID,
  instrumentName: "SKAPA (platshållare)",
  placeholder: true,
  respondent: "coach",
  kind: "follow_up",
  dueOn: "2026-12-01",
  state: "due",
});

export const ACCESS_LOG_ENTRY = example({
  id: "9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b",
  participantId: PARTICIPANT_ID,
  participantCode: PARTICIPANT.code,
  action: "read",
  actor: { type: "user", id: PEOPLE.anna.id, name: PEOPLE.anna.name },
  at: "2026-12-04T19:02:33.000Z",
});
