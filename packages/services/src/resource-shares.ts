import { resourceShares, type Tx } from "@nns/db";
import { AppError } from "@nns/domain";
import { and, eq, isNull } from "drizzle-orm";

/**
 * The invited organization accepts its open invitation to a shared resource (the explicit sharing pattern):
 * one place for the state change every shared resource makes, the resource's own consequences after it.
 */
export async function acceptShare(
  tx: Tx,
  organizationId: string,
  resource: { type: string; id: string },
  notFound: string,
): Promise<typeof resourceShares.$inferSelect> {
  const [share] = await tx
    .update(resourceShares)
    .set({ acceptedAt: new Date() })
    .where(
      and(
        eq(resourceShares.resourceType, resource.type),
        eq(resourceShares.resourceId, resource.id),
        eq(resourceShares.organizationId, organizationId),
        isNull(resourceShares.revokedAt),
        isNull(resourceShares.acceptedAt),
      ),
    )
    .returning();
  if (!share) throw new AppError("not_found", notFound);
  return share;
}
