const oneDecimal = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 48.5 → "48,5 %"; the API derives every share, the admin only formats it. */
export function formatPercent(value: number | null): string {
  return value === null ? "–" : `${oneDecimal.format(value)}\u00a0%`;
}
