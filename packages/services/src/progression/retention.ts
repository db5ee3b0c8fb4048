// The daily job `progression.retention` (jobs/background.ts); docs/progression-privacy.md.
import { organizations, progressionParticipants, progressionSettings, transaction } from "@nns/db";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { enterOrganization } from "../access.js";
import { type Deps, systemContext } from "../context.js";
import { stockholmDate } from "../trainings/scope.js";
import { withParticipantAccess } from "./access.js";
import { eraseParticipantIn } from "./erasure.js";
import { DEFAULT_RETENTION_MONTHS } from "./settings.js";

export const RETENTION_JOB = "progression.retention" as const;

/**
 * Erases, förbund by förbund under its own row-level scope, every participant whose end date lies more
 * than the förbund's retention period (progression_settings, default 36 months) before `today` (a
 * Swedish calendar day). Each erasure is the same as a manager's: access-log entry and audit entry by the
 * system. Participants still taking part (no end date) are never erased by time.
 */
export async function runProgressionRetention(
  deps: Deps,
  today: string = stockholmDate(),
): Promise<{ erased: number }> {
  const forbund = await transaction(deps.db, {}, (tx) =>
    tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.kind, "forbund"), isNull(organizations.deletedAt))),
  );
  let erased = 0;
  for (const { id } of forbund) {
    const ctx = await enterOrganization(systemContext(deps, RETENTION_JOB), id);
    erased += await withParticipantAccess(ctx, async (tx) => {
      const [settings] = await tx
        .select({ months: progressionSettings.retentionMonths })
        .from(progressionSettings)
        .where(eq(progressionSettings.organizationId, id));
      const months = settings?.months ?? DEFAULT_RETENTION_MONTHS;
      // PostgreSQL's month arithmetic keeps the day where the month has it and else takes its last day.
      const cutoff = sql`(${today}::date - make_interval(months => ${months}::int))::date`;
      const due = await tx
        .select({ id: progressionParticipants.id, code: progressionParticipants.code })
        .from(progressionParticipants)
        .where(
          and(eq(progressionParticipants.organizationId, id), lt(progressionParticipants.endDate, cutoff)),
        );
      for (const participant of due) await eraseParticipantIn(tx, ctx, participant);
      return due.length;
    });
  }
  return { erased };
}
