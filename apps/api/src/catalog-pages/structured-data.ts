/** What the structured data reads from a published entry's document. */
export interface EntryFacts {
  id: string;
  title: string;
  summary: string;
  focusArea: { label: string };
  organization: { name: string } | null;
  coOwners: { name: string }[];
  area: { municipalities: { name: string }[]; counties: { name: string }[] };
  targetGroups: { label: string }[];
}

/**
 * An entry as schema.org's GovernmentService (JSON-LD): a publicly funded service, provided by the
 * förbund that own it, for its target groups in its kommuner and län. Search engines read it to show the
 * entry as a service rather than as an arbitrary page.
 */
export function entryStructuredData(d: EntryFacts, url: string): Record<string, unknown> {
  const providers = [d.organization, ...d.coOwners]
    .filter((o): o is { name: string } => o !== null)
    .map((o) => ({ "@type": "GovernmentOrganization", name: o.name }));
  const areas = [...d.area.municipalities, ...d.area.counties].map((a) => ({
    "@type": "AdministrativeArea",
    name: a.name,
  }));
  return {
    "@context": "https://schema.org",
    "@type": "GovernmentService",
    "@id": url,
    url,
    name: d.title,
    description: d.summary,
    serviceType: d.focusArea.label,
    inLanguage: "sv",
    ...(providers.length > 0 ? { provider: providers.length === 1 ? providers[0] : providers } : {}),
    ...(areas.length > 0 ? { areaServed: areas } : {}),
    ...(d.targetGroups.length > 0
      ? { audience: { "@type": "Audience", audienceType: d.targetGroups.map((t) => t.label).join(", ") } }
      : {}),
  };
}
