import { TZDate } from "@date-fns/tz";

const ZONE = "Europe/Stockholm";

function parse(date: string): [number, number, number] | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? [Number(match[1]), Number(match[2]) - 1, Number(match[3])] : null;
}

/** TZDate prints its own offset; the API wants UTC (`Z`). */
function utcIso(date: TZDate): string {
  return new Date(date.getTime()).toISOString();
}

/** Today's date in Sweden as YYYY-MM-DD, the value format of <input type="date">. */
export function todayInStockholm(now = new Date()): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: ZONE }).format(now);
}

/**
 * The instant a calendar day (YYYY-MM-DD) starts in Swedish time, as ISO, whatever the browser's zone;
 * `addDays` moves the day first (1 = the following midnight, for exclusive end dates).
 */
export function stockholmMidnight(date: string, addDays = 0): string | undefined {
  const parts = parse(date);
  return parts ? utcIso(new TZDate(parts[0], parts[1], parts[2] + addDays, ZONE)) : undefined;
}

/** The last millisecond of a calendar day in Swedish time, as ISO (for "valid through" dates). */
export function endOfDayInStockholm(date: string): string {
  const parts = parse(date);
  if (!parts) throw new Error(`Not a date: ${date}`);
  return utcIso(new TZDate(parts[0], parts[1], parts[2], 23, 59, 59, 999, ZONE));
}

/** A date (YYYY-MM-DD) and a time (HH:MM) in Swedish time, as the UTC ISO instant the API wants. */
export function stockholmInstant(date: string, clock: string): string | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const c = /^(\d{2}):(\d{2})$/.exec(clock);
  if (!d || !c) return undefined;
  const local = new TZDate(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(c[1]), Number(c[2]), ZONE);
  return new Date(local.getTime()).toISOString();
}
