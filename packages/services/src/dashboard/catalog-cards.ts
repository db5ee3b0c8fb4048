// The dashboard's catalogue cards: the organization's entries by state, and those waiting for someone.
import { interventions, transaction } from "@nns/db";
import { INTERVENTION_STATES, type InterventionState } from "@nns/domain";
import { sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { reachableFrom } from "../catalog/access.js";
import { listEditorialQueue } from "../catalog/editorial.js";
import { listInterventions } from "../catalog/interventions.js";
import type { OrgContext, ServiceContext } from "../context.js";

/** How many entries a card lists by name; the interventions page has the rest. */
const LISTED = 5;
/** Past this many, the review queue's count reads "100 or more": the dashboard pages no further. */
const QUEUE_COUNTED = 100;

export interface EntryRef {
  id: string;
  title: string;
  updatedAt: Date;
  reviewComment: string | null;
}

export interface CatalogCard {
  byState: Record<InterventionState, number>;
  /** Returned with the editorial team's comments: the entries that need the förbund's action. */
  returned: EntryRef[];
  drafts: EntryRef[];
}

async function stateCounts(ctx: OrgContext): Promise<Record<InterventionState, number>> {
  requirePermission(ctx, "interventions:read");
  const rows = await transaction(ctx.deps.db, { organizationId: ctx.organization.id }, (tx) =>
    tx
      .select({ state: interventions.state, n: sql<number>`count(*)::int` })
      .from(interventions)
      // The same entries as the interventions page lists, so a count leads to as many rows.
      .where(reachableFrom(ctx.organization.id))
      .groupBy(interventions.state),
  );
  return Object.fromEntries(
    INTERVENTION_STATES.map((state) => [state, Number(rows.find((r) => r.state === state)?.n ?? 0)]),
  ) as Record<InterventionState, number>;
}

async function entriesIn(ctx: OrgContext, state: InterventionState): Promise<EntryRef[]> {
  const page = await listInterventions(ctx, { state, limit: LISTED });
  return page.data.map((i) => ({
    id: i.id,
    title: i.content.title,
    updatedAt: i.updatedAt,
    reviewComment: i.reviewComment,
  }));
}

export async function catalogCard(ctx: OrgContext): Promise<CatalogCard> {
  return {
    byState: await stateCounts(ctx),
    returned: await entriesIn(ctx, "returned"),
    drafts: await entriesIn(ctx, "draft"),
  };
}

export interface ReviewQueueCard {
  /** Submitted entries waiting for review, at most QUEUE_COUNTED; `more` when there are more still. */
  waiting: number;
  more: boolean;
  oldestSubmittedAt: Date | null;
}

/** NNS's editorial queue: how many entries wait, and since when the oldest has waited. */
export async function reviewQueueCard(ctx: ServiceContext): Promise<ReviewQueueCard> {
  const page = await listEditorialQueue(ctx, { limit: QUEUE_COUNTED });
  return {
    waiting: page.data.length,
    more: page.nextCursor !== null,
    oldestSubmittedAt: page.data[0]?.submittedAt ?? null,
  };
}
