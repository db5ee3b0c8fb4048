// The training as the trainings routes return it: sessions with seat counts, parties, the viewer's relation.
import {
  sessionRegistrations,
  type Tx,
  trainers,
  trainingParties,
  trainingSessions,
  trainingSessionTrainers,
} from "@nns/db";
import type { CostSplitRule, TrainingStatus } from "@nns/domain";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { OrgContext } from "../context.js";
import { inOrganizationScope, loadTraining, organizationNames } from "./scope.js";

export interface TrainingSummary {
  id: string;
  kind: "bip_skapa" | "event";
  title: string;
  status: TrainingStatus;
  owner: { id: string; name: string };
  firstSessionAt: Date | null;
  lastSessionEndsAt: Date | null;
  sessionCount: number;
  createdAt: Date;
}

export interface TrainingSessionView {
  id: string;
  stepKey: string | null;
  title: string;
  startsAt: Date;
  endsAt: Date;
  mode: "digital" | "on_site";
  location: string | null;
  videoLink: string | null;
  capacity: number | null;
  trainers: { id: string; name: string }[];
  confirmed: number;
  waitlisted: number;
  version: number;
}

export interface PartyView {
  organizationId: string;
  organizationName: string;
  countyCode: string | null;
  seats: number | null;
  contactEmail: string | null;
  joinedAt: Date;
}

export interface TrainingView extends TrainingSummary {
  description: string | null;
  costSplitRule: CostSplitRule;
  cancelledAt: Date | null;
  cancelledBy: string | null;
  cancellationReason: string | null;
  completedAt: Date | null;
  surveySentAt: Date | null;
  sessions: TrainingSessionView[];
  parties: PartyView[];
  /** How the acting organization relates to the training. */
  viewer: { isOwner: boolean; isParty: boolean };
  version: number;
}

/** Sessions with their trainers and seat counts; read in the owner's scope, which sees every förbund's seats. */
export async function readSessions(tx: Tx, trainingId: string): Promise<TrainingSessionView[]> {
  const sessions = await tx
    .select()
    .from(trainingSessions)
    .where(eq(trainingSessions.trainingId, trainingId))
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id));
  if (sessions.length === 0) return [];
  const ids = sessions.map((s) => s.id);
  const assigned = await tx
    .select({ sessionId: trainingSessionTrainers.sessionId, id: trainers.id, name: trainers.name })
    .from(trainingSessionTrainers)
    .innerJoin(trainers, eq(trainers.id, trainingSessionTrainers.trainerId))
    .where(inArray(trainingSessionTrainers.sessionId, ids))
    .orderBy(asc(trainers.name));
  const counts = await tx
    .select({
      sessionId: sessionRegistrations.sessionId,
      status: sessionRegistrations.status,
      n: sql<number>`count(*)::int`,
    })
    .from(sessionRegistrations)
    .where(and(inArray(sessionRegistrations.sessionId, ids), ne(sessionRegistrations.status, "cancelled")))
    .groupBy(sessionRegistrations.sessionId, sessionRegistrations.status);
  const count = (sessionId: string, status: string) =>
    Number(counts.find((c) => c.sessionId === sessionId && c.status === status)?.n ?? 0);
  return sessions.map((s) => ({
    id: s.id,
    stepKey: s.stepKey,
    title: s.title,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    mode: s.mode,
    location: s.location,
    videoLink: s.videoLink,
    capacity: s.capacity,
    trainers: assigned.filter((a) => a.sessionId === s.id).map(({ id, name }) => ({ id, name })),
    confirmed: count(s.id, "confirmed"),
    waitlisted: count(s.id, "waitlisted"),
    version: s.version,
  }));
}

export async function readParties(tx: Tx, trainingId: string): Promise<PartyView[]> {
  const rows = await tx
    .select()
    .from(trainingParties)
    .where(eq(trainingParties.trainingId, trainingId))
    .orderBy(asc(trainingParties.joinOrder));
  const names = await organizationNames(
    tx,
    rows.map((r) => r.organizationId),
  );
  return rows.map((r) => ({
    organizationId: r.organizationId,
    organizationName: names.get(r.organizationId)?.name ?? "",
    countyCode: names.get(r.organizationId)?.countyCode ?? null,
    seats: r.seats,
    contactEmail: r.contactEmail,
    joinedAt: r.joinedAt,
  }));
}

export async function readTrainingView(tx: Tx, ctx: OrgContext, trainingId: string): Promise<TrainingView> {
  const access = await loadTraining(tx, ctx, trainingId);
  const { training } = access;
  const { sessions, parties } = await inOrganizationScope(tx, ctx, training.organizationId, async () => ({
    sessions: await readSessions(tx, trainingId),
    parties: await readParties(tx, trainingId),
  }));
  const owner = await organizationNames(tx, [training.organizationId]);
  return {
    id: training.id,
    kind: training.kind,
    title: training.title,
    description: training.description,
    status: training.status,
    owner: { id: training.organizationId, name: owner.get(training.organizationId)?.name ?? "" },
    costSplitRule: training.costSplitRule,
    firstSessionAt: sessions[0]?.startsAt ?? null,
    lastSessionEndsAt: sessions.reduce<Date | null>((a, s) => (!a || s.endsAt > a ? s.endsAt : a), null),
    sessionCount: sessions.length,
    cancelledAt: training.cancelledAt,
    cancelledBy: training.cancelledBy,
    cancellationReason: training.cancellationReason,
    completedAt: training.completedAt,
    surveySentAt: training.surveySentAt,
    sessions,
    // Co-booking förbund see each other's names and seats (they share the cost), never their contacts.
    parties: access.isOwner
      ? parties
      : parties.map((p) => ({
          ...p,
          contactEmail: p.organizationId === ctx.organization.id ? p.contactEmail : null,
        })),
    viewer: { isOwner: access.isOwner, isParty: access.party !== null },
    createdAt: training.createdAt,
    version: training.version,
  };
}
