import { type Database, rowsOf, setScope, type Tx } from "@nns/db";
import { encodeCursor, type KeysetCursor } from "@nns/domain";
import { sql } from "drizzle-orm";
import {
  type CatalogQuery,
  type CatalogSearchResult,
  type CatalogSummary,
  emptyFacets,
  FACETS,
  type Facet,
  facetLabel,
  sortFacetCounts,
  sortKindOf,
  summaryOf,
} from "./search-results.js";
import {
  type Positions,
  phraseMatches,
  rankKeyText,
  rankMicros,
  type TsNode,
  type TsQuery,
  tsRank,
} from "./tsquery.js";

/**
 * The published catalogue of one generation, held in memory by each API process so a search costs no
 * database work beyond reading the generation (and PostgreSQL's parse of the text query, in the same
 * round trip). Built from `catalog_entries` as PostgreSQL stores it: the lexemes and positions of the
 * `search` tsvector (PostgreSQL's Swedish stemming), the facet arrays, dates and the listed summary.
 *
 * Memory: about 2 KB per entry plus its lexemes (measured by apps/api/bench/catalog-search.ts).
 */

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

const VALUES_OF: Record<Facet, (row: IndexRow) => string[]> = {
  county: (r) => r.county_codes,
  municipality: (r) => r.municipality_codes,
  targetGroup: (r) => r.target_groups,
  orientation: (r) => [r.orientation],
  status: (r) => [r.status],
  method: (r) => r.methods,
  organization: (r) => r.organization_ids,
  memberParty: (r) => r.member_parties,
};

/** One facet's values per entry, as a flat array: entry d holds values[offsets[d] … offsets[d + 1]). */
interface FacetColumn {
  names: string[];
  labels: string[];
  ids: Map<string, number>;
  offsets: Uint32Array;
  values: Uint32Array;
}

function facetColumn(facet: Facet, rows: IndexRow[], tableLabels: Map<string, string>): FacetColumn {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const offsets = new Uint32Array(rows.length + 1);
  const values: number[] = [];
  rows.forEach((row, d) => {
    // Duplicates are kept: the SQL counts each unnested value.
    for (const value of VALUES_OF[facet](row)) {
      let id = ids.get(value);
      if (id === undefined) {
        id = names.length;
        ids.set(value, id);
        names.push(value);
      }
      values.push(id);
    }
    offsets[d + 1] = values.length;
  });
  const labels = names.map((v) => facetLabel(facet, v, tableLabels.get(`${facet}:${v}`)));
  return { names, labels, ids, offsets, values: Uint32Array.from(values) };
}

/**
 * Parses PostgreSQL's text form of a tsvector (`'lexeme':1A,5B 'other':3`, quotes and backslashes
 * doubled) into lexemes and their positions as WordEntryPos values.
 */
function parseTsVector(text: string, each: (lexeme: string, positions: number[]) => void): void {
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) !== 39) {
      i++;
      continue;
    }
    let lexeme = "";
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined) return;
      if (c === "'" && text[i + 1] === "'") {
        lexeme += "'";
        i += 2;
      } else if (c === "'") {
        i++;
        break;
      } else if (c === "\\") {
        lexeme += text[i + 1] ?? "";
        i += 2;
      } else {
        lexeme += c;
        i++;
      }
    }
    const positions: number[] = [];
    if (text[i] === ":") {
      i++;
      for (;;) {
        let pos = 0;
        while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) {
          pos = pos * 10 + text.charCodeAt(i) - 48;
          i++;
        }
        const weight = { A: 3, B: 2, C: 1, D: 0 }[text[i] as string];
        if (weight !== undefined) i++;
        positions.push(((weight ?? 0) << 14) | pos);
        if (text[i] !== ",") break;
        i++;
      }
    }
    each(lexeme, positions);
  }
}

/** PostgreSQL's text form of a timestamptz in a UTC session, as the SQL search's cursors carry it. */
function timestampText(ms: number): string {
  const iso = new Date(ms).toISOString();
  const fraction = iso.slice(20, 23).replace(/0+$/, "");
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ""}+00`;
}

/** A cursor's timestamp in microseconds since the epoch (timestamptz keeps microseconds). */
function timestampMicros(k: string): number {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([+-])(\d{2}):?(\d{2})?|Z)$/.exec(k);
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s, fraction = "", sign, oh = "0", om = "0"] = m;
  const offsetMinutes = (sign === "-" ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const seconds = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) / 1000;
  const micros = Math.round(Number(`0.${fraction || "0"}`) * 1e6);
  return (seconds - offsetMinutes * 60) * 1e6 + micros;
}

/** Compares millionths with a decimal cursor key of any length, exactly: negative, zero or positive. */
function compareMicros(micros: number, k: string): number {
  const [whole = "0", fraction = ""] = k.split(".");
  const floor = Number(whole) * 1e6 + Number(fraction.slice(0, 6).padEnd(6, "0"));
  if (micros !== floor) return micros - floor;
  return /[1-9]/.test(fraction.slice(6)) ? -1 : 0;
}

/** Compares two strings by code unit, as uuids compare in PostgreSQL (lower-case hex). */
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A text query's matches as one flag per entry. */
type EntrySet = Uint8Array;

export class CatalogIndex {
  readonly size: number;
  private readonly ids: string[];
  private readonly summaries: CatalogSummary[];
  /** first_published_at in milliseconds (the column keeps milliseconds). */
  private readonly published: Float64Array;
  private readonly startKeys: string[];
  private readonly startDates: (string | null)[];
  private readonly endDates: (string | null)[];
  /** Entries are numbered in the newest order; these hold the other orders and each entry's place in them. */
  private readonly byStart: Uint32Array;
  private readonly startRank: Uint32Array;
  private readonly byIdDesc: Uint32Array;
  private readonly idDescRank: Uint32Array;
  private readonly facets: Record<Facet, FacetColumn>;
  /** The lexicon; lexeme l's postings are postingStart[l] … postingStart[l + 1], in entry order. */
  private readonly lexicon = new Map<string, number>();
  private readonly postingStart: Uint32Array;
  private readonly postingDoc: Uint32Array;
  private readonly postingPos: Uint32Array;
  private readonly postingLen: Uint16Array;
  private readonly positions: Uint16Array;
  /** Rank → round(rank, 6) in millionths; ranks take few distinct values. */
  private readonly micros = new Map<number, number>();

  /** `rows` in the newest order (first_published_at, then id, both descending), as loadIndex reads them. */
  constructor(
    readonly generation: bigint,
    rows: IndexRow[],
    labels: LabelRow[],
  ) {
    const n = rows.length;
    this.size = n;
    this.ids = rows.map((r) => r.intervention_id);
    this.summaries = rows.map(summaryOf);
    this.published = Float64Array.from(this.summaries, (s) => Date.parse(s.firstPublishedAt));
    this.startDates = rows.map((r) => r.start_date);
    this.endDates = rows.map((r) => r.end_date);
    this.startKeys = rows.map((r) => r.start_date ?? "0001-01-01");
    const order = (compare: (a: number, b: number) => number) => {
      const sorted = Uint32Array.from({ length: n }, (_, d) => d).sort(compare);
      const rank = new Uint32Array(n);
      for (let r = 0; r < n; r++) rank[sorted[r] as number] = r;
      return [sorted, rank] as const;
    };
    [this.byIdDesc, this.idDescRank] = order((a, b) =>
      byCodeUnit(this.ids[b] as string, this.ids[a] as string),
    );
    [this.byStart, this.startRank] = order(
      (a, b) =>
        byCodeUnit(this.startKeys[b] as string, this.startKeys[a] as string) ||
        (this.idDescRank[a] as number) - (this.idDescRank[b] as number),
    );
    const tableLabels = new Map(labels.map((l) => [`${l.facet}:${l.value}`, l.label]));
    this.facets = Object.fromEntries(FACETS.map((f) => [f, facetColumn(f, rows, tableLabels)])) as Record<
      Facet,
      FacetColumn
    >;

    // Postings grouped by lexeme with a counting sort, so each lexeme's entries stay in ascending order.
    const lexemeOf: number[] = [];
    const docOf: number[] = [];
    const posStart: number[] = [];
    const posLen: number[] = [];
    const positions: number[] = [];
    const counts: number[] = [];
    rows.forEach((row, d) => {
      parseTsVector(row.search, (lexeme, at) => {
        let l = this.lexicon.get(lexeme);
        if (l === undefined) {
          l = counts.length;
          this.lexicon.set(lexeme, l);
          counts.push(0);
        }
        counts[l] = (counts[l] as number) + 1;
        lexemeOf.push(l);
        docOf.push(d);
        posStart.push(positions.length);
        posLen.push(at.length);
        for (const p of at) positions.push(p);
      });
    });
    this.postingStart = new Uint32Array(counts.length + 1);
    for (let l = 0; l < counts.length; l++)
      this.postingStart[l + 1] = (this.postingStart[l] as number) + (counts[l] as number);
    const next = this.postingStart.slice(0, counts.length);
    this.postingDoc = new Uint32Array(docOf.length);
    this.postingPos = new Uint32Array(docOf.length);
    this.postingLen = new Uint16Array(docOf.length);
    for (let i = 0; i < lexemeOf.length; i++) {
      const l = lexemeOf[i] as number;
      const slot = next[l] as number;
      next[l] = slot + 1;
      this.postingDoc[slot] = docOf[i] as number;
      this.postingPos[slot] = posStart[i] as number;
      this.postingLen[slot] = posLen[i] as number;
    }
    this.positions = Uint16Array.from(positions);
  }

  /** The positions of a lexeme in entry d, if it has it (binary search in the lexeme's postings). */
  private positionsIn(lexeme: string, d: number): Positions | undefined {
    const l = this.lexicon.get(lexeme);
    if (l === undefined) return undefined;
    let lo = this.postingStart[l] as number;
    let hi = this.postingStart[l + 1] as number;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const doc = this.postingDoc[mid] as number;
      if (doc === d) {
        const start = this.postingPos[mid] as number;
        return this.positions.subarray(start, start + (this.postingLen[mid] as number));
      }
      if (doc < d) lo = mid + 1;
      else hi = mid;
    }
    return undefined;
  }

  /** `search @@ query` for every entry, evaluated as tsvector_op.c does. */
  private matches(node: TsNode): EntrySet {
    switch (node.op) {
      case "term": {
        const set = new Uint8Array(this.size);
        const l = this.lexicon.get(node.lexeme);
        if (l !== undefined)
          for (let i = this.postingStart[l] as number; i < (this.postingStart[l + 1] as number); i++)
            set[this.postingDoc[i] as number] = 1;
        return set;
      }
      case "not": {
        const set = this.matches(node.arg);
        for (let d = 0; d < set.length; d++) set[d] = 1 - (set[d] as number);
        return set;
      }
      case "and":
      case "or": {
        const left = this.matches(node.left);
        const right = this.matches(node.right);
        for (let d = 0; d < left.length; d++)
          left[d] =
            node.op === "and"
              ? (left[d] as number) & (right[d] as number)
              : (left[d] as number) | (right[d] as number);
        return left;
      }
      case "phrase": {
        // Entries with every word of the phrase, then the positions decide.
        const set = this.matches({ op: "and", left: node.left, right: node.right });
        for (let d = 0; d < set.length; d++)
          if (set[d] && !phraseMatches(node, (lexeme) => this.positionsIn(lexeme, d))) set[d] = 0;
        return set;
      }
    }
  }

  private rankMicrosOf(text: TsQuery, d: number): number {
    const rank = tsRank(
      text,
      text.items.map((lexeme) => this.positionsIn(lexeme, d)),
    );
    let micros = this.micros.get(rank);
    if (micros === undefined) {
      micros = rankMicros(rank);
      this.micros.set(rank, micros);
    }
    return micros;
  }

  /**
   * The search as the SQL statement answers it (public-catalog.ts): matches of the text, period and
   * filters; the page after the cursor; facet counts over the matches, where a filtered facet is counted
   * under the other conditions only. `text` is the parsed query when `query.q` is set.
   */
  search(
    query: CatalogQuery,
    text: TsQuery | null,
    cursor: KeysetCursor | null,
    limit: number,
  ): CatalogSearchResult {
    const n = this.size;
    if (text && !text.root) return { data: [], nextCursor: null, total: 0, facets: emptyFacets() };
    const textMatches = text?.root ? this.matches(text.root) : null;
    const filters = FACETS.flatMap((facet, f) => {
      const values = query.filters[facet];
      if (!values || values.length === 0) return [];
      const column = this.facets[facet];
      const allowed = new Uint8Array(column.names.length);
      for (const v of values) {
        const id = column.ids.get(v);
        if (id !== undefined) allowed[id] = 1;
      }
      return [{ f, column, allowed }];
    });
    const columns = FACETS.map((facet) => this.facets[facet]);
    const counts = columns.map((c) => new Int32Array(c.names.length));
    const count = (f: number, d: number) => {
      const column = columns[f] as FacetColumn;
      const into = counts[f] as Int32Array;
      for (let i = column.offsets[d] as number; i < (column.offsets[d + 1] as number); i++)
        into[column.values[i] as number] = (into[column.values[i] as number] as number) + 1;
    };
    const hits: number[] = [];
    for (let d = 0; d < n; d++) {
      if (textMatches && !textMatches[d]) continue;
      const start = this.startDates[d];
      const end = this.endDates[d];
      if (query.to && start !== null && (start as string) > query.to) continue;
      if (query.from && end !== null && (end as string) < query.from) continue;
      let failed = -1;
      let failures = 0;
      for (const { f, column, allowed } of filters) {
        let passes = false;
        for (let i = column.offsets[d] as number; i < (column.offsets[d + 1] as number); i++)
          if (allowed[column.values[i] as number]) {
            passes = true;
            break;
          }
        if (!passes) {
          failed = f;
          if (++failures > 1) break;
        }
      }
      if (failures === 0) {
        hits.push(d);
        for (let f = 0; f < columns.length; f++) count(f, d);
      } else if (failures === 1) count(failed, d);
    }

    const page = this.page(query, text, hits, cursor, limit + 1);
    const data = page.slice(0, limit).map((p) => this.summaries[p.d] as CatalogSummary);
    const last = page.length > limit ? page[limit - 1] : undefined;
    const facets = emptyFacets();
    FACETS.forEach((facet, f) => {
      const column = columns[f] as FacetColumn;
      const c = counts[f] as Int32Array;
      for (let v = 0; v < c.length; v++)
        if ((c[v] as number) > 0)
          facets[facet].push({
            value: column.names[v] as string,
            label: column.labels[v] as string,
            count: c[v] as number,
          });
    });
    return {
      data,
      nextCursor: last ? encodeCursor({ k: last.k, id: this.ids[last.d] as string }) : null,
      total: hits.length,
      facets: sortFacetCounts(facets),
    };
  }

  /** The first `take` hits after the cursor in the query's order, with their sort keys as PostgreSQL prints them. */
  private page(
    query: CatalogQuery,
    text: TsQuery | null,
    hits: number[],
    cursor: KeysetCursor | null,
    take: number,
  ): { d: number; k: string }[] {
    const afterId = (d: number) => cursor !== null && byCodeUnit(this.ids[d] as string, cursor.id) < 0;
    switch (sortKindOf(query)) {
      case "newest": {
        const k = cursor ? timestampMicros(cursor.k) : 0;
        const out: { d: number; k: string }[] = [];
        for (const d of hits) {
          if (out.length === take) break;
          const micros = (this.published[d] as number) * 1000;
          if (cursor && !(micros < k || (micros === k && afterId(d)))) continue;
          out.push({ d, k: timestampText(this.published[d] as number) });
        }
        return out;
      }
      case "start": {
        const ranks = Uint32Array.from(
          hits.filter((d) => {
            if (!cursor) return true;
            const c = byCodeUnit(this.startKeys[d] as string, cursor.k);
            return c < 0 || (c === 0 && afterId(d));
          }),
          (d) => this.startRank[d] as number,
        ).sort();
        return Array.from(ranks.subarray(0, take), (r) => {
          const d = this.byStart[r] as number;
          return { d, k: this.startKeys[d] as string };
        });
      }
      case "relevance": {
        // Ascending keys: rank descending, then id descending (ids ranked in descending order).
        const keys: number[] = [];
        for (const d of hits) {
          const micros = this.rankMicrosOf(text as TsQuery, d);
          if (cursor) {
            const c = compareMicros(micros, cursor.k);
            if (!(c < 0 || (c === 0 && afterId(d)))) continue;
          }
          keys.push(-micros * this.size + (this.idDescRank[d] as number));
        }
        const sorted = Float64Array.from(keys).sort();
        return Array.from(sorted.subarray(0, take), (key) => {
          const micros = Math.ceil(-key / this.size);
          const d = this.byIdDesc[micros * this.size + key] as number;
          return { d, k: rankKeyText(micros) };
        });
      }
    }
  }
}

const ENTRIES = sql`select intervention_id::text as intervention_id, search::text as search, county_codes,
    municipality_codes, target_groups, orientation, status, methods, organization_ids::text[] as organization_ids,
    member_parties, start_date::text as start_date, end_date::text as end_date, first_published_at, updated_at,
    document
  from catalog_entries order by first_published_at desc, intervention_id desc`;

/** The labels the SQL search joins in, per facet. */
const LABELS = sql`select 'county' as facet, code as value, name as label from counties
  union all select 'municipality', code, name from municipalities
  union all select 'targetGroup', code, label_sv from catalog_target_groups
  union all select 'method', code, label_sv from catalog_methods
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
  loading: Promise<CatalogIndex> | null;
}

// One index per database: tests and benchmarks open several databases in one process.
const stores = new WeakMap<Database, IndexStore>();

/**
 * The index of at least `generation` (a newer one is as good: the caller read the generation before
 * any later write). One load at a time per process; searches that need it wait for it.
 */
export async function catalogIndex(db: Database, generation: bigint): Promise<CatalogIndex> {
  let store = stores.get(db);
  if (!store) {
    store = { index: null, loading: null };
    stores.set(db, store);
  }
  const s = store;
  while (!s.index || s.index.generation < generation) {
    s.loading ??= loadIndex(db)
      .then((index) => {
        s.index = index;
        return index;
      })
      .finally(() => {
        s.loading = null;
      });
    await s.loading;
  }
  return s.index;
}
