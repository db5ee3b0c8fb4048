import { REPORT_KIND_LABELS_SV, reportingPeriodLabel } from "@nns/domain";
import * as services from "@nns/services";
import { html } from "hono/html";
import { kronor, percent } from "./layout.js";

const decimal = (value: number) => String(value).replace(".", ",");

/** The entry's totals over its reports, and how they were made (the latest cumulative one, or a sum). */
function totalsSection(results: services.PublicResult[]) {
  const totals = services.resultTotalsView(results);
  if (totals.basis === "none") return "";
  const p = totals.participants;
  return html`<h2>Resultat totalt</h2>
<dl>
<dt>Period</dt><dd>${totals.periodStart} – ${totals.periodEnd}</dd>
<dt>Deltagare</dt><dd>${p.total}: ${p.women} kvinnor, ${p.men} män${p.other > 0 ? `, ${p.other} annat eller ej angivet` : ""}</dd>
<dt>Positivt utfall</dt><dd><strong>${percent(totals.positiveSharePercent)}</strong></dd>
${totals.assessedNotEnrolled === null ? "" : html`<dt>Bedömda men inte inskrivna</dt><dd>${totals.assessedNotEnrolled}</dd>`}
${totals.budgetOre === null && totals.costOre === null ? "" : html`<dt>Kostnad och budget</dt><dd>${totals.costOre === null ? "–" : kronor(totals.costOre)} av ${totals.budgetOre === null ? "–" : kronor(totals.budgetOre)}${totals.costOfBudgetPercent === null ? "" : ` (${percent(totals.costOfBudgetPercent)})`}</dd>`}
</dl>
<p class="meta">Så är summan räknad: ${totals.explanationSv}${totals.superseded.length > 0 ? ` Ingår i en senare rapport: ${totals.superseded.join(", ")}.` : ""}</p>`;
}

/** One report: its counts and shares, then whatever details it carries. */
function reportSection(r: services.PublicResult) {
  const lines = r.budgetLines ?? [];
  const subOutcomes = r.subOutcomes ?? [];
  return html`<h2>Resultat ${reportingPeriodLabel(r)}</h2>
<p>${REPORT_KIND_LABELS_SV[r.kind ?? "interval"]}. ${r.participants.total} deltagare: ${r.participants.women} kvinnor, ${r.participants.men} män${
    r.participants.other > 0 ? `, ${r.participants.other} annat eller ej angivet` : ""
  }.${r.averageEnrolmentMonths === null ? "" : ` Genomsnittlig inskrivningstid ${decimal(r.averageEnrolmentMonths)} månader.`}${
    r.assessedNotEnrolled === null || r.assessedNotEnrolled === undefined
      ? ""
      : ` Därutöver ${r.assessedNotEnrolled} bedömda som aldrig skrevs in.`
  }</p>
<table><caption>Var deltagarna tog vägen (andelar räknade av antalen)</caption>
<thead><tr><th scope="col">Utfall</th><th scope="col">Antal</th><th scope="col">Andel</th></tr></thead>
<tbody>${r.outcomes.map(
    (o) =>
      html`<tr><th scope="row">${o.label}${o.positive ? " (positivt)" : ""}</th><td>${o.count}</td><td>${percent(o.sharePercent)}</td></tr>${subOutcomes
        .filter((s) => s.outcome === o.code)
        .map(
          (s) =>
            html`<tr><th scope="row" class="sub">– varav ${s.label}</th><td>${s.count}</td><td></td></tr>`,
        )}`,
  )}</tbody></table>
<p>Positivt utfall: <strong>${percent(r.positiveSharePercent)}</strong></p>
${
  lines.length > 0
    ? html`<table><caption>Budget och utfall per post</caption>
<thead><tr><th scope="col">Post</th><th scope="col">Andel av tjänst</th><th scope="col">Budget</th><th scope="col">Utfall</th></tr></thead>
<tbody>${lines.map(
        (l) =>
          html`<tr><th scope="row">${l.description}</th><td>${l.sharePercent === null ? "" : `${decimal(l.sharePercent)} %`}</td><td>${l.budgetOre === null ? "–" : kronor(l.budgetOre)}</td><td>${l.costOre === null ? "–" : kronor(l.costOre)}</td></tr>`,
      )}</tbody></table>`
    : ""
}
${r.costOre !== null && r.budgetOre ? html`<p>Kostnad ${kronor(r.costOre)} av budget ${kronor(r.budgetOre)} (${percent(r.costOfBudgetPercent)}).</p>` : ""}
${
  r.survey
    ? html`<h3>Deltagarenkät</h3><p>${r.survey.responses} svar.${r.survey.summary ? ` ${r.survey.summary}` : ""}</p>${
        r.survey.figures.length > 0
          ? html`<ul>${r.survey.figures.map((f) => html`<li>${f.label}: ${f.count}</li>`)}</ul>`
          : ""
      }`
    : ""
}
${
  r.socioEconomic
    ? html`<h3>Samhällsekonomisk utvärdering</h3><p>${[
        r.socioEconomic.paybackMonths === null
          ? null
          : `Återbetald efter ${r.socioEconomic.paybackMonths} månader.`,
        r.socioEconomic.netBenefitOre === null
          ? null
          : `Nettonytta ${kronor(r.socioEconomic.netBenefitOre)} på ${r.socioEconomic.netBenefitYears} års sikt.`,
        r.socioEconomic.method,
      ]
        .filter(Boolean)
        .join(" ")}</p>`
    : ""
}`;
}

/** An entry's published results: the totals first, then each report, oldest first. */
export function resultsSection(results: services.PublicResult[]) {
  return html`${totalsSection(results)}${results.map(reportSection)}`;
}
