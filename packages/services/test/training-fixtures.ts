import {
  addCertification,
  addSession,
  createTrainer,
  createTraining,
  moveTraining,
  type OrgContext,
  type TrainingView,
} from "../src/index.js";

/** Trainings for service tests, built through the services as a planner would. */

const DAY = 86_400_000;

/** A session window starting `days` from now, six hours long. */
export function sessionTimes(days: number): { startsAt: Date; endsAt: Date } {
  const startsAt = new Date(Date.now() + days * DAY);
  return { startsAt, endsAt: new Date(startsAt.getTime() + 6 * 3_600_000) };
}

/** A förbund's own event day with one on-site session in two weeks, planned (open for registration). */
export async function plannedEvent(
  ctx: OrgContext,
  capacity: number | null = 20,
): Promise<{ training: TrainingView; sessionId: string }> {
  const event = await createTraining(ctx, { kind: "event", title: "Inspirationsdag" });
  const withSession = await addSession(ctx, event.id, {
    title: "Inspirationsdag",
    ...sessionTimes(14),
    mode: "on_site",
    location: "Stadshuset",
    capacity,
  });
  const training = await moveTraining(ctx, event.id, "plan", null);
  return { training, sessionId: withSession.sessions[0]?.id as string };
}

let trainerNumber = 0;

/** A trainer in NNS's registry, certified from 2020 with no end date. */
export async function certifiedTrainer(nns: OrgContext, email?: string): Promise<string> {
  trainerNumber += 1;
  const trainer = await createTrainer(nns, {
    name: `Utbildare ${trainerNumber}`,
    email: email ?? `utbildare.${trainerNumber}.${Date.now()}@example.se`,
    countyCodes: ["13"],
    deliveryModes: ["digital"],
  });
  await addCertification(nns, trainer.id, { issuer: "NNS", certifiedOn: "2020-01-01", validUntil: null });
  return trainer.id;
}

/**
 * A BIP/SKAPA training run by NNS for the given förbund (seats each), with one digital session led by a
 * certified trainer, planned so the förbund can register people.
 */
export async function plannedBipSkapa(
  nns: OrgContext,
  parties: { organizationId: string; seats: number | null }[],
  options: { capacity?: number | null; trainerId?: string } = {},
): Promise<{ training: TrainingView; sessionId: string; trainerId: string }> {
  const trainerId = options.trainerId ?? (await certifiedTrainer(nns));
  const created = await createTraining(nns, { kind: "bip_skapa", title: "BIP/SKAPA", parties });
  const withSession = await addSession(nns, created.id, {
    title: "Utbildning i progressionsmätning",
    ...sessionTimes(21),
    mode: "digital",
    capacity: options.capacity === undefined ? 25 : options.capacity,
    trainerIds: [trainerId],
  });
  const training = await moveTraining(nns, created.id, "plan", null);
  return { training, sessionId: withSession.sessions[0]?.id as string, trainerId };
}

/**
 * A förbund's event day held `daysAgo` days ago, entered afterwards: one session in the past, then
 * planned, confirmed and completed as the host would to close it.
 */
export async function pastEvent(
  ctx: OrgContext,
  daysAgo = 30,
  mode: "digital" | "on_site" = "on_site",
): Promise<{ training: TrainingView; sessionId: string }> {
  const event = await createTraining(ctx, { kind: "event", title: "Inspirationsdag" });
  const withSession = await addSession(ctx, event.id, {
    title: "Inspirationsdag",
    ...sessionTimes(-daysAgo),
    mode,
    location: mode === "on_site" ? "Eksjö Stadshotell" : null,
    capacity: null,
  });
  await moveTraining(ctx, event.id, "plan", null);
  await moveTraining(ctx, event.id, "confirm", null);
  const training = await moveTraining(ctx, event.id, "complete", null);
  return { training, sessionId: withSession.sessions[0]?.id as string };
}
