import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ScrollableTable } from "../../components/ScrollableTable";
import type { Training, TrainingSession } from "./api";
import { formatTime, stockholmDay } from "./format";
import "./i18n";

export interface CalendarEntry {
  training: Training;
  session: TrainingSession;
}

/** Year and zero-based month. */
export interface Month {
  year: number;
  month: number;
}

const pad = (n: number) => String(n).padStart(2, "0");
export const dayString = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month, day));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
};

export function monthOf(day: string): Month {
  return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) - 1 };
}

export function inMonth(entry: CalendarEntry, { year, month }: Month): boolean {
  return stockholmDay(entry.session.startsAt).startsWith(`${year}-${pad(month + 1)}`);
}

/** Weeks (Monday first) covering the month, as YYYY-MM-DD strings. */
function weeks({ year, month }: Month): string[][] {
  const offset = (new Date(Date.UTC(year, month, 1)).getUTCDay() + 6) % 7;
  const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const rows = Math.ceil((offset + length) / 7);
  return Array.from({ length: rows }, (_, week) =>
    Array.from({ length: 7 }, (_, weekday) => dayString(year, month, 1 - offset + week * 7 + weekday)),
  );
}

/**
 * A month as a table: one row per week, one cell per day with that day's sessions as links. Every
 * session is a link in reading order, so the grid is used with Tab alone; the list view shows the same.
 */
export function MonthGrid({
  orgId,
  month,
  entries,
  today,
  title,
}: {
  orgId: string;
  month: Month;
  entries: CalendarEntry[];
  today: string;
  title: string;
}) {
  const { t, i18n } = useTranslation("trainings");
  const locale = i18n.language === "en" ? "en-GB" : "sv-SE";
  const weekdayLong = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
  const weekdayShort = new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" });
  const fullDate = new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  });
  const byDay = new Map<string, CalendarEntry[]>();
  for (const entry of entries) {
    const key = stockholmDay(entry.session.startsAt);
    byDay.set(key, [...(byDay.get(key) ?? []), entry]);
  }
  const prefix = `${month.year}-${pad(month.month + 1)}`;
  // 2024-01-01 was a Monday.
  const monday = Date.UTC(2024, 0, 1);
  return (
    <ScrollableTable labelledBy="month-caption">
      <table className="month-grid">
        <caption id="month-caption" className="visually-hidden">
          {title}
        </caption>
        <thead>
          <tr>
            {Array.from({ length: 7 }, (_, i) => {
              const day = new Date(monday + i * 86_400_000);
              return (
                <th key={day.toISOString()} scope="col">
                  <abbr title={weekdayLong.format(day)}>{weekdayShort.format(day)}</abbr>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {weeks(month).map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const outside = !day.startsWith(prefix);
                const sessions = byDay.get(day) ?? [];
                const date = new Date(`${day}T12:00:00Z`);
                return (
                  <td
                    key={day}
                    className={
                      [outside ? "outside" : "", day === today ? "today" : ""].join(" ").trim() || undefined
                    }
                    aria-current={day === today ? "date" : undefined}
                  >
                    <span className="day-number" aria-hidden="true">
                      {Number(day.slice(8))}
                    </span>
                    <span className="visually-hidden">
                      {fullDate.format(date)}
                      {sessions.length === 0 ? `, ${t("calendar.noSessions")}` : ""}
                    </span>
                    {sessions.length > 0 ? (
                      <ul className="day-sessions">
                        {sessions.map(({ training, session }) => (
                          <li key={session.id}>
                            <Link
                              to="/o/$orgId/trainings/$trainingId"
                              params={{ orgId, trainingId: training.id }}
                              className={training.status === "cancelled" ? "cancelled" : undefined}
                            >
                              {formatTime(session.startsAt)}{" "}
                              <span className="session-name">{session.title}</span>
                              <span className="visually-hidden">
                                {" "}
                                – {training.title}, {t(`status.${training.status}`)}
                              </span>
                            </Link>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
