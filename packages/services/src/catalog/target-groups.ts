import { catalogTargetGroups, transaction } from "@nns/db";
import { AppError } from "@nns/domain";
import { eq } from "drizzle-orm";
import { writeAudit } from "../audit.js";
import { isNnsAdmin, type ServiceContext } from "../context.js";

export interface TargetGroupView {
  code: string;
  labelSv: string;
  retired: boolean;
}

/** The NNS organization the acting NNS admin belongs to: its audit log records vocabulary changes. */
function nnsOrganizationId(ctx: ServiceContext): string {
  const membership =
    ctx.actor.type === "user" && isNnsAdmin(ctx.actor)
      ? ctx.actor.memberships.find((m) => m.organizationKind === "nns" && m.role === "nns_admin")
      : undefined;
  if (!membership) throw new AppError("forbidden", 'This needs the permission "catalog:editorial".');
  return membership.organizationId;
}

/**
 * Target groups are a national vocabulary that NNS maintains. A group is retired rather than deleted, so
 * entries that use it keep their meaning; retired groups are no longer offered for new content.
 */
export async function saveTargetGroup(
  ctx: ServiceContext,
  input: { code: string; labelSv: string; retired: boolean },
): Promise<TargetGroupView> {
  const organizationId = nnsOrganizationId(ctx);
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
      .values({ code: input.code, ...values })
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
