import { encodeCursor, type KeysetCursor } from "@nns/domain";
import { complement, type EntryList, intersect, union } from "./entry-lists.js";
import { type FacetValues, facetValues } from "./facet-values.js";
import type { IndexRow, LabelRow } from "./search-index-store.js";
import {
  type CatalogQuery,
  type CatalogSearchResult,
  type CatalogSummary,
  compareMicros,
  emptyFacets,
  FACETS,
  type Facet,
  sortKindOf,
  summaryOf,
  timestampMicros,
  timestampText,
} from "./search-results.js";
import {
  type Positions,
  phraseMatches,
  rankKeyText,
  rankMicros,
  type TsNode,
  type TsQuery,
  tsRank,
  unescapeLexeme,
} from "./tsquery.js";

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
    // Most lexemes have no quote or backslash to undouble: slice them whole.
    const open = i;
    const close = text.indexOf("'", open + 1);
    if (close < 0) return;
    let lexeme = text.slice(open + 1, close);
    i = close + 1;
    if (text[i] === "'" || lexeme.includes("\\")) [lexeme, i] = unescapeLexeme(text, open + 1);
    if (i < 0) return;
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

/** Compares two strings by code unit, as uuids compare in PostgreSQL (lower-case hex). */
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The published catalogue of one generation, held in memory by each API process so a search costs no
 * database work beyond reading the generation (and PostgreSQL's parse of the text query, in the same
 * round trip). Built from `catalog_entries` as PostgreSQL stores it: the lexemes and positions of the
 * `search` tsvector (PostgreSQL's Swedish stemming), the facet arrays, dates and the listed summary.
 *
 * Memory: about 3 KB per entry for the benchmark's catalogue (~35 MB for 12 000; decision 0008).
 */
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
  private readonly facets: FacetValues;
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
    this.facets = facetValues(rows, tableLabels);

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

  /** The positions of lexeme l in entry d, if it has it (binary search in the lexeme's postings). */
  private positionsIn(l: number | undefined, d: number): Positions | undefined {
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

  /** `search @@ query` as the ascending list of matching entries, evaluated as tsvector_op.c does. */
  private matches(node: TsNode): EntryList {
    switch (node.op) {
      case "term": {
        const l = this.lexicon.get(node.lexeme);
        if (l === undefined) return new Uint32Array(0);
        return this.postingDoc.subarray(this.postingStart[l] as number, this.postingStart[l + 1] as number);
      }
      case "not":
        return complement(this.matches(node.arg), this.size);
      case "and":
        return intersect(this.matches(node.left), this.matches(node.right));
      case "or":
        return union(this.matches(node.left), this.matches(node.right));
      case "phrase": {
        // Entries with every word of the phrase; then the positions decide.
        const candidates = intersect(this.matches(node.left), this.matches(node.right));
        const positions = (d: number) => (lexeme: string) => this.positionsIn(this.lexicon.get(lexeme), d);
        return candidates.filter((d) => phraseMatches(node, positions(d)));
      }
    }
  }

  /** round(ts_rank, 6) in millionths, from the entry's positions of each of the query's items. */
  private rankMicrosOf(text: TsQuery, found: (Positions | undefined)[]): number {
    const rank = tsRank(text, found);
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
    if (text && !text.root) return { data: [], nextCursor: null, total: 0, facets: emptyFacets() };
    const base = text?.root ? this.matches(text.root) : null;
    const { facetOf, names, labels, labelRank, ids, valueStart, values, entryStart, entries } = this.facets;
    const F = FACETS.length;
    const counts = new Int32Array(names.length);
    // Per filtered facet, which entries pass it (any of its values).
    const filtered: number[] = [];
    const passes: Uint8Array[] = [];
    FACETS.forEach((facet, f) => {
      const wanted = query.filters[facet];
      if (!wanted || wanted.length === 0) return;
      const pass = new Uint8Array(this.size);
      for (const v of new Set(wanted)) {
        const id = ids.get(`${facet}:${v}`);
        if (id === undefined) continue;
        for (let i = entryStart[id] as number; i < (entryStart[id + 1] as number); i++)
          pass[entries[i] as number] = 1;
      }
      filtered.push(f);
      passes.push(pass);
    });
    const { to, from } = query;
    const { startDates, endDates } = this;
    const hits: number[] = [];
    const candidates = base ? base.length : this.size;
    for (let i = 0; i < candidates; i++) {
      const d = base ? (base[i] as number) : i;
      if (to && startDates[d] !== null && (startDates[d] as string) > to) continue;
      if (from && endDates[d] !== null && (endDates[d] as string) < from) continue;
      // A match passes every filter and counts for every facet; an entry failing exactly one filter
      // counts for that filter's facet only.
      let failed = -1;
      let failures = 0;
      for (let j = 0; j < passes.length; j++)
        if ((passes[j] as Uint8Array)[d] === 0) {
          failed = filtered[j] as number;
          if (++failures > 1) break;
        }
      if (failures > 1) continue;
      if (failures === 0) hits.push(d);
      const first = failures === 0 ? d * F : d * F + failed;
      const last = failures === 0 ? (d + 1) * F : d * F + failed + 1;
      for (let k = valueStart[first] as number; k < (valueStart[last] as number); k++) {
        const v = values[k] as number;
        counts[v] = (counts[v] as number) + 1;
      }
    }

    const page = this.page(query, text, hits, cursor, limit + 1);
    const data = page.slice(0, limit).map((p) => this.summaries[p.d] as CatalogSummary);
    const last = page.length > limit ? page[limit - 1] : undefined;
    // Most matches first, then by label in Swedish order, as sortFacetCounts orders the SQL's counts.
    const counted: number[] = [];
    for (let v = 0; v < counts.length; v++) if ((counts[v] as number) > 0) counted.push(v);
    counted.sort(
      (a, b) =>
        (counts[b] as number) - (counts[a] as number) || (labelRank[a] as number) - (labelRank[b] as number),
    );
    const facets = emptyFacets();
    for (const v of counted)
      facets[FACETS[facetOf[v] as number] as Facet].push({
        value: names[v] as string,
        label: labels[v] as string,
        count: counts[v] as number,
      });
    return {
      data,
      nextCursor: last ? encodeCursor({ k: last.k, id: this.ids[last.d] as string }) : null,
      total: hits.length,
      facets,
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
        const items = (text as TsQuery).items.map((lexeme) => this.lexicon.get(lexeme));
        const keys: number[] = [];
        for (const d of hits) {
          const micros = this.rankMicrosOf(
            text as TsQuery,
            items.map((l) => this.positionsIn(l, d)),
          );
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
