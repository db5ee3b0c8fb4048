import type { Respondent } from "./instruments.js";
import type { AgeBand, ParticipantGender } from "./participants.js";

/** What a person reads for the stored values: admin, exports, public pages (the spec's Swedish labels). */
export const GENDER_LABELS_SV: Record<ParticipantGender, string> = {
  woman: "Kvinna",
  man: "Man",
  other: "Annat",
  not_stated: "Ej angivet",
};

export const RESPONDENT_LABELS_SV: Record<Respondent, string> = {
  participant: "Deltagare",
  coach: "Handledare",
};

export const AGE_BAND_LABELS_SV: Record<AgeBand | "unknown", string> = {
  "16-19": "16–19",
  "20-29": "20–29",
  "30-39": "30–39",
  "40-49": "40–49",
  "50-59": "50–59",
  "60-": "60 år och äldre",
  unknown: "Okänd ålder",
};

export const MEASUREMENT_SOURCE_LABELS_SV: Record<"coach" | "self_rating", string> = {
  coach: "Registrerad av handledaren",
  self_rating: "Självskattning via länk",
};
