import type { Translations } from "../../i18n/types";
import type { sv } from "./sv";

export const en: Translations<typeof sv> = {
  title: "SCB statistics import",
  description:
    "Upload SCB's table of full-year equivalents (HE0000T02N2) as the statistical database downloads it: CSV, TSV or Excel (xlsx), long or wide. Every row is checked against the country's 290 kommuner. If a single row is wrong nothing is saved. A period imported again is replaced whole.",
  upload: {
    heading: "Upload a file",
    file: "File from SCB",
    hint: "CSV, TSV or xlsx, at most 100 MB.",
    submit: "Upload and import",
    uploading: "Uploading …",
    bar: "Upload",
    barValue: "{{sent}} of {{total}} MB",
    failed: "The file could not be uploaded",
  },
  progress: {
    heading: "Import of {{fileName}}",
    bar: "Import",
    barValue: "{{done}} of {{total}} rows",
    waiting: "Waiting to be read …",
    done: "Done: {{count}} figures saved for {{periods}}.",
    failed: "The import failed. Nothing was changed.",
    errorsCaption: "Errors in the file ({{count}})",
    errorsMore: "Showing the first {{shown}} of {{count}} errors.",
  },
  errors: {
    row: "Row",
    rowValue: "Row {{row}}",
    column: "Column",
    value: "Value",
    message: "Error",
  },
  notes: "Notes",
  list: {
    heading: "Imports",
    caption: "Imports, newest first",
    empty: "No imports yet.",
    file: "File",
    periods: "Periods",
    source: "Source table",
    importedAt: "Imported",
    status: "Status",
    figures: "Figures",
    demo: "Demo",
    demoLabel: "Made-up demo figures",
    none: "–",
  },
  status: {
    queued: "Queued",
    reading: "Reading the file",
    writing: "Saving",
    done: "Done",
    failed: "Failed",
  },
};
