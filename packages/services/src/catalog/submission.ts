import { auditLog, organizations, transaction, users } from "@nns/db";
import { and, desc, eq, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import type { OrgContext } from "../context.js";
import { loadIntervention } from "./access.js";

/** What NNS's reviewer needs to know about an entry's latest submission, beside the entry itself. */
export interface SubmissionView {
  /** The owning förbund's name: the reviewer works in its path but is not one of its people. */
  organizationName: string;
  submittedAt: Date | null;
  /** The person's name (an API key's or the system's label when no person submitted); null if unknown. */
  submittedBy: string | null;
  comment: string | null;
}

/**
 * The latest submission of an entry, for NNS's editorial review. Who submitted it and what they wrote
 * are kept in the audit entry written with the step (intervention.submitted), so they are read from the
 * log of the organization in whose path the reviewer works, normally the owner's.
 */
export async function getSubmission(ctx: OrgContext, interventionId: string): Promise<SubmissionView> {
  requirePermission(ctx, "catalog:editorial");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { row } = await loadIntervention(tx, ctx, interventionId);
    const [owner] = await tx
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, row.organizationId));
    const [entry] = await tx
      .select({ label: auditLog.actorLabel, name: users.name, after: auditLog.after })
      .from(auditLog)
      .leftJoin(users, and(eq(auditLog.actorType, "user"), sql`${users.id}::text = ${auditLog.actorId}`))
      .where(
        and(
          eq(auditLog.organizationId, ctx.organization.id),
          eq(auditLog.entityType, "intervention"),
          eq(auditLog.entityId, row.id),
          eq(auditLog.action, "intervention.submitted"),
        ),
      )
      .orderBy(desc(auditLog.createdAt))
      .limit(1);
    const comment = (entry?.after as { comment?: unknown } | null)?.comment;
    return {
      organizationName: owner?.name ?? ctx.organization.name,
      submittedAt: row.submittedAt,
      submittedBy: entry ? (entry.name ?? entry.label) : null,
      comment: typeof comment === "string" && comment !== "" ? comment : null,
    };
  });
}
