import {
  catalogEntries,
  counties,
  municipalities,
  organizations,
  rowsOf,
  type Tx,
  transaction,
} from "@nns/db";
import { AppError, decodeCursor, encodeCursor, ORIENTATION_LABELS_SV, STATUS_LABELS_SV } from "@nns/domain";
import { inArray, type SQL, sql } from "drizzle-orm";
import type { Deps } from "../context.js";
import { readVocabularies } from "./vocabularies.js";

/**
 * The public catalogue. Everything here reads `catalog_entries`, which holds published versions only, in
 * a transaction without any organization: the public path has no way to reach a draft.
 */
export const FACETS = [
  "county",
  "municipality",
  "targetGroup",
  "orientation",
  "status",
  "method",
  "organization",
  "memberParty",
] as const;
export type Facet = (typeof FACETS)[number];

export interface CatalogQuery {
  q?: string | undefined;
  filters: Partial<Record<Facet, string[]>>;
  /** Period overlap: entries running at some time between `from` and `to` (open entries run on). */
  from?: string | undefined;
  to?: string | undefined;
  sort: "relevance" | "newest" | "start";
}

export interface CatalogSummary {
  id: string;
  title: string;
  summary: string;
  organization: { id: string; name: string; slug: string } | null;
  orientation: string;
  status: string;
  startDate: string | null;
  endDate: string | null;
  municipalities: { code: string; name: string }[];
  targetGroups: { code: string; label: string }[];
  firstPublishedAt: string;
  updatedAt: string;
}

export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

const COLUMN: Record<Facet, SQL> = {
  county: sql`county_codes`,
  municipality: sql`municipality_codes`,
  targetGroup: sql`target_groups`,
  orientation: sql`array[orientation]`,
  status: sql`array[status]`,
  method: sql`methods`,
  organization: sql`organization_ids::text[]`,
  memberParty: sql`member_parties`,
};

const tsQuery = (q: string) => sql`websearch_to_tsquery('swedish', ${q})`;

function conditions(query: CatalogQuery): SQL[] {
  const where: SQL[] = [];
  if (query.q) where.push(sql`search @@ ${tsQuery(query.q)}`);
  for (const facet of FACETS) {
    const values = query.filters[facet];
    if (values && values.length > 0)
      where.push(
        sql`${COLUMN[facet]} && array[${sql.join(
          values.map((v) => sql`${v}`),
          sql`, `,
        )}]::text[]`,
      );
  }
  if (query.to) where.push(sql`(start_date is null or start_date <= ${query.to}::date)`);
  if (query.from) where.push(sql`(end_date is null or end_date >= ${query.from}::date)`);
  return where;
}

const whereClause = (where: SQL[]) => (where.length > 0 ? sql`where ${sql.join(where, sql` and `)}` : sql``);

/** The sort key as a comparable SQL expression and how to read it back from a cursor. */
function sortKey(query: CatalogQuery): { key: SQL; cast: SQL } {
  if (query.sort === "relevance" && query.q)
    return { key: sql`round(ts_rank(search, ${tsQuery(query.q)})::numeric, 6)`, cast: sql`numeric` };
  if (query.sort === "start") return { key: sql`coalesce(start_date, '0001-01-01'::date)`, cast: sql`date` };
  return { key: sql`first_published_at`, cast: sql`timestamptz` };
}

function invalidCursor(): AppError {
  return new AppError("validation_failed", "The cursor is not one this API returned.", {
    errors: [
      {
        field: "query.cursor",
        rule: "invalid_cursor",
        message: "Use the nextCursor value of a previous page.",
      },
    ],
  });
}

/** The part of a published entry's stored document (see snapshot.ts) that lists show. */
interface PublishedDocument {
  title: string;
  summary: string;
  organization: CatalogSummary["organization"];
  orientation: string;
  status: string;
  startDate: string | null;
  endDate: string | null;
  area: { municipalities: CatalogSummary["municipalities"] };
  targetGroups: CatalogSummary["targetGroups"];
}

const iso = (value: unknown) => (value instanceof Date ? value : new Date(String(value))).toISOString();

function summaryOf(row: Record<string, unknown>): CatalogSummary {
  const d = row.document as PublishedDocument;
  return {
    id: String(row.intervention_id),
    title: d.title,
    summary: d.summary,
    organization: d.organization,
    orientation: d.orientation,
    status: d.status,
    startDate: d.startDate,
    endDate: d.endDate,
    municipalities: d.area.municipalities,
    targetGroups: d.targetGroups,
    firstPublishedAt: iso(row.first_published_at),
    updatedAt: iso(row.updated_at),
  };
}

async function pageOfEntries(tx: Tx, query: CatalogQuery, cursor: string | undefined, limit: number) {
  const where = conditions(query);
  const { key, cast } = sortKey(query);
  if (cursor) {
    const decoded = decodeCursor(cursor);
    if (!decoded || !/^[0-9a-f-]{36}$/i.test(decoded.id)) throw invalidCursor();
    where.push(
      sql`(${key} < ${decoded.k}::${cast} or (${key} = ${decoded.k}::${cast} and intervention_id < ${decoded.id}::uuid))`,
    );
  }
  const rows = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`
      select intervention_id, document, first_published_at, updated_at, ${key}::text as sort_key
      from catalog_entries ${whereClause(where)}
      order by ${key} desc, intervention_id desc
      limit ${limit + 1}`),
  );
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return {
    data: data.map(summaryOf),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ k: String(last.sort_key), id: String(last.intervention_id) })
        : null,
  };
}

async function facetCounts(tx: Tx, query: CatalogQuery) {
  const hits = sql`select * from catalog_entries ${whereClause(conditions(query))}`;
  const parts = FACETS.map(
    (facet) =>
      sql`select ${facet}::text as facet, v as value, count(*)::int as n from hits, unnest(${COLUMN[facet]}) as v group by v`,
  );
  const rows = rowsOf<{ facet: Facet; value: string; n: number }>(
    await tx.execute(sql`with hits as (${hits})
      select 'total' as facet, '' as value, count(*)::int as n from hits
      union all ${sql.join(parts, sql` union all `)}`),
  );
  const total = Number(rows.find((r) => String(r.facet) === "total")?.n ?? 0);
  const facets = Object.fromEntries(FACETS.map((f) => [f, [] as FacetCount[]])) as Record<
    Facet,
    FacetCount[]
  >;
  const labels = await facetLabels(tx, rows);
  for (const row of rows) {
    if (String(row.facet) === "total") continue;
    facets[row.facet].push({
      value: row.value,
      label: labels[row.facet]?.get(row.value) ?? row.value,
      count: Number(row.n),
    });
  }
  for (const list of Object.values(facets))
    list.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "sv"));
  return { total, facets };
}

const MEMBER_PARTY_LABELS: Record<string, string> = {
  fk: "Försäkringskassan",
  af: "Arbetsförmedlingen",
  region: "Region",
  kommun: "Kommun",
};

async function facetLabels(tx: Tx, rows: { facet: Facet; value: string }[]) {
  const valuesOf = (facet: Facet) => [...new Set(rows.filter((r) => r.facet === facet).map((r) => r.value))];
  const vocab = await readVocabularies(tx);
  const countyCodes = valuesOf("county");
  const municipalityCodes = valuesOf("municipality");
  const organizationIds = valuesOf("organization");
  const [countyRows, municipalityRows, organizationRows] = await Promise.all([
    countyCodes.length ? tx.select().from(counties).where(inArray(counties.code, countyCodes)) : [],
    municipalityCodes.length
      ? tx.select().from(municipalities).where(inArray(municipalities.code, municipalityCodes))
      : [],
    organizationIds.length
      ? tx
          .select({ id: organizations.id, name: organizations.name })
          .from(organizations)
          .where(inArray(organizations.id, organizationIds))
      : [],
  ]);
  return {
    county: new Map(countyRows.map((r) => [r.code, r.name])),
    municipality: new Map(municipalityRows.map((r) => [r.code, r.name])),
    targetGroup: new Map(vocab.targetGroups.map((t) => [t.code, t.labelSv])),
    method: new Map(vocab.methods.map((m) => [m.code, m.labelSv])),
    organization: new Map(organizationRows.map((o) => [o.id, o.name])),
    status: new Map(Object.entries(STATUS_LABELS_SV)),
    orientation: new Map(Object.entries(ORIENTATION_LABELS_SV)),
    memberParty: new Map(Object.entries(MEMBER_PARTY_LABELS)),
  } satisfies Record<Facet, Map<string, string>>;
}

export interface CatalogSearchResult {
  data: CatalogSummary[];
  nextCursor: string | null;
  total: number;
  facets: Record<Facet, FacetCount[]>;
}

export async function searchCatalog(
  deps: Deps,
  query: CatalogQuery,
  page: { cursor?: string | undefined; limit: number },
): Promise<CatalogSearchResult> {
  return transaction(deps.db, {}, async (tx) => {
    const found = await pageOfEntries(tx, query, page.cursor, page.limit);
    return { ...found, ...(await facetCounts(tx, query)) };
  });
}

export interface CatalogEntryView {
  document: Record<string, unknown>;
  results: unknown[];
  firstPublishedAt: string;
  updatedAt: string;
}

function entryView(row: Record<string, unknown>): CatalogEntryView {
  return {
    document: row.document as Record<string, unknown>,
    results: row.results as unknown[],
    firstPublishedAt: iso(row.first_published_at),
    updatedAt: iso(row.updated_at),
  };
}

export async function getCatalogEntry(deps: Deps, interventionId: string): Promise<CatalogEntryView> {
  return transaction(deps.db, {}, async (tx) => {
    const rows = rowsOf<Record<string, unknown>>(
      await tx.execute(sql`select document, results, first_published_at, updated_at
        from ${catalogEntries} where intervention_id = ${interventionId}::uuid`),
    );
    const row = rows[0];
    if (!row) throw new AppError("not_found", "No published intervention has this id.");
    return entryView(row);
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

export async function publicVocabularies(deps: Deps) {
  return transaction(deps.db, {}, (tx) => readVocabularies(tx));
}
