// Routes: apps/api/src/routes/progression-participants — one participant's readings.
import { progressionInterventionInstruments, progressionMeasurements, type Tx, users } from "@nns/db";
import {
  AppError,
  addDays,
  checkAnswers,
  containsPersonalIdentityNumber,
  fieldError,
  itemsFor,
  RESPONDENTS,
  type Respondent,
} from "@nns/domain";
import { and, asc, eq } from "drizzle-orm";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { stockholmDate } from "../trainings/scope.js";
import {
  loadParticipant,
  logParticipantAccess,
  type ParticipantRow,
  withParticipantAccess,
} from "./access.js";
import { type VersionWithInstrument, versionsById } from "./chosen-versions.js";

export type MeasurementRow = typeof progressionMeasurements.$inferSelect;

export interface MeasurementView {
  id: string;
  participantId: string;
  instrumentVersionId: string;
  instrument: { id: string; name: string; versionNumber: number; placeholder: boolean };
  respondent: Respondent;
  measuredOn: string;
  /** Item code → answer, for the items put to the respondent. */
  answers: Record<string, number>;
  comment: string | null;
  source: "coach" | "self_rating";
  recordedBy: { id: string; name: string } | null;
  createdAt: Date;
}

export interface MeasurementInput {
  instrumentVersionId: string;
  respondent: Respondent;
  measuredOn: string;
  answers: Record<string, number>;
  comment?: string | null;
}

/** A reading may be entered up to this many days before the start: the first one is often taken at intake. */
export const MEASURED_BEFORE_START_DAYS = 30;

export function measurementView(
  row: MeasurementRow,
  version: VersionWithInstrument,
  recordedByName: string | null,
): MeasurementView {
  const items = itemsFor(version.definition, row.respondent);
  return {
    id: row.id,
    participantId: row.participantId,
    instrumentVersionId: row.instrumentVersionId,
    instrument: {
      id: version.instrumentId,
      name: version.instrumentName,
      versionNumber: version.number,
      placeholder: version.placeholder,
    },
    respondent: row.respondent,
    measuredOn: row.measuredOn,
    answers: Object.fromEntries(items.map((item, i) => [item.code, row.answers[i] as number])),
    comment: row.comment,
    source: row.source,
    recordedBy: row.recordedByUserId ? { id: row.recordedByUserId, name: recordedByName ?? "" } : null,
    createdAt: row.createdAt,
  };
}

/** The participant's readings, oldest first, each with its version's items to read the answers by. */
export async function measurementsOf(tx: Tx, participant: ParticipantRow): Promise<MeasurementView[]> {
  const rows = await tx
    .select({ m: progressionMeasurements, recordedByName: users.name })
    .from(progressionMeasurements)
    .leftJoin(users, eq(users.id, progressionMeasurements.recordedByUserId))
    .where(
      and(
        eq(progressionMeasurements.organizationId, participant.organizationId),
        eq(progressionMeasurements.participantId, participant.id),
      ),
    )
    .orderBy(asc(progressionMeasurements.measuredOn), asc(progressionMeasurements.createdAt));
  const versions = await versionsById(
    tx,
    rows.map((r) => r.m.instrumentVersionId),
  );
  return rows.map(({ m, recordedByName }) => {
    const version = versions.get(m.instrumentVersionId);
    if (!version)
      throw new Error(`instrument version ${m.instrumentVersionId} of a measurement is not readable`);
    return measurementView(m, version, recordedByName);
  });
}

export async function listMeasurements(ctx: OrgContext, participantId: string): Promise<MeasurementView[]> {
  return withParticipantAccess(ctx, async (tx) => {
    const participant = await loadParticipant(tx, ctx, participantId);
    const measurements = await measurementsOf(tx, participant);
    await logParticipantAccess(tx, ctx, [participant], "read");
    return measurements;
  });
}

/** Free text about a person must not identify them: a personnummer in it is refused, field named. */
export function checkedComment(comment: string | null | undefined, field: string): string | null {
  const text = comment?.trim() || null;
  if (text !== null && containsPersonalIdentityNumber(text))
    throw fieldError(
      field,
      "personal_identity_number",
      "Kommentaren ser ut att innehålla ett personnummer. Deltagare är pseudonyma: skriv inga personnummer.",
    );
  return text;
}

/**
 * The version a reading may be taken with: published (a retired one takes no new readings) and chosen for
 * the participant's insats.
 */
async function versionForReading(
  tx: Tx,
  ctx: OrgContext,
  participant: ParticipantRow,
  versionId: string,
): Promise<VersionWithInstrument> {
  const version = (await versionsById(tx, [versionId])).get(versionId);
  const [chosen] = version
    ? await tx
        .select({ id: progressionInterventionInstruments.instrumentVersionId })
        .from(progressionInterventionInstruments)
        .where(
          and(
            eq(progressionInterventionInstruments.organizationId, ctx.organization.id),
            eq(progressionInterventionInstruments.interventionId, participant.interventionId),
            eq(progressionInterventionInstruments.instrumentVersionId, versionId),
          ),
        )
    : [];
  if (!version || !chosen)
    throw fieldError(
      "body.instrumentVersionId",
      "chosen_for_insats",
      "Välj en av de instrumentversioner som insatsen mäter med.",
    );
  if (version.status !== "published")
    throw fieldError(
      "body.instrumentVersionId",
      "published",
      "Versionen är inte publicerad längre; mät med den version som gäller nu.",
    );
  return version;
}

/** Checks a reading against its version's items and the participant's dates; the stored answer array. */
export function checkedReading(
  version: VersionWithInstrument,
  participant: Pick<ParticipantRow, "startDate">,
  input: Pick<MeasurementInput, "respondent" | "measuredOn" | "answers">,
  today: string,
): number[] {
  if (!RESPONDENTS.includes(input.respondent))
    throw fieldError("body.respondent", "enum", "Välj deltagare eller handledare.");
  if (itemsFor(version.definition, input.respondent).length === 0)
    throw fieldError("body.respondent", "no_items", "Versionen har inga frågor till den som svarar.");
  if (input.measuredOn > today)
    throw fieldError("body.measuredOn", "in_future", "Mätdatumet kan inte ligga i framtiden.");
  if (input.measuredOn < addDays(participant.startDate, -MEASURED_BEFORE_START_DAYS))
    throw fieldError(
      "body.measuredOn",
      "before_start",
      `Mätdatumet kan ligga högst ${MEASURED_BEFORE_START_DAYS} dagar före deltagarens start.`,
    );
  const checked = checkAnswers(version.definition, input.respondent, input.answers);
  if (!checked.ok) {
    const errors = checked.errors.map((e) => ({ ...e, field: `body.${e.field}` }));
    throw new AppError("validation_failed", errors[0]?.message ?? "Svaren stämmer inte med versionen.", {
      errors,
    });
  }
  return checked.values;
}

/**
 * Records one reading taken by the coach (the participant's own answers given in a conversation, or the
 * coach's). Measurements never change: a correction is a deletion and a new one. The audit entry has the
 * ids, date and respondent, never the answers or the comment.
 */
export async function recordMeasurement(
  ctx: OrgContext,
  participantId: string,
  input: MeasurementInput,
): Promise<MeasurementView> {
  return withParticipantAccess(ctx, async (tx) => {
    const participant = await loadParticipant(tx, ctx, participantId);
    const comment = checkedComment(input.comment, "body.comment");
    const version = await versionForReading(tx, ctx, participant, input.instrumentVersionId);
    const answers = checkedReading(version, participant, input, stockholmDate());
    const recordedBy = ctx.actor.type === "user" ? ctx.actor : null;
    const [row] = await tx
      .insert(progressionMeasurements)
      .values({
        organizationId: ctx.organization.id,
        participantId,
        instrumentOrganizationId: version.organizationId,
        instrumentVersionId: version.id,
        respondent: input.respondent,
        measuredOn: input.measuredOn,
        answers,
        comment,
        source: "coach",
        recordedByUserId: recordedBy?.userId ?? null,
      })
      .returning();
    if (!row) throw new Error("measurement insert returned nothing");
    await audit(tx, ctx, {
      action: "progression.measurement_recorded",
      entityType: "progression_measurement",
      entityId: row.id,
      after: {
        participantId,
        code: participant.code,
        instrumentVersionId: version.id,
        respondent: row.respondent,
        measuredOn: row.measuredOn,
      },
    });
    await logParticipantAccess(tx, ctx, [participant], "record");
    return measurementView(row, version, recordedBy?.name ?? null);
  });
}

/** Deletes a reading: a manager any, a coach only one they recorded themselves. */
export async function deleteMeasurement(
  ctx: OrgContext,
  participantId: string,
  measurementId: string,
): Promise<void> {
  await withParticipantAccess(ctx, async (tx, managesAll) => {
    const participant = await loadParticipant(tx, ctx, participantId);
    const [row] = await tx
      .select()
      .from(progressionMeasurements)
      .where(
        and(
          eq(progressionMeasurements.organizationId, ctx.organization.id),
          eq(progressionMeasurements.participantId, participantId),
          eq(progressionMeasurements.id, measurementId),
        ),
      );
    if (!row) throw new AppError("not_found", "Mätningen finns inte.");
    const recordedBySelf = ctx.actor.type === "user" && row.recordedByUserId === ctx.actor.userId;
    if (!managesAll && !recordedBySelf)
      throw new AppError(
        "forbidden",
        "Bara den som registrerade mätningen eller en administratör kan ta bort den.",
      );
    await tx
      .delete(progressionMeasurements)
      .where(
        and(
          eq(progressionMeasurements.organizationId, ctx.organization.id),
          eq(progressionMeasurements.id, row.id),
        ),
      );
    await audit(tx, ctx, {
      action: "progression.measurement_deleted",
      entityType: "progression_measurement",
      entityId: row.id,
      before: {
        participantId,
        code: participant.code,
        instrumentVersionId: row.instrumentVersionId,
        respondent: row.respondent,
        measuredOn: row.measuredOn,
      },
    });
  });
}
