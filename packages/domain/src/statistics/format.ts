import { formatChange, formatShare } from "./summary.js";

/**
 * Table cells for shares and changes, on top of the summary's formatters (one decimal with a comma, the
 * change signed): what a missing value (SCB `..`) shows, and a change without its unit for a column
 * whose header names it.
 */

export const MISSING_SV = "–";
/** What the dash means, for a legend and for screen readers. */
export const MISSING_TEXT_SV = "Uppgift saknas";

/** 13.8123 → `13,8 %`; missing → `–`. */
export function shareCell(share: number | null): string {
  return share === null ? MISSING_SV : formatShare(share);
}

/** 0.46 → `+0,5`, −0.31 → `−0,3`; missing → `–`. */
export function changeCell(change: number | null): string {
  return change === null ? MISSING_SV : formatChange(change).replace(/ procentenheter$/, "");
}
