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
 * On a phone each row becomes a card, so that a row's name and its actions are in view without scrolling
 * sideways: every cell carries its column's header as `data-label`, and the stylesheet for narrow screens
 * lays the first cell out as the card's title (put the row header first) and the others as
 * "label: value" lines, a cell of actions on a line of its own. A matrix read across its rows (each
 * kommun against every benefit) sets `scrollOnPhone` and scrolls sideways instead.
 * Tables that are not a list of like rows (the attendance grid, cost breakdowns with totals) stay
 * hand-written.
 */
export function DataTable<Row>({
  rows,
  columns,
  rowKey,
  empty,
  scrollOnPhone = false,
  ...name
}: {
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey: (row: Row) => string;
  empty?: ReactNode;
  /** On a phone, the table keeps its columns and scrolls sideways instead of becoming cards (see above). */
  scrollOnPhone?: boolean;
} & Name) {
  if (rows.length === 0 && empty !== undefined) return <EmptyState>{empty}</EmptyState>;
  return (
    <ScrollableTable labelledBy={name.labelledBy} label={name.caption}>
      <table
        className={scrollOnPhone ? "data-table" : "data-table data-table-stacked"}
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
