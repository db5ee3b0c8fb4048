import type { ItemFigures } from "@nns/domain";
import { type CsvCell, writeCsv } from "../csv.js";
import type { ActivityCell, GroupFiguresView, Report } from "./reports.js";

/** What a withheld cell says, in the file as on the screen. */
export const SUPPRESSED_CELL = "för få";

const RESPONDENT_LABELS = { participant: "Deltagare", coach: "Handledare" } as const;

const HEADER = [
  "Instrument",
  "Svarande",
  "Grupp",
  "Deltagare i gruppen",
  "Mätta deltagare",
  "Mätningar",
  "Fråga (kod)",
  "Fråga",
  "Antal med två mätningar",
  "Medel första",
  "Medel senaste",
  "Förflyttning (skalsteg)",
  "Förbättrade %",
  "Oförändrade %",
  "Försämrade %",
] as const;

function instrumentLabel(report: Report): string {
  const { name, versionNumber, placeholder } = report.instrument;
  const marked = placeholder && !/platshållare/i.test(name) ? `${name} (platshållare)` : name;
  return `${marked}, version ${versionNumber}`;
}

function activityCells(cell: ActivityCell | undefined): CsvCell[] {
  if (!cell) return [0, 0, 0];
  if (cell.suppressed) return [SUPPRESSED_CELL, SUPPRESSED_CELL, SUPPRESSED_CELL];
  return [cell.participants, cell.measuredParticipants, cell.measurements];
}

function figureCells(group: GroupFiguresView, item: ItemFigures | undefined): CsvCell[] {
  if (group.suppressed || !item) return Array(7).fill(SUPPRESSED_CELL);
  return [
    group.n,
    item.meanFirst,
    item.meanLatest,
    item.distance,
    item.improvedPercent,
    item.unchangedPercent,
    item.worsePercent,
  ];
}

/**
 * The report as Swedish Excel reads it (semicolon, decimal comma, UTF-8 with BOM): one line per group and
 * item, the total first; a withheld group says "för få" in every figure, never a number.
 */
export function reportCsv(report: Report, items: readonly { code: string; label: string }[]): string {
  const instrument = instrumentLabel(report);
  const respondent = RESPONDENT_LABELS[report.respondent];
  const activity = new Map(report.activity.groups.map((a) => [a.group, a]));
  const rows: CsvCell[][] = [];
  for (const group of [report.total, ...report.groups]) {
    const counts = activityCells(group.group === null ? report.activity.total : activity.get(group.group));
    for (const item of items) {
      const figures = group.suppressed ? undefined : group.items.find((i) => i.code === item.code);
      rows.push([
        instrument,
        respondent,
        group.label,
        ...counts,
        item.code,
        item.label,
        ...figureCells(group, figures),
      ]);
    }
  }
  return writeCsv(HEADER, rows);
}
