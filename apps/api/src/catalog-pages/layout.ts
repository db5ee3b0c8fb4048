import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/**
 * The admin's identity (apps/admin/src/styles.css: its blue, neutrals, focus colour, system font) in the
 * page itself: one request fewer than a stylesheet, and the pages stay whole without scripts. Every
 * control is at least 44 px tall (WCAG 2.2 target size asks for 24).
 */
const STYLE = `
:root{--blue:#1d4f91;--blue-dark:#153a6b;--blue-light:#e8f0fa;--text:#1b1f24;--muted:#56606b;--border:#cfd6de;--bg:#f4f6f8;--focus:#f2a900;--radius:6px}
*,*::before,*::after{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:1rem;line-height:1.5;margin:0;color:var(--text);background:var(--bg)}
.skip{position:absolute;left:.5rem;top:-100px;background:#fff;padding:.5rem .75rem;border-radius:var(--radius);z-index:1}.skip:focus{top:.5rem}
body>header{background:var(--blue);color:#fff}
body>header>div,body>main,body>footer>div{max-width:72rem;margin:0 auto;padding:1rem}
body>header>div{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem 1rem;padding-block:.75rem}
body>header a{color:#fff;font-weight:700;font-size:1.15rem;text-decoration:none;display:inline-block;padding:.5rem 0}
body>header a:hover{text-decoration:underline}
body>header span{opacity:.92}
body>main{padding-block:1.5rem 2.5rem}
body>footer{background:#fff;border-top:1px solid var(--border);color:var(--muted)}
h1{font-size:clamp(1.6rem,1.3rem + 1.5vw,2rem);line-height:1.25;margin:0 0 .5rem;overflow-wrap:break-word}
h2{font-size:1.25rem;line-height:1.3;margin:1.75rem 0 .75rem}
h3{font-size:1.05rem}
article>footer{border-top:1px solid var(--border);margin-top:2rem}
a{color:var(--blue)}a:hover{color:var(--blue-dark)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.lead{font-size:1.1rem;max-width:42rem;margin:0 0 1.25rem}
label{display:block;font-weight:600;margin-bottom:.25rem}
input[type=search],input[type=email],input[type=text]{width:100%;max-width:30rem;min-height:2.75rem;padding:.5rem .75rem;font:inherit;color:inherit;background:#fff;border:1px solid var(--muted);border-radius:var(--radius)}
img{max-width:100%;height:auto}
.check{display:flex;gap:.75rem;align-items:flex-start;max-width:40rem;font-weight:400}
input[type=checkbox]{width:1.5rem;height:1.5rem;margin:.1rem 0 0;flex:none;accent-color:var(--blue)}
button,.button{display:inline-flex;align-items:center;justify-content:center;min-height:2.75rem;padding:.5rem 1.25rem;font:inherit;font-weight:600;background:var(--blue);color:#fff;border:1px solid var(--blue);border-radius:var(--radius);text-decoration:none;cursor:pointer}
button:hover,.button:hover{background:var(--blue-dark);color:#fff}
.button.secondary{background:#fff;color:var(--blue)}
.hit{background:#fff;border:1px solid var(--border);border-radius:var(--radius);padding:1rem 1.25rem;margin:0 0 .75rem}
.hit h2,.hit h3{margin:0 0 .25rem;font-size:1.15rem}.hit p{margin:.25rem 0}
.meta{color:var(--muted)}
.preview{border:2px solid #7a4b00;background:#fff4e0;padding:.5rem 1rem;border-radius:var(--radius)}
article{background:#fff;border:1px solid var(--border);border-radius:var(--radius);padding:1.25rem clamp(1rem,3vw,2rem);max-width:50rem}
table{border-collapse:collapse;background:#fff;width:100%}th,td{border:1px solid var(--border);padding:.375rem .625rem;text-align:left}td{white-space:nowrap}th{overflow-wrap:break-word}
caption{text-align:left;font-weight:600;padding-bottom:.25rem}
dl{display:grid;grid-template-columns:minmax(7rem,max-content) 1fr;gap:.375rem 1rem}dt{font-weight:700}dd{margin:0}
@media (max-width:30rem){dl{grid-template-columns:1fr}dd{margin-bottom:.5rem}}
`;

/** What sets one public site apart from another in the shared frame. */
export interface Site {
  /** After each page's title in the browser tab. */
  name: string;
  /** The header line: the site's name linked to its start page, and what it is. */
  header: Html;
  footer: Html;
  /** For search engines' result lists, where a page has no description of its own. */
  description: string;
  /** The Atom feed browsers and readers offer to follow from the page. */
  feed: { title: string; href: string } | null;
  /** Rules of this site's own, after the shared ones. */
  style?: string;
}

/** What one page tells search engines beside its content. */
export interface PageHead {
  /** At most about 160 characters: what search engines show under the title. */
  description?: string;
  /** The page's one address (absolute), so variants of it are counted as one page. */
  canonical?: string;
  /** Search engines should not list this page (a filtered search, a preview), but may follow its links. */
  noindex?: boolean;
  /** schema.org data about the page's subject, as JSON-LD. */
  structuredData?: Record<string, unknown>;
}

export const CATALOGUE_SITE: Site = {
  name: "Insatskatalogen",
  header: html`<a href="/katalog">Insatskatalogen</a> <span>samordningsförbundens insatser</span>`,
  footer: html`<p>Publicerat av Nationella nätverket för samordningsförbund. Data finns också som
<a href="/docs">öppet API</a> och <a href="/v1/catalog/feed">Atom-flöde</a>.
<a href="/tillganglighet">Tillgänglighetsredogörelse</a>.</p>`,
  description:
    "Sök bland samordningsförbundens insatser för personer som står långt från arbetsmarknaden: vad de gör, för vem, var och med vilka resultat.",
  feed: { title: "Nya och uppdaterade insatser", href: "/v1/catalog/feed" },
};

/**
 * JSON-LD inside a script element: `<` is escaped so no text in the data (an entry's title) can close
 * the element.
 */
function jsonLd(data: Record<string, unknown>): Html {
  return html`<script type="application/ld+json">${raw(JSON.stringify(data).replace(/</g, "\\u003c"))}</script>`;
}

/** A description cut at a word boundary to what search engines show. */
export function shortDescription(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2))}…`;
}

/**
 * The frame of every public page (the catalogue, the newsletter archive, the accessibility statement):
 * Swedish, landmarks, a skip link, no scripts (JSON-LD is data, not script).
 */
export function page(title: string, body: Html, site: Site = CATALOGUE_SITE, head: PageHead = {}): Html {
  return html`<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – ${site.name}</title>
<meta name="description" content="${head.description ?? site.description}">
${head.noindex ? html`<meta name="robots" content="noindex, follow">` : ""}
${head.canonical ? html`<link rel="canonical" href="${head.canonical}">` : ""}
${site.feed ? html`<link rel="alternate" type="application/atom+xml" title="${site.feed.title}" href="${site.feed.href}">` : ""}
<meta name="theme-color" content="#1d4f91">
<style>${raw(STYLE)}${site.style ? raw(site.style) : ""}</style>
${head.structuredData ? jsonLd(head.structuredData) : ""}
</head>
<body>
<a class="skip" href="#innehall">Hoppa till innehållet</a>
<header><div>${site.header}</div></header>
<main id="innehall">${body}</main>
<footer><div>${site.footer}</div></footer>
</body>
</html>`;
}

/** Swedish number format for percentages: one decimal, decimal comma. */
export function percent(value: number | null): string {
  return value === null ? "–" : `${value.toFixed(1).replace(".", ",")} %`;
}

/** Whole kronor with Swedish digit grouping, from öre. */
export function kronor(ore: number): string {
  return `${new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 }).format(Math.round(ore / 100))} kr`;
}

/** An entry's period in words; nothing when neither date is known. */
export function period(start: string | null, end: string | null): string | null {
  if (start && end) return `${start} – ${end}`;
  if (start) return `från ${start}, tills vidare`;
  if (end) return `till ${end}`;
  return null;
}
