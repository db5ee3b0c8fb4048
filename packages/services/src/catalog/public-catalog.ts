import { catalogEntries, rowsOf, type Tx, transaction } from "@nns/db";
import { AppError, type KeysetCursor, toPage } from "@nns/domain";
import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Deps } from "../context.js";
import { afterCursor, type PageRequest } from "../pagination.js";
import type { PublicResult } from "./result-view.js";
import { cachedSearch, readSearchState, searchTsQuery } from "./search-cache.js";
import { catalogIndex } from "./search-index-store.js";
import {
  type CatalogQuery,
  type CatalogSearchResult,
  decodeSearchCursor,
  emptyFacets,
  FACETS,
  type Facet,
  facetLabel,
  iso,
  sortFacetCounts,
  sortKindOf,
  summaryOf,
} from "./search-results.js";
import { parseTsQuery } from "./tsquery.js";

/**
 * The public catalogue. Everything here reads `catalog_entries`, which holds published versions only, in
 * a transaction without any organization: the public path has no way to reach a draft.
 */
const COLUMN: Record<Facet, SQL> = {
  county: sql`county_codes`,
  municipality: sql`municipality_codes`,
  targetGroup: sql`target_groups`,
  orientation: sql`array[orientation]`,
  status: sql`array[status]`,
  method: sql`methods`,
  organization: sql`organization_ids::text[]`,
  memberParty: sql`member_parties`,
  linkKind: sql`link_kinds`,
};

/** The facet filters (values of one facet combine with "or"), leaving out `except`'s own. */
function facetConditions(query: CatalogQuery, except?: Facet): SQL[] {
  const where: SQL[] = [];
  for (const facet of FACETS) {
    const values = query.filters[facet];
    if (facet !== except && values && values.length > 0)
      where.push(
        sql`${COLUMN[facet]} && array[${sql.join(
          values.map((v) => sql`${v}`),
          sql`, `,
        )}]::text[]`,
      );
  }
  return where;
}

/** Text and period: the conditions every facet count applies. */
function baseConditions(query: CatalogQuery): SQL[] {
  const where: SQL[] = [];
  if (query.q) where.push(sql`search @@ ${searchTsQuery(query.q)}`);
  if (query.to) where.push(sql`(start_date is null or start_date <= ${query.to}::date)`);
  if (query.from) where.push(sql`(end_date is null or end_date >= ${query.from}::date)`);
  return where;
}

function conditions(query: CatalogQuery): SQL[] {
  return [...baseConditions(query), ...facetConditions(query)];
}

const whereClause = (where: SQL[]) => (where.length > 0 ? sql`where ${sql.join(where, sql` and `)}` : sql``);

/** The sort key as a comparable SQL expression, and its type for comparing a cursor's key. */
function sortKey(query: CatalogQuery): { key: SQL; cast: SQL } {
  switch (sortKindOf(query)) {
    case "relevance":
      return {
        key: sql`round(ts_rank(search, ${searchTsQuery(query.q as string)})::numeric, 6)`,
        cast: sql`numeric`,
      };
    case "start":
      return { key: sql`coalesce(start_date, '0001-01-01'::date)`, cast: sql`date` };
    case "newest":
      return { key: sql`first_published_at`, cast: sql`timestamptz` };
  }
}

type FacetRow = { facet: Facet | "total"; value: string; n: number; label: string | null };
type PageRow = {
  intervention_id: string;
  sort_key: string;
  document: unknown;
  first_published_at: string;
  updated_at: string;
};

/**
 * The whole search in one statement: the matches are found once, then the page (after the cursor) and
 * the counts per facet value over every match, with their labels, come back as two JSON values. Round
 * trips and repeated scans are what cost under load, so there is one of each.
 */
function searchStatement(query: CatalogQuery, cursor: KeysetCursor | null, limit: number): SQL {
  const { key, cast } = sortKey(query);
  const after =
    afterCursor(
      sql`sort_key`,
      sql`intervention_id`,
      cursor && { value: sql`${cursor.k}::${cast}`, id: sql`${cursor.id}::uuid` },
      "desc",
    ) ?? sql`true`;
  // A facet the search filters on is counted without its own filter, so its other values stay offered
  // (ticking a second län widens the search): one more index scan per filtered facet. Every other facet
  // is counted over the matches.
  const parts = FACETS.map((facet) =>
    query.filters[facet]?.length
      ? sql`select ${facet}::text as facet, v as value, count(*)::int as n
          from catalog_entries, unnest(${COLUMN[facet]}) as v
          ${whereClause([...baseConditions(query), ...facetConditions(query, facet)])} group by v`
      : sql`select ${facet}::text as facet, v as value, count(*)::int as n from hits, unnest(${COLUMN[facet]}) as v group by v`,
  );
  return sql`with hits as materialized (
      select intervention_id, ${key} as sort_key, county_codes, municipality_codes, target_groups, orientation,
        status, methods, organization_ids, member_parties, link_kinds
      from catalog_entries ${whereClause(conditions(query))}),
    counts as (
      select 'total'::text as facet, ''::text as value, count(*)::int as n from hits
      union all ${sql.join(parts, sql` union all `)}),
    labelled as (
      select c.facet, c.value, c.n, coalesce(co.name, m.name, tg.label_sv, me.label_sv, o.name, lk.label_sv) as label
      from counts c
        left join counties co on c.facet = 'county' and co.code = c.value
        left join municipalities m on c.facet = 'municipality' and m.code = c.value
        left join catalog_target_groups tg on c.facet = 'targetGroup' and tg.code = c.value
        left join catalog_methods me on c.facet = 'method' and me.code = c.value
        left join organizations o on c.facet = 'organization' and o.id::text = c.value
        left join catalog_link_kinds lk on c.facet = 'linkKind' and lk.code = c.value),
    page as (
      select intervention_id, sort_key from hits where ${after}
      order by sort_key desc, intervention_id desc limit ${limit + 1})
    select
      (select coalesce(json_agg(json_build_object('intervention_id', p.intervention_id, 'sort_key', p.sort_key::text,
          'document', e.document, 'first_published_at', e.first_published_at, 'updated_at', e.updated_at)
          order by p.sort_key desc, p.intervention_id desc), '[]'::json)
        from page p join catalog_entries e using (intervention_id)) as page,
      (select coalesce(json_agg(labelled), '[]'::json) from labelled) as facets`;
}

/** The search statement as text and parameters, for benchmarks that issue it without the API. */
export function catalogSearchSql(query: CatalogQuery, limit: number): { sql: string; params: unknown[] } {
  return new PgDialect().sqlToQuery(searchStatement(query, null, limit));
}

function facetsOf(rows: FacetRow[]) {
  const facets = emptyFacets();
  let total = 0;
  for (const row of rows) {
    if (row.facet === "total") {
      total = Number(row.n);
      continue;
    }
    facets[row.facet].push({
      value: row.value,
      label: facetLabel(row.facet, row.value, row.label),
      count: Number(row.n),
    });
  }
  return { total, facets: sortFacetCounts(facets) };
}

/** Filters in a fixed order, so that the same search spelled differently shares one cache entry. */
function searchKey(query: CatalogQuery, page: PageRequest): string {
  const filters = FACETS.flatMap((facet) => {
    const values = query.filters[facet];
    return values && values.length > 0 ? [[facet, [...new Set(values)].sort()]] : [];
  });
  return JSON.stringify([
    query.q ?? "",
    filters,
    query.from ?? "",
    query.to ?? "",
    query.sort,
    page.cursor ?? "",
    page.limit,
  ]);
}

/**
 * The search computed by PostgreSQL in one statement. The in-memory index answers alike (tests compare
 * the two); this is its reference, and the path for a text query the index does not evaluate.
 */
export async function searchCatalogInDatabase(
  deps: Deps,
  query: CatalogQuery,
  page: PageRequest,
): Promise<CatalogSearchResult> {
  const cursor = decodeSearchCursor(query, page.cursor);
  return transaction(deps.db, {}, async (tx) => {
    const statement = searchStatement(query, cursor, page.limit);
    const [row] = rowsOf<{ page: PageRow[]; facets: FacetRow[] }>(await tx.execute(statement));
    const { data, nextCursor } = toPage(row?.page ?? [], page.limit, (r) => ({
      k: r.sort_key,
      id: r.intervention_id,
    }));
    return {
      data: data.map(summaryOf),
      nextCursor,
      ...facetsOf(row?.facets ?? []),
    };
  });
}

/**
 * A public search, answered from the process's in-memory index of the current catalogue generation
 * (see search-index.ts and decision 0008), and from the answer cache when repeated. One round trip reads
 * the generation and has PostgreSQL parse the text query. The answers are shared between callers:
 * treat them as read-only.
 */
export async function searchCatalog(
  deps: Deps,
  query: CatalogQuery,
  page: PageRequest,
): Promise<CatalogSearchResult> {
  // A bad cursor is refused before any database work.
  const cursor = decodeSearchCursor(query, page.cursor);
  const state = await readSearchState(deps, query.q);
  const readAt = performance.now();
  return cachedSearch(deps, searchKey(query, page), state.generation, async () => {
    const text = query.q ? parseTsQuery(state.tsquery ?? "") : null;
    if (query.q && !text) return searchCatalogInDatabase(deps, query, page);
    const index = await catalogIndex(deps.db, BigInt(state.generation), readAt);
    return index.search(query, text, cursor, page.limit);
  });
}

export interface CatalogEntryView {
  document: Record<string, unknown>;
  results: PublicResult[];
  firstPublishedAt: string;
  updatedAt: string;
}

function entryView(row: Record<string, unknown>): CatalogEntryView {
  return {
    document: row.document as Record<string, unknown>,
    results: row.results as PublicResult[],
    firstPublishedAt: iso(row.first_published_at),
    updatedAt: iso(row.updated_at),
  };
}

export interface RelatedEntries {
  /** The national or regional project this is a delprojekt of, when that is published too. */
  parent: { id: string; title: string } | null;
  /** Its published delprojekt. */
  parts: { id: string; title: string }[];
}

/** The published parent and published delprojekt of an intervention, by title. */
export async function relatedEntries(
  tx: Tx,
  interventionId: string,
  parentId: string | null,
): Promise<RelatedEntries> {
  const related = rowsOf<{ id: string; title: string; relation: "parent" | "part" }>(
    await tx.execute(sql`select intervention_id as id, title, 'parent' as relation from catalog_entries
        where intervention_id = ${parentId}::uuid
      union all
      select intervention_id, title, 'part' from catalog_entries where parent_id = ${interventionId}::uuid
      order by 2`),
  );
  const parent = related.find((r) => r.relation === "parent");
  return {
    parent: parent ? { id: parent.id, title: parent.title } : null,
    parts: related.filter((r) => r.relation === "part").map((r) => ({ id: r.id, title: r.title })),
  };
}

export async function getCatalogEntry(
  deps: Deps,
  interventionId: string,
): Promise<CatalogEntryView & { related: RelatedEntries }> {
  return transaction(deps.db, {}, async (tx) => {
    const rows = rowsOf<Record<string, unknown>>(
      await tx.execute(sql`select document, results, first_published_at, updated_at, parent_id
        from ${catalogEntries} where intervention_id = ${interventionId}::uuid`),
    );
    const row = rows[0];
    if (!row) throw new AppError("not_found", "No published intervention has this id.");
    return {
      ...entryView(row),
      related: await relatedEntries(tx, interventionId, (row.parent_id as string | null) ?? null),
    };
  });
}

/** Every match of a search (up to `max`), full entries with results, for CSV and JSON export. */
export async function exportCatalog(
  deps: Deps,
  query: CatalogQuery,
  max = 10_000,
): Promise<CatalogEntryView[]> {
  return transaction(deps.db, {}, async (tx) => {
    const { key } = sortKey(query);
    const rows = rowsOf<Record<string, unknown>>(
      await tx.execute(sql`select document, results, first_published_at, updated_at from catalog_entries
        ${whereClause(conditions(query))} order by ${key} desc, intervention_id desc limit ${max}`),
    );
    return rows.map(entryView);
  });
}

/** The most recently published or updated entries, for the Atom feed. */
export async function recentCatalogEntries(deps: Deps, limit = 50): Promise<CatalogEntryView[]> {
  return transaction(deps.db, {}, async (tx) => {
    const rows = rowsOf<Record<string, unknown>>(
      await tx.execute(sql`select document, results, first_published_at, updated_at from catalog_entries
        order by updated_at desc, intervention_id desc limit ${limit}`),
    );
    return rows.map(entryView);
  });
}
