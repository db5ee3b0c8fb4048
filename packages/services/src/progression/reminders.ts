// The daily job `progression.reminders` (jobs/background.ts): each coach's due and overdue occasions.
import { emails, memberships, organizations, transaction, users } from "@nns/db";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { enterOrganization } from "../access.js";
import { type Deps, systemContext } from "../context.js";
import { progressionReminderEmail } from "../mail/progression-templates.js";
import { stockholmDate } from "../trainings/scope.js";
import { withParticipantAccess } from "./access.js";
import { type DueOccasion, openOccasions } from "./due-occasions.js";

export const REMINDER_TEMPLATE = "progression_reminder";

/** Where the reminder's button leads: the förbund's participant list in the admin app. */
export function participantListUrl(publicUrl: string, organizationId: string): string {
  return `${publicUrl}/o/${organizationId}/deltagare`;
}

/**
 * Sends every coach of every förbund one email listing the occasions now due or overdue for their
 * participants, by code only. At most one a coach and förbund per Swedish calendar day: a rerun of the
 * day (the queue retries, or two processes) finds the day's email in the outbox under a lock on the
 * coach and day, and sends nothing more. Coaches who are no longer coach or administrator in the
 * förbund, or whose account is disabled, get nothing. The job reads participants as the system for
 * no person, so it writes no access-log entries: only the coach, who may see these participants, reads
 * the result.
 */
export async function sendProgressionReminders(
  deps: Deps,
  today: string = stockholmDate(),
): Promise<{ sent: number }> {
  const forbund = await transaction(deps.db, {}, (tx) =>
    tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.kind, "forbund"), isNull(organizations.deletedAt))),
  );
  let sent = 0;
  for (const { id } of forbund) {
    const ctx = await enterOrganization(systemContext(deps, "progression-reminders"), id);
    const open = await withParticipantAccess(ctx, (tx) => openOccasions(tx, id, today, 0));
    const byCoach = new Map<string, DueOccasion[]>();
    for (const occasion of open) {
      if (!occasion.coach || occasion.state === "upcoming") continue;
      byCoach.set(occasion.coach.id, [...(byCoach.get(occasion.coach.id) ?? []), occasion]);
    }
    for (const [coachId, due] of byCoach) {
      const queued = await transaction(deps.db, { organizationId: id }, async (tx) => {
        const [coach] = await tx
          .select({ email: users.email, name: users.name })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(
            and(
              eq(memberships.organizationId, id),
              eq(memberships.userId, coachId),
              inArray(memberships.role, ["coach", "org_admin"]),
              isNull(users.disabledAt),
            ),
          );
        if (!coach) return false;
        await tx.execute(
          sql`select pg_advisory_xact_lock(hashtextextended(${`progression-reminder/${id}/${coachId}/${today}`}, 0))`,
        );
        const [already] = await tx
          .select({ id: emails.id })
          .from(emails)
          .where(
            and(
              eq(emails.organizationId, id),
              eq(emails.template, REMINDER_TEMPLATE),
              eq(emails.toAddress, coach.email),
              sql`(${emails.createdAt} at time zone 'Europe/Stockholm')::date = ${today}::date`,
            ),
          )
          .limit(1);
        if (already) return false;
        await deps.mailer.queue(
          tx,
          await progressionReminderEmail({
            to: coach.email,
            coachName: coach.name,
            organizationName: ctx.organization.name,
            organizationId: id,
            counts: {
              participants: new Set(due.map((o) => o.code)).size,
              occasions: due.length,
              overdue: due.filter((o) => o.state === "overdue").length,
            },
            url: participantListUrl(deps.config.publicUrl, id),
          }),
        );
        return true;
      });
      if (queued) sent += 1;
    }
  }
  return { sent };
}
