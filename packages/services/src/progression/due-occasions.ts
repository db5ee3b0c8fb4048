// Routes: apps/api/src/routes/progression-participants — what is due to be measured, for the coach's list
// and the daily reminder (reminders.ts).
import { interventions, progressionMeasurements, progressionParticipants, type Tx, users } from "@nns/db";
import {
  addDays,
  type InstrumentDefinition,
  itemsFor,
  OCCASION_WINDOW_DAYS,
  type OccasionKind,
  type OccasionState,
  occasions,
  RESPONDENTS,
  type Respondent,
} from "@nns/domain";
import { and, eq, gte, inArray, isNull, or, sql } from "drizzle-orm";
import type { OrgContext } from "../context.js";
import { stockholmDate } from "../trainings/scope.js";
import { logParticipantAccess, withParticipantAccess } from "./access.js";
import { chosenVersions, type VersionWithInstrument } from "./chosen-versions.js";

export interface DueOccasion {
  participantId: string;
  code: string;
  intervention: { id: string; name: string };
  coach: { id: string; name: string } | null;
  instrumentVersionId: string;
  instrumentName: string;
  placeholder: boolean;
  respondent: Respondent;
  kind: OccasionKind;
  dueOn: string;
  state: Exclude<OccasionState, "done" | "missed">;
}

export const DEFAULT_DUE_WITHIN_DAYS = 30;

/**
 * The open occasions of the participants the transaction shows (a coach's own, or all of the förbund's)
 * that are overdue or fall within `withinDays` of today, earliest first. Participants who ended more than
 * an occasion window ago have nothing left to measure.
 */
export async function openOccasions(
  tx: Tx,
  organizationId: string,
  today: string,
  withinDays: number,
): Promise<DueOccasion[]> {
  const participants = await tx
    .select({
      id: progressionParticipants.id,
      code: progressionParticipants.code,
      interventionId: progressionParticipants.interventionId,
      interventionName: sql<string | null>`${interventions.content}->>'title'`,
      coachUserId: progressionParticipants.coachUserId,
      coachName: users.name,
      startDate: progressionParticipants.startDate,
      endDate: progressionParticipants.endDate,
    })
    .from(progressionParticipants)
    .leftJoin(interventions, eq(interventions.id, progressionParticipants.interventionId))
    .leftJoin(users, eq(users.id, progressionParticipants.coachUserId))
    .where(
      and(
        eq(progressionParticipants.organizationId, organizationId),
        or(
          isNull(progressionParticipants.endDate),
          gte(progressionParticipants.endDate, addDays(today, -OCCASION_WINDOW_DAYS)),
        ),
      ),
    );
  if (participants.length === 0) return [];
  const measured = await tx
    .select({
      participantId: progressionMeasurements.participantId,
      versionId: progressionMeasurements.instrumentVersionId,
      respondent: progressionMeasurements.respondent,
      measuredOn: progressionMeasurements.measuredOn,
    })
    .from(progressionMeasurements)
    .where(
      and(
        eq(progressionMeasurements.organizationId, organizationId),
        inArray(
          progressionMeasurements.participantId,
          participants.map((p) => p.id),
        ),
      ),
    );
  const datesOf = new Map<string, string[]>();
  for (const m of measured) {
    const key = `${m.participantId}/${m.versionId}/${m.respondent}`;
    datesOf.set(key, [...(datesOf.get(key) ?? []), m.measuredOn]);
  }
  const versionsOf = new Map<string, VersionWithInstrument[]>();
  const horizon = addDays(today, withinDays);
  const open: DueOccasion[] = [];
  for (const p of participants) {
    let versions = versionsOf.get(p.interventionId);
    if (!versions) {
      versions = await chosenVersions(tx, organizationId, p.interventionId);
      versionsOf.set(p.interventionId, versions);
    }
    for (const version of versions)
      for (const respondent of askedOf(version.definition)) {
        const dates = datesOf.get(`${p.id}/${version.id}/${respondent}`) ?? [];
        for (const occasion of occasions(p, dates, today)) {
          if (occasion.state === "done" || occasion.state === "missed") continue;
          if (occasion.state !== "overdue" && occasion.dueOn > horizon) continue;
          open.push({
            participantId: p.id,
            code: p.code,
            intervention: { id: p.interventionId, name: p.interventionName ?? "" },
            coach: p.coachUserId ? { id: p.coachUserId, name: p.coachName ?? "" } : null,
            instrumentVersionId: version.id,
            instrumentName: version.instrumentName,
            placeholder: version.placeholder,
            respondent,
            kind: occasion.kind,
            dueOn: occasion.dueOn,
            state: occasion.state,
          });
        }
      }
  }
  return open.sort(
    (a, b) =>
      a.dueOn.localeCompare(b.dueOn) ||
      a.code.localeCompare(b.code) ||
      a.respondent.localeCompare(b.respondent),
  );
}

function askedOf(definition: InstrumentDefinition): Respondent[] {
  return RESPONDENTS.filter((r) => itemsFor(definition, r).length > 0);
}

/** The caller's own participants' open occasions (a manager's: all of the förbund's); each one listed is logged. */
export async function listDueOccasions(
  ctx: OrgContext,
  query: { within?: number | undefined },
): Promise<DueOccasion[]> {
  return withParticipantAccess(ctx, async (tx) => {
    const open = await openOccasions(
      tx,
      ctx.organization.id,
      stockholmDate(),
      query.within ?? DEFAULT_DUE_WITHIN_DAYS,
    );
    const listed = new Map(open.map((o) => [o.participantId, { id: o.participantId, code: o.code }]));
    await logParticipantAccess(tx, ctx, [...listed.values()], "list");
    return open;
  });
}
