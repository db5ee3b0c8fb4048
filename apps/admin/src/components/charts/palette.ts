/**
 * Colours and fills shared by the charts. Every colour keeps at least 3:1 against the white page (WCAG
 * 1.4.11) and white text on it 4.5:1; series also differ in fill (solid, hatched, dotted) so that they are
 * told apart without colour (1.4.1), and the legend, direct labels and table name them in words.
 */

/** The page's text colour: axis ticks, labels on pale fills and the outline of every bar segment. */
export const INK = "#1b1f24";

export const COLOURS = {
  blue: "#1d4f91",
  orange: "#a3461a",
  grey: "#56606b",
  green: "#1e6b3a",
} as const;

export type Fill = "solid" | "hatch" | "dots";

/** One series of a chart: its key in the data, its name in the legend and how it is drawn. */
export interface Series {
  key: string;
  label: string;
  colour: string;
  fill: Fill;
}

/** The pattern's id within one chart (`prefix` from useId keeps two charts on a page apart). */
export function patternId(prefix: string, series: Series): string {
  return `${prefix.replace(/[^a-zA-Z0-9_-]/g, "")}-${series.key}`;
}

/** What to give a bar's `fill`: the colour itself, or the series' pattern. */
export function fillOf(prefix: string, series: Series): string {
  return series.fill === "solid" ? series.colour : `url(#${patternId(prefix, series)})`;
}

/** Text drawn on a segment: white on a solid fill, the ink on a pattern's pale ground. */
export function labelInkOf(series: Series): string {
  return series.fill === "solid" ? "#ffffff" : INK;
}
