import { marked } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * Entry descriptions and newsletter sections are Markdown written by förbund staff and shown to the public
 * (pages and email): rendered with marked, then reduced to a small allowlist of tags, so raw HTML,
 * scripts, event handlers and javascript: links never reach the page. Headings start at level 3, below the page's own h1 and h2.
 */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true });
  return sanitizeHtml(html, {
    allowedTags: [
      "p",
      "br",
      "strong",
      "em",
      "ul",
      "ol",
      "li",
      "a",
      "blockquote",
      "code",
      "pre",
      "h3",
      "h4",
      "h5",
    ],
    allowedAttributes: { a: ["href", "rel"] },
    allowedSchemes: ["https", "http", "mailto"],
    transformTags: {
      h1: "h3",
      h2: "h3",
      a: sanitizeHtml.simpleTransform("a", { rel: "noopener nofollow" }),
    },
  });
}
