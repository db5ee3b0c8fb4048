import { newsletterPublications, type Tx } from "@nns/db";
import { AppError } from "@nns/domain";
import { and, eq, or, sql } from "drizzle-orm";
import type { OrgContext } from "../context.js";

export const PUBLICATION_RESOURCE = "newsletter_publication";
export type PublicationRow = typeof newsletterPublications.$inferSelect;

/**
 * A publication as its owner or an accepted co-publisher reaches it, beside row-level security; anyone
 * else gets not found. The share must name the row's real owner, as the policies do.
 */
export async function loadPublication(
  tx: Tx,
  ctx: OrgContext,
  publicationId: string,
): Promise<{ row: PublicationRow; isOwner: boolean }> {
  const orgId = ctx.organization.id;
  const [row] = await tx
    .select()
    .from(newsletterPublications)
    .where(
      and(
        eq(newsletterPublications.id, publicationId),
        or(
          eq(newsletterPublications.organizationId, orgId),
          sql`exists (select 1 from resource_shares s
            where s.resource_type = ${PUBLICATION_RESOURCE} and s.resource_id = ${newsletterPublications.id}
              and s.owner_organization_id = ${newsletterPublications.organizationId}
              and s.organization_id = ${orgId} and s.accepted_at is not null and s.revoked_at is null)`,
        ),
      ),
    );
  if (!row) throw new AppError("not_found", "The newsletter does not exist.");
  return { row, isOwner: row.organizationId === orgId };
}
