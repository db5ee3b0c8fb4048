import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatKronor, splitByLargestRemainder, splitEqually, vatOn } from "../src/money.js";

const ore = fc.integer({ min: 0, max: 1_000_000_000_00 });
const weights = fc
  .array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 })
  .filter((w) => w.some((x) => x > 0));

describe("splitting an amount by largest remainder", () => {
  it("splits 50 000 kr equally between two förbund into 25 000 kr each (seed 003)", () => {
    expect(splitEqually(50_000_00, 2)).toEqual([25_000_00, 25_000_00]);
  });

  it("gives the leftover öre to the first parties when all remainders tie", () => {
    expect(splitEqually(100, 3)).toEqual([34, 33, 33]);
    expect(splitEqually(50_000_00, 3)).toEqual([1_666_667, 1_666_667, 1_666_666]);
  });

  it("splits in proportion to seats", () => {
    // 25 seats: 15 and 10 → 60 % and 40 %.
    expect(splitByLargestRemainder(50_000_00, [15, 10])).toEqual([30_000_00, 20_000_00]);
    expect(splitByLargestRemainder(10, [1, 1, 1, 7])).toEqual([1, 1, 1, 7]);
  });

  it("always sums exactly to the total", () => {
    fc.assert(
      fc.property(ore, weights, (total, w) => {
        expect(splitByLargestRemainder(total, w).reduce((a, b) => a + b, 0)).toBe(total);
      }),
    );
  });

  it("gives every part the floor or the ceiling of its exact share", () => {
    fc.assert(
      fc.property(ore, weights, (total, w) => {
        const sum = w.reduce((a, b) => a + b, 0);
        splitByLargestRemainder(total, w).forEach((part, i) => {
          const exact = (BigInt(total) * BigInt(w[i] as number)) / BigInt(sum);
          const hasRemainder = (BigInt(total) * BigInt(w[i] as number)) % BigInt(sum) !== 0n;
          expect(BigInt(part) === exact || (hasRemainder && BigInt(part) === exact + 1n)).toBe(true);
        });
      }),
    );
  });

  it("gives a zero-weight party nothing and is deterministic", () => {
    fc.assert(
      fc.property(ore, weights, (total, w) => {
        const parts = splitByLargestRemainder(total, [...w, 0]);
        expect(parts.at(-1)).toBe(0);
        expect(splitByLargestRemainder(total, w)).toEqual(splitByLargestRemainder(total, w));
      }),
    );
  });

  it("refuses fractions of öre, negative amounts and all-zero weights", () => {
    expect(() => splitByLargestRemainder(10.5, [1])).toThrow(RangeError);
    expect(() => splitByLargestRemainder(-1, [1])).toThrow(RangeError);
    expect(() => splitByLargestRemainder(10, [0, 0])).toThrow(RangeError);
    expect(() => splitByLargestRemainder(10, [])).toThrow(RangeError);
  });
});

describe("VAT", () => {
  it("is 25 % of 25 000 kr = 6 250 kr, and rounds halves of an öre up", () => {
    expect(vatOn(25_000_00, 2500)).toBe(6_250_00);
    expect(vatOn(2, 2500)).toBe(1);
    expect(vatOn(1, 2500)).toBe(0);
    expect(vatOn(1000, 0)).toBe(0);
  });

  it("never differs from the exact VAT by more than half an öre", () => {
    fc.assert(
      fc.property(ore, fc.constantFrom(0, 600, 1200, 2500), (net, rate) => {
        const exactTimes2 = BigInt(net) * BigInt(rate) * 2n;
        const diff = BigInt(vatOn(net, rate)) * 20_000n - exactTimes2;
        expect(diff >= -10_000n && diff <= 10_000n).toBe(true);
      }),
    );
  });

  it("prints kronor the Swedish way", () => {
    expect(formatKronor(50_000_00).replace(/\s/g, " ")).toBe("50 000,00 kr");
  });
});
