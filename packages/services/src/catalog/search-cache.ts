import { rowsOf, transaction } from "@nns/db";
import { sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import type { Deps } from "../context.js";

/** How many distinct searches each process keeps when the configuration does not say. */
export const DEFAULT_SEARCH_CACHE_ENTRIES = 1000;

interface Cached<T> {
  generation: string;
  value: T;
}

// One cache per database: tests and benchmarks run several databases in one process.
const caches = new WeakMap<Deps["db"], LRUCache<string, Cached<unknown>>>();

function cacheOf(deps: Deps): LRUCache<string, Cached<unknown>> | null {
  const size = deps.config.catalogSearchCacheEntries ?? DEFAULT_SEARCH_CACHE_ENTRIES;
  if (size <= 0) return null;
  let cache = caches.get(deps.db);
  if (!cache) {
    cache = new LRUCache({ max: size });
    caches.set(deps.db, cache);
  }
  return cache;
}

/**
 * A person's words as the tsquery every search path uses: PostgreSQL's websearch parse, widened by the
 * synonyms NNS keeps (ts_rewrite replaces each synonym's term with "term or any alternative"). A scalar
 * subquery, so a statement evaluates it once rather than per row.
 */
export const searchTsQuery = (q: string) =>
  sql`(select ts_rewrite(websearch_to_tsquery('swedish', ${q}),
    'select target, substitute from catalog_search_synonyms'))`;

export interface SearchState {
  generation: string;
  /** `searchTsQuery(q)` as text, when the search has a text query. */
  tsquery: string | null;
}

/**
 * The catalogue's generation and PostgreSQL's parse of the text query, in one round trip on a server
 * pool (whose connections are the app role already); the embedded database has one connection, so the
 * read queues as a transaction like every other statement.
 */
export async function readSearchState(deps: Deps, q: string | undefined): Promise<SearchState> {
  const statement = q
    ? sql`select generation::text as generation, ${searchTsQuery(q)}::text as tsquery from catalog_generation`
    : sql`select generation::text as generation, null as tsquery from catalog_generation`;
  const result =
    deps.db.mode === "server"
      ? await deps.db.app.execute(statement)
      : await transaction(deps.db, {}, (tx) => tx.execute(statement));
  const [row] = rowsOf<SearchState>(result);
  return { generation: row?.generation ?? "", tsquery: row?.tsquery ?? null };
}

/**
 * Answers a public search from the process's cache when the catalogue has not changed since the answer
 * was computed. `catalog_generation` changes in the same transaction as any write to what a search reads
 * (see migration 0007), and the caller read it before the search runs: an answer computed from newer data
 * than its generation is only ever recomputed, never served stale, whichever process wrote.
 */
export async function cachedSearch<T>(
  deps: Deps,
  key: string,
  generation: string,
  compute: () => Promise<T>,
): Promise<T> {
  const cache = cacheOf(deps);
  if (!cache) return compute();
  const hit = cache.get(key);
  if (hit && hit.generation === generation) return hit.value as T;
  const value = await compute();
  cache.set(key, { generation, value });
  return value;
}
