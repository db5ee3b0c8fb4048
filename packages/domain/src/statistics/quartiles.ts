/**
 * Quartile colours as SCB's reports and seed 003 use them: each kommun's value ranked against all
 * kommuner with a value for the same measure and period. Green: at or below the 25th percentile (the
 * lowest quarter); red: above the 75th (the highest quarter); yellow: between. Missing values get no
 * colour. The colour is never shown alone: the number and the word stand beside it (WCAG 1.4.1).
 */

export type Quartile = "low" | "middle" | "high";

export const QUARTILE_LABELS_SV: Record<Quartile, string> = {
  low: "Lägsta fjärdedelen",
  middle: "Mittersta hälften",
  high: "Högsta fjärdedelen",
};

/** Short words for tables and legends beside the colour. */
export const QUARTILE_SHORT_SV: Record<Quartile, string> = {
  low: "Låg",
  middle: "Medel",
  high: "Hög",
};

export interface CutPoints {
  p25: number;
  p75: number;
  min: number;
  max: number;
  /** How many values the cut points were computed from. */
  count: number;
}

/**
 * The p-th percentile (0–1) of sorted values by linear interpolation between closest ranks: Excel's
 * PERCENTILE.INC, R's type 7 and PostgreSQL's `percentile_cont`, so the import's SQL and this agree.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError("No values");
  const rank = p * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const low = sorted[lower] as number;
  return low + ((sorted[upper] as number) - low) * (rank - lower);
}

/** Cut points over the values that are present; null when none are. */
export function cutPoints(values: readonly (number | null)[]): CutPoints | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (present.length === 0) return null;
  return {
    p25: percentile(present, 0.25),
    p75: percentile(present, 0.75),
    min: present[0] as number,
    max: present[present.length - 1] as number,
    count: present.length,
  };
}

/**
 * Which quarter a value falls in. Ties with a cut point go to the lower class (a value equal to the 25th
 * percentile is green, one equal to the 75th yellow), as "at or below" in the reports.
 */
export function quartileOf(
  value: number | null,
  cuts: Pick<CutPoints, "p25" | "p75"> | null,
): Quartile | null {
  if (value === null || cuts === null) return null;
  if (value <= cuts.p25) return "low";
  if (value > cuts.p75) return "high";
  return "middle";
}
