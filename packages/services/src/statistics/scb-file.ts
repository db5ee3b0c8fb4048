import { ALL_AGES, type BenefitType, type StatisticsGender } from "@nns/domain";
import type { FigureRow } from "./figures.js";
import {
  type ColumnRole,
  columnRole,
  type Dimension,
  type DimensionRead,
  type Measure,
  numberOf,
  type RegionCell,
  readDimension,
  regionCell,
} from "./scb-labels.js";
import {
  type Cell,
  detectFormat,
  type FileFormat,
  readTable,
  type Table,
  UnreadableFileError,
} from "./scb-table.js";

/**
 * Reads SCB's download of the helårsekvivalenter table (HE0000T02N2) as PxWeb gives it: CSV or TSV in
 * any of its encodings and delimiters, or XLSX; long (one row per period, a column per measure) or wide
 * (a column per measure and period, or per period beside a `tabellinnehåll` column). Every cell is
 * checked; a file with any row error is refused whole, so the errors are collected rather than thrown.
 */

/** One thing wrong in the file, where a person finds it: the row as a spreadsheet numbers it and the column's header. */
export interface ImportRowError {
  row: number;
  column: string | null;
  value: string | null;
  message: string;
}

export interface ScbFile {
  format: FileFormat;
  rows: FigureRow[];
  periods: string[];
  errors: ImportRowError[];
  /** What was read but not stored, in Swedish. */
  notes: string[];
}

const MEASURE_WORDS: Record<Measure, string> = {
  fye: "helårsekvivalenter",
  population: "befolkning",
  share: "andel",
};

interface Column {
  index: number;
  header: string;
  role: ColumnRole;
}

const text = (cell: Cell | undefined): string =>
  cell === null || cell === undefined ? "" : String(cell).trim();
const isEmpty = (cell: Cell | undefined) => text(cell) === "";

/** The row naming the region column; SCB puts a title and a blank line above it. */
function findHeaderRow(table: Table): number {
  const limit = Math.min(table.length, 50);
  for (let i = 0; i < limit; i++) {
    const row = table[i] ?? [];
    if (
      row.some((cell) => {
        const role = columnRole(text(cell));
        return role.kind === "dimension" && role.dimension === "region";
      })
    )
      return i;
  }
  return -1;
}

/**
 * The columns, from the header row and, where PxWeb spreads the heading over two rows (measure above,
 * merged across its periods; periods below), from the row above it too.
 */
function readColumns(table: Table, headerRow: number): Column[] {
  const header = table[headerRow] ?? [];
  const roles = header.map((cell) => columnRole(text(cell)));
  const firstValue = roles.findIndex((role) => role.kind !== "dimension");
  const above = headerRow > 0 ? (table[headerRow - 1] ?? []) : [];
  const aboveIsHeading =
    firstValue >= 0 &&
    above.some((cell) => !isEmpty(cell)) &&
    above.every((cell, j) => isEmpty(cell) || j >= firstValue);
  let carried = "";
  return header.map((cell, index) => {
    let headerText = text(cell);
    if (aboveIsHeading && index >= firstValue) {
      if (!isEmpty(above[index])) carried = text(above[index]);
      if (carried) headerText = `${carried} ${headerText}`.trim();
    }
    return { index, header: headerText, role: columnRole(headerText) };
  });
}

interface Entry {
  row: FigureRow;
  /** The row each measure came from, to point at the first when a second one repeats it. */
  lines: Partial<Record<Measure, number>>;
  share: { value: number; row: number; column: string } | null;
}

interface Dimensions {
  region: string;
  gender: StatisticsGender;
  age: string;
  benefit: BenefitType;
  period: string | null;
  content: Measure | null;
}

const DIMENSION_WORDS: Record<Dimension, string> = {
  region: "region",
  gender: "kön",
  age: "ålder",
  benefit: "ersättning",
  period: "tid",
  content: "tabellinnehåll",
};

export async function parseScbFile(bytes: Uint8Array): Promise<ScbFile> {
  const format = detectFormat(bytes);
  const result: ScbFile = { format, rows: [], periods: [], errors: [], notes: [] };
  let table: Table;
  try {
    table = await readTable(bytes, format);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    result.errors.push({ row: 1, column: null, value: null, message: error.message });
    return result;
  }
  const headerRow = findHeaderRow(table);
  if (headerRow < 0) {
    result.errors.push({
      row: 1,
      column: null,
      value: null,
      message:
        "Filen saknar en rubrikrad med kolumnen ”region”. Ladda ner tabellen från SCB:s statistikdatabas med rubriker.",
    });
    return result;
  }
  const columns = readColumns(table, headerRow);
  const headerErrors = checkColumns(columns, headerRow + 1);
  if (headerErrors.length > 0) {
    result.errors.push(...headerErrors);
    return result;
  }
  readRows(table, headerRow, columns, result);
  return result;
}

function checkColumns(columns: Column[], row: number): ImportRowError[] {
  const errors: ImportRowError[] = [];
  const error = (column: string | null, message: string) =>
    errors.push({ row, column, value: null, message });
  const dimensions = new Map<Dimension, Column>();
  for (const column of columns) {
    if (column.role.kind !== "dimension") continue;
    if (dimensions.has(column.role.dimension))
      error(column.header, `Kolumnen för ${DIMENSION_WORDS[column.role.dimension]} finns två gånger.`);
    dimensions.set(column.role.dimension, column);
  }
  for (const required of ["gender", "benefit"] as const) {
    if (!dimensions.has(required))
      error(
        null,
        `Kolumnen för ${DIMENSION_WORDS[required]} saknas (rubriken ”${DIMENSION_WORDS[required]}”).`,
      );
  }
  const values = columns.filter((c) => c.role.kind === "value");
  if (values.length === 0) {
    error(null, "Filen saknar kolumner med värden (till exempel ”Helårsekvivalenter” och ”Befolkning”).");
    return errors;
  }
  const seen = new Set<string>();
  for (const column of values) {
    if (column.role.kind !== "value") continue;
    if (!column.role.measure && !dimensions.has("content"))
      error(column.header, "Kolumnen säger inte vad den mäter (helårsekvivalenter, befolkning eller andel).");
    if (!column.role.period && !dimensions.has("period"))
      error(column.header, "Kolumnen saknar period, och filen har ingen kolumn för tid.");
    const key = `${column.role.measure}|${column.role.period}`;
    if (seen.has(key)) error(column.header, "Samma mått och period finns i två kolumner.");
    seen.add(key);
  }
  if (!dimensions.has("content")) {
    for (const measure of ["fye", "population"] as const) {
      if (!values.some((c) => c.role.kind === "value" && c.role.measure === measure))
        error(null, `Kolumnen för ${MEASURE_WORDS[measure]} saknas.`);
    }
  }
  return errors;
}

function readRows(table: Table, headerRow: number, columns: Column[], result: ScbFile): void {
  const dimensionColumns = columns.filter((c) => c.role.kind === "dimension");
  const valueColumns = columns.filter((c) => c.role.kind === "value");
  const entries = new Map<string, Entry>();
  const previous = new Map<number, string>();
  const labelCache = new Map<Dimension, Map<string, DimensionRead>>();
  const measuresSeen = new Set<Measure>();
  let counties = 0;
  let country = 0;
  let textLines = 0;

  for (let i = headerRow + 1; i < table.length; i++) {
    const cells = table[i] ?? [];
    const line = i + 1;
    if (cells.every(isEmpty)) continue;
    const firstDimension = dimensionColumns[0];
    const firstText = firstDimension ? text(cells[firstDimension.index]) : "";
    if (valueColumns.every((c) => isEmpty(cells[c.index])) && !regionCell(firstText)) {
      // A footnote or source line under the table.
      textLines++;
      continue;
    }
    const errors: ImportRowError[] = [];
    const fail = (column: Column, value: string, message: string) =>
      errors.push({ row: line, column: column.header, value, message });
    const dims: Partial<Dimensions> = { age: ALL_AGES, period: null, content: null };
    let region: RegionCell | null = null;
    for (const column of dimensionColumns) {
      if (column.role.kind !== "dimension") continue;
      // PxWeb's spreadsheets leave a repeated value blank below its first row.
      let value = text(cells[column.index]);
      if (value === "") value = previous.get(column.index) ?? "";
      else previous.set(column.index, value);
      if (value === "") {
        fail(column, value, `Värde saknas för ${DIMENSION_WORDS[column.role.dimension]}.`);
        continue;
      }
      const dimension = column.role.dimension;
      // SCB repeats the same few labels on every row: each is read once.
      const cache = labelCache.get(dimension) ?? new Map<string, DimensionRead>();
      labelCache.set(dimension, cache);
      const read = cache.get(value) ?? readDimension(dimension, value);
      cache.set(value, read);
      if (!read.ok) {
        fail(column, value, read.message);
        continue;
      }
      (dims as Record<Dimension, string>)[dimension] = read.value;
      if (read.region) region = read.region;
    }

    const readings: { column: Column; measure: Measure; period: string; value: number | null }[] = [];
    for (const column of valueColumns) {
      if (column.role.kind !== "value") continue;
      const raw = cells[column.index] ?? null;
      const measure = column.role.measure ?? dims.content;
      const period = column.role.period ?? dims.period;
      if (!measure || !period) continue;
      const parsed = numberOf(raw ?? "");
      const shown = text(raw);
      if (!parsed.ok) {
        fail(column, shown, "Inte ett tal. Saknade värden skrivs ”..”.");
        continue;
      }
      if (parsed.value !== null && parsed.value < 0) {
        fail(column, shown, "Värdet får inte vara negativt.");
        continue;
      }
      if (measure === "population" && parsed.value !== null && !Number.isInteger(parsed.value)) {
        fail(column, shown, "Befolkningen ska vara ett heltal.");
        continue;
      }
      readings.push({ column, measure, period, value: parsed.value });
    }
    result.errors.push(...errors);
    if (errors.length > 0 || !region) continue;
    const level = (region as NonNullable<typeof region>).level;
    if (level === "county") {
      counties++;
      continue;
    }
    if (level === "country") {
      country++;
      continue;
    }

    let repeated = false;
    for (const { column, measure, period, value } of readings) {
      // An empty share says nothing, so it neither repeats nor is repeated.
      if (measure === "share" && value === null) continue;
      measuresSeen.add(measure);
      const key = [period, dims.region, dims.gender, dims.age, dims.benefit].join("|");
      let entry = entries.get(key);
      if (!entry) {
        entry = {
          row: {
            period,
            municipalityCode: dims.region as string,
            gender: dims.gender as StatisticsGender,
            ageGroup: dims.age as string,
            benefit: dims.benefit as BenefitType,
            fullYearEquivalents: null,
            population: null,
          },
          lines: {},
          share: null,
        };
        entries.set(key, entry);
      }
      const earlier = entry.lines[measure];
      if (earlier !== undefined) {
        // One error per row is enough to find it; a wide row would otherwise repeat it per period.
        if (repeated) continue;
        repeated = true;
        result.errors.push({
          row: line,
          column: column.header,
          value: text(cells[column.index]),
          message: `Samma region, kön, ålder, ersättning och period finns redan på rad ${earlier}.`,
        });
        continue;
      }
      entry.lines[measure] = line;
      if (measure === "fye") entry.row.fullYearEquivalents = value;
      else if (measure === "population") entry.row.population = value;
      else if (value !== null) entry.share = { value, row: line, column: column.header };
    }
  }

  for (const measure of ["fye", "population"] as const) {
    if (!measuresSeen.has(measure) && entries.size > 0)
      result.errors.push({
        row: headerRow + 1,
        column: null,
        value: null,
        message: `Filen saknar ${MEASURE_WORDS[measure]}.`,
      });
  }
  const periods = new Set<string>();
  for (const entry of entries.values()) {
    periods.add(entry.row.period);
    result.rows.push(entry.row);
    const { fullYearEquivalents: fye, population } = entry.row;
    if (!entry.share || fye === null || population === null || population <= 0) continue;
    const computed = (fye / population) * 100;
    if (Math.abs(computed - entry.share.value) > 0.1)
      result.errors.push({
        row: entry.share.row,
        column: entry.share.column,
        value: String(entry.share.value).replace(".", ","),
        message: `Andelen stämmer inte med helårsekvivalenter och befolkning (${computed.toFixed(1).replace(".", ",")} %).`,
      });
  }
  result.periods = [...periods].sort();
  if (counties > 0)
    result.notes.push(
      `${counties} rader för län lästes men sparades inte: länens siffror räknas fram ur kommunernas.`,
    );
  if (country > 0)
    result.notes.push(
      `${country} rader för riket lästes men sparades inte: rikets siffror räknas fram ur kommunernas.`,
    );
  if (textLines > 0)
    result.notes.push(`${textLines} rader med bara text (till exempel fotnoter) hoppades över.`);
  result.errors.sort((a, b) => a.row - b.row);
}
