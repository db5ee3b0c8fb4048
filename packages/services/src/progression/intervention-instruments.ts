// Routes: apps/api/src/routes/progression-instruments — the instrument versions a förbund measures an
// insats's participants with: its own choice, also for an insats it co-owns (docs/progression-instruments.md).
import {
  progressionInstruments,
  progressionInstrumentVersions,
  progressionInterventionInstruments,
  type Tx,
  transaction,
} from "@nns/db";
import { AppError, type FieldError } from "@nns/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import { loadIntervention } from "../catalog/access.js";
import type { OrgContext } from "../context.js";
import { idLiteral } from "../trainings/seats.js";
import { chosenVersions, summaryWithName } from "./chosen-versions.js";
import type { InstrumentVersionSummary } from "./instruments.js";

export interface InstrumentVersionSummaryWithName extends InstrumentVersionSummary {
  instrumentId: string;
  instrumentName: string;
  placeholder: boolean;
}

/** How many versions one insats may measure with at once; more is a mistake, not a plan. */
export const MAX_INTERVENTION_INSTRUMENTS = 10;

/** The versions with their instruments, where the caller may read them (its own, or national and not draft). */
async function versionsWithInstruments(tx: Tx, ctx: OrgContext, versionIds: readonly string[]) {
  if (versionIds.length === 0) return [];
  return tx
    .select({ version: progressionInstrumentVersions, instrument: progressionInstruments })
    .from(progressionInstrumentVersions)
    .innerJoin(
      progressionInstruments,
      and(
        eq(progressionInstruments.organizationId, progressionInstrumentVersions.organizationId),
        eq(progressionInstruments.id, progressionInstrumentVersions.instrumentId),
      ),
    )
    .where(
      and(
        inArray(progressionInstrumentVersions.id, [...versionIds]),
        sql`(${progressionInstruments.organizationId} = ${ctx.organization.id} or ${progressionInstruments.national})`,
      ),
    )
    .orderBy(asc(progressionInstruments.name), asc(progressionInstrumentVersions.number));
}

async function chosenVersionIds(tx: Tx, ctx: OrgContext, interventionId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: progressionInterventionInstruments.instrumentVersionId })
    .from(progressionInterventionInstruments)
    .where(
      and(
        eq(progressionInterventionInstruments.organizationId, ctx.organization.id),
        eq(progressionInterventionInstruments.interventionId, interventionId),
      ),
    );
  return rows.map((r) => r.id);
}

async function chosenView(
  tx: Tx,
  ctx: OrgContext,
  interventionId: string,
): Promise<InstrumentVersionSummaryWithName[]> {
  return (await chosenVersions(tx, ctx.organization.id, interventionId)).map(summaryWithName);
}

/** The versions the förbund has chosen for the insats, by instrument name and version number. */
export async function getInterventionInstruments(
  ctx: OrgContext,
  interventionId: string,
): Promise<{ items: InstrumentVersionSummaryWithName[] }> {
  requirePermission(ctx, "org:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    await loadIntervention(tx, ctx, interventionId);
    return { items: await chosenView(tx, ctx, interventionId) };
  });
}

/**
 * Sets the versions the förbund measures the insats with, replacing its earlier choice. A version newly
 * chosen must be published, of the förbund's own instrument or a national one, and not archived; one
 * already chosen may stay after it is retired, so its participants keep being followed up.
 */
export async function setInterventionInstruments(
  ctx: OrgContext,
  interventionId: string,
  versionIds: readonly string[],
): Promise<{ items: InstrumentVersionSummaryWithName[] }> {
  requirePermission(ctx, "progression:manage");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    await loadIntervention(tx, ctx, interventionId);
    // Two managers saving at once must not both delete and then both insert.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended('progression_intervention_instruments:' || ${idLiteral(ctx.organization.id)} || ${idLiteral(interventionId)}, 0))`,
    );
    const before = await chosenVersionIds(tx, ctx, interventionId);
    const found = new Map((await versionsWithInstruments(tx, ctx, versionIds)).map((r) => [r.version.id, r]));
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    versionIds.forEach((id, i) => {
      const field = `body.versionIds.${i}`;
      const row = found.get(id);
      if (seen.has(id)) errors.push({ field, rule: "duplicate", message: "Versionen finns redan i listan." });
      else if (!row || row.version.status === "draft")
        errors.push({
          field,
          rule: "published_version",
          message: "Välj en publicerad version av ett instrument ni kan använda.",
        });
      else if (!before.includes(id) && row.version.status === "retired")
        errors.push({
          field,
          rule: "published_version",
          message: "Versionen är avvecklad och kan inte väljas på nytt.",
        });
      else if (!before.includes(id) && row.instrument.archivedAt)
        errors.push({
          field,
          rule: "archived_instrument",
          message: "Instrumentet är arkiverat och kan inte väljas.",
        });
      seen.add(id);
    });
    if (errors[0]) throw new AppError("validation_failed", errors[0].message, { errors });
    await tx
      .delete(progressionInterventionInstruments)
      .where(
        and(
          eq(progressionInterventionInstruments.organizationId, ctx.organization.id),
          eq(progressionInterventionInstruments.interventionId, interventionId),
        ),
      );
    if (versionIds.length > 0)
      await tx.insert(progressionInterventionInstruments).values(
        versionIds.map((id) => ({
          organizationId: ctx.organization.id,
          interventionId,
          instrumentOrganizationId: found.get(id)?.version.organizationId ?? "",
          instrumentVersionId: id,
        })),
      );
    await audit(tx, ctx, {
      action: "progression.intervention_instruments_set",
      entityType: "intervention",
      entityId: interventionId,
      before: { versionIds: before },
      after: { versionIds: [...versionIds] },
    });
    return { items: await chosenView(tx, ctx, interventionId) };
  });
}
