import { example, GOTEBORG_NORDOST, HALLAND, IDS, NNS } from "../../lib/examples.js";

const TRAINER = { id: IDS.trainer, name: "Lena Bergström" };

export const STARTUP_SESSION = example({
  id: IDS.session,
  stepKey: "startup",
  title: "Uppstartsmöte med chefer och implementeringsgrupp",
  startsAt: "2027-03-03T08:00:00.000Z",
  endsAt: "2027-03-03T10:30:00.000Z",
  mode: "digital",
  location: null,
  videoLink: "https://meet.nns.se/bip-skapa-vast-uppstart",
  capacity: null,
  trainers: [TRAINER],
  confirmed: 11,
  waitlisted: 0,
  version: 1,
});

export const TRAINING_SESSION = example({
  id: IDS.secondSession,
  stepKey: "training",
  title: "Utbildning i progressionsmätning",
  startsAt: "2027-03-17T07:30:00.000Z",
  endsAt: "2027-03-17T14:30:00.000Z",
  mode: "on_site",
  location: "Halmstad, Kristian IV:s väg 3, sal Tylösand",
  videoLink: null,
  capacity: 25,
  trainers: [TRAINER],
  confirmed: 23,
  waitlisted: 2,
  version: 3,
});

export const TRAINING_SUMMARY = example({
  id: IDS.training,
  kind: "bip_skapa",
  title: "BIP/SKAPA Halland och Göteborg Nordost, våren 2027",
  status: "planned",
  owner: { id: NNS.id, name: NNS.name },
  firstSessionAt: STARTUP_SESSION.startsAt,
  lastSessionEndsAt: TRAINING_SESSION.endsAt,
  sessionCount: 2,
  createdAt: "2026-11-02T09:41:26.000Z",
});

export const TRAINING = example({
  ...TRAINING_SUMMARY,
  description:
    "Gemensam utbildning för två förbund i Västsverige. Utbildningsdagen hålls på plats i Halmstad.",
  costSplitRule: "seats",
  cancelledAt: null,
  cancelledBy: null,
  cancellationReason: null,
  completedAt: null,
  surveySentAt: null,
  sessions: [STARTUP_SESSION, TRAINING_SESSION],
  parties: [
    {
      organizationId: HALLAND.id,
      organizationName: HALLAND.name,
      countyCode: HALLAND.countyCode,
      seats: 14,
      contactEmail: "anna.lindqvist@halland.samordning.se",
      joinedAt: "2026-11-02T09:41:26.000Z",
    },
    {
      organizationId: GOTEBORG_NORDOST.id,
      organizationName: GOTEBORG_NORDOST.name,
      countyCode: GOTEBORG_NORDOST.countyCode,
      seats: 11,
      contactEmail: "johan.karlsson@nordost.samordning.se",
      joinedAt: "2026-11-02T09:41:26.000Z",
    },
  ],
  viewer: { isOwner: true, isParty: false },
  version: 6,
});

export const EVENT_SUMMARY = example({
  id: IDS.event,
  kind: "event",
  title: "Temadag: psykisk ohälsa och arbetsliv",
  status: "confirmed",
  owner: { id: HALLAND.id, name: HALLAND.name },
  firstSessionAt: "2027-04-22T07:00:00.000Z",
  lastSessionEndsAt: "2027-04-22T14:00:00.000Z",
  sessionCount: 1,
  createdAt: "2026-12-09T14:12:50.000Z",
});
