import { TZDate } from "@date-fns/tz";

const ZONE = "Europe/Stockholm";

/** Money is integer öre: 5 000 000 öre → "50 000,00 kr"; the same formatting the API side uses. */
export { formatKronor } from "@nns/domain/money";
export { optional, parseKronor } from "../../lib/format";

/** 2500 basis points → "25 %". */
export function formatVatRate(basisPoints: number): string {
  return `${new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2 }).format(basisPoints / 100)} %`;
}

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

/** A date (YYYY-MM-DD) and a time (HH:MM) in Swedish time, as the UTC ISO instant the API wants. */
export function stockholmInstant(date: string, clock: string): string | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const c = /^(\d{2}):(\d{2})$/.exec(clock);
  if (!d || !c) return undefined;
  const local = new TZDate(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(c[1]), Number(c[2]), ZONE);
  return new Date(local.getTime()).toISOString();
}
