import {
  inReportingOrder,
  percentOneDecimal,
  reportingPeriodLabel,
  reportingPeriodsOverlap,
} from "@nns/domain";
import type * as services from "@nns/services";
import { html } from "hono/html";
import { percent } from "./layout.js";

/**
 * An entry's results as a chart drawn on the server: one bar per reporting period, split into where the
 * participants went, positive outcomes first so that the length of that group is the positive share and
 * reads against the result goal's line. Plain SVG (no script), named and described for screen readers,
 * with the same figures as a table beside it.
 */

/** Positive outcomes in blues and greens, the others in warm shades; each at least 3:1 against white. */
const POSITIVE = ["#1d4f91", "#2e7d32", "#00707a", "#4a5fc1"];
const OTHER = ["#b3541e", "#8e3b8f", "#9a6700", "#a0266b", "#5c6670"];
/** Participants still without an outcome: pale, and labelled as such in the legend and the table. */
const NO_OUTCOME = "#d5dae0";

/** Narrow enough that its text stays legible when a phone scales it down; capped on wide screens. */
const WIDTH = 400;
const ROW = 64;
const BAR = 28;
const TOP = 30;
const AXIS = 28;

interface Segment {
  label: string;
  colour: string;
  counts: number[];
}

/** The categories as segments, positive first, and the participants not yet counted in any outcome. */
function segmentsOf(results: services.PublicResult[]): Segment[] {
  const first = results[0]?.outcomes ?? [];
  const ordered = [...first.filter((o) => o.positive), ...first.filter((o) => !o.positive)];
  let positive = 0;
  let other = 0;
  const segments = ordered.map((outcome) => ({
    label: `${outcome.label}${outcome.positive ? " (positivt)" : ""}`,
    colour: outcome.positive
      ? (POSITIVE[positive++ % POSITIVE.length] as string)
      : (OTHER[other++ % OTHER.length] as string),
    counts: results.map((r) => r.outcomes.find((o) => o.code === outcome.code)?.count ?? 0),
  }));
  const without = results.map((r) => r.participants.total - r.outcomes.reduce((sum, o) => sum + o.count, 0));
  if (without.some((n) => n > 0))
    segments.push({ label: "Inget utfall ännu", colour: NO_OUTCOME, counts: without });
  return segments;
}

const x = (percentValue: number) => (WIDTH * percentValue) / 100;

/** The chart and its table for an entry with reported results; nothing for one without. */
export function resultsChart(all: services.PublicResult[], resultGoalPercent: number | null) {
  const results = inReportingOrder(all.filter((r) => r.participants.total > 0));
  if (results.length === 0) return "";
  const labels = results.map(reportingPeriodLabel);
  const segments = segmentsOf(results);
  const overlap = reportingPeriodsOverlap(results);
  const height = TOP + ROW * results.length + AXIS;
  const description = results
    .map(
      (r, i) =>
        `${labels[i]}: ${r.participants.total} deltagare, ${percent(r.positiveSharePercent)} positivt utfall`,
    )
    .concat(resultGoalPercent === null ? [] : [`Resultatmål ${percent(resultGoalPercent)}`])
    .join(". ");
  const bars = results.map((result, i) => {
    const y = TOP + ROW * i;
    const total = result.participants.total;
    let before = 0;
    const parts = segments.map((segment) => {
      const count = segment.counts[i] ?? 0;
      // Drawn to the exact fraction, so the segments fill the bar; the text says the rounded share.
      const rect = html`<rect x="${((WIDTH * before) / total).toFixed(1)}" y="${y + 20}" width="${((WIDTH * count) / total).toFixed(1)}" height="${BAR}" fill="${segment.colour}" stroke="#fff" stroke-width="1"><title>${segment.label}: ${count} (${percent(percentOneDecimal(count, total))})</title></rect>`;
      before += count;
      return rect;
    });
    return html`<text x="0" y="${y + 14}" font-size="13" fill="#1a1a1a"><tspan font-weight="bold">${labels[i]}</tspan> · ${result.participants.total} deltagare · ${percent(result.positiveSharePercent)} positivt</text>${parts}`;
  });
  const ticks = [0, 25, 50, 75, 100].map(
    (tick) =>
      html`<line x1="${x(tick)}" x2="${x(tick)}" y1="${TOP}" y2="${height - AXIS + 4}" stroke="#999" stroke-width="0.5"/><text x="${x(tick)}" y="${height - 8}" font-size="12" fill="#1a1a1a" text-anchor="${tick === 0 ? "start" : tick === 100 ? "end" : "middle"}">${tick} %</text>`,
  );
  const goal =
    resultGoalPercent === null
      ? ""
      : html`${results.map(
          // Across each bar only, so that it never runs through a period's label.
          (_, i) =>
            html`<line x1="${x(resultGoalPercent)}" x2="${x(resultGoalPercent)}" y1="${TOP + ROW * i + 16}" y2="${TOP + ROW * i + 24 + BAR}" stroke="#1a1a1a" stroke-width="2" stroke-dasharray="6 4"/>`,
        )}<text x="${x(resultGoalPercent)}" y="12" font-size="12" fill="#1a1a1a" text-anchor="${resultGoalPercent > 70 ? "end" : "start"}">Resultatmål ${percent(resultGoalPercent)}</text>`;
  return html`<figure class="results-chart" style="margin:1.5rem 0">
<svg role="img" aria-labelledby="resultat-diagram-titel resultat-diagram-text" viewBox="-2 0 ${WIDTH + 4} ${height}" width="100%" style="max-width:34rem;height:auto;display:block" xmlns="http://www.w3.org/2000/svg">
<title id="resultat-diagram-titel">Utfall per period, andel av deltagarna</title>
<desc id="resultat-diagram-text">${description}.</desc>
${ticks}${bars}${goal}
</svg>
<figcaption>
<p><strong>Utfall per period.</strong> Varje stapel är periodens deltagare, 100 %, fördelade efter var de tog vägen; positiva utfall först.${resultGoalPercent === null ? "" : " Den streckade linjen är resultatmålet."} ${overlap ? "Perioderna överlappar varandra: de är redovisade från en gemensam början (sammanräknat), så samma deltagare kan finnas med i flera staplar." : ""}</p>
<ul style="list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem">${segments.map(
    (s) =>
      html`<li><svg width="14" height="14" aria-hidden="true" focusable="false" style="vertical-align:-2px"><rect width="14" height="14" fill="${s.colour}" stroke="#1a1a1a" stroke-width="0.5"/></svg> ${s.label}</li>`,
  )}</ul>
</figcaption>
<details>
<summary>Diagrammet som tabell</summary>
<table>
<caption>Utfall per period: antal deltagare och andel</caption>
<thead><tr><th scope="col">Utfall</th>${labels.map((label) => html`<th scope="col">${label}</th>`)}</tr></thead>
<tbody>${segments.map(
    (s) =>
      html`<tr><th scope="row">${s.label}</th>${results.map((r, i) => html`<td>${s.counts[i]} (${percent(percentOneDecimal(s.counts[i] ?? 0, r.participants.total))})</td>`)}</tr>`,
  )}
<tr><th scope="row">Deltagare totalt</th>${results.map((r) => html`<td>${r.participants.total}</td>`)}</tr>
<tr><th scope="row">Andel positivt utfall</th>${results.map((r) => html`<td>${percent(r.positiveSharePercent)}</td>`)}</tr>
</tbody></table>
</details>
</figure>`;
}
