import { example, GOTEBORG_NORDOST, HALLAND } from "../../lib/examples.js";

export const ORGANIZATION = example({
  id: GOTEBORG_NORDOST.id,
  kind: "forbund",
  name: GOTEBORG_NORDOST.name,
  slug: GOTEBORG_NORDOST.slug,
  organizationNumber: "222000-1883",
  vatNumber: "SE222000188301",
  countyCode: GOTEBORG_NORDOST.countyCode,
  email: "info@goteborgnordost.samordning.se",
  website: "https://www.goteborgnordost.samordning.se",
  memberParties: [
    { kind: "fk", name: "Försäkringskassan", countyCode: null, municipalityCode: null },
    { kind: "af", name: "Arbetsförmedlingen", countyCode: null, municipalityCode: null },
    { kind: "region", name: "Västra Götalandsregionen", countyCode: "14", municipalityCode: null },
    { kind: "kommun", name: "Göteborg", countyCode: "14", municipalityCode: "1480" },
  ],
  finsamIssues: [],
  version: 4,
  createdAt: "2025-03-12T10:04:51.000Z",
  updatedAt: "2026-09-30T13:21:08.000Z",
});

export const CREATE_ORGANIZATION = example({
  name: HALLAND.name,
  slug: HALLAND.slug,
  organizationNumber: "222000-1016",
  countyCode: HALLAND.countyCode,
  email: "kansli@halland.samordning.se",
  website: "https://www.samordningsforbundethalland.se",
  memberParties: [
    { kind: "fk" },
    { kind: "af" },
    { kind: "region", countyCode: "13" },
    { kind: "kommun", municipalityCode: "1380" },
    { kind: "kommun", municipalityCode: "1382" },
    { kind: "kommun", municipalityCode: "1383" },
  ],
});

export const UPDATE_ORGANIZATION = example({
  email: "kansli@goteborgnordost.samordning.se",
  website: "https://www.goteborgnordost.samordning.se",
});

export const ACCESS = example({
  organization: { id: GOTEBORG_NORDOST.id, name: GOTEBORG_NORDOST.name, kind: "forbund" },
  access: "editor",
  permissions: [
    "interventions:read",
    "interventions:write",
    "members:read",
    "org:read",
    "sessions:attend",
    "trainings:manage",
    "trainings:read",
    "trainings:register",
  ],
});
