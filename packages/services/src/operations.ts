import { memberships, organizations, setScope, transaction, users } from "@nns/db";
import { AppError, type Role } from "@nns/domain";
import { eq, sql } from "drizzle-orm";
import { requireOperations } from "./access.js";
import { writeAudit } from "./audit.js";
import { assertAcceptablePassword } from "./auth.js";
import type { ServiceContext } from "./context.js";
import { hashPassword } from "./crypto.js";
import { findUserByEmail, normalizeEmail } from "./users.js";

/**
 * Operations (CLI, demo seed): create a person, or find them, and give them a role in an organization.
 * Request traffic never calls this; people join through invitations.
 */
export async function grantRole(
  ctx: ServiceContext,
  input: { organizationSlug: string; email: string; name: string; password: string | null; role: Role },
): Promise<{ userId: string; created: boolean }> {
  requireOperations(ctx, "Only operations may grant roles directly.");
  const email = normalizeEmail(input.email);
  return transaction(ctx.deps.db, {}, async (tx) => {
    const [organization] = await tx
      .select()
      .from(organizations)
      .where(eq(organizations.slug, input.organizationSlug));
    if (!organization)
      throw new AppError("not_found", `No organization with the slug "${input.organizationSlug}".`);
    let user = await findUserByEmail(tx, email);
    const created = !user;
    if (!user) {
      if (input.password) assertAcceptablePassword(input.password, email);
      [user] = await tx
        .insert(users)
        .values({
          email,
          name: input.name,
          passwordHash: input.password ? await hashPassword(input.password) : null,
          passwordChangedAt: input.password ? new Date() : null,
        })
        .returning();
      if (!user) throw new Error("user insert returned nothing");
    }
    await setScope(tx, { organizationId: organization.id });
    await tx
      .insert(memberships)
      .values({ organizationId: organization.id, userId: user.id, role: input.role })
      .onConflictDoUpdate({
        target: [memberships.organizationId, memberships.userId],
        set: { role: input.role, version: sql`${memberships.version} + 1`, updatedAt: new Date() },
      });
    await writeAudit(tx, ctx, organization.id, {
      action: "member.granted",
      entityType: "membership",
      entityId: user.id,
      after: { userId: user.id, email, role: input.role },
    });
    return { userId: user.id, created };
  });
}
