// The facet values of every catalogue entry, numbered and cross-referenced for the in-memory index.

import type { IndexRow } from "./search-index-store.js";
import { compareLabels, FACETS, type Facet, facetLabel } from "./search-results.js";

const VALUES_OF: Record<Facet, (row: IndexRow) => string[]> = {
  county: (r) => r.county_codes,
  municipality: (r) => r.municipality_codes,
  targetGroup: (r) => r.target_groups,
  orientation: (r) => [r.orientation],
  status: (r) => [r.status],
  method: (r) => r.methods,
  organization: (r) => r.organization_ids,
  memberParty: (r) => r.member_parties,
  linkKind: (r) => r.link_kinds,
};

/**
 * Every facet value of every entry, numbered across facets. Entry d's values of facet f are
 * values[valueStart[d * F + f] … valueStart[d * F + f + 1]) (F facets, in FACETS order, so all of entry
 * d's are valueStart[d * F] … valueStart[(d + 1) * F]); value v is held by the entries
 * entries[entryStart[v] … entryStart[v + 1]).
 */
export interface FacetValues {
  facetOf: Uint8Array;
  names: string[];
  labels: string[];
  /** Each value's place in Swedish label order, so facet lists sort without collating per search. */
  labelRank: Uint32Array;
  /** `${facet}:${value}` → value number. */
  ids: Map<string, number>;
  valueStart: Uint32Array;
  values: Uint32Array;
  entryStart: Uint32Array;
  entries: Uint32Array;
}

export function facetValues(rows: IndexRow[], tableLabels: Map<string, string>): FacetValues {
  const F = FACETS.length;
  const ids = new Map<string, number>();
  const names: string[] = [];
  const facetOf: number[] = [];
  const valueStart = new Uint32Array(rows.length * F + 1);
  const values: number[] = [];
  rows.forEach((row, d) => {
    FACETS.forEach((facet, f) => {
      // Duplicates are kept: the SQL counts each unnested value.
      for (const value of VALUES_OF[facet](row)) {
        const key = `${facet}:${value}`;
        let id = ids.get(key);
        if (id === undefined) {
          id = names.length;
          ids.set(key, id);
          names.push(value);
          facetOf.push(f);
        }
        values.push(id);
      }
      valueStart[d * F + f + 1] = values.length;
    });
  });
  const labels = names.map((v, id) => {
    const facet = FACETS[facetOf[id] as number] as Facet;
    return facetLabel(facet, v, tableLabels.get(`${facet}:${v}`));
  });
  const entryStart = new Uint32Array(names.length + 1);
  for (const v of values) entryStart[v + 1] = (entryStart[v + 1] as number) + 1;
  for (let v = 0; v < names.length; v++)
    entryStart[v + 1] = (entryStart[v + 1] as number) + (entryStart[v] as number);
  const next = entryStart.slice(0, names.length);
  const entries = new Uint32Array(values.length);
  for (let d = 0; d < rows.length; d++)
    for (let i = valueStart[d * F] as number; i < (valueStart[(d + 1) * F] as number); i++) {
      const v = values[i] as number;
      entries[next[v] as number] = d;
      next[v] = (next[v] as number) + 1;
    }
  const labelRank = new Uint32Array(names.length);
  names
    .map((_, id) => id)
    .sort((a, b) => compareLabels(labels[a] as string, labels[b] as string))
    .forEach((id, rank) => {
      labelRank[id] = rank;
    });
  return {
    facetOf: Uint8Array.from(facetOf),
    names,
    labels,
    labelRank,
    ids,
    valueStart,
    values: Uint32Array.from(values),
    entryStart,
    entries,
  };
}
