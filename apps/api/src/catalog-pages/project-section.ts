// The parts of an entry page about projects run by several bodies: who owns or runs the entry, and a
// project's delprojekt with their results added up.
import type * as services from "@nns/services";
import { html } from "hono/html";
import { percent } from "./layout.js";

interface OwnerFacts {
  organization: { name: string; kind?: string } | null;
  coOwners: { name: string }[];
  runningBody?: { name: string } | null;
}

/** The entry's owner (NNS as the one that coordinates nationally) and, when another runs it, who does. */
export function ownerFacts(d: OwnerFacts) {
  const names = [d.organization?.name, ...d.coOwners.map((o) => o.name)].filter(Boolean).join(", ");
  const term = d.organization?.kind === "nns" ? "Samordnas nationellt av" : "Förbund";
  return html`${names ? html`<dt>${term}</dt><dd>${names}</dd>` : ""}${
    d.runningBody ? html`<dt>Drivs av</dt><dd>${d.runningBody.name}</dd>` : ""
  }`;
}

const runBy = (part: services.ProjectPart) =>
  [part.runningBody?.name ?? part.organizationName, part.places.join(", ")].filter(Boolean).join(", ");

/**
 * The delprojekt of a project, each with who runs it and where, and the project's results added up over
 * them. Without `project` (no delprojekt data read) it lists the delprojekt by title only.
 */
export function projectSection(related: services.RelatedEntries, project?: services.ProjectView) {
  const parent = related.parent
    ? html`<p>Delprojekt i <a href="/katalog/${related.parent.id}">${related.parent.title}</a>.</p>`
    : "";
  if (!project || project.parts.length === 0)
    return html`${parent}${related.parts.length > 0 ? html`<h2>Delprojekt</h2><ul>${related.parts.map((p) => html`<li><a href="/katalog/${p.id}">${p.title}</a></li>`)}</ul>` : ""}`;
  const totals = project.totals;
  return html`${parent}<section aria-labelledby="delprojekt">
<h2 id="delprojekt">Delprojekt</h2>
<ul>${project.parts.map(
    (p) =>
      html`<li><a href="/katalog/${p.id}">${p.title}</a><br><span class="meta">Drivs av ${runBy(p)} · ${p.participants} deltagare</span></li>`,
  )}</ul>
${
  totals && totals.participantsTotal > 0
    ? html`<h3>Resultat för hela projektet</h3>
<p>Sammanlagt ${totals.participantsTotal} deltagare i ${totals.reportingParts} av ${project.parts.length} delprojekt: ${totals.participantsWomen} kvinnor, ${totals.participantsMen} män${totals.participantsOther > 0 ? `, ${totals.participantsOther} annat eller ej angivet` : ""}. Positivt utfall: <strong>${percent(totals.positiveSharePercent)}</strong>.</p>
<table><caption>Var deltagarna i alla delprojekt tog vägen</caption>
<thead><tr><th scope="col">Utfall</th><th scope="col">Antal</th><th scope="col">Andel</th></tr></thead>
<tbody>${totals.outcomes.map(
        (o) =>
          html`<tr><th scope="row">${o.label}${o.positive ? " (positivt)" : ""}</th><td>${o.count}</td><td>${percent(o.sharePercent)}</td></tr>`,
      )}</tbody></table>`
    : ""
}
</section>`;
}
