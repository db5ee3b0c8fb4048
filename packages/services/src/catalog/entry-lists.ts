// Sorted lists of entry numbers and their set operations, the in-memory index's query algebra.
/** Entries in ascending order: a text query's matches, or a lexeme's postings. */
export type EntryList = Uint32Array;

export function intersect(a: EntryList, b: EntryList): EntryList {
  const out = new Uint32Array(Math.min(a.length, b.length));
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      out[n++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.subarray(0, n);
}

export function union(a: EntryList, b: EntryList): EntryList {
  const out = new Uint32Array(a.length + b.length);
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? (a[i] as number) : Number.POSITIVE_INFINITY;
    const y = j < b.length ? (b[j] as number) : Number.POSITIVE_INFINITY;
    out[n++] = Math.min(x, y);
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return out.subarray(0, n);
}

export function complement(a: EntryList, size: number): EntryList {
  const out = new Uint32Array(size - a.length);
  let n = 0;
  let i = 0;
  for (let d = 0; d < size; d++) {
    if (i < a.length && a[i] === d) i++;
    else out[n++] = d;
  }
  return out;
}
