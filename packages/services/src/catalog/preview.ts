import { catalogEntries, transaction } from "@nns/db";
import type { InterventionContent } from "@nns/domain";
import { eq } from "drizzle-orm";
import { requirePermission } from "../access.js";
import type { OrgContext } from "../context.js";
import { loadIntervention } from "./access.js";
import { type CatalogEntryView, type RelatedEntries, relatedEntries } from "./public-catalog.js";
import { catalogDocument } from "./snapshot.js";

export interface InterventionPreview extends CatalogEntryView {
  related: RelatedEntries;
  revision: number;
  published: boolean;
}

/**
 * The public entry as it would read if the working copy were published now: built by the same code that
 * writes the catalogue row on publishing, so the preview cannot drift from the real page.
 */
export async function previewIntervention(
  ctx: OrgContext,
  interventionId: string,
): Promise<InterventionPreview> {
  requirePermission(ctx, "interventions:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { row } = await loadIntervention(tx, ctx, interventionId);
    const { document, results } = await catalogDocument(tx, row, {
      revision: row.revision,
      content: row.content as InterventionContent,
    });
    const [entry] = await tx
      .select({ firstPublishedAt: catalogEntries.firstPublishedAt })
      .from(catalogEntries)
      .where(eq(catalogEntries.interventionId, row.id));
    return {
      document,
      results,
      firstPublishedAt: (entry?.firstPublishedAt ?? row.createdAt).toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      related: await relatedEntries(tx, row.id, row.parentId),
      revision: row.revision,
      published: row.publishedRevision === row.revision,
    };
  });
}
