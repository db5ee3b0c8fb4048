import { html } from "hono/html";
import type { Site } from "../catalog-pages/layout.js";

/** The frame of an event's public pages (sign-up, its answer, cancellation): the organizing förbund's. */
export function eventSite(organizerName?: string): Site {
  return {
    name: organizerName ? `Evenemang – ${organizerName}` : "Evenemang",
    header: html`<span><strong>Evenemang</strong></span> <span>${organizerName ?? "samordningsförbunden"}</span>`,
    footer: html`<p>Anmälan hanteras av ${organizerName ?? "samordningsförbundet"} på
Nationella nätverket för samordningsförbunds plattform. <a href="/tillganglighet">Tillgänglighetsredogörelse</a>.</p>`,
    description: "Anmälan till ett samordningsförbunds evenemang.",
    feed: null,
    style:
      "select,textarea{width:100%;max-width:30rem;min-height:2.75rem;padding:.5rem .75rem;font:inherit;color:inherit;background:#fff;border:1px solid var(--muted);border-radius:var(--radius)}" +
      ".error{color:#a4000f;font-weight:600;margin:.25rem 0 0}.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}" +
      "form p{margin:0 0 1rem}.sessions{list-style:none;padding:0}.sessions li{background:#fff;border:1px solid var(--border);border-radius:var(--radius);padding:.75rem 1rem;margin:0 0 .5rem}",
  };
}
