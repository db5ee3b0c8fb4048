// Routes: apps/api/src/routes/trainings — the sessions as a calendar file (/trainings/{id}/calendar.ics).
import { trainingSessions, transaction } from "@nns/db";
import { asc, eq } from "drizzle-orm";
import ical, { ICalCalendarMethod } from "ical-generator";
import { requirePermission } from "../access.js";
import type { OrgContext } from "../context.js";
import { loadTraining, organizationName } from "./scope.js";

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

/** The training's sessions as an iCalendar file, for anyone who can see the training. */
export async function trainingCalendar(ctx: OrgContext, trainingId: string): Promise<string> {
  requirePermission(ctx, "trainings:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const access = await loadTraining(tx, ctx, trainingId);
    const sessions = await tx
      .select()
      .from(trainingSessions)
      .where(eq(trainingSessions.trainingId, trainingId))
      .orderBy(asc(trainingSessions.startsAt));
    return sessionsCalendar({
      trainingTitle: access.training.title,
      organizerName: await organizationName(tx, access.training.organizationId),
      sessions,
      host: new URL(ctx.deps.config.publicUrl).host,
    });
  });
}
