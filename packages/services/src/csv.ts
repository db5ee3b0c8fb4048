import { stringify } from "csv-stringify/sync";

/**
 * What a CSV cell may hold. Numbers stay numbers, so a negative figure is written as `-3`, not `'-3`;
 * `{ ore }` is an amount of money, written in kronor with two decimals.
 */
export type CsvCell = string | number | null | { ore: number };

/** Öre as kronor with two decimals: 3125000 → `31250,00`, -50 → `-0,50`. */
function kronor(ore: number): string {
  const abs = Math.abs(ore);
  return `${ore < 0 ? "-" : ""}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, "0")}`;
}

/**
 * Every CSV the product writes goes through here (lint forbids importing csv-stringify elsewhere), so every
 * export opens correctly in Swedish Excel and is safe from formula injection without anyone thinking of it:
 * - Swedish Excel's dialect: a UTF-8 byte order mark (without it Excel reads Windows-1252), `;` between
 *   cells (Excel in a Swedish locale takes the comma as the decimal sign) and decimal commas.
 * - OWASP "CSV Injection":
 * - `escape_formulas`: a string cell starting with `=`, `+`, `-`, `@`, tab or CR (and the full-width
 *   `＝＋－＠` that Apple Numbers normalises) gets a leading `'`, so spreadsheets show it as text. Number
 *   cells are left alone: they cannot hold a formula, and `-3` must stay a number. Amounts are written
 *   here from an integer, so they are numbers too.
 * - `quoted_string`: every string cell is quoted, so a spreadsheet that splits on another separator (Excel
 *   with a Swedish locale splits on `;`) cannot start a new cell, and thus a formula, inside one.
 */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const csv = stringify([[...header], ...rows.map((row) => [...row])], {
    delimiter: ";",
    escape_formulas: true,
    quoted_string: true,
    cast: {
      number: (value) => String(value).replace(".", ","),
      object: (value) => {
        const { ore } = value as { ore: number };
        if (!Number.isSafeInteger(ore)) throw new RangeError("an amount must be whole öre");
        // Not escaped: it starts with a digit or the minus sign of a number we wrote ourselves.
        return { value: kronor(ore), escape_formulas: false };
      },
    },
  });
  return `\uFEFF${csv}`;
}

/** Swedish Excel writes `;`, everything else `,`: the first line (a header, usually) tells which. */
export function csvDelimiterOf(csv: string): "," | ";" {
  const first = csv.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  return (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ";" : ",";
}

const STOCKHOLM = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  dateStyle: "short",
  timeStyle: "medium",
});

/** A moment in Swedish time as Excel reads a date and time: `2026-11-27 09:49:12`; null stays empty. */
export function csvTimestamp(at: Date | null): string | null {
  return at ? STOCKHOLM.format(at) : null;
}
