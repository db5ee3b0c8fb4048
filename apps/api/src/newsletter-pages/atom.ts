import type * as services from "@nns/services";
import { create } from "xmlbuilder2";
import { sectionsHtml } from "./sections.js";

const ATOM = "http://www.w3.org/2005/Atom";

/**
 * A publication's sent issues as Atom 1.0 (RFC 4287), newest first. Ids are the publication's and the
 * issues' UUIDs, so a renamed slug does not make readers see the issues again as new; each entry carries
 * the issue's sections as HTML, the same as its page.
 */
export async function atomFeed(feed: services.PublicationFeed, publicUrl: string): Promise<string> {
  const base = publicUrl.replace(/\/$/, "");
  const { publication, issues } = feed;
  const page = `${base}/nyhetsbrev/${publication.slug}`;
  const root = create({ version: "1.0", encoding: "utf-8" })
    .ele(ATOM, "feed")
    .att("http://www.w3.org/XML/1998/namespace", "xml:lang", "sv");
  root.ele("id").txt(`urn:uuid:${publication.id}`);
  root.ele("title").txt(publication.name);
  if (publication.description) root.ele("subtitle").txt(publication.description);
  root.ele("updated").txt(issues[0]?.sentAt ?? new Date(0).toISOString());
  root.ele("link", { rel: "self", type: "application/atom+xml", href: `${page}/atom.xml` });
  root.ele("link", { rel: "alternate", type: "text/html", href: page });
  for (const publisher of publication.publishers) root.ele("author").ele("name").txt(publisher.name);
  for (const issue of issues) {
    const entry = root.ele("entry");
    entry.ele("id").txt(`urn:uuid:${issue.id}`);
    entry.ele("title").txt(issue.subject);
    entry.ele("published").txt(issue.sentAt);
    entry.ele("updated").txt(issue.sentAt);
    entry.ele("link", { rel: "alternate", type: "text/html", href: issue.publicUrl });
    if (issue.preheader) entry.ele("summary").txt(issue.preheader);
    entry.ele("content", { type: "html" }).txt(String(await sectionsHtml(issue)));
  }
  return root.end({ prettyPrint: true });
}
