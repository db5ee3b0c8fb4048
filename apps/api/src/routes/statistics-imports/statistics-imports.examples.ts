import { example } from "../../lib/examples.js";

const IMPORT_ID = "5d1c3e9a-8b27-4f60-a4d3-2e9b7c1f0a58";
const FAILED_ID = "c47e2b91-0d5a-4c38-9f16-7a3e8d2b5c04";

const BASE = {
  id: IMPORT_ID,
  sourceTable: "HE0000T02N2",
  fileName: "HE0000T02N2_20261120-101512.csv",
  fileFormat: "csv",
  isDemo: false,
  createdAt: "2026-11-20T10:15:40.000Z",
} as const;

export const QUEUED_IMPORT = example({
  ...BASE,
  status: "queued",
  periods: [],
  progressDone: 0,
  progressTotal: 0,
  figureCount: 0,
  errorCount: 0,
  startedAt: null,
  finishedAt: null,
  errors: [],
  notes: [],
});

export const DONE_IMPORT = example({
  ...BASE,
  status: "done",
  periods: ["2025M09", "2025M10"],
  progressDone: 8120,
  progressTotal: 8120,
  figureCount: 14_308,
  errorCount: 0,
  startedAt: "2026-11-20T10:15:41.000Z",
  finishedAt: "2026-11-20T10:15:52.000Z",
  errors: [],
  notes: ["42 rader för län lästes men sparades inte: länens siffror räknas fram ur kommunernas."],
});

export const FAILED_IMPORT = example({
  ...BASE,
  id: FAILED_ID,
  fileName: "helarsekvivalenter-2025.xlsx",
  fileFormat: "xlsx",
  status: "failed",
  periods: ["2025"],
  progressDone: 0,
  progressTotal: 0,
  figureCount: 0,
  errorCount: 2,
  startedAt: "2026-11-20T10:20:03.000Z",
  finishedAt: "2026-11-20T10:20:04.000Z",
  errors: [
    { row: 214, column: "region", value: "0999 Okänd", message: "Okänd kommunkod 0999." },
    {
      row: 388,
      column: "Helårsekvivalenter 2025",
      value: "12a",
      message: "Inte ett tal. Saknade värden skrivs ”..”.",
    },
  ],
  notes: [],
});

const { errors: _errors, notes: _notes, ...summary } = DONE_IMPORT;
export const IMPORT_SUMMARY = example(summary);

const LINES = [
  ["region", "kön", "ålder", "ersättning", "månad", "Helårsekvivalenter", "Befolkning"],
  ["2281 Sundsvall", "män", "20-64 år", "Sjukpenning", "2025M10", "412", "29500"],
  ["2281 Sundsvall", "kvinnor", "20-64 år", "Sjukpenning", "2025M10", "..", "28500"],
];

/** A body per media type: the same rows as SCB writes them. */
export const UPLOAD_EXAMPLES: Record<string, string> = {
  "text/csv": LINES.map((l) => l.join(",")).join("\n"),
  "text/tab-separated-values": LINES.map((l) => l.join("\t")).join("\n"),
  "text/plain": LINES.map((l) => l.join(";")).join("\n"),
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
    "(the bytes of the .xlsx file as SCB's statistical database downloads it)",
};
