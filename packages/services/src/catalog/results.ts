import { interventionResults, transaction } from "@nns/db";
import { AppError, ResultCountsError, validateResultCounts } from "@nns/domain";
import { asc, eq } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { loadIntervention } from "./access.js";
import { type PublicResult, publicResult, refreshCatalogResults } from "./snapshot.js";
import { checkReportedOutcomes, readVocabularies } from "./vocabularies.js";

export interface ResultInput {
  periodStart: string;
  periodEnd: string;
  participantsWomen: number;
  participantsMen: number;
  participantsOther: number;
  outcomes: Record<string, number>;
  averageEnrolmentMonths: number | null;
  costOre: number | null;
  budgetOre: number | null;
}

/**
 * Records (or corrects) the results of one reporting period. Shares are derived on reading, never stored.
 * Results are the förbund's own follow-up, so a published entry shows them at once.
 */
export async function recordResults(
  ctx: OrgContext,
  interventionId: string,
  input: ResultInput,
): Promise<PublicResult> {
  requirePermission(ctx, "interventions:write");
  if (input.periodEnd < input.periodStart)
    throw new AppError("validation_failed", "The period ends before it starts.", {
      errors: [
        { field: "body.periodEnd", rule: "not_before_start", message: "Perioden slutar före sin början." },
      ],
    });
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { row } = await loadIntervention(tx, ctx, interventionId, { forUpdate: true });
    const vocab = await readVocabularies(tx);
    await checkReportedOutcomes(tx, row.id, input, vocab);
    try {
      validateResultCounts(input, vocab.outcomeCategories);
    } catch (error) {
      if (!(error instanceof ResultCountsError)) throw error;
      throw new AppError("validation_failed", error.message, {
        errors: [{ field: `body.${error.field}`, rule: error.rule, message: error.message }],
      });
    }
    const values = {
      participantsWomen: input.participantsWomen,
      participantsMen: input.participantsMen,
      participantsOther: input.participantsOther,
      outcomes: input.outcomes,
      averageEnrolmentMonths:
        input.averageEnrolmentMonths === null ? null : String(input.averageEnrolmentMonths),
      costOre: input.costOre,
      budgetOre: input.budgetOre,
    };
    const [saved] = await tx
      .insert(interventionResults)
      .values({
        interventionId: row.id,
        organizationId: row.organizationId,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        ...values,
      })
      .onConflictDoUpdate({
        target: [
          interventionResults.interventionId,
          interventionResults.periodStart,
          interventionResults.periodEnd,
        ],
        set: values,
      })
      .returning();
    if (row.publishedRevision !== null && row.state !== "archived") await refreshCatalogResults(tx, row.id);
    const result = publicResult(saved as typeof interventionResults.$inferSelect, vocab);
    await audit(tx, ctx, {
      action: "intervention.results_recorded",
      entityType: "intervention",
      entityId: row.id,
      after: { periodStart: input.periodStart, periodEnd: input.periodEnd, ...values },
    });
    return result;
  });
}

export async function listResults(ctx: OrgContext, interventionId: string): Promise<PublicResult[]> {
  requirePermission(ctx, "interventions:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { row } = await loadIntervention(tx, ctx, interventionId);
    const vocab = await readVocabularies(tx);
    const rows = await tx
      .select()
      .from(interventionResults)
      .where(eq(interventionResults.interventionId, row.id))
      .orderBy(asc(interventionResults.periodStart));
    return rows.map((r) => publicResult(r, vocab));
  });
}
