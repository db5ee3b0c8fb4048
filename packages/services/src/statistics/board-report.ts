import {
  ALL_AGES,
  ageGroupLabel,
  BENEFIT_LABELS_SV,
  BENEFIT_TYPES,
  type BenefitType,
  changeCell,
  formatShare,
  type MeasureCell,
  MISSING_SV,
  MISSING_TEXT_SV,
  periodLabel,
  QUARTILE_LABELS_SV,
  QUARTILE_SHORT_SV,
  type RegionMeasures,
  STATISTICS_GENDER_LABELS_SV,
  STATISTICS_GENDERS,
  type StatisticsGender,
  type StatisticsTrend,
  type StatisticsView,
  shareCell,
} from "@nns/domain";
import { forEachPage, openTaggedA4 } from "../pdf/document.js";
import { artifact, LEFT, MUTED, type Pdf, put, WIDTH, within } from "../pdf/drawing.js";
import { stockholmDate } from "../trainings/scope.js";
import {
  DEMO_MARKER,
  DEMO_RED,
  drawFurniture,
  Flow,
  type PageFurniture,
  QUARTILE_COLOURS,
  swatch,
} from "./board-report-page.js";
import {
  type Cell,
  type Column,
  drawTable,
  type Row,
  type TableSpec,
  tableHeight,
} from "./board-report-table.js";
import { drawTrendSections, type KommunTrends } from "./board-report-trends.js";

/**
 * The board report: a förbund's (or one kommun's) needs analysis as a printable Swedish A4 PDF, in place
 * of the consultant's "Offentlig försörjning" report of seed 003. Page one says what the figures are and
 * where they come from, the summary and how to read the colours; then the försörjningsprofil (every
 * kommun, the förbund, the län and the country by benefit type, for all, women and men); then per kommun
 * the trend charts with their figures. Pure: the same view and trends give the same bytes.
 */

export const BOARD_REPORT_TITLE = "Behovsanalys – offentlig försörjning";

function subjectLine(view: StatisticsView): string {
  return `${view.subject.name}, ${view.source.periodLabel}`;
}

export function boardReportSourceLine(view: StatisticsView): string {
  const { source } = view;
  return (
    `Källa: SCB, tabell ${source.sourceTable} (helårsekvivalenter), ${source.periodLabel}, ` +
    `importerad ${stockholmDate(new Date(source.importedAt))}`
  );
}

function titleBlock(pdf: Pdf, flow: Flow, view: StatisticsView): void {
  flow.y += put(pdf, BOARD_REPORT_TITLE, LEFT, flow.y, { tag: "H1", size: 18, bold: true }) + 4;
  flow.y += put(pdf, subjectLine(view), LEFT, flow.y, { size: 13, bold: true }) + 6;
  const comparison = view.previousPeriod
    ? `Förändringar jämförs med ${periodLabel(view.previousPeriod)}.`
    : "Siffror för samma period ett år tidigare saknas, så förändringar visas inte.";
  flow.y += put(pdf, `${boardReportSourceLine(view)}. ${comparison}`, LEFT, flow.y, { color: MUTED }) + 8;
  if (view.source.isDemo) {
    const text = `${DEMO_MARKER}. Siffrorna är skapade för att visa hur rapporten fungerar och kommer inte från SCB.`;
    pdf.font("Helvetica-Bold").fontSize(9);
    const height = pdf.heightOfString(text, { width: WIDTH - 16, lineGap: 1 }) + 12;
    artifact(pdf, () =>
      pdf.lineWidth(1).rect(LEFT, flow.y, WIDTH, height).fillAndStroke("#fdecea", DEMO_RED),
    );
    put(pdf, text, LEFT + 8, flow.y + 6, { bold: true, size: 9, color: DEMO_RED, width: WIDTH - 16 });
    flow.y += height + 10;
  }
}

function section(pdf: Pdf, flow: Flow, heading: string, room: number): void {
  flow.need(room);
  flow.y += 6;
  flow.y += put(pdf, heading, LEFT, flow.y, { tag: "H2", size: 13, bold: true }) + 6;
}

function summary(pdf: Pdf, flow: Flow, view: StatisticsView): void {
  if (view.summary.length === 0) return;
  section(pdf, flow, "Sammanfattning", 60);
  for (const paragraph of view.summary) {
    pdf.font("Helvetica").fontSize(10);
    flow.need(pdf.heightOfString(paragraph, { width: WIDTH, lineGap: 1 }));
    flow.y += put(pdf, paragraph, LEFT, flow.y, { size: 10 }) + 5;
  }
}

/** The quartile colours in words, and what the shares mean: the consultant's "Läsanvisning". */
function readingGuide(pdf: Pdf, flow: Flow, ageGroup: string): void {
  section(pdf, flow, "Så läses rapporten", 170);
  const paragraphs = [
    `Andelen är antalet helårsekvivalenter i förhållande till befolkningen ${ageGroupLabel(ageGroup)}. ` +
      "En andel på 20 % betyder att utbetalningarna ur de offentliga försörjningssystemen motsvarar en " +
      "omfattning som skulle kunna försörja 20 % av befolkningen i arbetsför ålder. Förändringen är " +
      "skillnaden mot samma period ett år tidigare, i procentenheter.",
    "Varje kommun jämförs med landets alla kommuner för samma mått och period. Färgen står alltid " +
      "tillsammans med ett ord:",
  ];
  for (const paragraph of paragraphs) flow.y += put(pdf, paragraph, LEFT, flow.y) + 5;
  const items: [string | null, string][] = [
    [
      QUARTILE_COLOURS.low,
      `${QUARTILE_SHORT_SV.low} (grön) – ${QUARTILE_LABELS_SV.low.toLowerCase()}: högst 25:e percentilen.`,
    ],
    [
      QUARTILE_COLOURS.middle,
      `${QUARTILE_SHORT_SV.middle} (gul) – ${QUARTILE_LABELS_SV.middle.toLowerCase()}: över 25:e men högst 75:e percentilen.`,
    ],
    [
      QUARTILE_COLOURS.high,
      `${QUARTILE_SHORT_SV.high} (röd) – ${QUARTILE_LABELS_SV.high.toLowerCase()}: över 75:e percentilen.`,
    ],
    [null, `${MISSING_SV} ${MISSING_TEXT_SV}: inget värde och ingen färg.`],
  ];
  within(pdf, "L", () => {
    for (const [colour, text] of items) {
      within(pdf, "LI", () => {
        if (colour) swatch(pdf, colour, LEFT + 4, flow.y + 1);
        flow.y += put(pdf, text, LEFT + 18, flow.y, { tag: "LBody", width: WIDTH - 18 }) + 3;
      });
    }
  });
  flow.y +=
    put(
      pdf,
      "Bara kommunerna får färg. Förbundet som helhet, länet och riket står med för jämförelse. Brytpunkterna " +
        "(25:e och 75:e percentilen) för varje mått står under dess tabell.",
      LEFT,
      flow.y + 2,
    ) + 6;
}

/** The profile table's columns: the region, then share, change and quartile for all, women and men. */
const REGION_WIDTH = 104;
const PROFILE_COLUMNS: Column[] = [
  { x: LEFT, width: REGION_WIDTH },
  ...STATISTICS_GENDERS.flatMap((_, g): Column[] => {
    const x = LEFT + REGION_WIDTH + 8 + g * 127;
    return [
      { x, width: 34, align: "right" },
      { x: x + 37, width: 42, align: "right" },
      { x: x + 85, width: 38 },
    ];
  }),
];

function cellOf(region: RegionMeasures, benefit: BenefitType, gender: StatisticsGender, ageGroup: string) {
  return region.measures.find((m) => m.benefit === benefit && m.gender === gender && m.ageGroup === ageGroup);
}

function profileCells(cell: MeasureCell | undefined, coloured: boolean): Cell[] {
  return [
    shareCell(cell?.share ?? null),
    changeCell(cell?.change ?? null),
    { quartile: coloured ? (cell?.quartile ?? null) : null },
  ];
}

function profileRows(view: StatisticsView, benefit: BenefitType, ageGroup: string): Row[] {
  const row = (region: RegionMeasures, coloured: boolean, extra: Partial<Row> = {}): Row => ({
    cells: [
      region.name,
      ...STATISTICS_GENDERS.flatMap((gender) =>
        profileCells(cellOf(region, benefit, gender, ageGroup), coloured),
      ),
    ],
    ...extra,
  });
  const comparisons = [
    ...(view.subject.kind === "forbund" ? [view.total] : []),
    ...view.counties,
    view.country,
  ];
  return [
    ...view.municipalities.map((m) => row(m, true)),
    ...comparisons.map((region, i) =>
      row(region, false, { ruleAbove: i === 0, bold: region === view.total }),
    ),
  ];
}

function cutPointsNote(view: StatisticsView, benefit: BenefitType, ageGroup: string): string {
  const parts = STATISTICS_GENDERS.flatMap((gender) => {
    const cuts = view.cutPoints.find(
      (c) => c.benefit === benefit && c.gender === gender && c.ageGroup === ageGroup,
    );
    if (!cuts) return [];
    return [
      `${STATISTICS_GENDER_LABELS_SV[gender].toLowerCase()} ${formatShare(cuts.p25)} och ${formatShare(cuts.p75)} ` +
        `(lägst ${formatShare(cuts.min)}, högst ${formatShare(cuts.max)}, ${cuts.municipalityCount} kommuner)`,
    ];
  });
  const change = view.previousPeriod
    ? `Förändring i procentenheter mot ${periodLabel(view.previousPeriod)}.`
    : "Förändring saknas.";
  const cuts = parts.length > 0 ? ` Brytpunkter (25:e och 75:e percentilen): ${parts.join("; ")}.` : "";
  return `Andel i procent av befolkningen ${ageGroupLabel(ageGroup)}. ${change}${cuts}`;
}

function profileTable(view: StatisticsView, benefit: BenefitType, ageGroup: string): TableSpec {
  return {
    columns: PROFILE_COLUMNS,
    header: [
      STATISTICS_GENDERS.map((gender, g) => ({
        text: STATISTICS_GENDER_LABELS_SV[gender],
        from: 1 + g * 3,
        to: 3 + g * 3,
      })),
      [
        { text: view.subject.kind === "forbund" ? "Kommun eller område" : "Område", from: 0, to: 0 },
        ...STATISTICS_GENDERS.flatMap((_, g) => [
          { text: "Andel", from: 1 + g * 3, to: 1 + g * 3 },
          { text: "Förändring", from: 2 + g * 3, to: 2 + g * 3 },
          { text: "Kvartil", from: 3 + g * 3, to: 3 + g * 3 },
        ]),
      ],
    ],
    rows: profileRows(view, benefit, ageGroup),
  };
}

/** Benefits with at least one share for the age group, in SCB's order: a table of dashes says nothing. */
function benefitsWithFigures(view: StatisticsView, ageGroup: string): BenefitType[] {
  const regions = [view.total, ...view.municipalities, ...view.counties, view.country];
  return BENEFIT_TYPES.filter((benefit) =>
    regions.some((region) =>
      region.measures.some((m) => m.benefit === benefit && m.ageGroup === ageGroup && m.share !== null),
    ),
  );
}

function profile(pdf: Pdf, flow: Flow, view: StatisticsView): void {
  for (const ageGroup of view.ageGroups) {
    const benefits = benefitsWithFigures(view, ageGroup);
    if (benefits.length === 0) continue;
    within(pdf, "Sect", () => {
      const heading = `Försörjningsprofil ${view.source.periodLabel}, ${ageGroupLabel(ageGroup)}`;
      const first = profileTable(view, benefits[0] as BenefitType, ageGroup);
      section(pdf, flow, heading, 40 + tableHeight(pdf, first));
      for (const benefit of benefits) {
        const table = profileTable(view, benefit, ageGroup);
        const note = cutPointsNote(view, benefit, ageGroup);
        pdf.font("Helvetica").fontSize(7.5);
        const noteHeight = pdf.heightOfString(note, { width: WIDTH, lineGap: 1 });
        flow.need(18 + tableHeight(pdf, table) + noteHeight);
        flow.y += put(pdf, BENEFIT_LABELS_SV[benefit], LEFT, flow.y, { tag: "H3", size: 10, bold: true }) + 4;
        drawTable(pdf, flow, table);
        flow.y += put(pdf, note, LEFT, flow.y + 2, { size: 7.5, color: MUTED }) + 14;
      }
    });
  }
}

/** The trends grouped per kommun in the view's order, each with its län's name for the labels. */
function trendSections(view: StatisticsView, trends: StatisticsTrend[]): KommunTrends[] {
  return view.municipalities.flatMap((kommun) => {
    const own = trends.filter((t) => t.municipality.code === kommun.code);
    const countyCode = own[0]?.municipality.countyCode;
    const county = view.counties.find((c) => c.code === countyCode);
    return own.length > 0 ? [{ countyName: county?.name ?? "Länet", trends: own }] : [];
  });
}

export function renderBoardReport(view: StatisticsView, trends: StatisticsTrend[]): Promise<Buffer> {
  const { pdf, finish } = openTaggedA4({
    title: `${BOARD_REPORT_TITLE}, ${subjectLine(view)}`,
    author: "NNS – Nationella nätverket för samordningsförbund",
    subject: `Helårsekvivalenter i ${view.subject.name}, ${view.source.periodLabel}`,
    creationDate: new Date(view.source.importedAt),
  });
  const flow = new Flow(pdf, 50);
  titleBlock(pdf, flow, view);
  summary(pdf, flow, view);
  readingGuide(pdf, flow, view.ageGroups[0] ?? ALL_AGES);
  profile(pdf, flow, view);
  drawTrendSections(pdf, flow, trendSections(view, trends));

  const furniture: PageFurniture = {
    title: BOARD_REPORT_TITLE,
    subject: subjectLine(view),
    sourceLine: boardReportSourceLine(view),
    isDemo: view.source.isDemo,
  };
  forEachPage(pdf, (page, pages) => drawFurniture(pdf, furniture, page, pages));
  return finish();
}
