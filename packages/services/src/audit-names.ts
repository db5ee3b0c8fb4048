import {
  apiKeys,
  interventions,
  invoices,
  newsletterPublications,
  organizations,
  type Tx,
  trainers,
  trainings,
  webhookEndpoints,
} from "@nns/db";
import { inArray, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

interface NameSource {
  table: PgTable;
  id: PgColumn;
  name: PgColumn | SQL<string>;
}

/**
 * Where the name of each kind of logged object is kept, so the log shows "Utbildning: Grundkurs" instead of
 * an id. Read inside the caller's scoped transaction: row-level security hides what the organization may
 * not see, and such an entry keeps only its type.
 */
const NAME_SOURCES: Partial<Record<string, NameSource>> = {
  training: { table: trainings, id: trainings.id, name: trainings.title },
  organization: { table: organizations, id: organizations.id, name: organizations.name },
  trainer: { table: trainers, id: trainers.id, name: trainers.name },
  intervention: {
    table: interventions,
    id: interventions.id,
    name: sql<string>`${interventions.content}->>'title'`,
  },
  invoice: { table: invoices, id: invoices.id, name: invoices.number },
  newsletter_publication: {
    table: newsletterPublications,
    id: newsletterPublications.id,
    name: newsletterPublications.name,
  },
  api_key: { table: apiKeys, id: apiKeys.id, name: apiKeys.name },
  webhook_endpoint: { table: webhookEndpoints, id: webhookEndpoints.id, name: webhookEndpoints.url },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `entityType:entityId` → name, for the entries of one page (one query per kind of object on it). */
export async function entityNames(
  tx: Tx,
  entries: readonly { entityType: string; entityId: string | null }[],
): Promise<Map<string, string>> {
  const idsByType = new Map<string, Set<string>>();
  for (const { entityType, entityId } of entries) {
    if (!entityId || !UUID.test(entityId) || !NAME_SOURCES[entityType]) continue;
    const ids = idsByType.get(entityType) ?? new Set<string>();
    ids.add(entityId);
    idsByType.set(entityType, ids);
  }
  const names = new Map<string, string>();
  for (const [entityType, ids] of idsByType) {
    const source = NAME_SOURCES[entityType] as NameSource;
    const rows = (await tx
      .select({ id: source.id, name: source.name })
      .from(source.table)
      .where(inArray(source.id, [...ids]))) as { id: string; name: string | null }[];
    for (const row of rows) if (row.name) names.set(`${entityType}:${row.id}`, row.name);
  }
  return names;
}
