import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatOrganizationNumber,
  isValidOrganizationNumber,
  luhnCheckDigit,
  normalizeOrganizationNumber,
  vatNumberFor,
} from "../src/organization-number.js";

const nineDigits = fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 9, maxLength: 9 });

describe("organisationsnummer", () => {
  it("accepts known valid numbers in both spellings", () => {
    // Skatteverket's published example of an organisationsnummer, and Försäkringskassan's.
    expect(isValidOrganizationNumber("556036-0793")).toBe(true);
    expect(isValidOrganizationNumber("2021005521")).toBe(true);
  });

  it("rejects a wrong check digit, wrong length and personnummer-shaped numbers", () => {
    expect(isValidOrganizationNumber("556036-0794")).toBe(false);
    expect(isValidOrganizationNumber("55603607")).toBe(false);
    expect(isValidOrganizationNumber("5560360793x")).toBe(false);
    // A valid personnummer (third digit < 2) is not an organisationsnummer.
    expect(isValidOrganizationNumber("811218-9876")).toBe(false);
  });

  it("every number with the computed check digit validates, every other digit does not", () => {
    fc.assert(
      fc.property(
        nineDigits.filter((d) => Number(d[2]) >= 2),
        fc.integer({ min: 1, max: 9 }),
        (nine, offset) => {
          const check = luhnCheckDigit(nine);
          expect(isValidOrganizationNumber(`${nine}${check}`)).toBe(true);
          expect(isValidOrganizationNumber(`${nine}${(check + offset) % 10}`)).toBe(false);
        },
      ),
    );
  });

  it("detects any single changed digit (Luhn's guarantee)", () => {
    fc.assert(
      fc.property(
        nineDigits.filter((d) => Number(d[2]) >= 2),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (nine, position, delta) => {
          const valid = `${nine}${luhnCheckDigit(nine)}`;
          const digits = [...valid];
          digits[position] = String((Number(digits[position]) + delta) % 10);
          const changed = digits.join("");
          fc.pre(Number(changed[2]) >= 2);
          expect(isValidOrganizationNumber(changed)).toBe(false);
        },
      ),
    );
  });

  it("normalizes, formats and derives the VAT number SE + number + 01", () => {
    expect(normalizeOrganizationNumber(" 556036-0793 ")).toBe("5560360793");
    expect(formatOrganizationNumber("5560360793")).toBe("556036-0793");
    expect(vatNumberFor("556036-0793")).toBe("SE556036079301");
    expect(() => vatNumberFor("556036-0794")).toThrow(RangeError);
  });
});
