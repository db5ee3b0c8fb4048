// Routes: apps/api/src/routes/event-figures — an event's follow-up (/trainings/{id}/event-follow-up), its
// figures entered after the day (/event-figures) and people recorded afterwards (/past-participants).
// Longer than 400 lines: the outcome is read once for the follow-up, the figures and the series, beside both ways of entering it.
import {
  eventFigures,
  organizationMemberParties,
  sessionRegistrations,
  surveyResponses,
  type Tx,
  trainingParticipants,
  trainingParties,
  trainingSessions,
  transaction,
} from "@nns/db";
import {
  AppError,
  countsByMemberParty,
  type EventFiguresInput,
  eventFigureProblems,
  fieldError,
  followUpFigures,
  type Gender,
  type MemberPartyCounts,
} from "@nns/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import { actorUserId, type OrgContext } from "../context.js";
import {
  inOrganizationScope,
  loadTraining,
  organizationNames,
  requireOwner,
  type TrainingAccess,
} from "./scope.js";

export interface EventOutcome {
  /** `recorded`: the host's counts of the day; `registrations`: counted from the people registered here. */
  source: "recorded" | "registrations";
  registered: number;
  attended: number;
  attendedWomen: number;
  attendedMen: number;
  attendedOther: number;
  surveyResponses: number | null;
  /** The survey's average (1–5, one decimal); null without enough answers or none recorded. */
  satisfaction: number | null;
}

export interface EventFollowUpView extends EventOutcome {
  trainingId: string;
  /** The host's recorded counts as entered, with their version for the next change. */
  recorded: (EventFiguresInput & { note: string | null; version: number; updatedAt: Date }) | null;
  /** Registered people by the hosts' member parties, hidden below the minimum group size. */
  byMemberParty: (MemberPartyCounts & {
    name: string | null;
    kind: "fk" | "af" | "region" | "kommun" | null;
    organizationName: string | null;
  })[];
}

function requireEvent(kind: string): void {
  if (kind !== "event") throw new AppError("conflict", "Figures entered afterwards are for events.");
}

function recordedInput(row: typeof eventFigures.$inferSelect) {
  return {
    registered: row.registered,
    attended: row.attended,
    attendedWomen: row.attendedWomen,
    attendedMen: row.attendedMen,
    attendedOther: row.attendedOther,
    surveyResponses: row.surveyResponses,
    satisfaction: row.satisfactionTenths === null ? null : row.satisfactionTenths / 10,
  };
}

/**
 * The event's outcome for the host and every co-host, read in the host's scope, where all the people
 * registered are: only counts leave it. Recorded counts win over counting registrations, since a host
 * enters them when the names were not kept here.
 */
export async function readEventOutcome(
  tx: Tx,
  ctx: OrgContext,
  access: TrainingAccess,
): Promise<Omit<EventFollowUpView, "trainingId">> {
  const trainingId = access.training.id;
  const data = await inOrganizationScope(tx, ctx, access.training.organizationId, async () => {
    const [recorded] = await tx.select().from(eventFigures).where(eq(eventFigures.trainingId, trainingId));
    const rows = await tx
      .select({
        id: trainingParticipants.id,
        organizationId: trainingParticipants.organizationId,
        gender: trainingParticipants.gender,
        memberPartyId: trainingParticipants.memberPartyId,
        status: sessionRegistrations.status,
        attended: sessionRegistrations.attended,
      })
      .from(trainingParticipants)
      .innerJoin(
        sessionRegistrations,
        // On the tenant too: a join between distributed tables stays on one shard (docs/scale-out.md).
        and(
          eq(sessionRegistrations.organizationId, trainingParticipants.organizationId),
          eq(sessionRegistrations.participantId, trainingParticipants.id),
        ),
      )
      .where(eq(trainingParticipants.trainingId, trainingId));
    const answers = await tx
      .select({ organizationId: surveyResponses.organizationId, scores: surveyResponses.scores })
      .from(surveyResponses)
      .where(and(eq(surveyResponses.trainingId, trainingId), sql`${surveyResponses.answeredAt} is not null`));
    const hosts = await tx
      .select({ organizationId: trainingParties.organizationId })
      .from(trainingParties)
      .where(eq(trainingParties.trainingId, trainingId))
      .orderBy(asc(trainingParties.joinOrder));
    return { recorded, rows, answers, hosts };
  });
  const people = new Map<
    string,
    {
      organizationId: string;
      gender: Gender | null;
      memberPartyId: string | null;
      registered: boolean;
      attended: boolean;
    }
  >();
  for (const row of data.rows) {
    const person = people.get(row.id) ?? {
      organizationId: row.organizationId,
      gender: row.gender,
      memberPartyId: row.memberPartyId,
      registered: false,
      attended: false,
    };
    if (row.status === "confirmed") person.registered = true;
    if (row.attended) person.attended = true;
    people.set(row.id, person);
  }
  const min = ctx.deps.config.minGroupSize;
  const counted = followUpFigures(
    [...people.values()],
    data.answers.map((a) => ({ organizationId: a.organizationId, scores: a.scores ?? {}, comment: null })),
    min,
  );
  const hostIds = data.hosts.map((h) => h.organizationId);
  const parties = hostIds.length
    ? await tx
        .select()
        .from(organizationMemberParties)
        .where(inArray(organizationMemberParties.organizationId, hostIds))
        .orderBy(asc(organizationMemberParties.kind), asc(organizationMemberParties.name))
    : [];
  const names = await organizationNames(tx, hostIds);
  const byMemberParty = countsByMemberParty(
    [...people.values()],
    parties.map((p) => p.id),
    min,
  ).map((counts) => {
    const party = parties.find((p) => p.id === counts.memberPartyId);
    return {
      ...counts,
      name: party?.name ?? null,
      kind: party?.kind ?? null,
      organizationName: party ? (names.get(party.organizationId)?.name ?? null) : null,
    };
  });
  const recorded = data.recorded
    ? {
        ...recordedInput(data.recorded),
        note: data.recorded.note,
        version: data.recorded.version,
        updatedAt: data.recorded.updatedAt,
      }
    : null;
  const outcome: EventOutcome = recorded
    ? { source: "recorded", ...recordedInput(data.recorded as typeof eventFigures.$inferSelect) }
    : {
        source: "registrations",
        registered: counted.registered,
        attended: counted.attended,
        attendedWomen: counted.attendedWomen,
        attendedMen: counted.attendedMen,
        attendedOther: counted.attendedOtherOrNotStated,
        surveyResponses: counted.satisfaction.responses,
        satisfaction: counted.satisfaction.averages?.overall ?? null,
      };
  return { ...outcome, recorded, byMemberParty };
}

/** Seed 000's follow-up of an event, for its host and co-hosts: totals, by member party and gender. */
export async function eventFollowUp(ctx: OrgContext, trainingId: string): Promise<EventFollowUpView> {
  requirePermission(ctx, "trainings:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const access = await loadTraining(tx, ctx, trainingId);
    requireEvent(access.training.kind);
    return { trainingId, ...(await readEventOutcome(tx, ctx, access)) };
  });
}

/** The last session's end, or null without sessions. */
async function lastSessionEnd(tx: Tx, trainingId: string): Promise<Date | null> {
  const [row] = await tx
    .select({ endsAt: sql<string | null>`max(${trainingSessions.endsAt})` })
    .from(trainingSessions)
    .where(eq(trainingSessions.trainingId, trainingId));
  return row?.endsAt ? new Date(row.endsAt) : null;
}

/**
 * The host enters the figures of an event that has been held (seed 000: registered, attended, women and
 * men, the survey's result), also long afterwards and after it was completed. Entering them again
 * replaces them; `expectedVersion` guards against overwriting someone else's change.
 */
export async function recordEventFigures(
  ctx: OrgContext,
  trainingId: string,
  input: EventFiguresInput & { note?: string | null },
  expectedVersion: number | null,
): Promise<EventFollowUpView> {
  requirePermission(ctx, "trainings:manage");
  const problems = eventFigureProblems(input);
  if (problems.length > 0) {
    throw new AppError("validation_failed", "The figures do not add up.", {
      errors: problems.map((p) => ({ field: `body.${p.field}`, rule: p.rule, message: p.message })),
    });
  }
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const access = await loadTraining(tx, ctx, trainingId);
    requireOwner(access.isOwner);
    requireEvent(access.training.kind);
    if (access.training.status === "cancelled") {
      throw new AppError("conflict", "A cancelled event has no figures; its reason is what is kept.");
    }
    const ended = await lastSessionEnd(tx, trainingId);
    if (!ended || ended.getTime() > Date.now()) {
      throw new AppError("conflict", "Figures are entered once the event's last session has ended.");
    }
    const [before] = await tx.select().from(eventFigures).where(eq(eventFigures.trainingId, trainingId));
    if (expectedVersion !== null && (before?.version ?? 0) !== expectedVersion) {
      throw new AppError("precondition_failed", "The figures have changed since you read them.");
    }
    const values = {
      registered: input.registered,
      attended: input.attended,
      attendedWomen: input.attendedWomen,
      attendedMen: input.attendedMen,
      attendedOther: input.attendedOther,
      surveyResponses: input.surveyResponses,
      satisfactionTenths: input.satisfaction === null ? null : Math.round(input.satisfaction * 10),
      note: input.note ?? null,
    };
    await tx
      .insert(eventFigures)
      .values({ trainingId, organizationId: ctx.organization.id, ...values })
      .onConflictDoUpdate({
        target: [eventFigures.organizationId, eventFigures.trainingId],
        set: { ...values, version: sql`${eventFigures.version} + 1`, updatedAt: new Date() },
      });
    const after = { trainingId, ...(await readEventOutcome(tx, ctx, access)) };
    await audit(tx, ctx, {
      action: "training.figures_recorded",
      entityType: "training",
      entityId: trainingId,
      before: before ? recordedInput(before) : null,
      after: after.recorded,
    });
    return after;
  });
}

export interface MemberPartyChoice {
  id: string;
  kind: "fk" | "af" | "region" | "kommun";
  name: string;
}

/** The acting förbund's member parties (huvudmän), to tie the people it registers to one of them. */
export async function memberPartyChoices(ctx: OrgContext): Promise<MemberPartyChoice[]> {
  requirePermission(ctx, "trainings:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, (tx) =>
    tx
      .select({
        id: organizationMemberParties.id,
        kind: organizationMemberParties.kind,
        name: organizationMemberParties.name,
      })
      .from(organizationMemberParties)
      .where(eq(organizationMemberParties.organizationId, ctx.organization.id))
      .orderBy(asc(organizationMemberParties.kind), asc(organizationMemberParties.name)),
  );
}

/** A member party of the acting förbund, or a field error naming `field`. */
export async function assertOwnMemberParty(
  tx: Tx,
  organizationId: string,
  memberPartyId: string | null | undefined,
  field: string,
): Promise<void> {
  if (!memberPartyId) return;
  const [party] = await tx
    .select({ id: organizationMemberParties.id })
    .from(organizationMemberParties)
    .where(
      and(
        eq(organizationMemberParties.id, memberPartyId),
        eq(organizationMemberParties.organizationId, organizationId),
      ),
    );
  if (!party) {
    throw fieldError(field, "unknown_member_party", "Välj en av förbundets medlemmar (huvudmän).");
  }
}

export interface PastAttendeeInput {
  name: string;
  email: string;
  employer?: string | null;
  jobTitle?: string | null;
  gender?: Gender | null;
  memberPartyId?: string | null;
  sessionIds: string[];
  attended: boolean;
}

/**
 * Records a person of the acting förbund (host or co-host) as registered for sessions of an event that
 * have already been held, with whether they came: the list kept on paper, entered afterwards. No email is
 * sent and no seat is decided, since the day is over; a session still to come is booked the usual way.
 */
export async function recordPastAttendee(
  ctx: OrgContext,
  trainingId: string,
  input: PastAttendeeInput,
): Promise<{ participantId: string; sessionIds: string[]; attended: boolean }> {
  requirePermission(ctx, "trainings:register");
  const sessionIds = [...new Set(input.sessionIds)];
  if (sessionIds.length === 0) throw fieldError("body.sessionIds", "too_small", "Välj minst ett tillfälle.");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const access = await loadTraining(tx, ctx, trainingId);
    requireEvent(access.training.kind);
    if (!access.party) throw new AppError("forbidden", "Only a host of the event records its people.");
    if (access.training.status === "cancelled") {
      throw new AppError("conflict", "The event was cancelled; nobody attended it.");
    }
    await assertOwnMemberParty(tx, ctx.organization.id, input.memberPartyId, "body.memberPartyId");
    const sessions = await tx
      .select({ id: trainingSessions.id, endsAt: trainingSessions.endsAt })
      .from(trainingSessions)
      .where(and(eq(trainingSessions.trainingId, trainingId), inArray(trainingSessions.id, sessionIds)));
    for (const [index, id] of sessionIds.entries()) {
      const session = sessions.find((s) => s.id === id);
      if (!session) {
        throw fieldError(
          `body.sessionIds.${index}`,
          "unknown_session",
          "Tillfället finns inte i evenemanget.",
        );
      }
      if (session.endsAt.getTime() > Date.now()) {
        throw fieldError(
          `body.sessionIds.${index}`,
          "session_not_over",
          "Tillfället har inte varit än; anmäl personen som vanligt.",
        );
      }
    }
    const [inserted] = await tx
      .insert(trainingParticipants)
      .values({
        organizationId: ctx.organization.id,
        trainingId,
        ownerOrganizationId: access.training.organizationId,
        name: input.name,
        email: input.email,
        employer: input.employer ?? null,
        jobTitle: input.jobTitle ?? null,
        gender: input.gender ?? null,
        memberPartyId: input.memberPartyId ?? null,
        contactConsent: false,
        createdByUserId: actorUserId(ctx.actor),
      })
      .onConflictDoNothing()
      .returning({ id: trainingParticipants.id });
    const participantId =
      inserted?.id ??
      (
        await tx
          .select({ id: trainingParticipants.id })
          .from(trainingParticipants)
          .where(
            and(
              eq(trainingParticipants.trainingId, trainingId),
              eq(trainingParticipants.organizationId, ctx.organization.id),
              sql`lower(${trainingParticipants.email}) = lower(${input.email})`,
            ),
          )
      )[0]?.id;
    if (!participantId) throw new Error("participant neither inserted nor found");
    const now = new Date();
    const added = await tx
      .insert(sessionRegistrations)
      .values(
        sessionIds.map((sessionId) => ({
          organizationId: ctx.organization.id,
          ownerOrganizationId: access.training.organizationId,
          trainingId,
          sessionId,
          participantId,
          status: "confirmed" as const,
          attended: input.attended,
          attendanceRecordedAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: sessionRegistrations.id });
    if (added.length < sessionIds.length) {
      throw new AppError("already_exists", "This person is already registered for these sessions.", {
        errors: [
          {
            field: "body.email",
            rule: "unique",
            message: "Personen är redan registrerad på de valda tillfällena.",
          },
        ],
      });
    }
    const after = { participantId, sessionIds, attended: input.attended };
    await audit(tx, ctx, {
      action: "training.attendee_recorded",
      entityType: "training_participant",
      entityId: participantId,
      after: { ...after, memberPartyId: input.memberPartyId ?? null },
    });
    return after;
  });
}
