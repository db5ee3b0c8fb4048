import { describe, expect, it } from "vitest";
import { type FinsamParty, finsamMembershipProblems } from "../src/finsam-members.js";

const halmstad: FinsamParty[] = [
  { kind: "fk" },
  { kind: "af" },
  { kind: "region", countyCode: "13" },
  { kind: "kommun", municipalityCode: "1380" },
];

const rules = (county: string | null, parties: FinsamParty[]) =>
  finsamMembershipProblems(county, parties).map((p) => `${p.field}:${p.rule}`);

describe("Finsam membership (lag 2003:1210)", () => {
  it("accepts FK, AF, the län's region and kommuner in the län", () => {
    expect(rules("13", halmstad)).toEqual([]);
    expect(rules("13", [...halmstad, { kind: "kommun", municipalityCode: "1382" }])).toEqual([]);
  });

  it("refuses a förbund without huvudmän, naming every missing one", () => {
    expect(rules("13", [])).toEqual([
      "memberParties:finsam_fk_required",
      "memberParties:finsam_af_required",
      "memberParties:finsam_region_required",
      "memberParties:finsam_kommun_required",
    ]);
  });

  it("refuses a förbund with only a kommun", () => {
    expect(rules("13", [{ kind: "kommun", municipalityCode: "1380" }])).toEqual([
      "memberParties:finsam_fk_required",
      "memberParties:finsam_af_required",
      "memberParties:finsam_region_required",
    ]);
  });

  it("refuses Region Skåne for Nacka: Region Stockholm is missing and Skåne has no kommun", () => {
    expect(
      rules("01", [
        { kind: "fk" },
        { kind: "af" },
        { kind: "region", countyCode: "12" },
        { kind: "kommun", municipalityCode: "0182" },
      ]),
    ).toEqual([
      "memberParties.2.countyCode:finsam_kommun_for_region",
      "memberParties.3.municipalityCode:finsam_region_for_kommun",
    ]);
  });

  it("accepts kommuner in two län when both regions take part (1 § since 2010)", () => {
    const parties: FinsamParty[] = [
      ...halmstad,
      { kind: "region", countyCode: "07" },
      { kind: "kommun", municipalityCode: "0780" },
    ];
    expect(rules("13", parties)).toEqual([]);
    expect(
      rules(
        "13",
        parties.filter((p) => !(p.kind === "region" && p.countyCode === "07")),
      ),
    ).toEqual(["memberParties.4.municipalityCode:finsam_region_for_kommun"]);
  });

  it("lets Gotland's kommun cover its part without a separate region", () => {
    expect(
      rules("09", [{ kind: "fk" }, { kind: "af" }, { kind: "kommun", municipalityCode: "0980" }]),
    ).toEqual([]);
  });

  it("needs the förbund's län, one of those its huvudmän cover", () => {
    expect(rules(null, halmstad)).toEqual(["countyCode:finsam_county_required"]);
    expect(rules("12", halmstad)).toEqual(["countyCode:finsam_county_of_members"]);
  });

  it("says in Swedish which law it follows", () => {
    const [problem] = finsamMembershipProblems("13", halmstad.slice(1));
    expect(problem?.message).toBe(
      "Ett förbund ska ha Försäkringskassan som huvudman (lag (2003:1210) om finansiell samordning).",
    );
  });
});
