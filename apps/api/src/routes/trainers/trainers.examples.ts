import { example, IDS } from "../../lib/examples.js";
import { OTHER_TRAINING_REQUEST, TRAINING_REQUEST } from "../training-requests/training-requests.examples.js";

export const CERTIFICATION = example({
  id: IDS.certification,
  issuer: "Væksthuset",
  certifiedOn: "2024-05-16",
  validUntil: "2027-01-31",
  evidence: "Intyg nr 2024-117, Væksthuset Köpenhamn",
  status: "expiring",
  revokedAt: null,
});

export const TRAINER = example({
  id: IDS.trainer,
  name: "Lena Bergström",
  email: "lena.bergstrom@utbildare.nns.se",
  phone: "070-418 22 95",
  countyCodes: ["13", "14"],
  deliveryModes: ["digital", "on_site"],
  notes: "Leder gärna utbildningssteget på plats i Västsverige.",
  archived: false,
  certificationStatus: "expiring",
  certifications: [CERTIFICATION],
  version: 3,
});

export const TRAINER_INPUT = example({
  name: "Lena Bergström",
  email: "lena.bergstrom@utbildare.nns.se",
  phone: "070-418 22 95",
  countyCodes: ["13", "14"],
  deliveryModes: ["digital", "on_site"],
  notes: "Leder gärna utbildningssteget på plats i Västsverige.",
});

export const PRICE_ITEM = example({
  id: IDS.priceItem,
  code: "bip_skapa_training",
  name: "BIP/SKAPA-utbildning, upp till 25 deltagare i utbildningssteget",
  unitPriceOre: 5_000_000,
  vatRateBasisPoints: 2500,
  maxParticipants: 25,
  active: true,
  version: 2,
});

const STEPS = [
  {
    key: "startup",
    title: "Uppstartsmöte med chefer och implementeringsgrupp",
    durationMinutes: 150,
    mode: "digital",
    capacity: null,
    description:
      "Chefer, nyckelpersoner och utbildare stämmer av processen och går igenom implementeringschecklistan.",
  },
  {
    key: "training",
    title: "Utbildning i progressionsmätning",
    durationMinutes: 420,
    mode: "either",
    capacity: 25,
    description: "Heldagsutbildning i att skatta progression mot arbete. Högst 25 deltagare per tillfälle.",
  },
] as const;

export const TEMPLATE = example({
  id: IDS.template,
  key: "bip_skapa",
  name: "BIP/SKAPA",
  steps: STEPS,
  version: 5,
});

export const TEMPLATE_INPUT = example({ name: "BIP/SKAPA", steps: STEPS });

export const PAIRING = example({
  requestIds: [TRAINING_REQUEST.id, OTHER_TRAINING_REQUEST.id],
  countyRelation: "neighbouring",
  overlap: { start: "2027-03-01", end: "2027-04-30" },
  overlapDays: 61,
  combinedParticipants: 23,
  deliveryPreference: "on_site",
  requests: [TRAINING_REQUEST, OTHER_TRAINING_REQUEST],
});
