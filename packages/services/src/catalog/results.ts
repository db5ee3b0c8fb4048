// Serves routes/interventions (the results routes) and the editorial queue of result reports.
import { catalogEntries, interventionResults, organizations, type Tx, transaction } from "@nns/db";
import {
  AppError,
  type BudgetLine,
  budgetTotals,
  type Page,
  type ParticipantSurvey,
  type ReportKind,
  ResultCountsError,
  type SocioEconomicEvaluation,
  type SubOutcome,
  validateResultCounts,
  validateResultDetails,
} from "@nns/domain";
import { and, asc, eq } from "drizzle-orm";
import { requireNnsAdmin, requirePermission } from "../access.js";
import { actorFields, audit } from "../audit.js";
import type { OrgContext, ServiceContext } from "../context.js";
import { keyset, type PageRequest } from "../pagination.js";
import { type InterventionRow, loadIntervention } from "./access.js";
import { type ResultReport, resultReport, workingValues } from "./result-view.js";
import { refreshCatalogResults } from "./snapshot.js";
import { checkReportedOutcomes, readVocabularies } from "./vocabularies.js";
import { publisherFor } from "./workflow.js";

export interface ResultInput {
  periodStart: string;
  periodEnd: string;
  /** What the figures cover; `interval` when not said (the API's default). */
  kind?: ReportKind | undefined;
  participantsWomen: number;
  participantsMen: number;
  participantsOther: number;
  outcomes: Record<string, number>;
  averageEnrolmentMonths: number | null;
  /** With budget lines: null or the lines' sum (400 `sum_of_budget_lines`); it is derived from them. */
  costOre: number | null;
  budgetOre: number | null;
  budgetLines?: BudgetLine[] | undefined;
  subOutcomes?: SubOutcome[] | undefined;
  assessedNotEnrolled?: number | null | undefined;
  survey?: ParticipantSurvey | null | undefined;
  socioEconomic?: SocioEconomicEvaluation | null | undefined;
}

const invalid = (field: string, rule: string, message: string) =>
  new AppError("validation_failed", message, { errors: [{ field: `body.${field}`, rule, message }] });

/** The stored values of an input, checked; cost and budget derived from budget lines when there are any. */
async function checkedValues(tx: Tx, interventionId: string, input: ResultInput) {
  const vocab = await readVocabularies(tx);
  await checkReportedOutcomes(tx, interventionId, input, vocab);
  const details = {
    budgetLines: input.budgetLines ?? [],
    subOutcomes: input.subOutcomes ?? [],
    assessedNotEnrolled: input.assessedNotEnrolled ?? null,
    survey: input.survey ?? null,
    socioEconomic: input.socioEconomic ?? null,
  };
  try {
    validateResultCounts(input, vocab.outcomeCategories);
    validateResultDetails(details, input, vocab.outcomeCategories);
  } catch (error) {
    if (!(error instanceof ResultCountsError)) throw error;
    throw invalid(error.field, error.rule, error.message);
  }
  const money = budgetTotals(details.budgetLines, input);
  for (const field of ["costOre", "budgetOre"] as const)
    if (input[field] !== null && input[field] !== money[field])
      throw invalid(
        field,
        "sum_of_budget_lines",
        `Med budgetrader räknas beloppet fram ur dem (${money[field] ?? "inget"} öre); lämna det tomt.`,
      );
  return {
    vocab,
    values: {
      kind: input.kind ?? ("interval" as const),
      participantsWomen: input.participantsWomen,
      participantsMen: input.participantsMen,
      participantsOther: input.participantsOther,
      outcomes: input.outcomes,
      averageEnrolmentMonths:
        input.averageEnrolmentMonths === null ? null : String(input.averageEnrolmentMonths),
      ...money,
      ...details,
    },
  };
}

/** Whether this actor's reports go public without review: the same rule as publishing the entry itself. */
async function publishesDirectly(tx: Tx, ctx: OrgContext, isOwner: boolean): Promise<boolean> {
  const publisher = await publisherFor(tx, ctx, isOwner);
  return publisher.editorial || publisher.selfPublishing;
}

/** Makes a row's working figures its public ones; refreshes a published entry's public results. */
async function publishRow(tx: Tx, ctx: OrgContext, entry: InterventionRow, id: string) {
  const [row] = await tx.select().from(interventionResults).where(eq(interventionResults.id, id));
  if (!row) throw new AppError("not_found", "The result report does not exist.");
  const [published] = await tx
    .update(interventionResults)
    .set({
      state: "published",
      published: workingValues(row),
      submittedAt: null,
      publishedAt: new Date(),
      publishedByLabel: actorFields(ctx).actorLabel,
    })
    .where(eq(interventionResults.id, id))
    .returning();
  if (entry.publishedRevision !== null && entry.state !== "archived")
    await refreshCatalogResults(tx, entry.id);
  return published as typeof interventionResults.$inferSelect;
}

/**
 * Records (or corrects) the report of one period. Shares are derived on reading, never stored. Who may
 * publish the entry (NNS's editors, a self-publishing förbund's administrators) publishes the report at
 * once; anyone else submits it, and the public keeps the figures last published until NNS publishes it.
 */
export async function recordResults(
  ctx: OrgContext,
  interventionId: string,
  input: ResultInput,
): Promise<ResultReport> {
  requirePermission(ctx, "interventions:write");
  if (input.periodEnd < input.periodStart)
    throw invalid("periodEnd", "not_before_start", "Perioden slutar före sin början.");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { row, isOwner } = await loadIntervention(tx, ctx, interventionId, { forUpdate: true });
    const { vocab, values } = await checkedValues(tx, row.id, input);
    const direct = await publishesDirectly(tx, ctx, isOwner);
    const review = { state: "submitted" as const, submittedAt: new Date() };
    const [saved] = await tx
      .insert(interventionResults)
      .values({
        interventionId: row.id,
        organizationId: row.organizationId,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        ...values,
        ...review,
      })
      .onConflictDoUpdate({
        target: [
          interventionResults.interventionId,
          interventionResults.periodStart,
          interventionResults.periodEnd,
        ],
        set: { ...values, ...review },
      })
      .returning();
    const report = direct ? await publishRow(tx, ctx, row, (saved as { id: string }).id) : saved;
    const result = resultReport(report as typeof interventionResults.$inferSelect, vocab);
    await audit(tx, ctx, {
      action: "intervention.results_recorded",
      entityType: "intervention",
      entityId: row.id,
      after: { periodStart: input.periodStart, periodEnd: input.periodEnd, ...values, state: result.state },
    });
    return result;
  });
}

/** The förbund's reports with their working figures and review state, oldest first. */
export async function listResults(ctx: OrgContext, interventionId: string): Promise<ResultReport[]> {
  requirePermission(ctx, "interventions:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { row } = await loadIntervention(tx, ctx, interventionId);
    const vocab = await readVocabularies(tx);
    const rows = await tx
      .select()
      .from(interventionResults)
      .where(eq(interventionResults.interventionId, row.id))
      .orderBy(asc(interventionResults.periodEnd), asc(interventionResults.periodStart));
    return rows.map((r) => resultReport(r, vocab));
  });
}

/**
 * Publishes a submitted report: NNS's editors, or a self-publishing förbund's administrators, as for the
 * entry. The public entry shows its figures from then on.
 */
export async function publishResults(
  ctx: OrgContext,
  interventionId: string,
  resultId: string,
): Promise<ResultReport> {
  requirePermission(ctx, "interventions:write");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { row, isOwner } = await loadIntervention(tx, ctx, interventionId, { forUpdate: true });
    if (!(await publishesDirectly(tx, ctx, isOwner)))
      throw new AppError("forbidden", "Only NNS's editors, or a self-publishing förbund, publish results.");
    const [report] = await tx
      .select()
      .from(interventionResults)
      .where(and(eq(interventionResults.id, resultId), eq(interventionResults.interventionId, row.id)));
    if (!report) throw new AppError("not_found", "The result report does not exist.");
    if (report.state !== "submitted") throw new AppError("conflict", "The report is already published.");
    const published = await publishRow(tx, ctx, row, report.id);
    await audit(tx, ctx, {
      action: "intervention.results_published",
      entityType: "intervention",
      entityId: row.id,
      before: { state: report.state },
      after: {
        resultId: report.id,
        periodStart: report.periodStart,
        periodEnd: report.periodEnd,
        state: "published",
      },
    });
    return resultReport(published, await readVocabularies(tx));
  });
}

export interface ResultQueueItem {
  id: string;
  interventionId: string;
  organizationId: string;
  organizationName: string;
  /** The entry's title in the public catalogue; null for an entry not (yet) in it. */
  interventionTitle: string | null;
  kind: ReportKind;
  periodStart: string;
  periodEnd: string;
  submittedAt: Date;
}

/**
 * NNS's editorial queue of result reports: submitted reports of every förbund, oldest first, reached
 * through the `editorial_queue` policy on intervention_results once the actor is known to be an editor.
 */
export async function listResultsQueue(
  ctx: ServiceContext,
  page: PageRequest,
): Promise<Page<ResultQueueItem>> {
  requireNnsAdmin(ctx, "catalog:editorial");
  const keys = keyset(page, interventionResults.submittedAt, interventionResults.id, "asc");
  return transaction(ctx.deps.db, { settings: { "app.catalog_editorial": "on" } }, async (tx) => {
    const rows = await tx
      .select({
        report: interventionResults,
        organizationName: organizations.name,
        title: catalogEntries.title,
      })
      .from(interventionResults)
      .innerJoin(organizations, eq(organizations.id, interventionResults.organizationId))
      .leftJoin(catalogEntries, eq(catalogEntries.interventionId, interventionResults.interventionId))
      .where(and(eq(interventionResults.state, "submitted"), keys.after))
      .orderBy(...keys.orderBy)
      .limit(keys.limit);
    const items = rows.map(({ report, organizationName, title }) => ({
      id: report.id,
      interventionId: report.interventionId,
      organizationId: report.organizationId,
      organizationName,
      interventionTitle: title,
      kind: report.kind,
      periodStart: report.periodStart,
      periodEnd: report.periodEnd,
      submittedAt: report.submittedAt as Date,
    }));
    return keys.page(items, (i) => [i.submittedAt, i.id]);
  });
}
