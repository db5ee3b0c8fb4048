// The dashboard's training cards, read through the trainings services so that the same scoping and seat
// counts apply as on the trainings pages.
import { AppError } from "@nns/domain";
import type { OrgContext } from "../context.js";
import { mySessions, type TrainerSessionView } from "../trainings/attendance.js";
import { stockholmDate } from "../trainings/scope.js";
import { trainingCosts } from "../trainings/training-costs.js";
import { listTrainingRequests, pairingSuggestions } from "../trainings/training-requests.js";
import type { TrainingSummary } from "../trainings/training-view.js";
import { getTraining, listTrainings } from "../trainings/trainings.js";

/** How many upcoming sessions a card lists; the trainings page has the rest. */
const UPCOMING_LIMIT = 5;

export interface UpcomingSession {
  trainingId: string;
  trainingTitle: string;
  sessionId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
  confirmed: number;
  waitlisted: number;
}

const running = (t: TrainingSummary, now: Date) =>
  t.status !== "cancelled" &&
  t.status !== "completed" &&
  t.lastSessionEndsAt !== null &&
  t.lastSessionEndsAt >= now;

/** The next sessions of trainings the organization runs or takes part in, with seats filled in each. */
export async function upcomingSessions(ctx: OrgContext, now = new Date()): Promise<UpcomingSession[]> {
  const trainings = (await listTrainings(ctx)).filter((t) => running(t, now));
  const sessions: UpcomingSession[] = [];
  // Trainings come soonest first, so the first few hold the next sessions.
  for (const summary of trainings.slice(0, UPCOMING_LIMIT)) {
    const training = await getTraining(ctx, summary.id);
    for (const s of training.sessions) {
      if (s.endsAt < now) continue;
      sessions.push({
        trainingId: training.id,
        trainingTitle: training.title,
        sessionId: s.id,
        title: s.title,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        capacity: s.capacity,
        confirmed: s.confirmed,
        waitlisted: s.waitlisted,
      });
    }
  }
  return sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).slice(0, UPCOMING_LIMIT);
}

export interface RequestsCard {
  /** Requests still waiting for NNS's answer (a förbund: its own; NNS: every incoming one). */
  waiting: number;
  oldestCreatedAt: Date | null;
  /** NNS only: open requests that some pairing suggestion would train together, and the suggestions. */
  paired: number | null;
  suggestions: number | null;
}

export async function requestsCard(ctx: OrgContext): Promise<RequestsCard> {
  const open = (await listTrainingRequests(ctx, { status: "submitted" })).filter(
    (r) => ctx.organization.kind === "forbund" || r.organization.id !== ctx.organization.id,
  );
  const oldest = open.reduce<Date | null>((a, r) => (!a || r.createdAt < a ? r.createdAt : a), null);
  if (ctx.organization.kind !== "nns" || !ctx.permissions.has("trainings:manage")) {
    return { waiting: open.length, oldestCreatedAt: oldest, paired: null, suggestions: null };
  }
  const suggestions = await pairingSuggestions(ctx);
  const paired = new Set(suggestions.flatMap((s) => s.requestIds));
  return {
    waiting: open.length,
    oldestCreatedAt: oldest,
    paired: paired.size,
    suggestions: suggestions.length,
  };
}

export interface TermTraining {
  id: string;
  title: string;
  status: TrainingSummary["status"];
  firstSessionAt: Date;
  lastSessionEndsAt: Date;
  sessionCount: number;
}

/** A Swedish school term: spring is January to June, autumn July to December (calendar dates in Sweden). */
export function termOf(today: string): { start: string; end: string } {
  const year = today.slice(0, 4);
  return Number(today.slice(5, 7)) <= 6
    ? { start: `${year}-01-01`, end: `${year}-06-30` }
    : { start: `${year}-07-01`, end: `${year}-12-31` };
}

/** Dated trainings that meet the current term, for NNS's timeline; cancelled ones are left out. */
export async function termTrainings(
  ctx: OrgContext,
  today = stockholmDate(),
): Promise<{ start: string; end: string; trainings: TermTraining[] }> {
  const term = termOf(today);
  const trainings: TermTraining[] = [];
  for (const t of await listTrainings(ctx)) {
    if (t.status === "cancelled" || !t.firstSessionAt || !t.lastSessionEndsAt) continue;
    if (stockholmDate(t.firstSessionAt) > term.end || stockholmDate(t.lastSessionEndsAt) < term.start)
      continue;
    trainings.push({
      id: t.id,
      title: t.title,
      status: t.status,
      firstSessionAt: t.firstSessionAt,
      lastSessionEndsAt: t.lastSessionEndsAt,
      sessionCount: t.sessionCount,
    });
  }
  return { ...term, trainings };
}

export interface CostsCard {
  /** This year: the card counts trainings whose first session is in it or later. */
  year: number;
  /** The organization's own shares of shared costs, its print costs, the VAT on both, and the sum. */
  sharedNetOre: number;
  printNetOre: number;
  vatOre: number;
  totalOre: number;
  trainings: { id: string; title: string; totalOre: number }[];
}

/**
 * What the förbund's trainings cost it from this year on, booked ahead included (by the year of their
 * first session), from the same breakdown invoicing uses. A training whose split cannot be made yet (a
 * seat-based split before every förbund has seats) has no cost to show and is left out.
 */
export async function costsCard(ctx: OrgContext, today = stockholmDate()): Promise<CostsCard> {
  const year = today.slice(0, 4);
  const card: CostsCard = {
    year: Number(year),
    sharedNetOre: 0,
    printNetOre: 0,
    vatOre: 0,
    totalOre: 0,
    trainings: [],
  };
  for (const t of await listTrainings(ctx)) {
    if (t.status === "cancelled" || !t.firstSessionAt || stockholmDate(t.firstSessionAt).slice(0, 4) < year)
      continue;
    const costs = await trainingCosts(ctx, t.id).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "unprocessable") return null;
      throw error;
    });
    const own = costs?.parties.find((p) => p.organizationId === ctx.organization.id);
    if (!own) continue;
    card.sharedNetOre += own.sharedNetOre;
    card.printNetOre += own.printNetOre;
    card.vatOre += own.vatOre;
    card.totalOre += own.totalOre;
    card.trainings.push({ id: t.id, title: t.title, totalOre: own.totalOre });
  }
  return card;
}

export interface TrainerCard {
  today: TrainerSessionView[];
  next: TrainerSessionView[];
}

/** The trainer's sessions of today (in Sweden) and the next few after it. */
export async function trainerCard(ctx: OrgContext, now = new Date()): Promise<TrainerCard> {
  const today = stockholmDate(now);
  const sessions = await mySessions(ctx);
  return {
    today: sessions.filter((s) => stockholmDate(s.startsAt) === today),
    next: sessions.filter((s) => stockholmDate(s.startsAt) > today).slice(0, UPCOMING_LIMIT),
  };
}
