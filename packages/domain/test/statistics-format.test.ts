import { describe, expect, it } from "vitest";
import { changeCell, shareCell } from "../src/statistics/format.js";

describe("statistics table cells", () => {
  it("write the seed's figures as the consultant's report did, with a comma and one decimal", () => {
    expect(shareCell(13.8123)).toBe("13,8 %");
    expect(shareCell(12.55)).toBe("12,6 %");
    expect(shareCell(4)).toBe("4,0 %");
    expect(changeCell(0.46)).toBe("+0,5");
  });

  it("sign every change by what is shown, without the unit the column header names", () => {
    expect(changeCell(1.25)).toBe("+1,3");
    expect(changeCell(-0.31)).toBe("\u22120,3");
    expect(changeCell(-12.04)).toBe("\u221212,0");
    expect(changeCell(0.04)).toBe("0,0");
  });

  it("show a missing value as a dash, never as zero", () => {
    expect(shareCell(null)).toBe("–");
    expect(changeCell(null)).toBe("–");
  });
});
