import { ORIENTATION_LABELS_SV } from "@nns/domain";
import { type CsvCell, writeCsv } from "../csv.js";
import type { CatalogEntryView } from "./public-catalog.js";
import { type PublicResult, resultTotalsView } from "./result-view.js";

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
  budget?: { year: number; amountOre: number }[];
  goals?: {
    resultGoalPercent: number | null;
    resultGoalWithinMonths: number | null;
    volumeGoalParticipants: number | null;
    plannedThroughputMonths: number | null;
  };
}

/** The columns integrators have read since the export began, in their order, then the added ones. */
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
  "resultat_period",
  "resultat_beräkning",
  "kvinnor",
  "män",
  "bedömda_ej_inskrivna",
  "budget_kr",
  "budget_per_år",
  "rapporterad_budget_kr",
  "rapporterad_kostnad_kr",
  "resultatmål_procent",
  "resultatmål_inom_månader",
  "volymmål_deltagare",
  "genomströmning_månader",
  "återbetald_efter_månader",
  "nettonytta_kr",
  "nettonytta_år",
];

const WHOLE_KRONOR = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 });

const money = (ore: number | null | undefined): CsvCell =>
  ore === null || ore === undefined ? null : { ore };

/**
 * One row per entry, lists joined with "; ", codes in words. `deltagare` and `positiv_andel_procent` are
 * the entry's totals over its published reports (`resultTotals`: the latest cumulative report, intervals
 * added up), with `resultat_period` the span they cover and `resultat_beräkning` how they were made;
 * `senaste_period` is the latest report's period. Amounts in kronor with two decimals.
 */
export function catalogCsv(entries: CatalogEntryView[]): string {
  const rows = entries.map((entry) => {
    const d = entry.document as unknown as ExportDocument;
    const results = entry.results as PublicResult[];
    const latest = [...results].sort(
      (a, b) => a.periodEnd.localeCompare(b.periodEnd) || b.periodStart.localeCompare(a.periodStart),
    )[results.length - 1];
    const totals = resultTotalsView(results);
    const socio = [...results].reverse().find((r) => r.socioEconomic)?.socioEconomic ?? null;
    const budget = d.budget ?? [];
    const goals = d.goals;
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
      latest ? totals.participants.total : "",
      latest ? totals.positiveSharePercent : "",
      totals.periodStart ? `${totals.periodStart}–${totals.periodEnd}` : "",
      latest ? totals.explanationSv : "",
      latest ? totals.participants.women : "",
      latest ? totals.participants.men : "",
      totals.assessedNotEnrolled,
      budget.length > 0 ? { ore: budget.reduce((s, b) => s + b.amountOre, 0) } : null,
      budget.map((b) => `${b.year}: ${WHOLE_KRONOR.format(Math.round(b.amountOre / 100))} kr`).join("; "),
      money(totals.budgetOre),
      money(totals.costOre),
      goals?.resultGoalPercent ?? null,
      goals?.resultGoalWithinMonths ?? null,
      goals?.volumeGoalParticipants ?? null,
      goals?.plannedThroughputMonths ?? null,
      socio?.paybackMonths ?? null,
      money(socio?.netBenefitOre),
      socio?.netBenefitYears ?? null,
    ];
  });
  return writeCsv(COLUMNS, rows);
}
