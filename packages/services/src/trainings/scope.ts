// Who may see a training, and running statements in another organization's row-level scope.
import { organizations, setScope, type Tx, trainingParties, trainings } from "@nns/db";
import { AppError, type TrainingStatus } from "@nns/domain";
import { and, eq, inArray, isNull } from "drizzle-orm";
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

export function assertChangeable(status: TrainingStatus): void {
  if (status === "completed" || status === "cancelled") {
    throw new AppError("conflict", `The training is ${status} and can no longer change.`);
  }
}

/** A training the acting organization runs and that is still open to change. */
export async function loadChangeableTraining(tx: Tx, ctx: OrgContext, trainingId: string) {
  const access = await loadTraining(tx, ctx, trainingId);
  requireOwner(access.isOwner);
  assertChangeable(access.training.status);
  return access;
}

/**
 * Runs `fn` in another organization's row-level scope (the user stays the actor), then returns to the
 * acting organization's scope, whether `fn` succeeds or throws: a caller that catches the error and goes
 * on must not go on writing as the other organization.
 *
 * Seats are a resource of the training as a whole: counting them, and moving someone from another
 * förbund up the waiting list, needs the owner's view; a promoted person's audit entry belongs in their
 * förbund's log. Services call this only after checking the actor's own access, and never to hand another
 * organization's rows back.
 *
 * `then`, when given, runs back in the acting scope with `fn`'s result; its first statements are sent
 * together with the way back rather than after it, for a caller that holds locks and must not wait a
 * round trip (registration, decision 0010).
 */
export async function inOrganizationScope<T>(
  tx: Tx,
  ctx: OrgContext,
  organizationId: string,
  fn: () => Promise<T>,
): Promise<T>;
export async function inOrganizationScope<T, U>(
  tx: Tx,
  ctx: OrgContext,
  organizationId: string,
  fn: () => Promise<T>,
  then: (result: T) => Promise<U>,
): Promise<U>;
export async function inOrganizationScope<T, U>(
  tx: Tx,
  ctx: OrgContext,
  organizationId: string,
  fn: () => Promise<T>,
  then?: (result: T) => Promise<U>,
): Promise<T | U> {
  if (organizationId === ctx.organization.id) {
    const result = await fn();
    return then ? then(result) : result;
  }
  const userId = actorUserId(ctx.actor);
  const back = () => setScope(tx, { organizationId: ctx.organization.id, userId });
  await setScope(tx, { organizationId, userId });
  let returned: Promise<void> | null = null;
  try {
    const result = await fn();
    returned = back();
    if (!then) {
      await returned;
      return result;
    }
    const [, after] = await Promise.all([returned, then(result)]);
    return after;
  } finally {
    // After a database error the transaction refuses every statement, this one too; the error `fn`
    // threw is the one to report.
    if (!returned) await back().catch(() => undefined);
  }
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
