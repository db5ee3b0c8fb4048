import {
  ageGroupLabel,
  BENEFIT_LABELS_SV,
  QUARTILE_LABELS_SV,
  type RegionMeasures,
  STATISTICS_GENDER_LABELS_SV,
  type StatisticsView,
} from "@nns/domain";
import { type CsvCell, writeCsv } from "../csv.js";

const LEVEL_SV: Record<RegionMeasures["level"], string> = {
  forbund: "Förbund",
  municipality: "Kommun",
  county: "Län",
  country: "Riket",
};

const HEADER = [
  "Region",
  "Regionkod",
  "Nivå",
  "Period",
  "Ersättning",
  "Kön",
  "Ålder",
  "Helårsekvivalenter",
  "Befolkning",
  "Andel %",
  "Förändring procentenheter",
  "Kvartil",
  "Källa",
  "Demodata",
] as const;

/** What a missing value says where a word stands; number cells stay empty so Excel keeps them numbers. */
export const MISSING_VALUE_SV = "Uppgift saknas";

/** Two decimals: one more than people read, so sums and differences in a spreadsheet stay close to ours. */
const rounded = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 100) / 100;

function sourceCell(view: StatisticsView): string {
  const { sourceTable, importedAt, isDemo } = view.source;
  const day = importedAt.slice(0, 10);
  return isDemo
    ? `Demodata: påhittade siffror, inte SCB:s (skapade ${day})`
    : `SCB, tabell ${sourceTable} (importerad ${day})`;
}

/**
 * A view's figures as Swedish Excel reads them (semicolon, decimal comma, UTF-8 with BOM), one line per
 * region and measure: the förbund's total first, then its kommuner, län and riket. Every line names its
 * source and whether the figures are demo figures, so a copied line cannot lose either.
 */
export function statisticsViewCsv(view: StatisticsView): string {
  const source = sourceCell(view);
  const demo = view.source.isDemo ? "Ja" : "Nej";
  const regions = [
    ...(view.subject.kind === "forbund" ? [view.total] : []),
    ...view.municipalities,
    ...view.counties,
    view.country,
  ];
  const rows: CsvCell[][] = regions.flatMap((region) =>
    region.measures.map((cell) => [
      region.name,
      region.code,
      LEVEL_SV[region.level],
      view.source.periodLabel,
      BENEFIT_LABELS_SV[cell.benefit],
      STATISTICS_GENDER_LABELS_SV[cell.gender],
      ageGroupLabel(cell.ageGroup),
      cell.fullYearEquivalents,
      cell.population,
      rounded(cell.share),
      rounded(cell.change),
      region.level !== "municipality"
        ? null
        : cell.quartile
          ? QUARTILE_LABELS_SV[cell.quartile]
          : MISSING_VALUE_SV,
      source,
      demo,
    ]),
  );
  return writeCsv(HEADER, rows);
}

/** `statistik-sundsvall-2020.csv`. */
export function statisticsCsvFileName(view: StatisticsView): string {
  return `statistik-${view.subject.code}-${view.source.period}.csv`;
}
