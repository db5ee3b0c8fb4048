import { AppError, decodeCursor, type KeysetCursor } from "@nns/domain";
import { type AnyColumn, and, eq, gt, lt, or, type SQL } from "drizzle-orm";

export interface PageRequest {
  cursor?: string | undefined;
  limit: number;
}

export function invalidCursor(): AppError {
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readCursor(cursor: string | undefined): KeysetCursor | null {
  if (!cursor) return null;
  const decoded = decodeCursor(cursor);
  if (!decoded || !UUID.test(decoded.id)) throw invalidCursor();
  return decoded;
}

export function readTimestampCursor(cursor: string | undefined): { at: Date; id: string } | null {
  const decoded = readCursor(cursor);
  if (!decoded) return null;
  const at = new Date(decoded.k);
  if (Number.isNaN(at.getTime())) throw invalidCursor();
  return { at, id: decoded.id };
}

/**
 * The keyset condition for "rows after the cursor" when rows are ordered by (sort column, id), newest
 * first (`desc`) or oldest first (`asc`). Undefined on the first page.
 */
export function afterCursor<V>(
  sort: AnyColumn,
  id: AnyColumn,
  cursor: { value: V; id: string } | null,
  order: "asc" | "desc",
): SQL | undefined {
  if (!cursor) return undefined;
  const beyond = order === "desc" ? lt : gt;
  return or(beyond(sort, cursor.value), and(eq(sort, cursor.value), beyond(id, cursor.id)));
}
