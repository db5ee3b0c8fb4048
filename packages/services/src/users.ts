import { memberships, organizations, type Tx, transaction, users } from "@nns/db";
import type { Role } from "@nns/domain";
import { AppError } from "@nns/domain";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Deps, MembershipSummary } from "./context.js";

export interface UserView {
  id: string;
  email: string;
  name: string;
  locale: "sv" | "en";
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function findUserByEmail(tx: Tx, email: string) {
  return tx
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, normalizeEmail(email)))
    .then((rows) => rows[0]);
}

/** The person's memberships in live organizations, read through the own-memberships policy. */
export async function loadMemberships(tx: Tx, userId: string): Promise<MembershipSummary[]> {
  const rows = await tx
    .select({
      organizationId: memberships.organizationId,
      organizationKind: organizations.kind,
      organizationName: organizations.name,
      organizationSlug: organizations.slug,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), isNull(organizations.deletedAt)))
    .orderBy(asc(organizations.name));
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

export function userView(user: typeof users.$inferSelect): UserView {
  return { id: user.id, email: user.email, name: user.name, locale: user.locale };
}

export async function getUserView(deps: Deps, userId: string): Promise<UserView> {
  const [user] = await transaction(deps.db, { userId }, (tx) =>
    tx.select().from(users).where(eq(users.id, userId)),
  );
  if (!user) throw new AppError("not_found", "The user does not exist.");
  return userView(user);
}
