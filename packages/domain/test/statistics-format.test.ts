import { describe, expect, it } from "vitest";
import {
  formatChange,
  formatChangeNumber,
  formatShare,
  formatShareNumber,
} from "../src/statistics/format.js";

describe("statistics number formats", () => {
  it("writes the seed's figures as the consultant's report did, with a comma and one decimal", () => {
    expect(formatShare(13.8123)).toBe("13,8\u00a0%");
    expect(formatShareNumber(12.55)).toBe("12,6");
    expect(formatShareNumber(15.06)).toBe("15,1");
    expect(formatShareNumber(4)).toBe("4,0");
    expect(formatChange(0.46)).toBe("+0,5 procentenheter");
  });

  it("signs every change by what is shown, and a change that rounds to nothing as ±0,0", () => {
    expect(formatChangeNumber(1.25)).toBe("+1,3");
    expect(formatChangeNumber(-0.31)).toBe("\u22120,3");
    expect(formatChangeNumber(-12.04)).toBe("\u221212,0");
    expect(formatChangeNumber(0.04)).toBe("±0,0");
    expect(formatChangeNumber(-0.04)).toBe("±0,0");
    expect(formatChangeNumber(0)).toBe("±0,0");
  });

  it("shows a missing value as a dash, never as zero", () => {
    expect(formatShare(null)).toBe("–");
    expect(formatShareNumber(null)).toBe("–");
    expect(formatChange(null)).toBe("–");
    expect(formatChangeNumber(null)).toBe("–");
  });
});
