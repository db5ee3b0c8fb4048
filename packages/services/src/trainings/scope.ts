import { organizations, setScope, type Tx, trainingParties, trainingSessions, trainings } from "@nns/db";
import { AppError } from "@nns/domain";
import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { actorUserId, type OrgContext } from "../context.js";

export type TrainingRow = typeof trainings.$inferSelect;

export interface TrainingAccess {
  training: TrainingRow;
  /** The organization that owns the training: NNS for BIP/SKAPA, the förbund itself for its own events. */
  isOwner: boolean;
  /** The acting organization takes part with seats of its own. */
  party: typeof trainingParties.$inferSelect | null;
}

/**
 * Reads a training the acting organization owns or takes part in; anything else does not exist for it.
 * Row-level security enforces the same rule; the explicit check gives a clear 404.
 */
export async function loadTraining(tx: Tx, ctx: OrgContext, trainingId: string): Promise<TrainingAccess> {
  const [training] = await tx.select().from(trainings).where(eq(trainings.id, trainingId));
  if (!training) throw new AppError("not_found", "The training does not exist.");
  const [party] = await tx
    .select()
    .from(trainingParties)
    .where(
      and(
        eq(trainingParties.trainingId, trainingId),
        eq(trainingParties.organizationId, ctx.organization.id),
      ),
    );
  const isOwner = training.organizationId === ctx.organization.id;
  if (!isOwner && !party) throw new AppError("not_found", "The training does not exist.");
  return { training, isOwner, party: party ?? null };
}

/** NNS's own registries (trainers, prices, the step template) do not exist for a förbund. */
export function requireNnsOrganization(ctx: OrgContext): void {
  if (ctx.organization.kind !== "nns") throw new AppError("not_found", "This is kept by NNS.");
}

export function requireOwner(isOwner: boolean): void {
  if (!isOwner) {
    throw new AppError("forbidden", "Only the organization that runs the training may change it.");
  }
}

/**
 * Runs `fn` with the training owner's row-level scope, then returns to the acting organization's.
 * Seats are a resource of the training as a whole: counting them, and moving someone from another
 * förbund up the waiting list, needs the owner's view. Services call this only after checking the
 * actor's own access, and only for the seat and cost rules, never to hand another förbund's rows back.
 */
export async function asTrainingOwner<T>(
  tx: Tx,
  ctx: OrgContext,
  training: TrainingRow,
  fn: () => Promise<T>,
): Promise<T> {
  if (training.organizationId === ctx.organization.id) return fn();
  await enterOwnerScope(tx, ctx, training);
  const result = await fn();
  await leaveOwnerScope(tx, ctx, training);
  return result;
}

/** The two halves of `asTrainingOwner`, for a caller that sends the way back along with other statements. */
export async function enterOwnerScope(tx: Tx, ctx: OrgContext, training: TrainingRow): Promise<void> {
  if (training.organizationId === ctx.organization.id) return;
  await setScope(tx, { organizationId: training.organizationId, userId: actorUserId(ctx.actor) });
}

export async function leaveOwnerScope(tx: Tx, ctx: OrgContext, training: TrainingRow): Promise<void> {
  if (training.organizationId === ctx.organization.id) return;
  await setScope(tx, { organizationId: ctx.organization.id, userId: actorUserId(ctx.actor) });
}

/** Runs `fn` in another organization's scope, for its audit entry; the caller's scope is restored. */
export async function inScopeOf<T>(tx: Tx, ctx: OrgContext, organizationId: string, fn: () => Promise<T>) {
  if (organizationId === ctx.organization.id) return fn();
  const userId = actorUserId(ctx.actor);
  await setScope(tx, { organizationId, userId });
  const result = await fn();
  await setScope(tx, { organizationId: ctx.organization.id, userId });
  return result;
}

export async function organizationNames(
  tx: Tx,
  ids: string[],
): Promise<Map<string, { name: string; countyCode: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: organizations.id, name: organizations.name, countyCode: organizations.countyCode })
    .from(organizations)
    .where(inArray(organizations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function organizationName(tx: Tx, organizationId: string): Promise<string> {
  const [row] = await tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return row?.name ?? "";
}

export async function nnsOrganizationId(tx: Tx): Promise<string> {
  const [nns] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.kind, "nns"), isNull(organizations.deletedAt)));
  if (!nns) throw new AppError("unprocessable", "There is no NNS organization to send the request to.");
  return nns.id;
}

/** Locks every session of a training, for changes that affect who may hold a seat in any of them. */
export async function lockTrainingSessions(tx: Tx, trainingId: string): Promise<string[]> {
  const sessions = await tx
    .select({ id: trainingSessions.id })
    .from(trainingSessions)
    .where(eq(trainingSessions.trainingId, trainingId));
  const ids = sessions.map((s) => s.id);
  await lockSessions(tx, ids);
  return ids;
}

/** Serializes every change to one session's seats, on PostgreSQL and PGlite alike. */
export async function lockSessions(tx: Tx, sessionIds: readonly string[]): Promise<void> {
  for (const id of [...sessionIds].sort()) await tx.execute(sql`select ${sessionLock(id)}`);
}

/** Takes one session's lock until commit; every writer of seat holders uses it, always in id order. */
export function sessionLock(sessionId: string): SQL {
  return sql`pg_advisory_xact_lock(hashtextextended('session:' || ${idLiteral(sessionId)}, 0))`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An id written into the statement's text instead of sent as a parameter. With `prepare: false` (needed
 * behind PgBouncer in transaction mode) postgres.js has the server describe every statement that has
 * parameters before running it: one more round trip, and nothing queued behind it is sent meanwhile. The
 * statements run while a session's lock is held carry only ids, written this way so they pipeline.
 */
export function idLiteral(id: string): SQL {
  if (!UUID.test(id)) throw new Error(`not a uuid: ${id}`);
  return sql.raw(`'${id}'`);
}

const STOCKHOLM_DATE = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in Sweden at an instant, as `YYYY-MM-DD`: certifications are valid per Swedish day. */
export function stockholmDate(at: Date = new Date()): string {
  return STOCKHOLM_DATE.format(at);
}
