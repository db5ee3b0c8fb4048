import { catalogEntries, organizations, resourceShares, type Tx } from "@nns/db";
import { type InterventionContent, STATUS_LABELS_SV } from "@nns/domain";
import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { INTERVENTION_RESOURCE, type InterventionRow } from "./access.js";
import { resultsOf } from "./result-view.js";
import { runningBodyView } from "./running-body.js";
import { placesOf, readVocabularies } from "./vocabularies.js";

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

/** Refreshes only the published results of a published entry; nothing else of it changes without publishing. */
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
