import type { ReactNode } from "react";
import { ScrollableTable } from "./ScrollableTable";
import { EmptyState } from "./states";

export interface Column<Row> {
  /** Stable key of the column among the table's columns. */
  id: string;
  /** The column header's text; also the cell's `data-label`, for the phone layout described below. */
  header: string;
  cell: (row: Row) => ReactNode;
  /** The cell that names the row (a person, an organization): a `<th scope="row">`. One per table at most. */
  rowHeader?: boolean;
  /** Added to the header and every cell of the column, e.g. "amount" (right-aligned). */
  className?: string;
  /** Dates, times and codes read badly when broken at their hyphens: the table scrolls instead. */
  noWrap?: boolean;
}

const NO_WRAP = { whiteSpace: "nowrap" } as const;

/** A table is named either by a heading on the page (its id) or by its own caption, read but not shown. */
type Name = { labelledBy: string; caption?: never } | { caption: string; labelledBy?: never };

/**
 * A plain data table: a header row from `columns`, one row per item with a cell renderer per column,
 * inside a ScrollableTable (focusable and named, so a table wider than the screen can be scrolled with
 * the keyboard). With no rows it shows `empty` instead, when given.
 *
 * Built for a phone layout in which each row becomes a card: every cell carries its column's header as
 * `data-label`, and the row header is marked, so the stylesheet for narrow screens lays the cells out as
 * "label: value" under the row's name. A table opts in with `stackOnPhone` (put the row header first);
 * the others still scroll sideways.
 * Tables that are not a list of like rows (the attendance grid, cost breakdowns with totals) stay
 * hand-written.
 */
export function DataTable<Row>({
  rows,
  columns,
  rowKey,
  empty,
  stackOnPhone = false,
  ...name
}: {
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey: (row: Row) => string;
  empty?: ReactNode;
  /** On a phone, each row becomes a card of "label: value" lines under the row header (see above). */
  stackOnPhone?: boolean;
} & Name) {
  if (rows.length === 0 && empty !== undefined) return <EmptyState>{empty}</EmptyState>;
  return (
    <ScrollableTable labelledBy={name.labelledBy} label={name.caption}>
      <table
        className={stackOnPhone ? "data-table data-table-stacked" : "data-table"}
        aria-labelledby={name.labelledBy}
      >
        {name.caption ? <caption className="visually-hidden">{name.caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.id} scope="col" className={column.className}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) =>
                column.rowHeader ? (
                  <th
                    key={column.id}
                    scope="row"
                    className={column.className}
                    style={column.noWrap ? NO_WRAP : undefined}
                    data-label={column.header}
                  >
                    {column.cell(row)}
                  </th>
                ) : (
                  <td
                    key={column.id}
                    className={column.className}
                    style={column.noWrap ? NO_WRAP : undefined}
                    data-label={column.header}
                  >
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
