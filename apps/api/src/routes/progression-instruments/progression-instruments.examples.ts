import { example, HALLAND, IDS, NNS } from "../../lib/examples.js";

export const INSTRUMENT_ID = "3b7e6f1a-52c4-4d0e-9a7b-1f2e3d4c5b6a";
export const VERSION_ID = "9c2d4e6f-8a1b-4c3d-9e5f-7a6b5c4d3e2f";
export const PREVIOUS_VERSION_ID = "2f4e6d8c-1a3b-4c5d-8e7f-9a0b1c2d3e4f";
export const DRAFT_VERSION_ID = "c7a1e3f5-2b4d-4e6f-8a9b-0c1d2e3f4a5b";
export const OWN_INSTRUMENT_ID = "5a8c0e2f-4b6d-4f8a-9c1e-3d5f7a9b1c2d";
export const OWN_VERSION_ID = "e4f6a8b0-3c5d-4e7f-9a1b-2c3d4e5f6a7b";

const scale = {
  min: 1,
  max: 5,
  anchors: [
    { value: 1, label: "Stämmer inte alls" },
    { value: 3, label: "Stämmer delvis" },
    { value: 5, label: "Stämmer helt" },
  ],
};

export const DEFINITION = example({
  items: [
    {
      code: "S1",
      group: "Arbete",
      label: "Söka arbete",
      questions: {
        participant: "Jag vet hur jag söker arbete.",
        coach: "Deltagaren vet hur hen söker arbete.",
      },
      scale,
      direction: "higher_is_better",
    },
    {
      code: "S3",
      group: "Hälsa",
      label: "Hälsa",
      questions: {
        participant: "Min hälsa hindrar mig inte från att arbeta.",
        coach: "Deltagarens hälsa hindrar inte arbete.",
      },
      scale,
      direction: "higher_is_better",
    },
    {
      code: "H10",
      group: "Arbete",
      label: "Arbetsförmåga",
      questions: { coach: "Deltagaren skulle klara ett arbete med stöd i dag." },
      scale,
      direction: "higher_is_better",
    },
  ],
});

export const VERSION_SUMMARY = example({
  id: VERSION_ID,
  number: 2,
  status: "published",
  publishedAt: "2026-10-05T09:00:00.000Z",
  itemCount: 3,
  participantItemCount: 2,
  coachItemCount: 3,
});

export const INSTRUMENT = example({
  id: INSTRUMENT_ID,
  key: "skapa",
  name: "SKAPA",
  description:
    "Skattning av progression mot arbete: deltagarens och handledarens skattning, ungefär var tredje månad.",
  national: true,
  placeholder: false,
  owner: { id: NNS.id, name: NNS.name },
  isOwn: false,
  archivedAt: null,
  version: 2,
  versions: [
    {
      ...VERSION_SUMMARY,
      id: PREVIOUS_VERSION_ID,
      number: 1,
      status: "retired",
      publishedAt: "2026-03-02T10:15:00.000Z",
    },
    VERSION_SUMMARY,
  ],
  createdAt: "2026-03-02T09:40:11.000Z",
  updatedAt: "2026-10-05T09:00:00.000Z",
});

export const INSTRUMENT_INPUT = example({
  key: "vardag",
  name: "Vardagsskattning",
  description: "Förbundets egen skattning av vardagens förmågor.",
  placeholder: false,
});

export const OWN_INSTRUMENT = example({
  ...INSTRUMENT_INPUT,
  id: OWN_INSTRUMENT_ID,
  national: false,
  owner: { id: HALLAND.id, name: HALLAND.name },
  isOwn: true,
  archivedAt: null,
  version: 1,
  versions: [],
  createdAt: "2026-11-03T13:20:45.000Z",
  updatedAt: "2026-11-03T13:20:45.000Z",
});

export const VERSION = example({
  ...VERSION_SUMMARY,
  instrumentId: INSTRUMENT_ID,
  instrumentName: INSTRUMENT.name,
  placeholder: false,
  definition: DEFINITION,
  changeNote: "Fråga S3 omformulerad efter pilotåret.",
  version: 2,
});

export const DRAFT_VERSION = example({
  ...VERSION,
  id: DRAFT_VERSION_ID,
  number: 3,
  status: "draft",
  publishedAt: null,
  changeNote: "Ny fråga om studier.",
  version: 1,
});

export const VERSION_INPUT = example({ definition: DEFINITION, changeNote: DRAFT_VERSION.changeNote });

export const IMPORT_CSV =
  "kod;grupp;etikett;fråga_deltagare;fråga_handledare;min;max;ankare;riktning\n" +
  "S1;Arbete;Söka arbete;Jag vet hur jag söker arbete.;Deltagaren vet hur hen söker arbete.;1;5;1=Stämmer inte alls|3=Stämmer delvis|5=Stämmer helt;högre_bättre\n" +
  "S3;Hälsa;Hälsa;Min hälsa hindrar mig inte från att arbeta.;Deltagarens hälsa hindrar inte arbete.;1;5;1=Stämmer inte alls|3=Stämmer delvis|5=Stämmer helt;högre_bättre\n" +
  "H10;Arbete;Arbetsförmåga;;Deltagaren skulle klara ett arbete med stöd i dag.;1;5;1=Stämmer inte alls|3=Stämmer delvis|5=Stämmer helt;högre_bättre\n";

export const MAPPING = example({
  fromVersionId: PREVIOUS_VERSION_ID,
  fromVersionNumber: 1,
  toVersionId: VERSION_ID,
  items: [
    { from: "S1", to: "S1" },
    { from: "S3a", to: "S3" },
  ],
});

export const CHOSEN = example({
  ...VERSION_SUMMARY,
  instrumentId: INSTRUMENT_ID,
  instrumentName: INSTRUMENT.name,
  placeholder: false,
});

export const INTERVENTION_ID = IDS.intervention;
