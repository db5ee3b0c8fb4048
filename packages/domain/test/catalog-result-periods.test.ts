import { describe, expect, it } from "vitest";
import {
  inReportingOrder,
  reportingPeriodLabel,
  reportingPeriodsOverlap,
  resultTotals,
  type TotalsReport,
} from "../src/catalog/result-periods.js";
import { budgetTotals, ResultCountsError, validateResultDetails } from "../src/catalog/results.js";

const p = (periodStart: string, periodEnd: string) => ({ periodStart, periodEnd });

describe("reporting periods", () => {
  it("labels a calendar year by its year and anything else by both dates", () => {
    expect(reportingPeriodLabel(p("2011-01-01", "2011-12-31"))).toBe("2011");
    expect(reportingPeriodLabel(p("2011-01-01", "2011-06-30"))).toBe("2011-01-01 – 2011-06-30");
    expect(reportingPeriodLabel(p("2010-01-01", "2011-12-31"))).toBe("2010-01-01 – 2011-12-31");
  });

  it("tells intervals from cumulative periods", () => {
    expect(reportingPeriodsOverlap([p("2011-01-01", "2011-12-31"), p("2010-01-01", "2010-12-31")])).toBe(
      false,
    );
    expect(reportingPeriodsOverlap([p("2007-09-01", "2009-12-31"), p("2007-09-01", "2010-12-31")])).toBe(
      true,
    );
    // A period inside a long earlier one overlaps it, though it starts after the one between them ends.
    expect(
      reportingPeriodsOverlap([
        p("2008-01-01", "2010-12-31"),
        p("2008-02-01", "2008-03-01"),
        p("2009-01-01", "2009-02-01"),
      ]),
    ).toBe(true);
    expect(reportingPeriodsOverlap([p("2011-01-01", "2011-12-31")])).toBe(false);
  });

  it("orders oldest first by end, then start", () => {
    const ordered = inReportingOrder([
      p("2007-09-01", "2010-12-31"),
      p("2010-01-01", "2010-12-31"),
      p("2007-09-01", "2009-12-31"),
    ]);
    expect(ordered).toEqual([
      p("2007-09-01", "2009-12-31"),
      p("2007-09-01", "2010-12-31"),
      p("2010-01-01", "2010-12-31"),
    ]);
  });
});

const report = (
  kind: TotalsReport["kind"],
  periodStart: string,
  periodEnd: string,
  women: number,
  positive: number,
  extra: Partial<TotalsReport> = {},
): TotalsReport => ({
  kind,
  periodStart,
  periodEnd,
  participantsWomen: women,
  participantsMen: 0,
  participantsOther: 0,
  outcomes: { job_seeking_studies_work: positive },
  ...extra,
});

describe("resultTotals", () => {
  // RESAM (seed 002): the interim report of April 2009 and the final report, both from the start.
  const interim = report("cumulative", "2007-09-01", "2009-04-30", 50, 22, { costOre: 100 });
  const final = report("cumulative", "2007-09-01", "2010-12-31", 103, 62, { costOre: 300 });

  it("takes the latest cumulative report as the total, whatever order the reports come in", () => {
    for (const reports of [
      [interim, final],
      [final, interim],
    ]) {
      const totals = resultTotals(reports);
      expect(totals.participantsTotal).toBe(103);
      expect(totals.outcomes).toEqual({ job_seeking_studies_work: 62 });
      expect(totals.costOre).toBe(300);
      expect(totals.counted).toEqual([final]);
      expect(totals.superseded).toEqual([interim]);
      expect(totals.basis).toBe("cumulative");
    }
  });

  it("adds up intervals and keeps unknown money unknown", () => {
    const totals = resultTotals([
      report("interval", "2010-01-01", "2010-12-31", 10, 4, { costOre: 5, budgetOre: null }),
      report("interval", "2011-01-01", "2011-12-31", 12, 6, { costOre: 7 }),
    ]);
    expect(totals).toMatchObject({
      participantsTotal: 22,
      outcomes: { job_seeking_studies_work: 10 },
      costOre: 12,
      budgetOre: null,
      basis: "interval",
      periodStart: "2010-01-01",
      periodEnd: "2011-12-31",
    });
  });

  it("a mix: intervals inside a later cumulative report are superseded, one after it is added", () => {
    const y2008 = report("interval", "2008-01-01", "2008-12-31", 5, 1);
    const upTo2009 = report("cumulative", "2008-01-01", "2009-12-31", 20, 8);
    const y2010 = report("interval", "2010-01-01", "2010-12-31", 7, 3);
    const totals = resultTotals([y2010, y2008, upTo2009]);
    expect(totals.participantsTotal).toBe(27);
    expect(totals.counted).toEqual([upTo2009, y2010]);
    expect(totals.superseded).toEqual([y2008]);
    expect(totals.basis).toBe("mixed");
  });

  it("on the same period a cumulative report wins over an interval one; no reports give zeros", () => {
    const asInterval = report("interval", "2009-01-01", "2009-12-31", 5, 1);
    const asCumulative = report("cumulative", "2009-01-01", "2009-12-31", 6, 2);
    expect(resultTotals([asInterval, asCumulative]).counted).toEqual([asCumulative]);
    expect(resultTotals([])).toMatchObject({ participantsTotal: 0, basis: "none", periodEnd: null });
  });
});

describe("result details", () => {
  const counts = {
    participantsWomen: 56,
    participantsMen: 47,
    participantsOther: 0,
    outcomes: { job_seeking_studies_work: 50 },
  };
  const categories = [{ code: "job_seeking_studies_work", positive: true }];
  const none = {
    budgetLines: [],
    subOutcomes: [],
    assessedNotEnrolled: null,
    survey: null,
    socioEconomic: null,
  };
  const fieldOf = (details: Partial<typeof none> | Record<string, unknown>) => {
    try {
      validateResultDetails({ ...none, ...details } as never, counts, categories);
      return null;
    } catch (error) {
      if (!(error instanceof ResultCountsError)) throw error;
      return `${error.field} ${error.rule}`;
    }
  };

  it("accepts RESAM's details and names the field and rule of what is wrong", () => {
    const line = { description: "Läkare", sharePercent: 20, budgetOre: 100, costOre: 90 };
    const sub = { outcome: "job_seeking_studies_work", label: "Anställning i kommun", count: 8 };
    expect(fieldOf({ budgetLines: [line], subOutcomes: [sub], assessedNotEnrolled: 25 })).toBeNull();
    expect(fieldOf({ budgetLines: [line, { ...line, sharePercent: 120 }] })).toBe(
      "budgetLines.1.sharePercent percent_range",
    );
    expect(fieldOf({ budgetLines: [{ ...line, description: " " }] })).toBe(
      "budgetLines.0.description required",
    );
    expect(fieldOf({ subOutcomes: [sub, { ...sub, count: 43 }] })).toBe(
      "subOutcomes.1.count at_most_outcome",
    );
    expect(fieldOf({ subOutcomes: [{ ...sub, outcome: "astrology" }] })).toBe(
      "subOutcomes.0.outcome known_outcome_category",
    );
    expect(
      fieldOf({ survey: { responses: 21, summary: null, figures: [{ label: "Nöjda", count: 22 }] } }),
    ).toBe("survey.figures.0.count at_most_responses");
    expect(
      fieldOf({
        socioEconomic: { paybackMonths: 27, netBenefitOre: 160_000_000, netBenefitYears: null, method: null },
      }),
    ).toBe("socioEconomic.netBenefitYears required");
  });

  it("budget lines decide the report's cost and budget; without lines its own pair stands", () => {
    const lines = [
      { description: "Läkare", sharePercent: 20, budgetOre: 100, costOre: 90 },
      { description: "Lokalhyra", sharePercent: null, budgetOre: 50, costOre: null },
    ];
    expect(budgetTotals(lines, { costOre: 1, budgetOre: 1 })).toEqual({ costOre: 90, budgetOre: 150 });
    expect(budgetTotals([], { costOre: 1, budgetOre: null })).toEqual({ costOre: 1, budgetOre: null });
  });
});
