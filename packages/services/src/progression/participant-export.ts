// Routes: apps/api/src/routes/progression-privacy — everything held about one participant (GDPR art. 15
// and 20), as JSON or as a Swedish Excel CSV. docs/progression-privacy.md.
import {
  catalogOutcomeCategories,
  interventions,
  progressionAccessLog,
  progressionInstruments,
  progressionInstrumentVersions,
  progressionMeasurements,
  progressionSelfRatingLinks,
  type Tx,
  users,
} from "@nns/db";
import {
  AGE_BAND_LABELS_SV,
  type AgeBand,
  GENDER_LABELS_SV,
  type InstrumentDefinition,
  itemsFor,
  MEASUREMENT_SOURCE_LABELS_SV,
  participantAgeBand,
  RESPONDENT_LABELS_SV,
} from "@nns/domain";
import { and, asc, eq } from "drizzle-orm";
import type { OrgContext } from "../context.js";
import { type CsvCell, writeCsv } from "../csv.js";
import {
  loadParticipant,
  logParticipantAccess,
  type ParticipantRow,
  withParticipantAccess,
} from "./access.js";
import { requireParticipantManager } from "./erasure.js";

export interface ParticipantExport {
  exportedAt: string;
  participant: {
    id: string;
    code: string;
    intervention: { id: string; name: string };
    coach: { id: string; name: string } | null;
    gender: ParticipantRow["gender"];
    birthYear: number | null;
    ageBand: string | null;
    startDate: string;
    endDate: string | null;
    outcome: { code: string; label: string } | null;
    createdAt: string;
    updatedAt: string;
  };
  measurements: {
    id: string;
    instrument: { id: string; name: string; versionNumber: number; placeholder: boolean };
    respondent: "participant" | "coach";
    measuredOn: string;
    source: "coach" | "self_rating";
    recordedBy: { id: string; name: string } | null;
    comment: string | null;
    answers: { code: string; label: string; question: string; value: number }[];
    createdAt: string;
  }[];
  selfRatingLinks: { createdAt: string; expiresAt: string; usedAt: string | null }[];
  accessLog: { at: string; action: string; actorName: string }[];
}

/**
 * Everything held about one participant: the record, every measurement with each answer next to its
 * question, the self-rating links made, and who has read or handled the data (the access log). The
 * export is itself logged.
 */
export async function exportParticipant(ctx: OrgContext, participantId: string): Promise<ParticipantExport> {
  requireParticipantManager(ctx);
  return withParticipantAccess(ctx, async (tx) => {
    const p = await loadParticipant(tx, ctx, participantId);
    await logParticipantAccess(tx, ctx, [p], "export");
    const [intervention] = await tx
      .select({ content: interventions.content })
      .from(interventions)
      .where(eq(interventions.id, p.interventionId));
    const coach = p.coachUserId ? await userRef(tx, p.coachUserId) : null;
    const [outcome] = p.outcome
      ? await tx
          .select({ code: catalogOutcomeCategories.code, label: catalogOutcomeCategories.labelSv })
          .from(catalogOutcomeCategories)
          .where(eq(catalogOutcomeCategories.code, p.outcome))
      : [];
    return {
      exportedAt: new Date().toISOString(),
      participant: {
        id: p.id,
        code: p.code,
        intervention: {
          id: p.interventionId,
          name: (intervention?.content as { title?: string } | undefined)?.title ?? "",
        },
        coach,
        gender: p.gender,
        birthYear: p.birthYear,
        ageBand: participantAgeBand({
          birthYear: p.birthYear,
          ageBand: p.ageBand as AgeBand | null,
          startDate: p.startDate,
        }),
        startDate: p.startDate,
        endDate: p.endDate,
        outcome: outcome ?? (p.outcome ? { code: p.outcome, label: p.outcome } : null),
        createdAt: p.createdAt.toISOString(),
        updatedAt: p.updatedAt.toISOString(),
      },
      measurements: await measurementsOf(tx, ctx, p.id),
      selfRatingLinks: (
        await tx
          .select({
            createdAt: progressionSelfRatingLinks.createdAt,
            expiresAt: progressionSelfRatingLinks.expiresAt,
            usedAt: progressionSelfRatingLinks.usedAt,
          })
          .from(progressionSelfRatingLinks)
          .where(
            and(
              eq(progressionSelfRatingLinks.organizationId, ctx.organization.id),
              eq(progressionSelfRatingLinks.participantId, p.id),
            ),
          )
          .orderBy(asc(progressionSelfRatingLinks.createdAt))
      ).map((l) => ({
        createdAt: l.createdAt.toISOString(),
        expiresAt: l.expiresAt.toISOString(),
        usedAt: l.usedAt?.toISOString() ?? null,
      })),
      accessLog: (
        await tx
          .select({
            at: progressionAccessLog.at,
            action: progressionAccessLog.action,
            actorName: progressionAccessLog.actorName,
          })
          .from(progressionAccessLog)
          .where(
            and(
              eq(progressionAccessLog.organizationId, ctx.organization.id),
              eq(progressionAccessLog.participantId, p.id),
            ),
          )
          .orderBy(asc(progressionAccessLog.at), asc(progressionAccessLog.id))
      ).map((a) => ({ ...a, at: a.at.toISOString() })),
    };
  });
}

async function userRef(tx: Tx, id: string): Promise<{ id: string; name: string } | null> {
  const [row] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, id));
  return row ?? null;
}

async function measurementsOf(tx: Tx, ctx: OrgContext, participantId: string) {
  const rows = await tx
    .select({
      m: progressionMeasurements,
      versionNumber: progressionInstrumentVersions.number,
      definition: progressionInstrumentVersions.definition,
      instrumentId: progressionInstruments.id,
      instrumentName: progressionInstruments.name,
      placeholder: progressionInstruments.placeholder,
      recordedByName: users.name,
    })
    .from(progressionMeasurements)
    .innerJoin(
      progressionInstrumentVersions,
      and(
        eq(progressionInstrumentVersions.organizationId, progressionMeasurements.instrumentOrganizationId),
        eq(progressionInstrumentVersions.id, progressionMeasurements.instrumentVersionId),
      ),
    )
    .innerJoin(
      progressionInstruments,
      and(
        eq(progressionInstruments.organizationId, progressionInstrumentVersions.organizationId),
        eq(progressionInstruments.id, progressionInstrumentVersions.instrumentId),
      ),
    )
    .leftJoin(users, eq(users.id, progressionMeasurements.recordedByUserId))
    .where(
      and(
        eq(progressionMeasurements.organizationId, ctx.organization.id),
        eq(progressionMeasurements.participantId, participantId),
      ),
    )
    .orderBy(asc(progressionMeasurements.measuredOn), asc(progressionMeasurements.createdAt));
  return rows.map(({ m, ...r }) => {
    const items = itemsFor(r.definition as InstrumentDefinition, m.respondent);
    return {
      id: m.id,
      instrument: {
        id: r.instrumentId,
        name: r.instrumentName,
        versionNumber: r.versionNumber,
        placeholder: r.placeholder,
      },
      respondent: m.respondent,
      measuredOn: m.measuredOn,
      source: m.source,
      recordedBy:
        m.recordedByUserId && r.recordedByName ? { id: m.recordedByUserId, name: r.recordedByName } : null,
      comment: m.comment,
      answers: items.map((item, i) => ({
        code: item.code,
        label: item.label,
        question: item.questions[m.respondent] as string,
        value: m.answers[i] as number,
      })),
      createdAt: m.createdAt.toISOString(),
    };
  });
}

const CSV_HEADER = [
  "Deltagarkod",
  "Insats",
  "Kön",
  "Födelseår",
  "Åldersgrupp",
  "Startdatum",
  "Slutdatum",
  "Utfall",
  "Instrument",
  "Platshållare",
  "Version",
  "Svarande",
  "Mätdatum",
  "Källa",
  "Registrerad av",
  "Fråga",
  "Frågetext",
  "Svar",
  "Kommentar",
] as const;

/**
 * The same export for a spreadsheet (Swedish Excel: semicolons, decimal comma, UTF-8 with BOM): one row
 * per answer, the participant's facts repeated on each; a participant without measurements gets one row.
 */
export function participantExportCsv(data: ParticipantExport): string {
  const p = data.participant;
  const facts: CsvCell[] = [
    p.code,
    p.intervention.name,
    GENDER_LABELS_SV[p.gender],
    p.birthYear,
    AGE_BAND_LABELS_SV[(p.ageBand ?? "unknown") as AgeBand | "unknown"],
    p.startDate,
    p.endDate,
    p.outcome?.label ?? null,
  ];
  const rows: CsvCell[][] = data.measurements.flatMap((m) =>
    m.answers.map((a) => [
      ...facts,
      m.instrument.name,
      m.instrument.placeholder ? "Ja" : "Nej",
      m.instrument.versionNumber,
      RESPONDENT_LABELS_SV[m.respondent],
      m.measuredOn,
      MEASUREMENT_SOURCE_LABELS_SV[m.source],
      m.recordedBy?.name ?? null,
      a.label,
      a.question,
      a.value,
      m.comment,
    ]),
  );
  if (rows.length === 0)
    rows.push([...facts, ...Array<CsvCell>(CSV_HEADER.length - facts.length).fill(null)]);
  return writeCsv(CSV_HEADER, rows);
}
