import { FACETS_SV, STATUS_LABELS_SV } from "@nns/domain";
import * as services from "@nns/services";
import { html } from "hono/html";
import { CATALOGUE_SITE, page } from "./layout.js";

/**
 * The search page's own rules. Phones first: the search box is the first thing under the heading, the
 * filters wait in a disclosure between it and the results (closed even when some are chosen: the chips
 * above the results show and remove those), and each checkbox row is a 44 px target.
 */
const SEARCH_STYLE = `
.searchbar{background:#fff;border:1px solid var(--border);border-radius:var(--radius);padding:1rem}
.searchbar .row{display:flex;gap:.5rem;flex-wrap:wrap}
.searchbar input[type=search]{flex:1 1 14rem;max-width:none}
.filters{background:#fff;border:1px solid var(--border);border-radius:var(--radius);margin:1rem 0}
.filters>summary{min-height:2.75rem;padding:.625rem 1rem;font-weight:600;color:var(--blue);cursor:pointer}
.filters[open]>summary{border-bottom:1px solid var(--border)}
.filter-body{padding:.5rem 1rem 1rem}
.facets{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:0 1.5rem}
fieldset{border:0;margin:0;padding:0;min-width:0}
legend{font-weight:700;padding:.75rem 0 .25rem}
.facets .check{min-height:2.75rem;align-items:center;padding:.25rem 0;cursor:pointer}
.facets .check input{margin:0}
.count{color:var(--muted);font-weight:400}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin-top:1rem}
.actions a{display:inline-flex;align-items:center;min-height:2.75rem}
#valda{margin:0 0 .5rem}
.chosen{list-style:none;padding:0;margin:0 0 1rem;display:flex;flex-wrap:wrap;gap:.5rem}
.chosen a{display:inline-flex;align-items:center;gap:.375rem;min-height:2.75rem;padding:.25rem .75rem;border:1px solid var(--blue);border-radius:999px;background:var(--blue-light);text-decoration:none}
.hits{list-style:none;padding:0;margin:0}
.empty{background:#fff;border:1px solid var(--border);border-radius:var(--radius);padding:1rem 1.25rem}
`;

type Query = Record<string, string>;

/** The search's address with a change to its parameters; the page cursor is always dropped. */
function searchHref(query: Query, change: Query | ((q: Query) => Query)): string {
  const { cursor: _cursor, ...rest } = query;
  const next = typeof change === "function" ? change(rest) : { ...rest, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) {
    for (const part of value.split(",").filter(Boolean)) params.append(key, part);
  }
  const text = params.toString();
  return text ? `/katalog?${text}` : "/katalog";
}

const chosenValues = (query: Query, facet: string) => (query[facet] ?? "").split(",").filter(Boolean);

/** The query without one value of one facet. */
const without = (facet: string, value: string) => (query: Query) => {
  const kept = chosenValues(query, facet).filter((v) => v !== value);
  const { [facet]: _dropped, ...rest } = query;
  return kept.length > 0 ? { ...rest, [facet]: kept.join(",") } : rest;
};

/** Only the words searched for, with every filter dropped. */
const wordsOnly = (query: Query): Query => (query.q ? { q: query.q } : {});

const hitsWord = (n: number) => (n === 1 ? "insats" : "insatser");

function hitItem(hit: services.CatalogSummary) {
  const status = STATUS_LABELS_SV[hit.status as keyof typeof STATUS_LABELS_SV] ?? hit.status;
  const places = hit.municipalities.map((m) => m.name).join(", ");
  return html`<li class="hit"><h3><a href="/katalog/${hit.id}">${hit.title}</a></h3>
<p>${hit.summary}</p>
<p class="meta">${hit.organization?.name ?? ""} · ${status}${places ? ` · ${places}` : ""}</p></li>`;
}

/** What someone can do when nothing matched: every suggestion is a link that changes the search. */
function emptyState(query: Query, filtered: boolean) {
  return html`<div class="empty"><p><strong>Inga insatser matchar sökningen.</strong> Du kan prova att</p>
<ul>
${query.q ? html`<li>kontrollera stavningen eller söka med färre eller andra ord,</li>` : ""}
${filtered ? html`<li><a href="${searchHref(query, wordsOnly)}">ta bort alla filter${query.q ? html` och bara söka på ”${query.q}”` : ""}</a>,</li>` : ""}
${query.q && filtered ? html`<li><a href="${searchHref(query, ({ q: _q, ...rest }) => rest)}">behålla filtren men ta bort sökorden</a>,</li>` : ""}
<li><a href="/katalog">visa alla insatser i katalogen</a>.</li>
</ul></div>`;
}

/**
 * The search page: search box, filters in a disclosure, the chosen filters as removable chips, results.
 * When nothing matched, the filters offered (and the chips' names) come from `catalogueFacets`, the whole
 * catalogue's, without counts: the search's own facets are empty then, and a filter could not be unticked.
 */
export function searchPage(
  result: services.CatalogSearchResult,
  query: Query,
  nextHref: string | null,
  canonical: string,
  catalogueFacets?: services.CatalogSearchResult["facets"],
) {
  const facets = catalogueFacets ?? result.facets;
  const chosen: { facet: services.Facet; value: string; label: string }[] = services.FACETS.flatMap((facet) =>
    chosenValues(query, facet).map((value) => ({
      facet,
      value,
      label: facets[facet].find((v) => v.value === value)?.label ?? "värde som inte finns i katalogen",
    })),
  );
  const facetForms = services.FACETS.map((facet) => {
    const values = facets[facet];
    if (values.length === 0) return "";
    const picked = chosenValues(query, facet);
    return html`<fieldset><legend>${FACETS_SV[facet]}</legend>
${values.map(
  (v) =>
    html`<label class="check"><input type="checkbox" name="${facet}" value="${v.value}" ${picked.includes(v.value) ? "checked" : ""}> <span>${v.label}${catalogueFacets ? "" : html` <span class="count">(${v.count})</span>`}</span></label>`,
)}</fieldset>`;
  });
  const filtered = chosen.length > 0;
  const countText = `${result.total} ${hitsWord(result.total)}`;
  return page(
    query.q ? `Sökning: ${query.q} (${countText})` : "Sök insatser",
    html`<h1>Sök insatser</h1>
<p class="lead">Samordningsförbundens insatser för personer som står långt från arbetsmarknaden: vad de gör, för vem, var och med vilka resultat.</p>
<form method="get" action="/katalog">
<div class="searchbar" role="search">
<label for="q">Sökord</label>
<div class="row"><input type="search" id="q" name="q" value="${query.q ?? ""}"><button type="submit">Sök</button></div>
</div>
<details class="filters">
<summary>Filtrera på län, kommun, målgrupp och mer${filtered ? ` (${chosen.length} valda)` : ""}</summary>
<div class="filter-body">
<div class="facets">${facetForms}</div>
<div class="actions"><button type="submit">Visa resultat</button>${filtered ? html`<a href="${searchHref(query, wordsOnly)}">Rensa filter</a>` : ""}</div>
</div>
</details>
</form>
<section aria-labelledby="antal">
<h2 id="antal" aria-live="polite">${countText}${query.q ? html` för ”${query.q}”` : ""}</h2>
${
  filtered
    ? html`<p id="valda">Valda filter (välj ett för att ta bort det):</p>
<ul class="chosen" aria-labelledby="valda">${chosen.map(
        (c) =>
          html`<li><a href="${searchHref(query, without(c.facet, c.value))}" aria-label="Ta bort filtret ${FACETS_SV[c.facet]}: ${c.label}">${c.label} <span aria-hidden="true">✕</span></a></li>`,
      )}</ul>`
    : ""
}
${result.total === 0 ? emptyState(query, filtered) : html`<ol class="hits">${result.data.map(hitItem)}</ol>`}
${nextHref ? html`<p><a class="button secondary" href="${nextHref}" rel="next">Nästa sida</a></p>` : ""}
</section>`,
    { ...CATALOGUE_SITE, style: SEARCH_STYLE },
    {
      canonical,
      // Every search and filter is its own address; the entries themselves are in the sitemap.
      noindex: Object.keys(query).length > 0,
      ...(filtered || query.q ? { description: `${countText} i Insatskatalogen.` } : {}),
    },
  );
}
