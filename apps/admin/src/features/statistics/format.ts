/**
 * Shares and changes as people read them in Swedish: one decimal with a comma ("13,8 %"), changes with
 * their sign ("+0,5", "−0,3") in procentenheter. Rounding happens once, here, so the sign, the arrow and
 * the words always agree with the number shown.
 */

const ONE_DECIMAL = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const SIGNED = new Intl.NumberFormat("sv-SE", {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: "exceptZero",
});

const importDate = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  day: "numeric",
  month: "long",
  year: "numeric",
});

/** `13.8` → `13,8`; null when missing. Intl writes a real minus sign and a non-breaking group space. */
export function formatNumber(value: number | null): string | null {
  return value === null || !Number.isFinite(value) ? null : ONE_DECIMAL.format(value);
}

/** `13.84` → `13,8 %` (with a non-breaking space, so the unit never wraps alone). */
export function formatShare(value: number | null): string | null {
  const number = formatNumber(value);
  return number === null ? null : `${number}\u00a0%`;
}

export type Direction = "up" | "down" | "same";

/** The change as shown: its signed number ("+0,5", "−0,3", "0,0") and its direction after rounding. */
export function formatChange(value: number | null): { text: string; direction: Direction } | null {
  if (value === null || !Number.isFinite(value)) return null;
  const rounded = Math.round(value * 10) / 10;
  const direction: Direction = rounded > 0 ? "up" : rounded < 0 ? "down" : "same";
  // -0.04 rounds to -0; written without a sign, like a change of nothing.
  return { text: SIGNED.format(direction === "same" ? 0 : rounded), direction };
}

export const ARROWS: Record<Direction, string> = { up: "▲", down: "▼", same: "▶" };

/** "12 mars 2025", in Swedish time. */
export function formatImportDate(iso: string): string {
  return importDate.format(new Date(iso));
}

const WHOLE = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 });

/** Helårsekvivalenter and population as whole numbers with Swedish grouping: `12345.6` → `12 346`. */
export function formatCount(value: number | null): string | null {
  return value === null || !Number.isFinite(value) ? null : WHOLE.format(value);
}
