import { stringify } from "csv-stringify/sync";

/** What a CSV cell may hold. Numbers stay numbers, so a negative figure is written as `-3`, not `'-3`. */
export type CsvCell = string | number | null;

/**
 * Every CSV the product writes goes through here (lint forbids importing csv-stringify elsewhere), so a new
 * export is safe from formula injection without anyone thinking of it (OWASP "CSV Injection"):
 * - `escape_formulas`: a string cell starting with `=`, `+`, `-`, `@`, tab or CR (and the full-width
 *   `＝＋－＠` that Apple Numbers normalises) gets a leading `'`, so spreadsheets show it as text. Number
 *   cells are left alone: they cannot hold a formula, and `-3` must stay a number.
 * - `quoted_string`: every string cell is quoted, so a spreadsheet that splits on another separator (Excel
 *   with a Swedish locale splits on `;`) cannot start a new cell, and thus a formula, inside one.
 */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([[...header], ...rows.map((row) => [...row])], {
    escape_formulas: true,
    quoted_string: true,
  });
}
