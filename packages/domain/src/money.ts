/**
 * Money is integer öre. These functions split and tax amounts without floating point: every step is
 * integer (BigInt) arithmetic, so results are exact and the same on every machine.
 */

function assertOre(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a non-negative whole number of öre`);
}

/**
 * Splits `total` öre among parties in proportion to `weights` by the largest-remainder (Hamilton) method:
 * each part is the floor of its exact share, and the öre left over go one at a time to the parts with the
 * largest remainders. Ties go to the party listed first, so callers pass parties in a stable, documented
 * order (for trainings: the order the förbund joined). Every part is the floor or the ceiling of its exact
 * share and the parts sum exactly to the total. Equal weights give an equal split.
 */
export function splitByLargestRemainder(total: number, weights: readonly number[]): number[] {
  assertOre(total, "total");
  if (weights.length === 0) throw new RangeError("at least one party is needed");
  for (const weight of weights) {
    if (!Number.isSafeInteger(weight) || weight < 0)
      throw new RangeError("weights must be non-negative whole numbers");
  }
  const sum = weights.reduce((a, b) => a + BigInt(b), 0n);
  if (sum === 0n) throw new RangeError("the weights must not all be zero");
  const t = BigInt(total);
  const parts = weights.map((weight, index) => {
    const exact = t * BigInt(weight);
    return { index, floor: exact / sum, remainder: exact % sum };
  });
  let left = t - parts.reduce((a, p) => a + p.floor, 0n);
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const part of byRemainder) {
    if (left === 0n) break;
    part.floor += 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(p.floor));
}

/** An equal split, the default rule for a shared BIP/SKAPA training. */
export function splitEqually(total: number, parties: number): number[] {
  if (!Number.isSafeInteger(parties) || parties < 1) throw new RangeError("at least one party is needed");
  return splitByLargestRemainder(
    total,
    Array.from({ length: parties }, () => 1),
  );
}

/**
 * VAT on a net amount at a rate in basis points (2500 = 25 %, 1200, 600, 0), rounded to the nearest öre
 * with halves rounded up, as on a Swedish invoice line.
 */
export function vatOn(netOre: number, rateBasisPoints: number): number {
  assertOre(netOre, "net");
  if (!Number.isSafeInteger(rateBasisPoints) || rateBasisPoints < 0 || rateBasisPoints > 10_000) {
    throw new RangeError("the VAT rate must be 0–10000 basis points");
  }
  return Number((BigInt(netOre) * BigInt(rateBasisPoints) + 5_000n) / 10_000n);
}

/** 50 000 kr → "50 000,00 kr" (Swedish grouping with a non-breaking space and decimal comma). */
export function formatKronor(ore: number): string {
  return new Intl.NumberFormat("sv-SE", {
    style: "currency",
    currency: "SEK",
    minimumFractionDigits: 2,
  }).format(ore / 100);
}
