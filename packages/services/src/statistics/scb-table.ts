import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { readSheet } from "read-excel-file/node";

/** A file as rows of cells, before anything is known of what they mean. */
export type Cell = string | number | null;
export type Table = Cell[][];

export type FileFormat = "csv" | "xlsx";

/** An XLSX file is a zip archive, which starts `PK\x03\x04`; anything else is read as text. */
export function detectFormat(bytes: Uint8Array): FileFormat {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? "xlsx" : "csv";
}

/**
 * UTF-8 when the bytes are valid UTF-8 (with or without a byte order mark), else Windows-1252, which is
 * what Excel and older SCB downloads write on Swedish Windows.
 */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Not TextDecoder: Node 20's "windows-1252" is Latin-1, which turns 0x96 (the en dash in `20–64 år`)
    // into a control character.
    text = iconv.decode(Buffer.from(bytes), "win1252");
  }
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

const DELIMITERS = ["\t", ";", ","] as const;

/**
 * The delimiter that splits the widest line among the first ones (quoted parts not counted), so a
 * title line above the table and decimal commas inside a semicolon file do not mislead it. Ties go to
 * tab, then semicolon.
 */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/, 30);
  let best: string = ",";
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    for (const line of lines) {
      const count = line.replace(/"[^"]*"/g, "").split(delimiter).length - 1;
      if (count > bestCount) {
        best = delimiter;
        bestCount = count;
      }
    }
  }
  return best;
}

function readText(bytes: Uint8Array): Table {
  const text = decodeText(bytes);
  return parse(text, {
    delimiter: detectDelimiter(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  }) as string[][];
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const rows = await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return rows.map((row) =>
    row.map((cell) =>
      cell === null || typeof cell === "number" || typeof cell === "string" ? cell : String(cell),
    ),
  );
}

export class UnreadableFileError extends Error {}

/** The first sheet of an XLSX file, or a CSV/TSV file, as rows of cells. */
export async function readTable(bytes: Uint8Array, format: FileFormat): Promise<Table> {
  try {
    return format === "xlsx" ? await readXlsx(bytes) : readText(bytes);
  } catch (error) {
    throw new UnreadableFileError(
      format === "xlsx"
        ? "Filen kunde inte läsas som en Excel-fil (xlsx)."
        : `Filen kunde inte läsas som CSV: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
