import { periodKind, type Quartile } from "@nns/domain";
import { artifact, INK, LEFT, MUTED, type Pdf, put, RIGHT } from "../pdf/drawing.js";
import { QUARTILE_COLOURS, swatch } from "./board-report-page.js";

/**
 * The two chart types of the consultant's report, drawn as vector lines. Diagramtyp 1: the kommun's
 * line with its points coloured by quartile, the län's and the country's lines, and a grey band from the
 * lowest to the highest kommun. Diagramtyp 2: the kommun's women and men (points coloured by quartile)
 * beside the country's women and men. Lines differ by width and dash as well as colour, and each is
 * named at its end, so nothing depends on telling colours apart.
 */

export const CHART_HEIGHT = 120;
const PLOT_LEFT = LEFT + 34;
const PLOT_RIGHT = RIGHT - 82;
const GRID = "#d6d6d6";
const BAND = "#dcdcdc";
export const WOMEN = "#5aa6d6";
export const MEN = "#0b4f8c";
export const COUNTY = "#6b6b6b";

export interface Series {
  label: string;
  values: (number | null)[];
  colour: string;
  width: number;
  dash?: number;
  /** Points at each value, filled with the kommun's quartile colour. */
  quartiles?: (Quartile | null)[];
}

export interface ChartSpec {
  periods: string[];
  series: Series[];
  band?: { min: (number | null)[]; max: (number | null)[] };
}

const TICK = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });

/** A step giving four to six gridlines from zero past the largest value. */
function scale(values: number[]): { max: number; step: number } {
  const top = Math.max(0, ...values);
  const step = [0.1, 0.2, 0.5, 1, 2, 2.5, 5, 10, 20, 25, 50].find((s) => top / s <= 5) ?? 100;
  return { max: Math.max(step, Math.ceil(top / step) * step), step };
}

/** `2020`, or `2020-05` for a month: short enough to label every point of a few years. */
function periodTick(period: string): string {
  return periodKind(period) === "month" ? `${period.slice(0, 4)}-${period.slice(5)}` : period;
}

/** Runs of consecutive present values, so a missing period leaves a gap instead of a made-up line. */
function runs(values: (number | null)[]): number[][] {
  const result: number[][] = [];
  let current: number[] = [];
  values.forEach((value, i) => {
    if (value === null) {
      if (current.length > 0) result.push(current);
      current = [];
    } else current.push(i);
  });
  if (current.length > 0) result.push(current);
  return result;
}

/** End labels spread apart so close lines keep readable names, clamped to the plot. */
function spread(wanted: number[], top: number, bottom: number, gap = 9): number[] {
  const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  for (let k = 1; k < order.length; k++) {
    const previous = order[k - 1] as { y: number };
    const item = order[k] as { y: number };
    item.y = Math.max(item.y, previous.y + gap);
  }
  const overflow = (order[order.length - 1]?.y ?? bottom) - bottom;
  if (overflow > 0) for (const item of order) item.y = Math.max(top, item.y - overflow);
  const placed: number[] = [];
  for (const item of order) placed[item.i] = item.y;
  return placed;
}

export function drawChart(pdf: Pdf, spec: ChartSpec, top: number): void {
  const all = [...spec.series.flatMap((s) => s.values), ...(spec.band?.max ?? [])].filter(
    (v): v is number => v !== null,
  );
  const { max, step } = scale(all);
  const bottom = top + CHART_HEIGHT;
  const n = spec.periods.length;
  const x = (i: number) =>
    n === 1 ? (PLOT_LEFT + PLOT_RIGHT) / 2 : PLOT_LEFT + 8 + (i * (PLOT_RIGHT - PLOT_LEFT - 16)) / (n - 1);
  const y = (value: number) => bottom - (value / max) * CHART_HEIGHT;

  for (let tick = 0; tick <= max + step / 2; tick += step) {
    pdf.moveTo(PLOT_LEFT, y(tick)).lineTo(PLOT_RIGHT, y(tick)).lineWidth(0.4).strokeColor(GRID).stroke();
    put(pdf, `${TICK.format(tick)} %`, LEFT - 6, y(tick) - 3.5, {
      size: 7,
      color: MUTED,
      width: 36,
      align: "right",
    });
  }
  const every = Math.ceil(n / Math.floor((PLOT_RIGHT - PLOT_LEFT) / 34));
  spec.periods.forEach((period, i) => {
    if (i % every !== 0 && i !== n - 1) return;
    put(pdf, periodTick(period), x(i) - 20, bottom + 4, {
      size: 7,
      color: MUTED,
      width: 40,
      align: "center",
    });
  });

  if (spec.band) {
    const { min, max: high } = spec.band;
    const both = min.map((value, i) => (value === null || high[i] === null ? null : value));
    for (const run of runs(both)) {
      const [first, ...rest] = run as [number, ...number[]];
      pdf.moveTo(x(first), y(high[first] as number));
      for (const i of rest) pdf.lineTo(x(i), y(high[i] as number));
      for (const i of [...run].reverse()) pdf.lineTo(x(i), y(min[i] as number));
      pdf.closePath().fill(BAND);
    }
  }

  for (const series of spec.series) {
    for (const run of runs(series.values)) {
      const [first, ...rest] = run as [number, ...number[]];
      pdf.moveTo(x(first), y(series.values[first] as number));
      for (const i of rest) pdf.lineTo(x(i), y(series.values[i] as number));
      if (series.dash) pdf.dash(series.dash, { space: series.dash * 0.7 });
      pdf.lineWidth(series.width).strokeColor(series.colour).stroke().undash();
    }
    if (series.quartiles) {
      series.values.forEach((value, i) => {
        if (value === null) return;
        const quartile = series.quartiles?.[i] ?? null;
        pdf
          .circle(x(i), y(value), 3.2)
          .lineWidth(0.8)
          .fillAndStroke(quartile ? QUARTILE_COLOURS[quartile] : "#ffffff", series.colour);
      });
    }
  }

  pdf.moveTo(PLOT_LEFT, bottom).lineTo(PLOT_RIGHT, bottom).lineWidth(0.8).strokeColor(INK).stroke();

  const ends = spec.series.map((series) => {
    const last = series.values.findLastIndex((v) => v !== null);
    return last < 0 ? bottom : y(series.values[last] as number);
  });
  spread(ends, top, bottom).forEach((labelY, i) => {
    const series = spec.series[i] as Series;
    const sampleX = PLOT_RIGHT + 6;
    pdf.moveTo(sampleX, labelY).lineTo(sampleX + 10, labelY);
    if (series.dash) pdf.dash(series.dash * 0.6, { space: series.dash * 0.4 });
    pdf.lineWidth(series.width).strokeColor(series.colour).stroke().undash();
    put(pdf, series.label, sampleX + 13, labelY - 3.5, { size: 7, width: RIGHT - sampleX - 13 });
  });
}

/** What the points' colours and the grey band mean, under each chart. */
export function legend(pdf: Pdf, top: number, band: boolean): number {
  let x = PLOT_LEFT;
  put(pdf, "Punkternas färg:", x, top, { size: 7, color: MUTED, width: 60 });
  x += 58;
  for (const [quartile, word] of [
    ["low", "Låg"],
    ["middle", "Medel"],
    ["high", "Hög"],
  ] as const) {
    swatch(pdf, QUARTILE_COLOURS[quartile], x, top + 0.5, 7);
    put(pdf, word, x + 10, top, { size: 7, width: 30 });
    x += 38;
  }
  if (band) {
    x += 8;
    artifact(pdf, () => pdf.rect(x, top, 12, 7).fill(BAND));
    put(pdf, "Spridning mellan landets kommuner (lägst–högst)", x + 16, top, {
      size: 7,
      width: RIGHT - x - 16,
    });
  }
  return 12;
}
