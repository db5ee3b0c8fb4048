import { describe, expect, it } from "vitest";
import {
  inReportingOrder,
  reportingPeriodLabel,
  reportingPeriodsOverlap,
} from "../src/catalog/result-periods.js";

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
