import type { Schemas } from "@nns/api-client";

/** A valid registration of a förbund in Halland; organisationsnummer 222000-1032 passes Luhn. */
export function hallandInput(
  overrides: Partial<Schemas["CreateOrganization"]> = {},
): Schemas["CreateOrganization"] {
  return {
    name: "Samordningsförbundet Halland Syd",
    organizationNumber: "222000-1032",
    countyCode: "13",
    email: "kansli@halland-syd.se",
    website: "https://halland-syd.se",
    memberParties: [
      { kind: "fk" },
      { kind: "af" },
      { kind: "region", countyCode: "13" },
      { kind: "kommun", municipalityCode: "1380" },
      { kind: "kommun", municipalityCode: "1381" },
    ],
    ...overrides,
  };
}

export const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "sv");
