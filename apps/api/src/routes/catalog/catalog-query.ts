import { type CatalogQuery, FACETS } from "@nns/services";

type FilterInput = Partial<Record<(typeof FACETS)[number], string | undefined>> & {
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort: CatalogQuery["sort"];
};

/** Validated query parameters (comma-separated lists) to the service's search. */
export function toCatalogQuery(input: FilterInput): CatalogQuery {
  const filters: CatalogQuery["filters"] = {};
  for (const facet of FACETS) {
    const raw = input[facet];
    if (raw) filters[facet] = raw.split(",").map((v) => (facet === "organization" ? v.toLowerCase() : v));
  }
  return { q: input.q || undefined, filters, from: input.from, to: input.to, sort: input.sort };
}
