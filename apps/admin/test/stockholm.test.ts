import { describe, expect, it } from "vitest";
import { formatDateTime } from "../src/lib/format.js";
import { endOfDayInStockholm, stockholmMidnight, todayInStockholm } from "../src/lib/stockholm.js";

describe("Swedish dates and times", () => {
  it("turns calendar days into instants in Swedish time, in summer and winter", () => {
    expect(stockholmMidnight("2026-06-30")).toBe("2026-06-29T22:00:00.000Z");
    expect(stockholmMidnight("2026-12-31", 1)).toBe("2026-12-31T23:00:00.000Z");
    expect(endOfDayInStockholm("2026-06-30")).toBe("2026-06-30T21:59:59.999Z");
    expect(endOfDayInStockholm("2026-12-31")).toBe("2026-12-31T22:59:59.999Z");
    // The night the clocks go forward (29 March 2026) and back (25 October 2026).
    expect(stockholmMidnight("2026-03-29", 1)).toBe("2026-03-29T22:00:00.000Z");
    expect(stockholmMidnight("2026-10-25", 1)).toBe("2026-10-25T23:00:00.000Z");
    expect(stockholmMidnight("not a date")).toBeUndefined();
  });

  it("shows instants as Swedish wall-clock time", () => {
    expect(formatDateTime("2026-06-29T22:30:00.000Z")).toBe("2026-06-30 00:30");
    expect(todayInStockholm(new Date("2026-12-31T23:30:00.000Z"))).toBe("2027-01-01");
  });
});
