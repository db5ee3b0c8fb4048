import { MISSING_SV, MISSING_TEXT_SV, type Quartile } from "@nns/domain";
import { artifact, type Pdf, put, rule, within } from "../pdf/drawing.js";
import { CONTENT_BOTTOM, type Flow, quartileCell } from "./board-report-page.js";

/**
 * The board report's tables: tagged as a table with header rows, a quartile drawn as swatch and word,
 * and rows that flow onto the next page with the header repeated (as an artifact: in the structure the
 * table has its header once).
 */

export interface Column {
  x: number;
  width: number;
  align?: "left" | "right";
}

export type Cell = string | { quartile: Quartile | null };

export interface Row {
  cells: Cell[];
  bold?: boolean;
  /** A rule above the row, to set comparison rows (förbund, län, riket) apart from the kommuner. */
  ruleAbove?: boolean;
}

/** A header cell spanning columns `from` to `to`, both inclusive. */
export interface HeaderSpan {
  text: string;
  from: number;
  to: number;
}

export interface TableSpec {
  columns: Column[];
  header: HeaderSpan[][];
  rows: Row[];
}

const SIZE = 8;
const HEADER_SIZE = 7.5;
const PADDING = 4;

function span(columns: Column[], cell: HeaderSpan): { x: number; width: number } {
  const first = columns[cell.from] as Column;
  const last = columns[cell.to] as Column;
  return { x: first.x, width: last.x + last.width - first.x };
}

function textHeight(pdf: Pdf, text: string, width: number, size: number, bold = false): number {
  pdf.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(size);
  return pdf.heightOfString(text, { width, lineGap: 1 });
}

function headerRowHeight(pdf: Pdf, columns: Column[], row: HeaderSpan[]): number {
  return (
    Math.max(...row.map((cell) => textHeight(pdf, cell.text, span(columns, cell).width, HEADER_SIZE, true))) +
    PADDING
  );
}

export function headerHeight(pdf: Pdf, spec: TableSpec): number {
  return spec.header.reduce((sum, row) => sum + headerRowHeight(pdf, spec.columns, row), 0) + 2;
}

export function rowHeight(pdf: Pdf, spec: TableSpec, row: Row): number {
  const heights = row.cells.map((cell, i) =>
    typeof cell === "string"
      ? textHeight(pdf, cell, (spec.columns[i] as Column).width, SIZE, row.bold)
      : SIZE,
  );
  return Math.max(...heights) + PADDING;
}

/** Height of the whole table, to keep a short one on one page. */
export function tableHeight(pdf: Pdf, spec: TableSpec): number {
  return headerHeight(pdf, spec) + spec.rows.reduce((sum, row) => sum + rowHeight(pdf, spec, row), 0);
}

function drawHeader(pdf: Pdf, flow: Flow, spec: TableSpec): void {
  for (const row of spec.header) {
    const height = headerRowHeight(pdf, spec.columns, row);
    within(pdf, "TR", () => {
      for (const cell of row) {
        const { x, width } = span(spec.columns, cell);
        const align = cell.from === cell.to ? (spec.columns[cell.from]?.align ?? "left") : "left";
        put(pdf, cell.text, x, flow.y, { tag: "TH", size: HEADER_SIZE, bold: true, width, align });
      }
    });
    flow.y += height;
  }
  const first = spec.columns[0] as Column;
  const last = spec.columns[spec.columns.length - 1] as Column;
  rule(pdf, flow.y - 2, first.x, last.x + last.width);
  flow.y += 2;
}

export function drawTable(pdf: Pdf, flow: Flow, spec: TableSpec): void {
  const first = spec.columns[0] as Column;
  const last = spec.columns[spec.columns.length - 1] as Column;
  within(pdf, "Table", () => {
    drawHeader(pdf, flow, spec);
    for (const row of spec.rows) {
      const height = rowHeight(pdf, spec, row);
      if (flow.y + height > CONTENT_BOTTOM) {
        flow.newPage();
        artifact(pdf, () => drawHeader(pdf, flow, spec));
      } else if (row.ruleAbove) {
        rule(pdf, flow.y - 1, first.x, last.x + last.width);
      }
      within(pdf, "TR", () => {
        row.cells.forEach((cell, i) => {
          const column = spec.columns[i] as Column;
          if (typeof cell === "string") {
            put(pdf, cell, column.x, flow.y + 1, {
              tag: "TD",
              size: SIZE,
              bold: row.bold,
              width: column.width,
              align: column.align ?? "left",
              actual: cell === MISSING_SV ? MISSING_TEXT_SV : undefined,
            });
          } else {
            quartileCell(pdf, cell.quartile, column.x, flow.y + 1);
          }
        });
      });
      flow.y += height;
    }
  });
}
