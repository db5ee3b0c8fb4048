import { AppError, decodeCursor, type KeysetCursor, type Page, toPage } from "@nns/domain";
import { type AnyColumn, and, asc, desc, eq, gt, is, lt, or, SQL } from "drizzle-orm";

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
 * The keyset condition for "rows after the cursor" when rows are ordered by (sort, id), newest first
 * (`desc`) or oldest first (`asc`). Undefined on the first page. Sort and id may be columns or SQL
 * expressions, the cursor's values plain values or SQL (a cast, say).
 */
export function afterCursor(
  sort: AnyColumn | SQL,
  id: AnyColumn | SQL,
  cursor: { value: unknown; id: unknown } | null,
  order: "asc" | "desc",
): SQL | undefined {
  if (!cursor) return undefined;
  // Narrowed apart, since drizzle's comparisons are overloaded per kind of operand.
  const compare = (op: typeof eq, left: AnyColumn | SQL, right: unknown) =>
    is(left, SQL) ? op(left, right) : op(left, right);
  const beyond = order === "desc" ? lt : gt;
  return or(
    compare(beyond, sort, cursor.value),
    and(compare(eq, sort, cursor.value), compare(beyond, id, cursor.id)),
  );
}

export interface Keyset {
  /** The condition for the rows after the cursor; undefined on the first page. */
  after: SQL | undefined;
  orderBy: [SQL, SQL];
  /** One row more than the page, which only tells whether there is a next one. */
  limit: number;
  /** The rows fetched as a page, with the cursor to the next one made from the last row's sort value and id. */
  page<T>(rows: T[], keyOf: (row: T) => [Date | string, string]): Page<T>;
}

/**
 * Keyset pagination over rows ordered by (sort column, id): reads the request's cursor (a 400 for one
 * this API did not hand out) and gives the query its condition, order and limit, and the rows back as a
 * page. A timestamp column's cursor carries an ISO instant; any other column's, its text.
 */
export function keyset(page: PageRequest, sort: AnyColumn, id: AnyColumn, order: "asc" | "desc"): Keyset {
  const timestamp = sort.dataType === "date";
  const cursor = timestamp ? readTimestampCursor(page.cursor) : readCursor(page.cursor);
  const direction = order === "desc" ? desc : asc;
  return {
    after: afterCursor(
      sort,
      id,
      cursor && { value: "at" in cursor ? cursor.at : cursor.k, id: cursor.id },
      order,
    ),
    orderBy: [direction(sort), direction(id)],
    limit: page.limit + 1,
    page: (rows, keyOf) =>
      toPage(rows, page.limit, (row) => {
        const [value, rowId] = keyOf(row);
        return { k: value instanceof Date ? value.toISOString() : value, id: rowId };
      }),
  };
}
