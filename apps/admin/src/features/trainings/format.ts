const ZONE = "Europe/Stockholm";

/** Money is integer öre: 5 000 000 öre → "50 000,00 kr"; the same formatting the API side uses. */
export { formatKronor } from "@nns/domain/money";
export { formatVatRate, optional, parseKronor } from "../../lib/format";
export { stockholmInstant } from "../../lib/stockholm";

const time = new Intl.DateTimeFormat("sv-SE", { timeZone: ZONE, hour: "2-digit", minute: "2-digit" });
const dayKey = new Intl.DateTimeFormat("sv-SE", { timeZone: ZONE });
const weekday = new Intl.DateTimeFormat("sv-SE", {
  timeZone: ZONE,
  weekday: "short",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar day an instant falls on in Sweden, YYYY-MM-DD. */
export function stockholmDay(iso: string): string {
  return dayKey.format(new Date(iso));
}

export function formatTime(iso: string): string {
  return time.format(new Date(iso));
}

/** "tis 2026-12-01 09:00–11:30" in Swedish time. */
export function formatSessionTime(startsAt: string, endsAt: string): string {
  const sameDay = stockholmDay(startsAt) === stockholmDay(endsAt);
  return sameDay
    ? `${weekday.format(new Date(startsAt))} ${formatTime(startsAt)}–${formatTime(endsAt)}`
    : `${weekday.format(new Date(startsAt))} ${formatTime(startsAt)} – ${weekday.format(new Date(endsAt))} ${formatTime(endsAt)}`;
}
