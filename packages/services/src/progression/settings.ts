// Routes: apps/api/src/routes/progression-privacy — a förbund's own rules for progression data.
import { progressionSettings, transaction } from "@nns/db";
import { fieldError } from "@nns/domain";
import { eq } from "drizzle-orm";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { requireParticipantManager } from "./erasure.js";

/** The column's default (0015_progression.sql): three years after a participant's end date. */
export const DEFAULT_RETENTION_MONTHS = 36;
export const MAX_RETENTION_MONTHS = 120;

export interface ProgressionSettingsView {
  /** Months after a participant's end date until the retention job erases them. */
  retentionMonths: number;
  /** Null while the förbund keeps the default. */
  updatedAt: string | null;
}

export async function getProgressionSettings(ctx: OrgContext): Promise<ProgressionSettingsView> {
  requireParticipantManager(ctx);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const [row] = await tx
      .select()
      .from(progressionSettings)
      .where(eq(progressionSettings.organizationId, ctx.organization.id));
    return row
      ? { retentionMonths: row.retentionMonths, updatedAt: row.updatedAt.toISOString() }
      : { retentionMonths: DEFAULT_RETENTION_MONTHS, updatedAt: null };
  });
}

export async function putProgressionSettings(
  ctx: OrgContext,
  input: { retentionMonths: number },
): Promise<ProgressionSettingsView> {
  requireParticipantManager(ctx);
  const months = input.retentionMonths;
  if (!Number.isInteger(months) || months < 1 || months > MAX_RETENTION_MONTHS) {
    throw fieldError(
      "body.retentionMonths",
      "range",
      `Ange hela månader från 1 till ${MAX_RETENTION_MONTHS} (tio år).`,
    );
  }
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const [before] = await tx
      .select({ retentionMonths: progressionSettings.retentionMonths })
      .from(progressionSettings)
      .where(eq(progressionSettings.organizationId, ctx.organization.id));
    const now = new Date();
    const [row] = await tx
      .insert(progressionSettings)
      .values({ organizationId: ctx.organization.id, retentionMonths: months, updatedAt: now })
      .onConflictDoUpdate({
        target: progressionSettings.organizationId,
        set: { retentionMonths: months, updatedAt: now },
      })
      .returning();
    if (!row) throw new Error("the settings were not stored");
    await audit(tx, ctx, {
      action: "progression.settings_updated",
      entityType: "progression_settings",
      entityId: ctx.organization.id,
      before: { retentionMonths: before?.retentionMonths ?? DEFAULT_RETENTION_MONTHS },
      after: { retentionMonths: row.retentionMonths },
    });
    return { retentionMonths: row.retentionMonths, updatedAt: row.updatedAt.toISOString() };
  });
}
