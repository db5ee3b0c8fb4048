import { describe, expect, it } from "vitest";
import {
  ageGroupLabel,
  cutPoints,
  periodLabel,
  previousYearPeriod,
  quartileOf,
  sharePercent,
} from "../src/statistics/index.js";

describe("quartile cut points", () => {
  it("interpolates between ranks as PERCENTILE.INC does", () => {
    // Sorted: 1 2 3 4 5 6 7 8 9 10. Rank of p25 = 0.25 × 9 = 2.25 → 3 + 0.25 × (4 − 3) = 3.25;
    // p75 at rank 6.75 → 7 + 0.75 × (8 − 7) = 7.75.
    const cuts = cutPoints([10, 3, 1, 8, 2, 9, 4, 7, 6, 5]);
    expect(cuts).toEqual({ p25: 3.25, p75: 7.75, min: 1, max: 10, count: 10 });
  });

  it("lands on a value when the rank is whole, and ties stay in the lower class", () => {
    // Five values: p25 at rank 1 (= 12), p75 at rank 3 (= 14).
    const cuts = cutPoints([11, 12, 13, 14, 15]);
    expect(cuts?.p25).toBe(12);
    expect(cuts?.p75).toBe(14);
    expect(quartileOf(12, cuts)).toBe("low");
    expect(quartileOf(12.01, cuts)).toBe("middle");
    expect(quartileOf(14, cuts)).toBe("middle");
    expect(quartileOf(14.01, cuts)).toBe("high");
  });

  it("puts every tied value in the same class", () => {
    // 2 2 2 2 5 5 5 9: p25 at rank 1.75 → 2; p75 at rank 5.25 → 5 + 0.25 × 0 = 5.
    const values = [5, 2, 9, 2, 5, 2, 5, 2];
    const cuts = cutPoints(values);
    expect(cuts).toMatchObject({ p25: 2, p75: 5 });
    expect(values.map((v) => quartileOf(v, cuts))).toEqual([
      "middle",
      "low",
      "high",
      "low",
      "middle",
      "low",
      "middle",
      "low",
    ]);
  });

  it("leaves missing values out of the ranking and uncoloured", () => {
    const cuts = cutPoints([null, 4, null, 2, 8, 6]);
    // Present: 2 4 6 8 → p25 at rank 0.75 → 3.5; p75 at rank 2.25 → 6.5.
    expect(cuts).toEqual({ p25: 3.5, p75: 6.5, min: 2, max: 8, count: 4 });
    expect(quartileOf(null, cuts)).toBeNull();
    expect(cutPoints([null, null])).toBeNull();
    expect(quartileOf(5, null)).toBeNull();
  });

  it("handles a single value", () => {
    const cuts = cutPoints([7]);
    expect(cuts).toEqual({ p25: 7, p75: 7, min: 7, max: 7, count: 1 });
    expect(quartileOf(7, cuts)).toBe("low");
  });
});

describe("periods and shares", () => {
  it("compares with the same period a year earlier", () => {
    expect(previousYearPeriod("2020")).toBe("2019");
    expect(previousYearPeriod("2020M05")).toBe("2019M05");
    expect(() => previousYearPeriod("2020-05")).toThrow(RangeError);
  });

  it("names periods and age groups in Swedish", () => {
    expect(periodLabel("2020M05")).toBe("maj 2020");
    expect(periodLabel("2020")).toBe("2020");
    expect(ageGroupLabel("20-29")).toBe("20–29 år");
  });

  it("has no share without a population", () => {
    expect(sharePercent(138, 1000)).toBeCloseTo(13.8, 10);
    expect(sharePercent(null, 1000)).toBeNull();
    expect(sharePercent(5, 0)).toBeNull();
    expect(sharePercent(5, null)).toBeNull();
  });
});
