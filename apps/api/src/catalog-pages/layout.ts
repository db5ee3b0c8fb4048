import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const STYLE = `
body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;color:#1a1a1a;background:#fff}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
body>header,body>main,body>footer{max-width:60rem;margin:0 auto;padding:1rem}
body>header{border-bottom:1px solid #767676}
h1{font-size:clamp(1.6rem,1.2rem + 2vw,2rem);line-height:1.25}
article>footer{border-top:1px solid #767676;margin-top:2rem}
a{color:#0b4f8a}a:focus,button:focus,input:focus{outline:3px solid #c25400;outline-offset:2px}
.layout{display:grid;grid-template-columns:16rem 1fr;gap:2rem}
@media (max-width:50rem){.layout{grid-template-columns:1fr}}
fieldset{border:1px solid #767676;margin:0 0 1rem;padding:.5rem}
label{display:block}
input[type=search],input[type=email],input[type=text]{width:100%;max-width:30rem;box-sizing:border-box;padding:.5rem;font-size:1rem;border:1px solid #555}
img{max-width:100%;height:auto}
.check{display:flex;gap:.5rem;align-items:flex-start;max-width:40rem}.check input{margin-top:.3rem}
button{padding:.5rem 1rem;font-size:1rem;background:#0b4f8a;color:#fff;border:0}
.hit{border-bottom:1px solid #ddd;padding:.75rem 0}.hit h2,.hit h3{margin:0 0 .25rem}.hit p{margin:.25rem 0}
.meta{color:#4a4a4a}
.preview{border:2px solid #8a5a00;background:#fff8e5;padding:.5rem 1rem}
table{border-collapse:collapse}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left}
dt{font-weight:bold}
`;

/** What sets one public site apart from another in the shared frame. */
export interface Site {
  /** After each page's title in the browser tab. */
  name: string;
  /** The header line: the site's name linked to its start page, and what it is. */
  header: Html;
  footer: Html;
  /** The Atom feed browsers and readers offer to follow from the page. */
  feed: { title: string; href: string } | null;
  /** Rules of this site's own, after the shared ones. */
  style?: string;
}

export const CATALOGUE_SITE: Site = {
  name: "Insatskatalogen",
  header: html`<a href="/katalog">Insatskatalogen</a> – samordningsförbundens insatser`,
  footer: html`<p>Publicerat av Nationella nätverket för samordningsförbund. Data finns också som
<a href="/docs">öppet API</a> och <a href="/v1/catalog/feed">Atom-flöde</a>.</p>`,
  feed: { title: "Nya och uppdaterade insatser", href: "/v1/catalog/feed" },
};

/** The frame of every public page (the catalogue, the newsletter archive): Swedish, landmarks, a skip link, no scripts. */
export function page(title: string, body: Html, site: Site = CATALOGUE_SITE): Html {
  return html`<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – ${site.name}</title>
${site.feed ? html`<link rel="alternate" type="application/atom+xml" title="${site.feed.title}" href="${site.feed.href}">` : ""}
<style>${raw(STYLE)}${site.style ? raw(site.style) : ""}</style>
</head>
<body>
<a class="skip" href="#innehall">Hoppa till innehållet</a>
<header>${site.header}</header>
<main id="innehall">${body}</main>
<footer>${site.footer}</footer>
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
