import * as services from "@nns/services";
import { Hono } from "hono";
import type { AppEnv } from "../lib/env.js";
import { catalogRateLimit } from "../lib/rate-limit.js";
import { escapeXml } from "../routes/catalog/atom.js";

/**
 * What crawlers may read: the public pages and the catalogue's open API; not the admin app, the rest of
 * the API, nor the pages opened by a personal link (confirm, unsubscribe, own data, self-rating), whose
 * tokens must not end up in an index.
 */
export function robotsTxt(publicUrl: string): string {
  return `User-agent: *
Allow: /katalog
Allow: /nyhetsbrev
Allow: /tillganglighet
Allow: /docs
Allow: /v1/catalog/
Disallow: /v1/
Disallow: /o/
Disallow: /nns/
Disallow: /account
Disallow: /login
Disallow: /reset-password
Disallow: /accept-invitation
Disallow: /skattning/
Disallow: /nyhetsbrev/bekrafta/
Disallow: /nyhetsbrev/avregistrera/
Disallow: /nyhetsbrev/mina-uppgifter/

Sitemap: ${publicUrl}/sitemap.xml
`;
}

/** The sitemaps.org protocol's limit of addresses in one file. */
const MAX_URLS = 50_000;

/**
 * Every public page worth listing: the catalogue's search page and each published entry (drafts and
 * entries under review are not in catalog_entries at all), the newsletter archives and this statement.
 */
export async function sitemapXml(deps: services.Deps, publicUrl: string): Promise<string> {
  const entries = await services.recentCatalogEntries(deps, MAX_URLS - 100);
  const publications = await services.listPublicPublications(deps);
  const url = (path: string, lastmod?: string) =>
    `  <url><loc>${escapeXml(`${publicUrl}${path}`)}</loc>${lastmod ? `<lastmod>${lastmod.slice(0, 10)}</lastmod>` : ""}</url>`;
  const lines = [
    url("/katalog", entries[0]?.updatedAt),
    ...entries.map((e) => url(`/katalog/${(e.document as { id: string }).id}`, e.updatedAt)),
    url("/nyhetsbrev", publications[0]?.latestIssue?.sentAt),
    ...publications.map((p) => url(`/nyhetsbrev/${p.slug}`, p.latestIssue?.sentAt)),
    url("/tillganglighet"),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${lines.join("\n")}
</urlset>
`;
}

export function searchEnginesRouter() {
  return new Hono<AppEnv>()
    .get("/robots.txt", (c) => {
      c.header("Cache-Control", "public, max-age=3600");
      return c.text(robotsTxt(c.get("options").publicUrl));
    })
    .get("/sitemap.xml", catalogRateLimit, async (c) => {
      c.header("Content-Type", "application/xml; charset=utf-8");
      c.header("Cache-Control", "public, max-age=600");
      return c.body(await sitemapXml(c.get("deps"), c.get("options").publicUrl));
    });
}
