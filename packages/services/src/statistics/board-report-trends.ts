import {
  ageGroupLabel,
  BENEFIT_LABELS_SV,
  formatShare,
  periodLabel,
  type StatisticsTrend,
  shareCell,
} from "@nns/domain";
import { figure, INK, LEFT, MUTED, type Pdf, put, RIGHT, within } from "../pdf/drawing.js";
import {
  CHART_HEIGHT,
  type ChartSpec,
  COUNTY,
  drawChart,
  legend,
  MEN,
  WOMEN,
} from "./board-report-charts.js";
import { CONTENT_BOTTOM, CONTENT_TOP, type Flow } from "./board-report-page.js";
import {
  type Column,
  drawTable,
  headerHeight,
  type Row,
  rowHeight,
  type TableSpec,
} from "./board-report-table.js";

/**
 * The board report's pages per kommun: for each measure, Diagramtyp 1 from the total and Diagramtyp 2
 * from women and men, each chart with its heading, a sentence on how to read it, and its figures in a
 * table beneath, kept on one page when they fit.
 */

interface Block {
  heading: string;
  description: string;
  alt: string;
  chart: ChartSpec;
  table: TableSpec;
}

function periodRange(trend: StatisticsTrend): string {
  const first = trend.points[0]?.period;
  const last = trend.points[trend.points.length - 1]?.period;
  if (!first || !last) return "";
  return first === last ? periodLabel(first) : `${periodLabel(first)}–${periodLabel(last)}`;
}

function measureName(trend: StatisticsTrend): string {
  return `${BENEFIT_LABELS_SV[trend.benefit]}, ${ageGroupLabel(trend.ageGroup)}`;
}

function columns(widths: number[]): Column[] {
  let x = LEFT;
  return widths.map((width, i) => {
    const column: Column = { x, width, align: i === 0 ? "left" : "right" };
    x += width + 6;
    return column;
  });
}

function endsSentence(values: (number | null)[]): string {
  const present = values.filter((v): v is number => v !== null);
  const first = present[0];
  const last = present[present.length - 1];
  if (first === undefined || last === undefined) return "Uppgift saknas för hela perioden.";
  return `Från ${formatShare(first)} till ${formatShare(last)}.`;
}

/** Diagramtyp 1 for one kommun and measure. */
function overviewBlock(trend: StatisticsTrend, countyName: string): Block {
  const { points } = trend;
  const name = trend.municipality.name;
  const shares = points.map((p) => p.share);
  const table: TableSpec = {
    columns: columns([62, 54, 48, 76, 54, 54, 54]).map((c, i) =>
      i === 2 ? { ...c, align: "left" as const } : c,
    ),
    header: [
      [
        { text: "Period", from: 0, to: 0 },
        { text: name, from: 1, to: 1 },
        { text: "Kvartil", from: 2, to: 2 },
        { text: countyName, from: 3, to: 3 },
        { text: "Riket", from: 4, to: 4 },
        { text: "Lägst", from: 5, to: 5 },
        { text: "Högst", from: 6, to: 6 },
      ],
    ],
    rows: points.map(
      (p): Row => ({
        cells: [
          periodLabel(p.period),
          shareCell(p.share),
          { quartile: p.quartile },
          shareCell(p.countyShare),
          shareCell(p.countryShare),
          shareCell(p.min),
          shareCell(p.max),
        ],
      }),
    ),
  };
  return {
    heading: measureName(trend),
    description:
      `Andel av befolkningen ${ageGroupLabel(trend.ageGroup)} i ${name} ${periodRange(trend)}, punkterna färgade ` +
      `efter kvartil, jämfört med ${countyName} (streckad linje) och riket (tjock linje). Det grå fältet går ` +
      "från kommunen med lägst till kommunen med högst andel.",
    alt:
      `Linjediagram: ${measureName(trend)} i ${name} ${periodRange(trend)}. ${endsSentence(shares)} ` +
      "Siffrorna står i tabellen under diagrammet.",
    chart: {
      periods: points.map((p) => p.period),
      band: { min: points.map((p) => p.min), max: points.map((p) => p.max) },
      series: [
        { label: countyName, values: points.map((p) => p.countyShare), colour: COUNTY, width: 0.9, dash: 3 },
        { label: "Riket", values: points.map((p) => p.countryShare), colour: INK, width: 1.8 },
        { label: name, values: shares, colour: MEN, width: 2, quartiles: points.map((p) => p.quartile) },
      ],
    },
    table,
  };
}

/** Diagramtyp 2 for one kommun and measure, from its women's and men's trends. */
function genderBlock(women: StatisticsTrend, men: StatisticsTrend): Block {
  const name = women.municipality.name;
  const periods = [...new Set([...women.points, ...men.points].map((p) => p.period))].sort();
  const at = (trend: StatisticsTrend, period: string) => trend.points.find((p) => p.period === period);
  const table: TableSpec = {
    columns: columns([62, 50, 48, 50, 48, 62, 62]).map((c, i) =>
      i === 2 || i === 4 ? { ...c, align: "left" as const } : c,
    ),
    header: [
      [
        { text: "Period", from: 0, to: 0 },
        { text: "Kvinnor", from: 1, to: 1 },
        { text: "Kvartil", from: 2, to: 2 },
        { text: "Män", from: 3, to: 3 },
        { text: "Kvartil", from: 4, to: 4 },
        { text: "Kvinnor, riket", from: 5, to: 5 },
        { text: "Män, riket", from: 6, to: 6 },
      ],
    ],
    rows: periods.map((period): Row => {
      const w = at(women, period);
      const m = at(men, period);
      return {
        cells: [
          periodLabel(period),
          shareCell(w?.share ?? null),
          { quartile: w?.quartile ?? null },
          shareCell(m?.share ?? null),
          { quartile: m?.quartile ?? null },
          shareCell(w?.countryShare ?? null),
          shareCell(m?.countryShare ?? null),
        ],
      };
    }),
  };
  const values = (trend: StatisticsTrend, pick: "share" | "countryShare") =>
    periods.map((period) => at(trend, period)?.[pick] ?? null);
  const quartiles = (trend: StatisticsTrend) => periods.map((period) => at(trend, period)?.quartile ?? null);
  return {
    heading: `${measureName(women)}, kvinnor och män`,
    description:
      `Andel av kvinnorna (ljusblå) och männen (mörkblå) ${ageGroupLabel(women.ageGroup)} i ${name} ` +
      `${periodRange(women)}, med punkterna färgade efter kvartil, jämfört med kvinnor och män i riket ` +
      "(streckade linjer).",
    alt:
      `Linjediagram: ${measureName(women)} för kvinnor och män i ${name} ${periodRange(women)}. ` +
      `Kvinnor: ${endsSentence(values(women, "share")).toLowerCase()} ` +
      `Män: ${endsSentence(values(men, "share")).toLowerCase()} Siffrorna står i tabellen under diagrammet.`,
    chart: {
      periods,
      series: [
        {
          label: "Kvinnor, riket",
          values: values(women, "countryShare"),
          colour: WOMEN,
          width: 1.2,
          dash: 3,
        },
        { label: "Män, riket", values: values(men, "countryShare"), colour: MEN, width: 1.2, dash: 3 },
        {
          label: "Kvinnor",
          values: values(women, "share"),
          colour: WOMEN,
          width: 2,
          quartiles: quartiles(women),
        },
        { label: "Män", values: values(men, "share"), colour: MEN, width: 2, quartiles: quartiles(men) },
      ],
    },
    table,
  };
}

const CHART_BLOCK = CHART_HEIGHT + 14 + 16;

function drawBlock(pdf: Pdf, flow: Flow, block: Block, band: boolean): void {
  pdf.font("Helvetica").fontSize(8);
  const descriptionHeight = pdf.heightOfString(block.description, { width: RIGHT - LEFT, lineGap: 1 });
  const intro = 16 + descriptionHeight + 8;
  const firstRows = block.table.rows
    .slice(0, 3)
    .reduce((sum, row) => sum + rowHeight(pdf, block.table, row), 0);
  const whole =
    intro +
    CHART_BLOCK +
    headerHeight(pdf, block.table) +
    block.table.rows.reduce((sum, row) => sum + rowHeight(pdf, block.table, row), 0);
  // Keep chart and table together when they fit on a page; a long table at least starts under its chart.
  const start = intro + CHART_BLOCK + headerHeight(pdf, block.table) + firstRows;
  flow.need(whole <= CONTENT_BOTTOM - CONTENT_TOP ? whole : start);
  flow.y += put(pdf, block.heading, LEFT, flow.y, { tag: "H3", size: 10, bold: true }) + 4;
  flow.y += put(pdf, block.description, LEFT, flow.y, { size: 8, color: MUTED }) + 8;
  const top = flow.y + 4;
  figure(pdf, block.alt, () => drawChart(pdf, block.chart, top));
  flow.y = top + CHART_HEIGHT + 16;
  flow.y += legend(pdf, flow.y, band) + 6;
  drawTable(pdf, flow, block.table);
  flow.y += 16;
}

export interface KommunTrends {
  countyName: string;
  trends: StatisticsTrend[];
}

/**
 * One section per kommun, each on a new page: for every benefit it has trends for, Diagramtyp 1 from
 * the total and Diagramtyp 2 from women and men.
 */
export function drawTrendSections(pdf: Pdf, flow: Flow, sections: KommunTrends[]): void {
  for (const { countyName, trends } of sections) {
    const first = trends[0];
    if (!first) continue;
    flow.newPage();
    within(pdf, "Sect", () => {
      flow.y +=
        put(pdf, `${first.municipality.name}: utveckling över tid`, LEFT, flow.y, {
          tag: "H2",
          size: 13,
          bold: true,
        }) + 10;
      const measures = [...new Set(trends.map((t) => `${t.benefit}|${t.ageGroup}`))];
      for (const measure of measures) {
        const of = (gender: string) =>
          trends.find((t) => `${t.benefit}|${t.ageGroup}` === measure && t.gender === gender);
        const total = of("total");
        if (total) drawBlock(pdf, flow, overviewBlock(total, countyName), true);
        const women = of("women");
        const men = of("men");
        if (women && men) drawBlock(pdf, flow, genderBlock(women, men), false);
      }
    });
  }
}
