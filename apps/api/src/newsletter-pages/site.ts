import { html } from "hono/html";
import type { Site } from "../catalog-pages/layout.js";

/**
 * The frame of every public newsletter page (archive, sign-up, confirmation, unsubscribe, own data):
 * the newsletter site's name, header and footer, and the publication's feed where there is one.
 */
export function newsletterSite(publication?: { slug: string; name: string }): Site {
  return {
    name: "Nyhetsbrev",
    header: html`<a href="/nyhetsbrev">Nyhetsbrev</a> <span>samordningsförbundens gemensamma nyhetsbrev</span>`,
    footer: html`<p>Publicerat av samordningsförbunden genom Nationella nätverket för samordningsförbund.
Utskicken finns också som <a href="/docs">öppet API</a>${
      publication ? html` och <a href="/nyhetsbrev/${publication.slug}/atom.xml">Atom-flöde</a>` : ""
    }.</p>`,
    description: publication
      ? `${publication.name}: alla utskick och prenumeration på samordningsförbundens gemensamma nyhetsbrev.`
      : "Samordningsförbundens gemensamma nyhetsbrev: arkiv med alla utskick och prenumeration.",
    feed: publication
      ? { title: `${publication.name} – alla utskick`, href: `/nyhetsbrev/${publication.slug}/atom.xml` }
      : null,
  };
}
