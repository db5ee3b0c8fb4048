import { ORIENTATION_LABELS_SV } from "@nns/domain";
import { writeCsv } from "../csv.js";
import type { CatalogEntryView } from "./public-catalog.js";
import type { PublicResult } from "./snapshot.js";

interface ExportDocument {
  id: string;
  title: string;
  summary: string;
  organization: { name: string } | null;
  coOwners: { name: string }[];
  orientation: keyof typeof ORIENTATION_LABELS_SV;
  focusArea: { label: string };
  statusLabel: string;
  startDate: string | null;
  endDate: string | null;
  area: { counties: { name: string }[]; municipalities: { name: string }[] };
  targetGroups: { label: string }[];
  methods: { label: string }[];
  memberParties: string[];
  esfFunded: boolean;
}

const COLUMNS = [
  "id",
  "titel",
  "sammanfattning",
  "förbund",
  "medägare",
  "inriktning",
  "preciserad_inriktning",
  "status",
  "startdatum",
  "slutdatum",
  "län",
  "kommuner",
  "målgrupper",
  "metoder",
  "huvudmän",
  "esf",
  "senaste_period",
  "deltagare",
  "positiv_andel_procent",
];

/**
 * One row per entry, lists joined with "; ", the latest reporting period's headline figures; codes in
 * words. The column names stay as integrators have read them since the export began.
 */
export function catalogCsv(entries: CatalogEntryView[]): string {
  const rows = entries.map((entry) => {
    const d = entry.document as unknown as ExportDocument;
    const latest = (entry.results as PublicResult[]).at(-1);
    return [
      d.id,
      d.title,
      d.summary,
      d.organization?.name ?? "",
      d.coOwners.map((o) => o.name).join("; "),
      ORIENTATION_LABELS_SV[d.orientation],
      d.focusArea.label,
      d.statusLabel,
      d.startDate ?? "",
      d.endDate ?? "",
      d.area.counties.map((c) => c.name).join("; "),
      d.area.municipalities.map((m) => m.name).join("; "),
      d.targetGroups.map((t) => t.label).join("; "),
      d.methods.map((m) => m.label).join("; "),
      d.memberParties.join("; "),
      d.esfFunded ? "Ja" : "Nej",
      latest ? `${latest.periodStart}–${latest.periodEnd}` : "",
      latest ? latest.participants.total : "",
      latest?.positiveSharePercent ?? "",
    ];
  });
  return writeCsv(COLUMNS, rows);
}
