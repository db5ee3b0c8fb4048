import type * as services from "@nns/services";
import { renderMarkdown } from "@nns/services";
import { html, raw } from "hono/html";

/**
 * An issue's sections as HTML, the same on its page and in the feed: headings below the page's h1, the
 * sanitised Markdown, images with their alt text and links as a list.
 */
export function sectionsHtml(issue: services.PublicIssue) {
  return html`${issue.sections.map(
    (s, i) => html`<section aria-labelledby="avsnitt-${i + 1}">
<h2 id="avsnitt-${i + 1}">${s.heading}</h2>
<p class="meta">Från ${s.author.name}</p>
${s.image ? html`<p><img src="${s.image.url}" alt="${s.image.alt}"></p>` : ""}
${raw(renderMarkdown(s.bodyMarkdown))}
${s.links.length > 0 ? html`<ul>${s.links.map((l) => html`<li><a href="${l.url}">${l.label}</a></li>`)}</ul>` : ""}
</section>`,
  )}`;
}
