import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidOcr, ocrReference } from "../src/billing/ocr.js";

const year = fc.integer({ min: 1000, max: 9999 });
const sequence = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });

describe("OCR reference (Bankgirot, variable length check)", () => {
  it("derives the reference from the invoice number, with length and check digit", () => {
    // 2027 0001, length digit 0 (ten digits), Luhn over 202700010 → 4; worked by hand.
    expect(ocrReference(2027, 1)).toBe("2027000104");
    // A five-digit sequence: eleven digits, length digit 1, Luhn over 2027123451 → 8.
    expect(ocrReference(2027, 12345)).toBe("20271234518");
    expect(isValidOcr("2027000104")).toBe(true);
  });

  it("accepts Bankgirot-style references and rejects wrong length digit, check digit and format", () => {
    // 1234568: the length digit 8 for eight digits, Luhn check 2.
    expect(isValidOcr("12345682")).toBe(true);
    expect(isValidOcr("12345683")).toBe(false);
    expect(isValidOcr("1234582")).toBe(false);
    expect(isValidOcr("2027 000104")).toBe(false);
    expect(isValidOcr("")).toBe(false);
    expect(isValidOcr("0")).toBe(false);
    expect(isValidOcr("1".repeat(26))).toBe(false);
  });

  it("refuses a year that is not four digits and a sequence below 1", () => {
    expect(() => ocrReference(999, 1)).toThrow(RangeError);
    expect(() => ocrReference(2027, 0)).toThrow(RangeError);
    expect(() => ocrReference(2027, 1.5)).toThrow(RangeError);
  });

  it("every generated reference validates and stays within 25 digits", () => {
    fc.assert(
      fc.property(year, sequence, (y, s) => {
        const ocr = ocrReference(y, s);
        expect(ocr).toMatch(/^\d+$/);
        expect(ocr.length).toBeLessThanOrEqual(25);
        expect(isValidOcr(ocr)).toBe(true);
      }),
    );
  });

  it("any single-digit change is caught", () => {
    fc.assert(
      fc.property(year, sequence, fc.nat(), fc.integer({ min: 1, max: 9 }), (y, s, at, delta) => {
        const ocr = ocrReference(y, s);
        const index = at % ocr.length;
        const changed = `${ocr.slice(0, index)}${(Number(ocr[index]) + delta) % 10}${ocr.slice(index + 1)}`;
        expect(isValidOcr(changed)).toBe(false);
      }),
    );
  });

  // The length digit guards only the digits before it: a digit dropped or added among the last two
  // (length and check digit) shifts them and is caught by chance, e.g. dropping the length digit of
  // 1000538654733607841121 leaves a valid 21-digit reference. So the guarantee is stated for the body.
  it("a digit too many or too few before the length digit is caught", () => {
    fc.assert(
      fc.property(year, sequence, fc.nat(), fc.integer({ min: 0, max: 9 }), (y, s, at, digit) => {
        const ocr = ocrReference(y, s);
        const dropAt = at % (ocr.length - 2);
        const addAt = at % (ocr.length - 1);
        expect(isValidOcr(`${ocr.slice(0, dropAt)}${ocr.slice(dropAt + 1)}`)).toBe(false);
        expect(isValidOcr(`${ocr.slice(0, addAt)}${digit}${ocr.slice(addAt)}`)).toBe(false);
      }),
    );
  });

  it("different invoice numbers get different references", () => {
    fc.assert(
      fc.property(year, sequence, year, sequence, (y1, s1, y2, s2) => {
        fc.pre(y1 !== y2 || s1 !== s2);
        expect(ocrReference(y1, s1)).not.toBe(ocrReference(y2, s2));
      }),
    );
  });
});
