import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { delprojektContribution, projectTotals } from "../src/catalog/project-totals.js";

const CATEGORIES = [
  { code: "work", positive: true },
  { code: "fk", positive: false },
];

const period = (
  periodStart: string,
  periodEnd: string,
  women: number,
  men: number,
  work = 0,
  kind: "interval" | "cumulative" = "interval",
) => ({
  kind,
  periodStart,
  periodEnd,
  participantsWomen: women,
  participantsMen: men,
  participantsOther: 0,
  outcomes: { work },
});

describe("project totals", () => {
  it("sums a delprojekt's separate periods and counts the latest of cumulative ones", () => {
    expect(
      delprojektContribution([
        period("2020-01-01", "2020-12-31", 3, 2, 1),
        period("2019-01-01", "2019-12-31", 5, 5, 4),
      ]),
    ).toMatchObject({ participantsWomen: 8, participantsMen: 7, outcomes: { work: 5 } });
    expect(
      delprojektContribution([
        period("2019-01-01", "2020-12-31", 6, 4, 3, "cumulative"),
        period("2019-01-01", "2019-12-31", 2, 2, 0, "cumulative"),
      ]),
    ).toMatchObject({ participantsWomen: 6, participantsMen: 4, outcomes: { work: 3 } });
  });

  it("adds delprojekt up and derives the shares of the sum, not the mean of the shares", () => {
    const totals = projectTotals(
      [[period("2020-01-01", "2020-12-31", 1, 1, 2)], [period("2020-01-01", "2020-12-31", 4, 4, 0)], []],
      CATEGORIES,
    );
    expect(totals).toMatchObject({
      participantsTotal: 10,
      positiveCount: 2,
      positiveSharePercent: 20,
      withoutOutcome: 8,
      reportingParts: 2,
    });
  });

  it("the total of separately reported delprojekt is the sum of their totals", () => {
    const part = fc.array(
      fc.record({ women: fc.nat(50), men: fc.nat(50), year: fc.integer({ min: 2000, max: 2030 }) }),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 5 }), (parts) => {
        // One period per distinct year: intervals that do not overlap.
        const periods = parts.map((p) =>
          [...new Map(p.map((x) => [x.year, x])).values()].map((x) =>
            period(`${x.year}-01-01`, `${x.year}-12-31`, x.women, x.men),
          ),
        );
        const expected = periods.flat().reduce((sum, x) => sum + x.participantsWomen + x.participantsMen, 0);
        expect(projectTotals(periods, CATEGORIES).participantsTotal).toBe(expected);
      }),
    );
  });
});
