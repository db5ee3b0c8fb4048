import { describe, expect, it } from "vitest";
import {
  formatChange,
  formatCount,
  formatImportDate,
  formatNumber,
  formatShare,
} from "../src/features/statistics/format.js";

const MINUS = "\u2212";
const NBSP = "\u00a0";

describe("needs-analysis figures in Swedish", () => {
  it("writes shares with one decimal and a comma, the unit kept on the same line", () => {
    expect(formatShare(13.8)).toBe(`13,8${NBSP}%`);
    expect(formatShare(12.649)).toBe(`12,6${NBSP}%`);
    expect(formatShare(15.05)).toBe(`15,1${NBSP}%`);
    expect(formatShare(0)).toBe(`0,0${NBSP}%`);
    expect(formatNumber(7)).toBe("7,0");
    expect(formatCount(12345.6)).toBe(`12${NBSP}346`);
    expect(formatCount(null)).toBeNull();
  });

  it("gives nothing for a missing value, so the page shows its own mark for it", () => {
    expect(formatShare(null)).toBeNull();
    expect(formatNumber(Number.NaN)).toBeNull();
    expect(formatChange(null)).toBeNull();
  });

  it("writes changes with their sign and a direction that agrees with the rounded number", () => {
    expect(formatChange(0.5)).toEqual({ text: "+0,5", direction: "up" });
    expect(formatChange(-0.34)).toEqual({ text: `${MINUS}0,3`, direction: "down" });
    expect(formatChange(1.26)).toEqual({ text: "+1,3", direction: "up" });
    // Too small to show: no sign, no arrow up or down, whichever side of zero it lay.
    expect(formatChange(0.04)).toEqual({ text: "0,0", direction: "same" });
    expect(formatChange(-0.04)).toEqual({ text: "0,0", direction: "same" });
    expect(formatChange(0)).toEqual({ text: "0,0", direction: "same" });
  });

  it("dates an import in Swedish time with the month in words", () => {
    expect(formatImportDate("2025-03-12T10:00:00.000Z")).toBe("12 mars 2025");
    // 23:30 UTC on New Year's Eve is already the next year in Stockholm.
    expect(formatImportDate("2024-12-31T23:30:00.000Z")).toBe("1 januari 2025");
  });
});
