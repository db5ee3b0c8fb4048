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

const GENERATION = sql`select generation::text as generation from catalog_generation`;

/**
 * One round trip on a server pool, whose connections are the app role already; the embedded database has
 * one connection, so the read queues as a transaction like every other statement.
 */
function readGeneration(deps: Deps) {
  return deps.db.mode === "server"
    ? deps.db.app.execute(GENERATION)
    : transaction(deps.db, {}, (tx) => tx.execute(GENERATION));
}

/**
 * Answers a public search from the process's cache when the catalogue has not changed since the answer
 * was computed. `catalog_generation` changes in the same transaction as any write to what a search reads
 * (see migration 0007), and it is read before the search runs: an answer computed from newer data than
 * its generation is only ever recomputed, never served stale, whichever process wrote.
 */
export async function cachedSearch<T>(deps: Deps, key: string, compute: () => Promise<T>): Promise<T> {
  const cache = cacheOf(deps);
  if (!cache) return compute();
  const [row] = rowsOf<{ generation: string }>(await readGeneration(deps));
  const generation = row?.generation ?? "";
  const hit = cache.get(key);
  if (hit && hit.generation === generation) return hit.value as T;
  const value = await compute();
  cache.set(key, { generation, value });
  return value;
}
