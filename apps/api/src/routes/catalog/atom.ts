import type { CatalogEntryView } from "@nns/services";

export const escapeXml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (ch) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[ch] ?? ch,
  );

/** Atom 1.0 (RFC 4287) of published entries; ids are stable tag URIs so readers see updates as updates. */
export function atomFeed(entries: CatalogEntryView[], publicUrl: string): string {
  const base = publicUrl.replace(/\/$/, "");
  const updated = entries[0]?.updatedAt ?? new Date(0).toISOString();
  const items = entries.map((entry) => {
    const d = entry.document as {
      id: string;
      title: string;
      summary: string;
      organization: { name: string } | null;
    };
    return `  <entry>
    <id>urn:uuid:${d.id}</id>
    <title>${escapeXml(d.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(`${base}/katalog/${d.id}`)}"/>
    <published>${entry.firstPublishedAt}</published>
    <updated>${entry.updatedAt}</updated>
    <author><name>${escapeXml(d.organization?.name ?? "NNS")}</name></author>
    <summary>${escapeXml(d.summary)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">
  <id>${escapeXml(`${base}/v1/catalog/feed`)}</id>
  <title>Insatskatalogen – nya och uppdaterade insatser</title>
  <link rel="self" type="application/atom+xml" href="${escapeXml(`${base}/v1/catalog/feed`)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(`${base}/katalog`)}"/>
  <updated>${updated}</updated>
${items.join("\n")}
</feed>
`;
}
