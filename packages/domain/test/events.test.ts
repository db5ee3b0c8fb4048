import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  countsByMemberParty,
  eventBudgetTotals,
  eventFigureProblems,
  type MemberPartyPerson,
} from "../src/index.js";

const figures = {
  registered: 120,
  attended: 104,
  attendedWomen: 80,
  attendedMen: 22,
  attendedOther: 2,
  surveyResponses: 61,
  satisfaction: 4.4,
};

describe("an event's figures entered afterwards", () => {
  it("accepts seed 000's counts, walk-ins included", () => {
    expect(eventFigureProblems(figures)).toEqual([]);
    expect(eventFigureProblems({ ...figures, registered: 90 })).toEqual([]);
  });

  it("refuses more women, men and others than attended, and more answers than people", () => {
    expect(eventFigureProblems({ ...figures, attendedMen: 23 }).map((p) => p.rule)).toEqual([
      "gender_exceeds_attended",
    ]);
    expect(eventFigureProblems({ ...figures, surveyResponses: 105 }).map((p) => p.rule)).toEqual([
      "responses_exceed_attended",
    ]);
    expect(eventFigureProblems({ ...figures, surveyResponses: null }).map((p) => p.rule)).toEqual([
      "required_with_satisfaction",
    ]);
  });
});

describe("counts by member party", () => {
  const people = (memberPartyId: string | null, n: number, gender: "woman" | "man" = "woman") =>
    Array.from(
      { length: n },
      (): MemberPartyPerson => ({ memberPartyId, gender, registered: true, attended: true }),
    );

  it("shows groups at the minimum size and hides smaller ones", () => {
    const rows = countsByMemberParty(
      [...people("fk", 6), ...people("af", 5), ...people("kommun", 7)],
      ["fk", "af", "kommun"],
      5,
    );
    expect(rows.map((r) => r.attended)).toEqual([6, 5, 7, 0]);
    expect(rows[0]?.attendedWomen).toBe(6);
    // Men: none anywhere, which identifies nobody.
    expect(rows.map((r) => r.attendedMen)).toEqual([0, 0, 0, 0]);
  });

  it("hides a second group when only one would be hidden, so the total cannot reveal it", () => {
    const rows = countsByMemberParty(
      [...people("fk", 3), ...people("af", 6), ...people("kommun", 9)],
      ["fk", "af", "kommun"],
      5,
    );
    expect(rows.map((r) => r.attended)).toEqual([null, null, 9, 0]);
  });

  it("never shows a count between 1 and the minimum, and hides one group alone only when no other has anyone", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(12), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 2, max: 6 }),
        (sizes, min) => {
          const ids = sizes.map((_, i) => `p${i}`);
          const rows = countsByMemberParty(
            sizes.flatMap((n, i) => people(`p${i}`, n)),
            ids,
            min,
          );
          const shown = rows.map((r) => r.attended);
          expect(shown.every((v) => v === null || v === 0 || v >= min)).toBe(true);
          if (shown.filter((v) => v === null).length === 1) {
            expect(shown.every((v) => v === null || v === 0)).toBe(true);
          }
        },
      ),
    );
  });
});

describe("an event's budget", () => {
  it("totals budget and actual, with the variance over lines whose actual cost is known", () => {
    const totals = eventBudgetTotals([
      { category: "venue", budgetOre: 1_500_000, actualOre: 1_450_000, vatRateBasisPoints: 2500 },
      { category: "catering", budgetOre: 900_000, actualOre: 980_000, vatRateBasisPoints: 1200 },
      { category: "speaker", budgetOre: 2_500_000, actualOre: null, vatRateBasisPoints: 0 },
    ]);
    expect(totals.budgetOre).toBe(4_900_000);
    expect(totals.actualOre).toBe(2_430_000);
    expect(totals.varianceOre).toBe(30_000);
    expect(totals.byCategory.map((c) => c.category)).toEqual(["venue", "catering", "speaker"]);
    expect(totals.byCategory[2]?.actualOre).toBeNull();
  });

  it("has no actual cost before any is known", () => {
    const totals = eventBudgetTotals([
      { category: "other", budgetOre: 10_000, actualOre: null, vatRateBasisPoints: 2500 },
    ]);
    expect(totals.actualOre).toBeNull();
    expect(totals.varianceOre).toBeNull();
  });
});
