import { interventions, organizations, transaction } from "@nns/db";
import type { Page } from "@nns/domain";
import { and, eq } from "drizzle-orm";
import { requireNnsAdmin } from "../access.js";
import type { ServiceContext } from "../context.js";
import { keyset, type PageRequest } from "../pagination.js";
import { type InterventionView, interventionView } from "./interventions.js";

export interface QueueItem extends InterventionView {
  organizationName: string;
}

/**
 * NNS's editorial queue: submitted entries of every förbund, oldest first. The rows are reached through
 * the `editorial_queue` policy, which needs the capability setting this service sets only after checking
 * that the actor is an NNS admin.
 */
export async function listEditorialQueue(ctx: ServiceContext, page: PageRequest): Promise<Page<QueueItem>> {
  requireNnsAdmin(ctx, "catalog:editorial");
  const keys = keyset(page, interventions.submittedAt, interventions.id, "asc");
  return transaction(ctx.deps.db, { settings: { "app.catalog_editorial": "on" } }, async (tx) => {
    const rows = await tx
      .select({ intervention: interventions, organizationName: organizations.name })
      .from(interventions)
      .innerJoin(organizations, eq(organizations.id, interventions.organizationId))
      .where(and(eq(interventions.state, "submitted"), keys.after))
      .orderBy(...keys.orderBy)
      .limit(keys.limit);
    const items = rows.map((r) => ({
      ...interventionView(r.intervention),
      organizationName: r.organizationName,
    }));
    return keys.page(items, (i) => [i.submittedAt as Date, i.id]);
  });
}
