import ical, { ICalCalendarMethod } from "ical-generator";

export interface CalendarSession {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  mode: "digital" | "on_site";
  location: string | null;
  videoLink: string | null;
}

/**
 * An iCalendar file with one event per session. Times are written in UTC, which every calendar shows in
 * the reader's own zone; UIDs are stable per session so a resent file updates rather than duplicates.
 */
export function sessionsCalendar(input: {
  trainingTitle: string;
  organizerName: string;
  sessions: readonly CalendarSession[];
  host: string;
}): string {
  const calendar = ical({
    name: input.trainingTitle,
    prodId: { company: "NNS", product: "NNS-plattformen", language: "SV" },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const session of input.sessions) {
    const where = session.mode === "digital" ? (session.videoLink ?? "Digitalt") : (session.location ?? "");
    calendar.createEvent({
      id: `${session.id}@${input.host}`,
      start: session.startsAt,
      end: session.endsAt,
      summary: `${input.trainingTitle}: ${session.title}`,
      description: [
        `${session.title} – ${input.trainingTitle}`,
        `Arrangör: ${input.organizerName}`,
        session.mode === "digital" ? `Digitalt: ${session.videoLink ?? "länk skickas senare"}` : null,
      ]
        .filter(Boolean)
        .join("\n"),
      location: where || null,
      url: session.videoLink ?? null,
    });
  }
  return calendar.toString();
}
