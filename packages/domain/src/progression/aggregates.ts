import { percentOneDecimal } from "../catalog/results.js";
import type { InstrumentItem } from "./instruments.js";

/**
 * Aggregates of progression: per group (a gender, an age band, a start quarter, a förbund, an insats or
 * everyone) and item, over the participants with at least two readings by the respondent, comparing each
 * one's first reading with their latest.
 *
 * Improvement: a participant improved on an item when their latest answer is at least
 * IMPROVEMENT_THRESHOLD_STEPS scale steps better than their first (in the item's direction), worsened
 * when at least as many steps worse, and is unchanged otherwise. Distance travelled is the mean change in
 * the better direction, in scale steps.
 */
export const IMPROVEMENT_THRESHOLD_STEPS = 1;

export const DIMENSIONS = [
  "none",
  "gender",
  "age_band",
  "start_quarter",
  "organization",
  "intervention",
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** One row of `progression_aggregate` (0015_progression.sql); `group` null is the total over all groups. */
export interface AggregateCell {
  group: string | null;
  /** 1-based position of the item among the respondent's items, as in the answer arrays. */
  itemIndex: number;
  n: number;
  firstSum: number;
  latestSum: number;
  improved: number;
  unchanged: number;
  worse: number;
}

export interface ItemFigures {
  code: string;
  label: string;
  meanFirst: number;
  meanLatest: number;
  /** Mean change in the better direction, in scale steps (two decimals). */
  distance: number;
  improvedPercent: number | null;
  unchangedPercent: number | null;
  worsePercent: number | null;
}

export type GroupFigures =
  | { group: string | null; suppressed: false; n: number; items: ItemFigures[] }
  | { group: string | null; suppressed: true; reason: "too_few" | "complementary" };

const round2 = (x: number) => Math.round(x * 100) / 100;

export function directionSigns(items: readonly InstrumentItem[]): number[] {
  return items.map((item) => (item.direction === "higher_is_better" ? 1 : -1));
}

export interface Suppression {
  /** Groups whose figures must not be shown, with why. */
  hidden: Map<string, "too_few" | "complementary">;
  totalHidden: boolean;
}

/**
 * Which groups of one table to hide so that no group under `minGroupSize` can be read or worked out.
 * Primary: every group with 1…k−1 people. Complementary: the hidden groups together are the total minus
 * the shown ones, so they must be at least two and hold at least k people between them; the smallest other
 * groups with people in them are hidden until they do, and when none is left, the total is hidden too.
 * Empty groups (0) are shown: they say nothing about anyone. A total under k hides everything.
 */
export function suppress(
  groups: readonly { key: string; n: number }[],
  total: number,
  minGroupSize: number,
): Suppression {
  const hidden = new Map<string, "too_few" | "complementary">();
  if (total < minGroupSize) {
    for (const g of groups) hidden.set(g.key, "too_few");
    return { hidden, totalHidden: true };
  }
  let hiddenPeople = 0;
  for (const g of groups) {
    if (g.n > 0 && g.n < minGroupSize) {
      hidden.set(g.key, "too_few");
      hiddenPeople += g.n;
    }
  }
  if (hidden.size === 0) return { hidden, totalHidden: false };
  const candidates = groups
    .filter((g) => g.n > 0 && !hidden.has(g.key))
    .sort((a, b) => a.n - b.n || a.key.localeCompare(b.key));
  while (hidden.size < 2 || hiddenPeople < minGroupSize) {
    const complement = candidates.shift();
    if (!complement) return { hidden, totalHidden: true };
    hidden.set(complement.key, "complementary");
    hiddenPeople += complement.n;
  }
  return { hidden, totalHidden: false };
}

/**
 * Figures per group from the function's cells, with suppression applied: the only way aggregates leave
 * the services. `items` are the respondent's items in answer order.
 */
export function groupFigures(
  cells: readonly AggregateCell[],
  items: readonly InstrumentItem[],
  minGroupSize: number,
): { total: GroupFigures; groups: GroupFigures[] } {
  const byGroup = new Map<string | null, AggregateCell[]>();
  for (const cell of cells) byGroup.set(cell.group, [...(byGroup.get(cell.group) ?? []), cell]);
  const sizeOf = (group: string | null) => byGroup.get(group)?.[0]?.n ?? 0;
  const keys = [...byGroup.keys()].filter((k): k is string => k !== null).sort();
  const { hidden, totalHidden } = suppress(
    keys.map((key) => ({ key, n: sizeOf(key) })),
    sizeOf(null),
    minGroupSize,
  );
  const figures = (group: string | null, reason: "too_few" | "complementary" | undefined): GroupFigures => {
    if (reason) return { group, suppressed: true, reason };
    const rows = byGroup.get(group) ?? [];
    const n = sizeOf(group);
    return {
      group,
      suppressed: false,
      n,
      items: items.map((item, i) => {
        const cell = rows.find((r) => r.itemIndex === i + 1);
        const sign = item.direction === "higher_is_better" ? 1 : -1;
        if (!cell || cell.n === 0) {
          return {
            code: item.code,
            label: item.label,
            meanFirst: 0,
            meanLatest: 0,
            distance: 0,
            improvedPercent: null,
            unchangedPercent: null,
            worsePercent: null,
          };
        }
        return {
          code: item.code,
          label: item.label,
          meanFirst: round2(cell.firstSum / cell.n),
          meanLatest: round2(cell.latestSum / cell.n),
          distance: round2((sign * (cell.latestSum - cell.firstSum)) / cell.n),
          improvedPercent: percentOneDecimal(cell.improved, cell.n),
          unchangedPercent: percentOneDecimal(cell.unchanged, cell.n),
          worsePercent: percentOneDecimal(cell.worse, cell.n),
        };
      }),
    };
  };
  return {
    total: figures(null, totalHidden ? "too_few" : undefined),
    groups: keys.map((key) => figures(key, hidden.get(key))),
  };
}
