// Routes: apps/api/src/routes/progression-participants — a förbund's pseudonymous participants.
import { randomBytes } from "node:crypto";
import {
  interventions,
  memberships,
  progressionMeasurements,
  progressionParticipants,
  type Tx,
  users,
} from "@nns/db";
import {
  AGE_BANDS,
  type AgeBand,
  AppError,
  ageBandAt,
  type FieldError,
  itemsFor,
  type Occasion,
  OUTCOME_CATEGORY_CODES,
  occasions,
  PARTICIPANT_GENDERS,
  type Page,
  type ParticipantGender,
  participantCode,
  RESPONDENTS,
  type Respondent,
} from "@nns/domain";
import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
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
import { chosenVersions, type InstrumentVersionSummaryWithName, versionSummary } from "./chosen-versions.js";

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

const COACH_ROLES = ["coach", "org_admin"] as const;

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
    instruments: versions.map(versionSummary),
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

interface Facts {
  gender: ParticipantGender;
  birthYear: number | null;
  ageBand: AgeBand | null;
  startDate: string;
  endDate: string | null;
  outcome: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: string) => DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** The facts checked together (the age band depends on the start, the outcome on the end). */
function factErrors(facts: Facts, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const error = (field: string, rule: string, message: string) =>
    errors.push({ field: `body.${field}`, rule, message });
  if (!PARTICIPANT_GENDERS.includes(facts.gender)) error("gender", "enum", "Okänt kön.");
  if (!isDay(facts.startDate)) error("startDate", "invalid_format:date", "Ange startdatum som ÅÅÅÅ-MM-DD.");
  if (facts.endDate !== null) {
    if (!isDay(facts.endDate)) error("endDate", "invalid_format:date", "Ange slutdatum som ÅÅÅÅ-MM-DD.");
    else if (facts.endDate < facts.startDate)
      error("endDate", "before_start", "Slutdatum kan inte ligga före startdatum.");
    else if (facts.endDate > today)
      error(
        "endDate",
        "in_future",
        "Slutdatum sätts när deltagaren har avslutat och kan inte ligga i framtiden.",
      );
  }
  if (facts.birthYear !== null && facts.ageBand !== null)
    error("ageBand", "birth_year_given", "Ange födelseår eller åldersgrupp, inte båda.");
  else if (facts.birthYear !== null && isDay(facts.startDate)) {
    const age = Number(facts.startDate.slice(0, 4)) - facts.birthYear;
    if (!Number.isInteger(facts.birthYear) || age > 100)
      error("birthYear", "implausible", "Ange ett födelseår som ger en ålder under 100 år.");
    else if (ageBandAt(facts.birthYear, facts.startDate) === null)
      error("birthYear", "too_young", "Deltagaren ska vara minst 16 år vid starten.");
  }
  if (facts.ageBand !== null && !AGE_BANDS.includes(facts.ageBand))
    error("ageBand", "enum", "Okänd åldersgrupp.");
  if (facts.outcome !== null) {
    if (!(OUTCOME_CATEGORY_CODES as readonly string[]).includes(facts.outcome))
      error("outcome", "enum", "Okänt utfall.");
    else if (facts.endDate === null)
      error("outcome", "requires_end_date", "Utfallet anges när deltagaren har avslutat: ange slutdatum.");
  }
  return errors;
}

/** The columns written: the age band the aggregates count is fixed here, from the birth year when known. */
function checkedFacts(facts: Facts): Facts {
  const errors = factErrors(facts, stockholmDate());
  const [first] = errors;
  if (first) throw new AppError("validation_failed", first.message, { errors });
  return {
    ...facts,
    ageBand: facts.birthYear !== null ? ageBandAt(facts.birthYear, facts.startDate) : facts.ageBand,
  };
}

/** A handledare is a member of the förbund as coach or administrator. */
async function requireCoachMember(tx: Tx, ctx: OrgContext, userId: string): Promise<void> {
  const [member] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, ctx.organization.id),
        eq(memberships.userId, userId),
        inArray(memberships.role, [...COACH_ROLES]),
      ),
    );
  if (!member)
    throw new AppError("validation_failed", "Välj en handledare eller administratör i förbundet.", {
      errors: [
        {
          field: "body.coachUserId",
          rule: "not_a_coach",
          message: "Välj en handledare eller administratör i förbundet.",
        },
      ],
    });
}

function callerId(ctx: OrgContext): string | null {
  return ctx.actor.type === "user" ? ctx.actor.userId : null;
}

/** A coach registers and keeps only their own participants; assigning them is for managers. */
function requireOwnAssignment(managesAll: boolean, ctx: OrgContext, coachUserId: string | null): void {
  if (!managesAll && coachUserId !== callerId(ctx))
    throw new AppError(
      "forbidden",
      "Handledare registrerar bara egna deltagare; en administratör fördelar dem.",
    );
}

/** The insats must be the förbund's own or co-owned (accepted), whatever its state in the catalogue. */
async function requireReachableInsats(tx: Tx, ctx: OrgContext, interventionId: string): Promise<void> {
  const [row] = await tx
    .select({ id: interventions.id })
    .from(interventions)
    .where(
      and(
        eq(interventions.id, interventionId),
        sql`(${interventions.organizationId} = ${ctx.organization.id} or exists (
          select 1 from resource_shares s where s.resource_type = 'intervention' and s.resource_id = ${interventions.id}
            and s.owner_organization_id = ${interventions.organizationId} and s.organization_id = ${ctx.organization.id}
            and s.accepted_at is not null and s.revoked_at is null))`,
      ),
    );
  if (!row)
    throw new AppError("validation_failed", "Välj en av förbundets egna eller samägda insatser.", {
      errors: [
        {
          field: "body.interventionId",
          rule: "own_or_co_owned",
          message: "Välj en av förbundets egna eller samägda insatser.",
        },
      ],
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
