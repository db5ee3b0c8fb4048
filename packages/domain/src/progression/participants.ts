/**
 * A participant as the platform knows them: a system-made code and the few facts the aggregates break down
 * by. Age is kept as a birth year or, when the förbund records only that, an age band; bands are computed
 * at the participant's start date so a person does not move between groups as the report is re-run.
 */

export const PARTICIPANT_GENDERS = ["woman", "man", "other", "not_stated"] as const;
export type ParticipantGender = (typeof PARTICIPANT_GENDERS)[number];

export const AGE_BANDS = ["16-19", "20-29", "30-39", "40-49", "50-59", "60-"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBandAt(birthYear: number, onDate: string): AgeBand | null {
  const age = Number(onDate.slice(0, 4)) - birthYear;
  if (age < 16) return null;
  if (age < 20) return "16-19";
  if (age >= 60) return "60-";
  return `${Math.floor(age / 10) * 10}-${Math.floor(age / 10) * 10 + 9}` as AgeBand;
}

/** The band a participant is counted in: from the birth year when known, else the recorded band. */
export function participantAgeBand(p: {
  birthYear: number | null;
  ageBand: AgeBand | null;
  startDate: string;
}): AgeBand | null {
  return p.birthYear !== null ? ageBandAt(p.birthYear, p.startDate) : p.ageBand;
}

/** `2026-Q3` for a date `2026-08-14`. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

export const OCCASION_INTERVAL_DAYS = 91;
/** A measurement this many days either side of an occasion's date counts for it. */
export const OCCASION_WINDOW_DAYS = 30;

export type OccasionKind = "start" | "follow_up" | "end";
export type OccasionState = "done" | "missed" | "overdue" | "due" | "upcoming";
export interface Occasion {
  kind: OccasionKind;
  dueOn: string;
  state: OccasionState;
  measuredOn: string | null;
}

const DAY = 86_400_000;
const toDays = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
const fromDays = (days: number) => new Date(days * DAY).toISOString().slice(0, 10);

/**
 * The measurement occasions of one respondent: at the start, about every three months (91 days) while the
 * participant takes part, and at the end. A measurement within 30 days of an occasion fulfils it (each
 * measurement at most one occasion, nearest first). An unfulfilled occasion is `due` from 30 days before
 * until 30 days after its date, then `overdue`; the reminder job and the coach's list read these states.
 * An overdue occasion is `missed` once a later one is done or its window has begun: the next reading is
 * what matters then, and a reminder for the old one would never go away without a backdated reading.
 */
export function occasions(
  participant: { startDate: string; endDate: string | null },
  measuredOn: readonly string[],
  today: string,
): Occasion[] {
  const start = toDays(participant.startDate);
  const end = participant.endDate ? toDays(participant.endDate) : null;
  const horizon = end ?? Math.max(toDays(today) + OCCASION_INTERVAL_DAYS, start);
  const planned: { kind: OccasionKind; day: number }[] = [{ kind: "start", day: start }];
  for (
    let day = start + OCCASION_INTERVAL_DAYS;
    day < horizon - OCCASION_WINDOW_DAYS;
    day += OCCASION_INTERVAL_DAYS
  ) {
    planned.push({ kind: "follow_up", day });
  }
  if (end !== null && end > start) planned.push({ kind: "end", day: end });
  const unused = measuredOn.map(toDays).sort((a, b) => a - b);
  const now = toDays(today);
  const result: Occasion[] = planned.map(({ kind, day }) => {
    let best = -1;
    for (let i = 0; i < unused.length; i++) {
      const distance = Math.abs((unused[i] as number) - day);
      if (
        distance <= OCCASION_WINDOW_DAYS &&
        (best < 0 || distance < Math.abs((unused[best] as number) - day))
      ) {
        best = i;
      }
    }
    if (best >= 0) {
      const [measured] = unused.splice(best, 1);
      return { kind, dueOn: fromDays(day), state: "done", measuredOn: fromDays(measured as number) };
    }
    const state: OccasionState =
      now > day + OCCASION_WINDOW_DAYS ? "overdue" : now >= day - OCCASION_WINDOW_DAYS ? "due" : "upcoming";
    return { kind, dueOn: fromDays(day), state, measuredOn: null };
  });
  return result.map((occasion, i) =>
    occasion.state === "overdue" && result.slice(i + 1).some((later) => later.state !== "upcoming")
      ? { ...occasion, state: "missed" }
      : occasion,
  );
}
