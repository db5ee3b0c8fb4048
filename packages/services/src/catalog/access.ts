import { interventions, type Tx } from "@nns/db";
import { AppError } from "@nns/domain";
import { and, eq, or, type SQL, sql } from "drizzle-orm";
import type { OrgContext } from "../context.js";

export const INTERVENTION_RESOURCE = "intervention";
export type InterventionRow = typeof interventions.$inferSelect;

/**
 * Scoping in the application, beside row-level security: an intervention is reachable from its owner and
 * from organizations that accepted a co-ownership invitation, nowhere else. The share must name the row's
 * real owner, as the row-level policy does.
 */
export function reachableFrom(organizationId: string): SQL | undefined {
  return or(
    eq(interventions.organizationId, organizationId),
    sql`exists (select 1 from resource_shares s
      where s.resource_type = ${INTERVENTION_RESOURCE} and s.resource_id = ${interventions.id}
        and s.owner_organization_id = ${interventions.organizationId} and s.organization_id = ${organizationId}
        and s.accepted_at is not null and s.revoked_at is null)`,
  );
}

export async function loadIntervention(
  tx: Tx,
  ctx: OrgContext,
  interventionId: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ row: InterventionRow; isOwner: boolean }> {
  const query = tx
    .select()
    .from(interventions)
    .where(and(eq(interventions.id, interventionId), reachableFrom(ctx.organization.id)));
  const [row] = options.forUpdate ? await query.for("update", { of: interventions }) : await query;
  if (!row) throw new AppError("not_found", "The intervention does not exist.");
  return { row, isOwner: row.organizationId === ctx.organization.id };
}

export function requireOwner(isOwner: boolean, what: string): void {
  if (!isOwner) throw new AppError("forbidden", `Only the owning organization may ${what}.`);
}
