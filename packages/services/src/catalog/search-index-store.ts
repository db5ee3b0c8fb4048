// Loading the in-memory catalogue index and keeping one per database, reloaded when the catalogue changes.
import { type Database, rowsOf, setScope, type Tx } from "@nns/db";
import { sql } from "drizzle-orm";
import { CatalogIndex } from "./search-index.js";
import type { Facet } from "./search-results.js";

/** One row of catalog_entries as the index reads it. */
export interface IndexRow {
  intervention_id: string;
  search: string;
  county_codes: string[];
  municipality_codes: string[];
  target_groups: string[];
  orientation: string;
  status: string;
  methods: string[];
  organization_ids: string[];
  member_parties: string[];
  link_kinds: string[];
  start_date: string | null;
  end_date: string | null;
  first_published_at: unknown;
  updated_at: unknown;
  document: unknown;
}

export interface LabelRow {
  facet: Facet;
  value: string;
  label: string;
}

/** The entries, with only the part of the document that lists show (summaryOf). */
const ENTRIES = sql`select intervention_id::text as intervention_id, search::text as search, county_codes,
    municipality_codes, target_groups, orientation, status, methods, organization_ids::text[] as organization_ids,
    member_parties, link_kinds, start_date::text as start_date, end_date::text as end_date, first_published_at, updated_at,
    jsonb_build_object('title', document->'title', 'summary', document->'summary',
      'organization', document->'organization', 'orientation', document->'orientation',
      'status', document->'status', 'startDate', document->'startDate', 'endDate', document->'endDate',
      'area', jsonb_build_object('municipalities', document->'area'->'municipalities'),
      'targetGroups', document->'targetGroups') as document
  from catalog_entries order by first_published_at desc, intervention_id desc`;

/** The labels the SQL search joins in, per facet. */
const LABELS = sql`select 'county' as facet, code as value, name as label from counties
  union all select 'municipality', code, name from municipalities
  union all select 'targetGroup', code, label_sv from catalog_target_groups
  union all select 'method', code, label_sv from catalog_methods
  union all select 'linkKind', code, label_sv from catalog_link_kinds
  union all select 'organization', id::text, name from organizations
    where id in (select unnest(organization_ids) from catalog_entries)`;

/**
 * Reads the catalogue and its generation in one snapshot (repeatable read), so the index is exactly the
 * catalogue of its generation, whatever commits meanwhile. Public data only: no organization is set.
 */
async function loadIndex(db: Database): Promise<CatalogIndex> {
  return db.app.transaction(
    async (tx) => {
      await setScope(tx as unknown as Tx, {});
      const [row] = rowsOf<{ generation: string }>(
        await tx.execute(sql`select generation::text as generation from catalog_generation`),
      );
      const entries = rowsOf<IndexRow>(await tx.execute(ENTRIES));
      const labels = rowsOf<LabelRow>(await tx.execute(LABELS));
      return new CatalogIndex(BigInt(row?.generation ?? 0), entries, labels);
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  ) as Promise<CatalogIndex>;
}

interface IndexStore {
  index: CatalogIndex | null;
  /** When the current index's load began (performance.now()). */
  loadedFrom: number;
  loading: Promise<void> | null;
}

// One index per database: tests and benchmarks open several databases in one process.
const stores = new WeakMap<Database, IndexStore>();

/**
 * The index for a search that read `generation`, which finished reading it at `readAt`
 * (performance.now()). The index of that generation serves; so does one whose load began after the read,
 * since its snapshot holds every commit the read saw. Any other generation, older or (after a restore
 * from backup) newer, is reloaded. One load at a time per process; searches that need it wait for it.
 */
export async function catalogIndex(db: Database, generation: bigint, readAt: number): Promise<CatalogIndex> {
  let store = stores.get(db);
  if (!store) {
    store = { index: null, loadedFrom: 0, loading: null };
    stores.set(db, store);
  }
  const s = store;
  while (!s.index || (s.index.generation !== generation && s.loadedFrom < readAt)) {
    if (!s.loading) {
      const startedAt = performance.now();
      s.loading = loadIndex(db)
        .then((index) => {
          s.index = index;
          s.loadedFrom = startedAt;
        })
        .finally(() => {
          s.loading = null;
        });
    }
    await s.loading;
  }
  return s.index;
}
