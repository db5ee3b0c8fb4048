import { catalogTargetGroups, transaction } from "@nns/db";
import { eq, sql } from "drizzle-orm";
import { requireNnsAdmin } from "../access.js";
import { writeAudit } from "../audit.js";
import type { ServiceContext } from "../context.js";

export interface TargetGroupView {
  code: string;
  labelSv: string;
  retired: boolean;
}

/**
 * Target groups are a national vocabulary that NNS maintains. A group is retired rather than deleted, so
 * entries that use it keep their meaning; retired groups are no longer offered for new content.
 */
export async function saveTargetGroup(
  ctx: ServiceContext,
  input: { code: string; labelSv: string; retired: boolean },
): Promise<TargetGroupView> {
  // The NNS organization's audit log records vocabulary changes.
  const { organizationId } = requireNnsAdmin(ctx, "catalog:editorial");
  return transaction(ctx.deps.db, { organizationId }, async (tx) => {
    const [before] = await tx
      .select()
      .from(catalogTargetGroups)
      .where(eq(catalogTargetGroups.code, input.code));
    const values = {
      labelSv: input.labelSv,
      retiredAt: input.retired ? (before?.retiredAt ?? new Date()) : null,
    };
    const [saved] = await tx
      .insert(catalogTargetGroups)
      .values({
        code: input.code,
        position: sql`(select coalesce(max(position), 0) + 1 from catalog_target_groups)`,
        ...values,
      })
      .onConflictDoUpdate({ target: catalogTargetGroups.code, set: values })
      .returning();
    const view = { code: input.code, labelSv: input.labelSv, retired: Boolean(saved?.retiredAt) };
    await writeAudit(tx, ctx, organizationId, {
      action: before ? "catalog.target_group_changed" : "catalog.target_group_added",
      entityType: "catalog_target_group",
      entityId: input.code,
      before: before ? { labelSv: before.labelSv, retired: Boolean(before.retiredAt) } : null,
      after: view,
    });
    return view;
  });
}
