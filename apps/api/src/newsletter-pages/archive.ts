import { AppError, type Page, signupConsentText } from "@nns/domain";
import * as services from "@nns/services";
import { Hono } from "hono";
import { html } from "hono/html";
import { page } from "../catalog-pages/layout.js";
import type { AppEnv } from "../lib/env.js";
import { catalogRateLimit } from "../lib/rate-limit.js";
import { atomFeed } from "./atom.js";
import { sectionsHtml } from "./sections.js";
import { newsletterSite as site } from "./site.js";

/** A day as people in Sweden read it, e.g. "14 oktober 2026". */
const day = (iso: string) =>
  new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeZone: "Europe/Stockholm" }).format(new Date(iso));

const publisherLine = (p: services.PublicPublisher) =>
  p.contact
    ? html`<li><strong>${p.name}</strong>: ${p.contact}</li>`
    : html`<li><strong>${p.name}</strong></li>`;

const issueLink = (slug: string, issue: services.PublicIssueSummary) =>
  html`<li class="hit"><h3><a href="/nyhetsbrev/${slug}/${issue.number}">${issue.subject}</a></h3>
<p class="meta">Nummer ${issue.number}, skickat ${day(issue.sentAt)}</p></li>`;

function indexPage(publications: services.PublicPublication[]) {
  return page(
    "Alla nyhetsbrev",
    html`<h1>Nyhetsbrev</h1>
<p>Nyhetsbrev som samordningsförbunden ger ut tillsammans. Varje nyhetsbrev har ett arkiv med alla utskick och ett formulär för att prenumerera.</p>
${
  publications.length === 0
    ? html`<p>Inga nyhetsbrev har skickats ännu.</p>`
    : html`<ul style="list-style:none;padding:0">${publications.map(
        (p) => html`<li class="hit"><h2><a href="/nyhetsbrev/${p.slug}">${p.name}</a></h2>
${p.description ? html`<p>${p.description}</p>` : ""}
<p class="meta">Ges ut av ${p.publishers.map((x) => x.name).join(", ")}.${
          p.latestIssue ? ` Senaste utskick ${day(p.latestIssue.sentAt)}: ${p.latestIssue.subject}.` : ""
        }</p></li>`,
      )}</ul>`
}`,
    site(),
  );
}

/** The publication's page: what it is, the sign-up form, its sent issues and who publishes it. */
function publicationPage(
  publication: services.PublicPublication,
  issues: Page<services.PublicIssueSummary>,
  nextHref: string | null,
) {
  const { slug, name } = publication;
  return page(
    name,
    html`<h1>${name}</h1>
${publication.logoUrl ? html`<p><img src="${publication.logoUrl}" alt="${publication.logoAlt ?? name}" width="200"></p>` : ""}
${publication.description ? html`<p>${publication.description}</p>` : ""}
<h2 id="prenumerera">Prenumerera</h2>
<p>Vi skickar ett mejl med en länk som du bekräftar prenumerationen med.</p>
<form method="post" action="/nyhetsbrev/${slug}/prenumerera">
<p><label for="email">E-postadress</label>
<input type="email" id="email" name="email" required autocomplete="email"></p>
<p><label for="name">Namn (frivilligt)</label>
<input type="text" id="name" name="name" autocomplete="name"></p>
<p><label class="check"><input type="checkbox" id="consent" name="consent" required> <span>${signupConsentText(name)}</span></label></p>
<p><button type="submit">Prenumerera</button></p>
</form>
<h2>Utskick</h2>
${
  issues.data.length === 0
    ? html`<p>Inget utskick har skickats ännu.</p>`
    : html`<ol style="list-style:none;padding:0">${issues.data.map((issue) => issueLink(slug, issue))}</ol>`
}
${nextHref ? html`<p><a href="${nextHref}" rel="next">Äldre utskick</a></p>` : ""}
<p><a href="/nyhetsbrev/${slug}/atom.xml">Följ utskicken i en flödesläsare (Atom)</a></p>
<h2>Ges ut av</h2>
<ul>${publication.publishers.map(publisherLine)}</ul>`,
    site(publication),
  );
}

function issuePage(publication: services.PublicPublication, issue: services.PublicIssue) {
  const { slug, name } = publication;
  return page(
    `${issue.subject} (${name} nr ${issue.number})`,
    html`<article>
<p class="meta"><a href="/nyhetsbrev/${slug}">${name}</a>, nummer ${issue.number}, skickat ${day(issue.sentAt)}</p>
<h1>${issue.subject}</h1>
${sectionsHtml(issue)}
<footer>
<h2>${name} ges ut av</h2>
<ul>${publication.publishers.map(publisherLine)}</ul>
</footer>
</article>
<p><a href="/nyhetsbrev/${slug}#prenumerera">Prenumerera på ${name}</a> · <a href="/nyhetsbrev/${slug}">Alla utskick</a></p>`,
    site(publication),
  );
}

function notFoundPage(what: "publication" | "issue", slug?: string) {
  return page(
    "Hittades inte",
    html`<h1>${what === "issue" ? "Utskicket finns inte i arkivet" : "Nyhetsbrevet finns inte"}</h1>
<p>Adressen kan vara felskriven, eller så har utskicket inte skickats ännu.</p>
<p>${slug && what === "issue" ? html`<a href="/nyhetsbrev/${slug}">Till nyhetsbrevets utskick</a> · ` : ""}<a href="/nyhetsbrev">Alla nyhetsbrev</a></p>`,
    site(),
  );
}

const isNotFound = (error: unknown) => error instanceof AppError && error.code === "not_found";

/**
 * The public newsletter archive as server-rendered HTML, readable without JavaScript, and an Atom feed
 * per publication: the same public reads as /v1/newsletters, rate-limited like /katalog. Issue numbers
 * are digits only, so that the subscriber pages' token paths beside these never match them.
 */
export function newsletterArchiveRouter() {
  return new Hono<AppEnv>()
    .get("/nyhetsbrev", catalogRateLimit, async (c) =>
      c.html(indexPage(await services.listPublicPublications(c.get("deps")))),
    )
    .get("/nyhetsbrev/:slug", catalogRateLimit, async (c) => {
      const slug = c.req.param("slug");
      const cursor = c.req.query("cursor");
      try {
        const publication = await services.getPublicPublication(c.get("deps"), slug);
        const issues = await services.listPublicIssues(c.get("deps"), slug, { cursor, limit: 20 });
        const next = issues.nextCursor
          ? `/nyhetsbrev/${slug}?${new URLSearchParams({ cursor: issues.nextCursor })}`
          : null;
        return c.html(publicationPage(publication, issues, next));
      } catch (error) {
        if (isNotFound(error)) return c.html(notFoundPage("publication"), 404);
        if (!(error instanceof AppError) || error.status !== 400) throw error;
        return c.html(
          page(
            "Felaktig adress",
            html`<h1>Sidan finns inte längre</h1><p><a href="/nyhetsbrev/${slug}">Till nyhetsbrevets senaste utskick</a></p>`,
            site(),
          ),
          400,
        );
      }
    })
    .get("/nyhetsbrev/:slug/atom.xml", catalogRateLimit, async (c) => {
      try {
        const feed = await services.publicationFeed(c.get("deps"), c.req.param("slug"));
        return c.body(await atomFeed(feed, c.get("options").publicUrl), 200, {
          "content-type": "application/atom+xml; charset=utf-8",
        });
      } catch (error) {
        if (isNotFound(error)) return c.html(notFoundPage("publication"), 404);
        throw error;
      }
    })
    .get("/nyhetsbrev/:slug/:number{[0-9]{1,9}}", catalogRateLimit, async (c) => {
      const slug = c.req.param("slug");
      try {
        const deps = c.get("deps");
        const issue = await services.getPublicIssue(deps, slug, Number(c.req.param("number")));
        return c.html(issuePage(await services.getPublicPublication(deps, slug), issue));
      } catch (error) {
        if (isNotFound(error)) return c.html(notFoundPage("issue", slug), 404);
        throw error;
      }
    });
}
