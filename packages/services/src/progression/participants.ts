// Routes: apps/api/src/routes/progression-participants — a förbund's pseudonymous participants.
import { randomBytes } from "node:crypto";
import { interventions, progressionMeasurements, progressionParticipants, type Tx, users } from "@nns/db";
import {
  type AgeBand,
  AppError,
  itemsFor,
  type Occasion,
  type OUTCOME_CATEGORY_CODES,
  occasions,
  type Page,
  type ParticipantGender,
  participantCode,
  RESPONDENTS,
  type Respondent,
} from "@nns/domain";
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { keyset, type PageRequest } from "../pagination.js";
import { stockholmDate } from "../trainings/scope.js";
import {
  loadParticipant,
  logParticipantAccess,
  type ParticipantRow,
  withParticipantAccess,
} from "./access.js";
import { chosenVersions, summaryWithName } from "./chosen-versions.js";
import type { InstrumentVersionSummaryWithName } from "./intervention-instruments.js";
import {
  callerId,
  checkedFacts,
  type Facts,
  requireCoachMember,
  requireOwnAssignment,
  requireReachableInsats,
} from "./participant-rules.js";

export type ProgressionParticipantStatus = "active" | "ended";
/** One of the catalogue's outcome categories: where the participant went on leaving. */
export type ParticipantOutcome = (typeof OUTCOME_CATEGORY_CODES)[number];

export interface ProgressionParticipantView {
  id: string;
  code: string;
  intervention: { id: string; name: string };
  coach: { id: string; name: string } | null;
  gender: ParticipantGender;
  birthYear: number | null;
  /** The band the aggregates count: from the birth year at the start, or the band recorded. */
  ageBand: AgeBand | null;
  startDate: string;
  endDate: string | null;
  outcome: ParticipantOutcome | null;
  status: ProgressionParticipantStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface OccasionsOf {
  instrumentVersionId: string;
  respondent: Respondent;
  occasions: Occasion[];
}

export interface ProgressionParticipantDetailView extends ProgressionParticipantView {
  instruments: InstrumentVersionSummaryWithName[];
  occasions: OccasionsOf[];
  measurementCount: number;
}

export interface ProgressionParticipantQuery extends PageRequest {
  interventionId?: string | undefined;
  coachUserId?: string | undefined;
  status?: ProgressionParticipantStatus | "all" | undefined;
}

export interface ProgressionParticipantInput {
  interventionId: string;
  /** Omitted: the caller. Null (managers only): no handledare yet. */
  coachUserId?: string | null;
  gender: ParticipantGender;
  birthYear?: number | null;
  ageBand?: AgeBand | null;
  startDate: string;
  endDate?: string | null;
  outcome?: ParticipantOutcome | null;
}

export type ProgressionParticipantPatch = Partial<Omit<ProgressionParticipantInput, "interventionId">>;

/** Shown for an insats the förbund no longer reaches (a co-ownership that ended). */
const UNREACHABLE_INSATS = "Insats som inte längre delas med förbundet";

function participantQuery(tx: Tx) {
  return tx
    .select({
      participant: progressionParticipants,
      interventionName: sql<string | null>`${interventions.content}->>'title'`,
      coachName: users.name,
    })
    .from(progressionParticipants)
    .leftJoin(interventions, eq(interventions.id, progressionParticipants.interventionId))
    .leftJoin(users, eq(users.id, progressionParticipants.coachUserId));
}

type ParticipantJoin = {
  participant: ParticipantRow;
  interventionName: string | null;
  coachName: string | null;
};

function participantView(row: ParticipantJoin): ProgressionParticipantView {
  const p = row.participant;
  return {
    id: p.id,
    code: p.code,
    intervention: { id: p.interventionId, name: row.interventionName ?? UNREACHABLE_INSATS },
    coach: p.coachUserId ? { id: p.coachUserId, name: row.coachName ?? "" } : null,
    gender: p.gender,
    birthYear: p.birthYear,
    ageBand: p.ageBand as AgeBand | null,
    startDate: p.startDate,
    endDate: p.endDate,
    outcome: p.outcome as ParticipantOutcome | null,
    status: p.endDate === null ? "active" : "ended",
    version: p.version,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

async function viewOf(tx: Tx, ctx: OrgContext, participantId: string): Promise<ProgressionParticipantView> {
  const [row] = await participantQuery(tx).where(
    and(
      eq(progressionParticipants.organizationId, ctx.organization.id),
      eq(progressionParticipants.id, participantId),
    ),
  );
  if (!row) throw new AppError("not_found", "Deltagaren finns inte.");
  return participantView(row);
}

/** The participant with the insats's instruments and, per version and respondent, the occasions' states. */
export async function participantDetail(
  tx: Tx,
  ctx: OrgContext,
  participantId: string,
  today: string = stockholmDate(),
): Promise<ProgressionParticipantDetailView> {
  const view = await viewOf(tx, ctx, participantId);
  const versions = await chosenVersions(tx, ctx.organization.id, view.intervention.id);
  const measured = await tx
    .select({
      versionId: progressionMeasurements.instrumentVersionId,
      respondent: progressionMeasurements.respondent,
      measuredOn: progressionMeasurements.measuredOn,
    })
    .from(progressionMeasurements)
    .where(
      and(
        eq(progressionMeasurements.organizationId, ctx.organization.id),
        eq(progressionMeasurements.participantId, participantId),
      ),
    );
  const occasionsOf: OccasionsOf[] = [];
  for (const version of versions)
    for (const respondent of RESPONDENTS) {
      if (itemsFor(version.definition, respondent).length === 0) continue;
      const dates = measured
        .filter((m) => m.versionId === version.id && m.respondent === respondent)
        .map((m) => m.measuredOn);
      occasionsOf.push({
        instrumentVersionId: version.id,
        respondent,
        occasions: occasions(view, dates, today),
      });
    }
  return {
    ...view,
    instruments: versions.map(summaryWithName),
    occasions: occasionsOf,
    measurementCount: measured.length,
  };
}

/** A coach's own participants, a manager's all; newest first. Every listed participant is logged. */
export async function listProgressionParticipants(
  ctx: OrgContext,
  query: ProgressionParticipantQuery,
): Promise<Page<ProgressionParticipantView>> {
  const keys = keyset(query, progressionParticipants.createdAt, progressionParticipants.id, "desc");
  return withParticipantAccess(ctx, async (tx) => {
    const rows = await participantQuery(tx)
      .where(
        and(
          eq(progressionParticipants.organizationId, ctx.organization.id),
          query.interventionId ? eq(progressionParticipants.interventionId, query.interventionId) : undefined,
          query.coachUserId ? eq(progressionParticipants.coachUserId, query.coachUserId) : undefined,
          query.status === "active" ? isNull(progressionParticipants.endDate) : undefined,
          query.status === "ended" ? isNotNull(progressionParticipants.endDate) : undefined,
          keys.after,
        ),
      )
      .orderBy(...keys.orderBy)
      .limit(keys.limit);
    const page = keys.page(rows.map(participantView), (p) => [p.createdAt, p.id]);
    await logParticipantAccess(tx, ctx, page.data, "list");
    return page;
  });
}

export async function getProgressionParticipant(
  ctx: OrgContext,
  participantId: string,
): Promise<ProgressionParticipantDetailView> {
  return withParticipantAccess(ctx, async (tx) => {
    const detail = await participantDetail(tx, ctx, participantId);
    await logParticipantAccess(tx, ctx, [detail], "read");
    return detail;
  });
}

/** A new code until one is free: 31^8 codes make a second try all but unheard of. */
async function insertWithFreshCode(
  tx: Tx,
  values: Omit<typeof progressionParticipants.$inferInsert, "code">,
): Promise<ParticipantRow> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [row] = await tx
      .insert(progressionParticipants)
      .values({ ...values, code: participantCode(randomBytes(8)) })
      .onConflictDoNothing()
      .returning();
    if (row) return row;
  }
  throw new Error("no free participant code after five attempts");
}

/**
 * Registers a participant of one of the förbund's insatser with a code the system makes. A coach's
 * participants are their own; a manager assigns any coach or administrator of the förbund, or none.
 * The audit entry holds the code, the insats and the coach: the person's facts stay out of the audit log,
 * which NNS's coordinators may read.
 */
export async function createProgressionParticipant(
  ctx: OrgContext,
  input: ProgressionParticipantInput,
): Promise<ProgressionParticipantDetailView> {
  return withParticipantAccess(ctx, async (tx, managesAll) => {
    const coachUserId = input.coachUserId === undefined ? callerId(ctx) : input.coachUserId;
    requireOwnAssignment(managesAll, ctx, coachUserId);
    await requireReachableInsats(tx, ctx, input.interventionId);
    if (coachUserId !== null) await requireCoachMember(tx, ctx, coachUserId);
    const facts = checkedFacts({
      gender: input.gender,
      birthYear: input.birthYear ?? null,
      ageBand: input.ageBand ?? null,
      startDate: input.startDate,
      endDate: input.endDate ?? null,
      outcome: input.outcome ?? null,
    });
    const row = await insertWithFreshCode(tx, {
      organizationId: ctx.organization.id,
      interventionId: input.interventionId,
      coachUserId,
      ...facts,
    });
    await audit(tx, ctx, {
      action: "progression.participant_created",
      entityType: "progression_participant",
      entityId: row.id,
      after: { code: row.code, interventionId: row.interventionId, coachUserId },
    });
    await logParticipantAccess(tx, ctx, [row], "record");
    return participantDetail(tx, ctx, row.id);
  });
}

/**
 * Changes the fields sent. Only managers reassign a participant to another coach. The audit entry names the
 * fields that changed (and a new coach), not their values.
 */
export async function updateProgressionParticipant(
  ctx: OrgContext,
  participantId: string,
  patch: ProgressionParticipantPatch,
  expectedVersion: number | null,
): Promise<ProgressionParticipantDetailView> {
  return withParticipantAccess(ctx, async (tx, managesAll) => {
    await loadParticipant(tx, ctx, participantId);
    const [before] = await tx
      .select()
      .from(progressionParticipants)
      .where(
        and(
          eq(progressionParticipants.organizationId, ctx.organization.id),
          eq(progressionParticipants.id, participantId),
        ),
      )
      .for("update");
    if (!before) throw new AppError("not_found", "Deltagaren finns inte.");
    if (expectedVersion !== null && before.version !== expectedVersion)
      throw new AppError("precondition_failed", "Deltagaren har ändrats sedan du läste uppgifterna.");
    const coachUserId = patch.coachUserId === undefined ? before.coachUserId : patch.coachUserId;
    if (coachUserId !== before.coachUserId) {
      if (!managesAll)
        throw new AppError("forbidden", "Bara en administratör kan byta deltagarens handledare.");
      if (coachUserId !== null) await requireCoachMember(tx, ctx, coachUserId);
    }
    const pick = <K extends keyof ProgressionParticipantPatch>(key: K, current: Facts[K & keyof Facts]) =>
      (patch[key] === undefined ? current : patch[key]) as Facts[K & keyof Facts];
    const birthYear = pick("birthYear", before.birthYear);
    const facts = checkedFacts({
      gender: pick("gender", before.gender),
      birthYear,
      // A stored band made from the birth year is not one the caller chose: it goes with the birth year.
      ageBand:
        patch.ageBand !== undefined
          ? patch.ageBand
          : birthYear === null && before.birthYear === null
            ? (before.ageBand as AgeBand | null)
            : null,
      startDate: pick("startDate", before.startDate),
      endDate: pick("endDate", before.endDate),
      outcome: pick("outcome", before.outcome),
    });
    const changed = (Object.keys(facts) as (keyof Facts)[]).filter((key) => facts[key] !== before[key]);
    await tx
      .update(progressionParticipants)
      .set({
        ...facts,
        coachUserId,
        version: sql`${progressionParticipants.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(progressionParticipants.organizationId, ctx.organization.id),
          eq(progressionParticipants.id, participantId),
        ),
      );
    await audit(tx, ctx, {
      action: "progression.participant_updated",
      entityType: "progression_participant",
      entityId: participantId,
      before: coachUserId !== before.coachUserId ? { coachUserId: before.coachUserId } : null,
      after: {
        code: before.code,
        changed,
        ...(coachUserId !== before.coachUserId ? { coachUserId } : {}),
      },
    });
    await logParticipantAccess(tx, ctx, [before], "record");
    return participantDetail(tx, ctx, participantId);
  });
}
