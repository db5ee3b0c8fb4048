/**
 * Who may form a samordningsförbund under lag (2003:1210) om finansiell samordning av
 * rehabiliteringsinsatser, 3 §: Försäkringskassan, Arbetsförmedlingen, at least one region and at least
 * one kommun, with both kommun and region taking part for every part of the förbund's area. Since 2010
 * (1 §) the kommuner may lie in different län, so the rule is per län, not "one län": each member kommun's
 * region is a member too, and each member region has a member kommun in its län. A kommun that belongs to
 * no region (Gotland, which is its own region) covers its part alone. The förbund's own län is one of
 * those its huvudmän cover. NNS is not a förbund and has no huvudmän; the caller skips it.
 * Decision record 0028.
 */
export type FinsamParty =
  | { kind: "fk" }
  | { kind: "af" }
  | { kind: "region"; countyCode: string }
  | { kind: "kommun"; municipalityCode: string };

export const FINSAM_RULES = [
  "finsam_county_required",
  "finsam_county_of_members",
  "finsam_fk_required",
  "finsam_af_required",
  "finsam_region_required",
  "finsam_kommun_required",
  "finsam_region_for_kommun",
  "finsam_kommun_for_region",
] as const;
export type FinsamRule = (typeof FINSAM_RULES)[number];

/** A broken rule, its field relative to the förbund's details (`memberParties.2.countyCode`). */
export interface FinsamProblem {
  field: string;
  rule: FinsamRule;
  message: string;
}

const LAW = "lag (2003:1210) om finansiell samordning";

/** Gotlands kommun has the region's tasks itself: no separate region takes part for it. */
const KOMMUN_WITHOUT_REGION = new Set(["0980"]);

/** SCB's kommunkod starts with the länskod of the län the kommun lies in. */
export function countyOfMunicipality(municipalityCode: string): string {
  return municipalityCode.slice(0, 2);
}

/** Every Finsam rule the förbund's län and huvudmän break, in a stable order; empty when they comply. */
export function finsamMembershipProblems(
  countyCode: string | null,
  parties: readonly FinsamParty[],
): FinsamProblem[] {
  const problems: FinsamProblem[] = [];
  const regions = new Set(parties.flatMap((p) => (p.kind === "region" ? [p.countyCode] : [])));
  const kommuner = parties.flatMap((p) => (p.kind === "kommun" ? [p.municipalityCode] : []));
  const kommunCounties = new Set(kommuner.map(countyOfMunicipality));
  const coveredCounties = new Set([...regions, ...kommunCounties]);
  if (!countyCode) {
    problems.push({
      field: "countyCode",
      rule: "finsam_county_required",
      message: "Ange förbundets län.",
    });
  } else if (coveredCounties.size > 0 && !coveredCounties.has(countyCode)) {
    problems.push({
      field: "countyCode",
      rule: "finsam_county_of_members",
      message: "Förbundets län ska vara ett av dem som dess region och kommuner hör till.",
    });
  }
  const required: { rule: FinsamRule; met: boolean; who: string }[] = [
    { rule: "finsam_fk_required", met: parties.some((p) => p.kind === "fk"), who: "Försäkringskassan" },
    { rule: "finsam_af_required", met: parties.some((p) => p.kind === "af"), who: "Arbetsförmedlingen" },
    {
      rule: "finsam_region_required",
      met: regions.size > 0 || (kommuner.length > 0 && kommuner.every((k) => KOMMUN_WITHOUT_REGION.has(k))),
      who: "minst en region",
    },
    { rule: "finsam_kommun_required", met: kommuner.length > 0, who: "minst en kommun" },
  ];
  for (const { rule, met, who } of required) {
    if (!met)
      problems.push({
        field: "memberParties",
        rule,
        message: `Ett förbund ska ha ${who} som huvudman (${LAW}).`,
      });
  }
  parties.forEach((party, index) => {
    if (
      party.kind === "kommun" &&
      !KOMMUN_WITHOUT_REGION.has(party.municipalityCode) &&
      regions.size > 0 &&
      !regions.has(countyOfMunicipality(party.municipalityCode))
    ) {
      problems.push({
        field: `memberParties.${index}.municipalityCode`,
        rule: "finsam_region_for_kommun",
        message: "Regionen i kommunens län ska också vara huvudman.",
      });
    }
    if (party.kind === "region" && kommuner.length > 0 && !kommunCounties.has(party.countyCode)) {
      problems.push({
        field: `memberParties.${index}.countyCode`,
        rule: "finsam_kommun_for_region",
        message: "Ingen av förbundets kommuner ligger i regionens län.",
      });
    }
  });
  return problems;
}
