/**
 * Opaque pagination cursors: the sort key and id of the last row returned, base64url-encoded JSON.
 * Clients must treat them as opaque; the server validates the shape when decoding.
 */
export interface KeysetCursor {
  /** The sort column's value of the last row (an ISO timestamp or a name). */
  k: string;
  /** Tie-breaking id. */
  id: string;
}

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify({ k: cursor.k, id: cursor.id }), "utf8").toString("base64url");
}

export function decodeCursor(raw: string): KeysetCursor | null {
  try {
    const value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Partial<KeysetCursor> | null;
    if (value && typeof value.k === "string" && typeof value.id === "string")
      return { k: value.k, id: value.id };
    return null;
  } catch {
    return null;
  }
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Rows were fetched with `limit + 1`: the extra row only tells whether there is a next page. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => KeysetCursor): Page<T> {
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return { data, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
