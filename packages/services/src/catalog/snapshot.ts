import { catalogEntries, interventionResults, organizations, resourceShares, type Tx } from "@nns/db";
import { deriveResults, type InterventionContent, percentOneDecimal, STATUS_LABELS_SV } from "@nns/domain";
import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { INTERVENTION_RESOURCE, type InterventionRow } from "./access.js";
import { runningBodyView } from "./running-body.js";
import { placesOf, readVocabularies, type Vocabularies } from "./vocabularies.js";

export interface PublicResult {
  periodStart: string;
  periodEnd: string;
  participants: { women: number; men: number; other: number; total: number };
  outcomes: { code: string; label: string; positive: boolean; count: number; sharePercent: number | null }[];
  positiveSharePercent: number | null;
  averageEnrolmentMonths: number | null;
  costOre: number | null;
  budgetOre: number | null;
  /** Cost as a share of the budget, derived by the same rounding rule as the outcome shares. */
  costOfBudgetPercent: number | null;
}

type ResultRow = typeof interventionResults.$inferSelect;

export function publicResult(row: ResultRow, vocab: Vocabularies): PublicResult {
  const derived = deriveResults(row, vocab.outcomeCategories);
  return {
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    participants: {
      women: row.participantsWomen,
      men: row.participantsMen,
      other: row.participantsOther,
      total: derived.participantsTotal,
    },
    outcomes: derived.outcomeShares.map((share) => {
      const category = vocab.outcomeCategories.find((c) => c.code === share.code);
      return { ...share, label: category?.labelSv ?? share.code, positive: category?.positive ?? false };
    }),
    positiveSharePercent: derived.positiveSharePercent,
    averageEnrolmentMonths: row.averageEnrolmentMonths === null ? null : Number(row.averageEnrolmentMonths),
    costOre: row.costOre,
    budgetOre: row.budgetOre,
    costOfBudgetPercent:
      row.costOre === null || !row.budgetOre ? null : percentOneDecimal(row.costOre, row.budgetOre),
  };
}

export async function resultsOf(
  tx: Tx,
  interventionId: string,
  vocab: Vocabularies,
): Promise<PublicResult[]> {
  const rows = await tx
    .select()
    .from(interventionResults)
    .where(eq(interventionResults.interventionId, interventionId))
    .orderBy(asc(interventionResults.periodStart));
  return rows.map((row) => publicResult(row, vocab));
}

const label = (list: { code: string; labelSv: string }[], code: string) => ({
  code,
  label: list.find((x) => x.code === code)?.labelSv ?? code,
});

/**
 * The public document of an intervention's content: labels resolved, area and co-owners looked up, the
 * results attached. Publishing stores it; the admin's preview renders it from the working copy.
 */
export async function catalogDocument(
  tx: Tx,
  row: InterventionRow,
  version: { revision: number; content: InterventionContent },
) {
  const content = version.content;
  const vocab = await readVocabularies(tx);
  const places = await placesOf(tx, content.municipalityCodes);
  const coOwners = await tx
    .select({ id: organizations.id, name: organizations.name, slug: organizations.slug })
    .from(resourceShares)
    .innerJoin(organizations, eq(organizations.id, resourceShares.organizationId))
    .where(
      and(
        eq(resourceShares.resourceType, INTERVENTION_RESOURCE),
        eq(resourceShares.resourceId, row.id),
        eq(resourceShares.ownerOrganizationId, row.organizationId),
        isNotNull(resourceShares.acceptedAt),
        isNull(resourceShares.revokedAt),
      ),
    );
  const [owner] = await tx
    .select({
      id: organizations.id,
      name: organizations.name,
      slug: organizations.slug,
      kind: organizations.kind,
    })
    .from(organizations)
    .where(inArray(organizations.id, [row.organizationId]));
  const results = await resultsOf(tx, row.id, vocab);
  const document = {
    id: row.id,
    parentId: row.parentId,
    revision: version.revision,
    title: content.title,
    summary: content.summary,
    description: content.description,
    orientation: content.orientation,
    focusArea: label(vocab.focusAreas, content.focusArea),
    targetGroups: content.targetGroups.map((code) => label(vocab.targetGroups, code)),
    targetGroupNote: content.targetGroupNote,
    memberParties: content.memberParties,
    area: places,
    startDate: content.startDate,
    endDate: content.endDate,
    status: content.status,
    statusLabel: STATUS_LABELS_SV[content.status],
    followUpMethod: content.followUpMethod,
    esfFunded: content.esfFunded,
    budget: content.budget,
    goals: content.goals,
    methods: content.methods.map((code) => label(vocab.methods, code)),
    links: content.links,
    contacts: content.contacts,
    runningBody: await runningBodyView(tx, content.runningBody),
    organization: owner ?? null,
    coOwners,
  };
  return { document, places, coOwners, results };
}

/**
 * Writes the public catalogue row of a published intervention from its published content: the only
 * place public readers get data from. Called in the transaction that publishes, and when results of a
 * published intervention are reported.
 */
export async function writeCatalogEntry(
  tx: Tx,
  row: InterventionRow,
  published: { revision: number; content: InterventionContent },
): Promise<void> {
  const content = published.content;
  const { document, places, coOwners, results } = await catalogDocument(tx, row, published);
  const values = {
    organizationId: row.organizationId,
    parentId: row.parentId,
    revision: published.revision,
    title: content.title,
    summary: content.summary,
    description: content.description,
    placeNames: [...places.municipalities, ...places.counties].map((p) => p.name).join(" "),
    orientation: content.orientation,
    focusArea: content.focusArea,
    status: content.status,
    startDate: content.startDate,
    endDate: content.endDate,
    organizationIds: [row.organizationId, ...coOwners.map((c) => c.id)],
    countyCodes: places.counties.map((c) => c.code),
    municipalityCodes: places.municipalities.map((m) => m.code),
    targetGroups: content.targetGroups,
    methods: content.methods,
    memberParties: content.memberParties,
    linkKinds: [...new Set(content.links.map((l) => l.kind))].sort(),
    document,
    results,
    updatedAt: new Date(),
  };
  await tx
    .insert(catalogEntries)
    .values({ interventionId: row.id, firstPublishedAt: values.updatedAt, ...values })
    .onConflictDoUpdate({ target: catalogEntries.interventionId, set: values });
}

/** Refreshes only the results of a published entry; nothing else of it changes without publishing. */
export async function refreshCatalogResults(tx: Tx, interventionId: string): Promise<void> {
  const vocab = await readVocabularies(tx);
  await tx
    .update(catalogEntries)
    .set({ results: await resultsOf(tx, interventionId, vocab), updatedAt: new Date() })
    .where(eq(catalogEntries.interventionId, interventionId));
}

export async function removeCatalogEntry(tx: Tx, interventionId: string): Promise<void> {
  await tx.delete(catalogEntries).where(eq(catalogEntries.interventionId, interventionId));
}
