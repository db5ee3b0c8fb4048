import { z } from "@hono/zod-openapi";
import { AppError, FACETS_SV } from "@nns/domain";
import * as services from "@nns/services";
import { renderMarkdown } from "@nns/services";
import { Hono } from "hono";
import { html, raw } from "hono/html";
import type { AppEnv } from "../lib/env.js";
import { CatalogFilterQuery } from "../routes/catalog/catalog.routes.js";
import { toCatalogQuery } from "../routes/catalog/catalog-query.js";
import { kronor, page, period, shortDescription } from "./layout.js";
import { ownerFacts, projectSection } from "./project-section.js";
import { resultsChart } from "./results-chart.js";
import { resultsSection } from "./results-section.js";
import { searchPage } from "./search-page.js";
import { type EntryFacts, entryStructuredData } from "./structured-data.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const FIELD_NAMES_SV: Record<string, string> = {
  ...FACETS_SV,
  q: "sökord",
  from: "från datum",
  to: "till datum",
  sort: "sortering",
};

/** The parameters a person got wrong, in Swedish; one the search does not know is named as written. */
const wrongFields = (issues: { path: PropertyKey[]; code: string; keys?: string[] }[]) =>
  [
    ...new Set(
      issues.flatMap((i) =>
        i.code === "unrecognized_keys"
          ? (i.keys ?? []).map((key) => `okänd parameter ”${key}”`)
          : [FIELD_NAMES_SV[String(i.path[0])] ?? "okänd parameter"],
      ),
    ),
  ].join(", ");

/** The page's parameters: the search's, and the cursor of a later page. */
const PageQuery = CatalogFilterQuery.extend({ cursor: z.string().optional() }).strict();

/** Checkboxes send a parameter once per ticked value; the API takes comma-separated lists. */
function readQuery(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key).filter(Boolean);
    if (values.length > 0) out[key] = values.join(",");
  }
  return out;
}

interface EntryDocument extends EntryFacts {
  id: string;
  title: string;
  summary: string;
  description: string;
  orientation: "individual" | "structural";
  focusArea: { label: string };
  statusLabel: string;
  startDate: string | null;
  endDate: string | null;
  organization: { name: string; kind?: string } | null;
  coOwners: { name: string }[];
  runningBody?: { name: string } | null;
  area: { municipalities: { name: string }[]; counties: { name: string }[] };
  targetGroups: { label: string }[];
  targetGroupNote: string | null;
  methods: { label: string }[];
  goals: {
    resultGoalPercent: number | null;
    resultGoalWithinMonths?: number | null;
    volumeGoalParticipants: number | null;
    plannedThroughputMonths?: number | null;
  };
  budget?: { year: number; amountOre: number }[];
  links: { kind: string; title: string; url: string }[];
  contacts: { name: string; role: string; email: string | null; phone: string | null }[];
}

/** A result goal's time frame in words: 12 months reads "inom ett år". */
const withinMonths = (months: number | null | undefined) =>
  !months
    ? ""
    : months === 12
      ? " inom ett år"
      : months % 12 === 0
        ? ` inom ${months / 12} år`
        : ` inom ${months} månader`;

/**
 * One entry's page; `preview` marks a working copy shown to its editors before it is published (never
 * listed by search engines). With `publicUrl`, the published page names its canonical address and
 * describes the entry as structured data.
 */
export function entryPage(
  entry: services.CatalogEntryView & { related: services.RelatedEntries; project?: services.ProjectView },
  preview?: { revision: number; published: boolean },
  publicUrl?: string,
) {
  const d = entry.document as unknown as EntryDocument;
  const results = entry.results as services.PublicResult[];
  const row = (term: string, value: unknown) =>
    value === null || value === undefined || value === "" ? "" : html`<dt>${term}</dt><dd>${value}</dd>`;
  return page(
    preview ? `Förhandsgranskning: ${d.title}` : d.title,
    html`${preview ? html`<p class="preview" role="note">Förhandsgranskning av version ${preview.revision}${preview.published ? " (den publicerade)" : " – inte publicerad"}. Så här ser sidan ut i katalogen efter publicering.</p>` : ""}<article>
<h1>${d.title}</h1>
<p>${d.summary}</p>
<dl>
${ownerFacts(d)}
${row("Inriktning", `${d.orientation === "individual" ? "Individinriktad" : "Strukturövergripande"} – ${d.focusArea.label}`)}
${row("Status", d.statusLabel)}
${row("Period", period(d.startDate, d.endDate))}
${row("Område", [...d.area.municipalities.map((m) => m.name), ...d.area.counties.map((c) => c.name)].join(", "))}
${row("Målgrupp", [...d.targetGroups.map((t) => t.label), d.targetGroupNote].filter(Boolean).join(", "))}
${row("Metoder", d.methods.map((m) => m.label).join(", "))}
${row("Resultatmål", d.goals.resultGoalPercent === null ? null : `${d.goals.resultGoalPercent} % till arbete, studier eller rehabilitering${withinMonths(d.goals.resultGoalWithinMonths)}`)}
${row("Volymmål", d.goals.volumeGoalParticipants === null ? null : `${d.goals.volumeGoalParticipants} deltagare åt gången`)}
${row("Genomströmning", d.goals.plannedThroughputMonths ? `${d.goals.plannedThroughputMonths} månader per deltagare` : null)}
${row("Budget", (d.budget ?? []).length > 0 ? (d.budget ?? []).map((b) => `${b.year}: ${kronor(b.amountOre)}`).join(", ") : null)}
</dl>
${projectSection(entry.related, entry.project)}
<h2>Beskrivning</h2>
${raw(renderMarkdown(d.description))}
${resultsChart(results, d.goals.resultGoalPercent)}
${resultsSection(results)}
${d.links.length > 0 ? html`<h2>Läs mer</h2><ul>${d.links.map((l) => html`<li><a href="${l.url}" rel="noopener nofollow">${l.title}</a></li>`)}</ul>` : ""}
${d.contacts.length > 0 ? html`<h2>Kontakt</h2><ul>${d.contacts.map((p) => html`<li>${p.name}, ${p.role}${p.email ? html` – <a href="mailto:${p.email}">${p.email}</a>` : ""}${p.phone ? `, ${p.phone}` : ""}</li>`)}</ul>` : ""}
${preview ? "" : html`<p class="meta">Publicerad ${entry.firstPublishedAt.slice(0, 10)}, senast uppdaterad ${entry.updatedAt.slice(0, 10)}.</p>`}
</article>`,
    undefined,
    preview || !publicUrl
      ? { description: shortDescription(d.summary), noindex: true }
      : {
          description: shortDescription(d.summary),
          canonical: `${publicUrl}/katalog/${d.id}`,
          structuredData: entryStructuredData(d, `${publicUrl}/katalog/${d.id}`),
        },
  );
}

/**
 * The public catalogue as plain server-rendered HTML: linkable, readable without JavaScript, reading the
 * same published-only services as /v1/catalog.
 */
export function catalogPagesRouter() {
  return new Hono<AppEnv>()
    .get("/katalog", async (c) => {
      const url = new URL(c.req.url);
      const raw = readQuery(url);
      const parsed = PageQuery.safeParse(raw);
      if (!parsed.success) {
        // When only unknown parameters are wrong (an old or mistyped link), offer the search without them.
        const issues = parsed.error.issues;
        const unknown = issues.flatMap((i) => (i.code === "unrecognized_keys" ? i.keys : []));
        const known = new URLSearchParams([...url.searchParams].filter(([key]) => !unknown.includes(key)));
        const without =
          unknown.length > 0 && issues.every((i) => i.code === "unrecognized_keys")
            ? html`<p><a href="/katalog${known.size > 0 ? `?${known}` : ""}">Sök utan ${unknown.join(", ")}</a></p>`
            : "";
        c.status(400);
        return c.html(
          page(
            "Felaktig sökning",
            html`<h1>Sökningen kunde inte göras</h1><p>Något i adressen är fel (${wrongFields(issues)}).</p>${without}<p><a href="/katalog">Börja om</a></p>`,
          ),
        );
      }
      let result: services.CatalogSearchResult;
      try {
        result = await services.searchCatalog(c.get("deps"), toCatalogQuery(parsed.data), {
          cursor: raw.cursor,
          limit: 20,
        });
      } catch (error) {
        if (!(error instanceof AppError) || error.status !== 400) throw error;
        c.status(400);
        return c.html(
          page(
            "Felaktig sökning",
            html`<h1>Sidan finns inte längre</h1><p><a href="/katalog">Börja om</a></p>`,
          ),
        );
      }
      const next = result.nextCursor ? new URLSearchParams({ ...raw, cursor: result.nextCursor }) : null;
      const canonical = `${c.get("options").publicUrl}/katalog`;
      const filtered = services.FACETS.some((facet) => raw[facet]);
      const catalogueFacets =
        result.total === 0 && filtered
          ? (await services.searchCatalog(c.get("deps"), { filters: {}, sort: "newest" }, { limit: 1 }))
              .facets
          : undefined;
      return c.html(searchPage(result, raw, next ? `/katalog?${next}` : null, canonical, catalogueFacets));
    })
    .get("/katalog/:id", async (c) => {
      const id = c.req.param("id");
      const notFound = () => {
        c.status(404);
        return c.html(
          page(
            "Hittades inte",
            html`<h1>Insatsen finns inte i katalogen</h1><p><a href="/katalog">Till sökningen</a></p>`,
          ),
        );
      };
      if (!UUID.test(id)) return notFound();
      try {
        const entry = await services.getCatalogEntry(c.get("deps"), id);
        const project = await services.catalogProject(c.get("deps"), id);
        return c.html(entryPage({ ...entry, project }, undefined, c.get("options").publicUrl));
      } catch (error) {
        if (error instanceof AppError && error.code === "not_found") return notFound();
        throw error;
      }
    });
}
