import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Badge } from "../../components/ui";
import { TrainingStatusBadge } from "./badges";
import { formatSessionTime, formatTime, stockholmDay } from "./format";
import type { CalendarEntry } from "./MonthGrid";
import { SessionPlace } from "./SessionsSection";
import "./i18n";

/**
 * The month's sessions as a list by day: a heading per day with sessions, each session a card that reads
 * top to bottom at any width. The calendar's view on a phone, where seven columns do not fit.
 */
export function Agenda({
  orgId,
  entries,
  today,
}: {
  orgId: string;
  entries: readonly CalendarEntry[];
  today: string;
}) {
  const { t, i18n } = useTranslation("trainings");
  const locale = i18n.language === "en" ? "en-GB" : "sv-SE";
  const dayTitle = new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  });
  const days = new Map<string, CalendarEntry[]>();
  for (const entry of entries) {
    const day = stockholmDay(entry.session.startsAt);
    days.set(day, [...(days.get(day) ?? []), entry]);
  }
  return (
    <ol className="agenda">
      {[...days].map(([day, sessions]) => (
        <li key={day} aria-current={day === today ? "date" : undefined}>
          <h3 className="agenda-day">
            {dayTitle.format(new Date(`${day}T12:00:00Z`))}
            {day === today ? <Badge tone="success">{t("calendar.todayBadge")}</Badge> : null}
          </h3>
          <ul className="agenda-sessions">
            {sessions.map(({ training, session }) => (
              <li key={session.id} className={training.status === "cancelled" ? "cancelled" : undefined}>
                <span className="session-time">
                  {stockholmDay(session.endsAt) === day
                    ? `${formatTime(session.startsAt)}–${formatTime(session.endsAt)}`
                    : formatSessionTime(session.startsAt, session.endsAt)}
                </span>
                <Link
                  className="agenda-title"
                  to="/o/$orgId/trainings/$trainingId"
                  params={{ orgId, trainingId: training.id }}
                >
                  {session.title}
                  <span className="visually-hidden"> – {training.title}</span>
                </Link>
                <span aria-hidden="true">{training.title}</span>
                <span className="agenda-meta">
                  <TrainingStatusBadge status={training.status} />
                  <SessionPlace session={session} />
                </span>
                <span className="muted">
                  {session.trainers.map((tr) => tr.name).join(", ") || t("sessions.noTrainer")}
                </span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
