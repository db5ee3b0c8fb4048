import { example, GOTEBORG_NORDOST, HALLAND, IDS } from "../../lib/examples.js";

export const TRAINING_REQUEST = example({
  id: IDS.trainingRequest,
  organization: { id: HALLAND.id, name: HALLAND.name, countyCode: HALLAND.countyCode },
  periodStart: "2027-02-01",
  periodEnd: "2027-04-30",
  expectedParticipants: 14,
  deliveryPreference: "either",
  openToSharing: true,
  contactName: "Anna Lindqvist",
  contactEmail: "anna.lindqvist@halland.samordning.se",
  contactPhone: "035-13 72 40",
  notes: "Gärna utbildningssteget på plats i Halmstad. Fyra av deltagarna arbetar i Varberg.",
  status: "submitted",
  trainingId: null,
  cancelledTrainings: [
    {
      trainingId: IDS.training,
      title: "BIP/SKAPA Halland och Jönköping",
      cancelledAt: "2026-11-12T14:05:31.000Z",
      reason: "Utbildaren är sjuk och ingen annan certifierad utbildare kan ta tillfällena i december.",
    },
  ],
  decisionNote: null,
  createdAt: "2026-10-08T11:26:44.000Z",
  version: 1,
});

export const OTHER_TRAINING_REQUEST = example({
  id: IDS.otherTrainingRequest,
  organization: {
    id: GOTEBORG_NORDOST.id,
    name: GOTEBORG_NORDOST.name,
    countyCode: GOTEBORG_NORDOST.countyCode,
  },
  periodStart: "2027-03-01",
  periodEnd: "2027-05-31",
  expectedParticipants: 9,
  deliveryPreference: "on_site",
  openToSharing: true,
  contactName: "Johan Karlsson",
  contactEmail: "johan.karlsson@nordost.samordning.se",
  contactPhone: null,
  notes: null,
  status: "submitted",
  trainingId: null,
  cancelledTrainings: [],
  decisionNote: null,
  createdAt: "2026-10-21T08:03:17.000Z",
  version: 1,
});

export const SUBMIT_TRAINING_REQUEST = example({
  periodStart: "2027-02-01",
  periodEnd: "2027-04-30",
  expectedParticipants: 14,
  deliveryPreference: "either",
  openToSharing: true,
  contactName: "Anna Lindqvist",
  contactEmail: "anna.lindqvist@halland.samordning.se",
  contactPhone: "035-13 72 40",
  notes: "Gärna utbildningssteget på plats i Halmstad. Fyra av deltagarna arbetar i Varberg.",
});
