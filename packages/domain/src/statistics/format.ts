/**
 * Shares and changes as Swedes read them in the views, the CSV and the board report: one decimal with a
 * comma, the change always signed and in procentenheter (percentage points), missing values as a dash.
 */

const ONE_DECIMAL = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** What a missing value (SCB `..`) shows, with `MISSING_TEXT_SV` in a legend or for screen readers. */
export const MISSING_SV = "–";
export const MISSING_TEXT_SV = "Uppgift saknas";

/** 13.8123 → `13,8`; the number alone, for tables whose header says the unit. */
export function formatShareNumber(share: number | null): string {
  return share === null ? MISSING_SV : ONE_DECIMAL.format(share);
}

/** 13.8123 → `13,8 %`. */
export function formatShare(share: number | null): string {
  return share === null ? MISSING_SV : `${formatShareNumber(share)}\u00a0%`;
}

/**
 * 0.46 → `+0,5`, −0.31 → `−0,3`, 0.04 → `±0,0`: the sign of what is shown, so a change that rounds to
 * nothing does not look like a rise or a fall.
 */
export function formatChangeNumber(change: number | null): string {
  if (change === null) return MISSING_SV;
  const rounded = Math.round(Math.abs(change) * 10) / 10;
  const sign = rounded === 0 ? "±" : change > 0 ? "+" : "\u2212";
  return `${sign}${ONE_DECIMAL.format(rounded)}`;
}

/** 0.46 → `+0,5 procentenheter`. */
export function formatChange(change: number | null): string {
  return change === null ? MISSING_SV : `${formatChangeNumber(change)} procentenheter`;
}
