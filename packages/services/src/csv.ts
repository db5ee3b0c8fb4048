import { stringify } from "csv-stringify/sync";

/**
 * What a CSV cell may hold. Numbers stay numbers, so a negative figure is written as `-3`, not `'-3`;
 * `{ ore }` is an amount of money, written in kronor with two decimals.
 */
export type CsvCell = string | number | null | { ore: number };

export interface CsvOptions {
  /** `;` for Swedish Excel, which takes the comma as the decimal sign. Default `,`. */
  delimiter?: "," | ";";
  /** Start with a UTF-8 byte order mark, without which Excel reads the file as Windows-1252. */
  bom?: boolean;
  /** Write numbers and amounts with a decimal comma (`31250,00`), as Excel in a Swedish locale reads them. */
  decimalComma?: boolean;
}

/** Öre as kronor with two decimals: 3125000 → `31250.00`, -50 → `-0.50`. */
function kronor(ore: number, decimal: string): string {
  const abs = Math.abs(ore);
  return `${ore < 0 ? "-" : ""}${Math.floor(abs / 100)}${decimal}${String(abs % 100).padStart(2, "0")}`;
}

/**
 * Every CSV the product writes goes through here (lint forbids importing csv-stringify elsewhere), so a new
 * export is safe from formula injection without anyone thinking of it (OWASP "CSV Injection"):
 * - `escape_formulas`: a string cell starting with `=`, `+`, `-`, `@`, tab or CR (and the full-width
 *   `＝＋－＠` that Apple Numbers normalises) gets a leading `'`, so spreadsheets show it as text. Number
 *   cells are left alone: they cannot hold a formula, and `-3` must stay a number. Amounts are written
 *   here from an integer, so they are numbers too.
 * - `quoted_string`: every string cell is quoted, so a spreadsheet that splits on another separator (Excel
 *   with a Swedish locale splits on `;`) cannot start a new cell, and thus a formula, inside one.
 */
export function writeCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: CsvOptions = {},
): string {
  const decimal = options.decimalComma ? "," : ".";
  const csv = stringify([[...header], ...rows.map((row) => [...row])], {
    delimiter: options.delimiter ?? ",",
    escape_formulas: true,
    quoted_string: true,
    cast: {
      number: (value) => String(value).replace(".", decimal),
      object: (value) => {
        const { ore } = value as { ore: number };
        if (!Number.isSafeInteger(ore)) throw new RangeError("an amount must be whole öre");
        // Not escaped: it starts with a digit or the minus sign of a number we wrote ourselves.
        return { value: kronor(ore, decimal), escape_formulas: false };
      },
    },
  });
  return options.bom ? `\uFEFF${csv}` : csv;
}

/** Swedish Excel writes `;`, everything else `,`: the first line (a header, usually) tells which. */
export function csvDelimiterOf(csv: string): "," | ";" {
  const first = csv.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  return (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ";" : ",";
}
