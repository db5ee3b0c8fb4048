const dateTime = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});
const date = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Swedish format in Swedish time, whatever the browser's zone: 2026-11-24 09:30. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : "–";
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? date.format(new Date(iso)) : "–";
}

/** "1 234,50" or "1234.5" kronor → 123450 öre; null when it is not an amount. */
export function parseKronor(text: string): number | null {
  const cleaned = text
    .replace(/[\s\u00a0]/g, "")
    .replace(/kr$/i, "")
    .replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ""] = cleaned.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** Optional text from a form: trimmed, or null when empty. */
export function optional(value: FormDataEntryValue | null): string | null {
  const text = String(value ?? "").trim();
  return text === "" ? null : text;
}

/** Basis points as a Swedish percentage: 2500 → "25 %", 1250 → "12,5 %". */
export function formatVatRate(basisPoints: number): string {
  return `${new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2 }).format(basisPoints / 100)} %`;
}
