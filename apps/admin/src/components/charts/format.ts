const wholeKronor = new Intl.NumberFormat("sv-SE", {
  style: "currency",
  currency: "SEK",
  maximumFractionDigits: 0,
});
const count = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });

/** An axis tick in öre as whole kronor, "25 000 kr": the bars' own labels and the table give öre exactly. */
export function formatAxisKronor(ore: number): string {
  return wholeKronor.format(ore / 100);
}

/** A count or score on an axis or a bar, Swedish style: "1 200", "4,5". */
export function formatCount(value: number): string {
  return count.format(value);
}
