import { type KeysetCursor, ORIENTATION_LABELS_SV, STATUS_LABELS_SV } from "@nns/domain";
import { invalidCursor, readCursor } from "../pagination.js";

/**
 * What a public catalogue search asks and answers, shared by the two ways of computing it: the in-memory
 * index (search-index.ts) and the SQL statement (public-catalog.ts), which must answer alike.
 */
export const FACETS = [
  "county",
  "municipality",
  "targetGroup",
  "orientation",
  "status",
  "method",
  "organization",
  "memberParty",
  "linkKind",
] as const;
export type Facet = (typeof FACETS)[number];

export interface CatalogQuery {
  q?: string | undefined;
  filters: Partial<Record<Facet, string[]>>;
  /** Period overlap: entries running at some time between `from` and `to` (open entries run on). */
  from?: string | undefined;
  to?: string | undefined;
  sort: "relevance" | "newest" | "start";
}

export interface CatalogSummary {
  id: string;
  title: string;
  summary: string;
  organization: { id: string; name: string; slug: string } | null;
  orientation: string;
  status: string;
  startDate: string | null;
  endDate: string | null;
  municipalities: { code: string; name: string }[];
  targetGroups: { code: string; label: string }[];
  firstPublishedAt: string;
  updatedAt: string;
}

export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

export interface CatalogSearchResult {
  data: CatalogSummary[];
  nextCursor: string | null;
  total: number;
  facets: Record<Facet, FacetCount[]>;
}

/** Relevance needs a text query; without one it orders as newest. */
export type SortKind = "relevance" | "start" | "newest";
export const sortKindOf = (query: CatalogQuery): SortKind =>
  query.sort === "relevance" && query.q ? "relevance" : query.sort === "start" ? "start" : "newest";

/** Postgres prints timestamptz as `2026-11-24 08:00:00.123+00`; Date.parse wants ISO 8601. */
const isTimestamp = (k: string) =>
  !Number.isNaN(Date.parse(k.replace(" ", "T").replace(/([+-]\d{2})$/, "$1:00")));

/** The check a cursor's key must pass for each sort: a cursor from another sort order is refused. */
const VALID_KEY: Record<SortKind, (k: string) => boolean> = {
  relevance: (k) => /^\d+(\.\d+)?$/.test(k),
  // Round-tripping refuses dates such as 2025-02-30 that a lenient parser would roll over.
  start: (k) =>
    /^\d{4}-\d{2}-\d{2}$/.test(k) && !Number.isNaN(Date.parse(k)) && new Date(k).toISOString().startsWith(k),
  newest: (k) =>
    /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}(:?\d{2})?|Z)$/.test(k) && isTimestamp(k),
};

/** The cursor's sort key and id (lower case, as uuids print), or a 400 naming the cursor. */
export function decodeSearchCursor(query: CatalogQuery, cursor: string | undefined): KeysetCursor | null {
  const decoded = readCursor(cursor);
  if (!decoded) return null;
  if (!VALID_KEY[sortKindOf(query)](decoded.k)) throw invalidCursor();
  return { k: decoded.k, id: decoded.id.toLowerCase() };
}

/** The part of a published entry's stored document (see snapshot.ts) that lists show. */
interface PublishedDocument {
  title: string;
  summary: string;
  organization: CatalogSummary["organization"];
  orientation: string;
  status: string;
  startDate: string | null;
  endDate: string | null;
  area: { municipalities: CatalogSummary["municipalities"] };
  targetGroups: CatalogSummary["targetGroups"];
}

export const iso = (value: unknown) =>
  (value instanceof Date ? value : new Date(String(value))).toISOString();

export function summaryOf(row: {
  intervention_id: string;
  document: unknown;
  first_published_at: unknown;
  updated_at: unknown;
}): CatalogSummary {
  const d = row.document as PublishedDocument;
  return {
    id: String(row.intervention_id),
    title: d.title,
    summary: d.summary,
    organization: d.organization,
    orientation: d.orientation,
    status: d.status,
    startDate: d.startDate,
    endDate: d.endDate,
    municipalities: d.area.municipalities,
    targetGroups: d.targetGroups,
    firstPublishedAt: iso(row.first_published_at),
    updatedAt: iso(row.updated_at),
  };
}

/** Labels of the facets whose values are fixed in code rather than in a table. */
const FIXED_LABELS: Partial<Record<Facet, Record<string, string>>> = {
  status: STATUS_LABELS_SV,
  orientation: ORIENTATION_LABELS_SV,
  memberParty: { fk: "Försäkringskassan", af: "Arbetsförmedlingen", region: "Region", kommun: "Kommun" },
};

/** A value's label: from its table when it has one there, else the fixed label, else the value itself. */
export const facetLabel = (facet: Facet, value: string, tableLabel: string | null | undefined) =>
  tableLabel ?? FIXED_LABELS[facet]?.[value] ?? value;

/** Labels in Swedish order (å, ä, ö last). */
export const compareLabels = new Intl.Collator("sv").compare;

/** Most matches first, then by label in Swedish order. */
export function sortFacetCounts(facets: Record<Facet, FacetCount[]>): Record<Facet, FacetCount[]> {
  for (const list of Object.values(facets))
    list.sort((a, b) => b.count - a.count || compareLabels(a.label, b.label));
  return facets;
}

export const emptyFacets = () =>
  Object.fromEntries(FACETS.map((f) => [f, [] as FacetCount[]])) as Record<Facet, FacetCount[]>;

/** PostgreSQL's text form of a timestamptz in a UTC session, as the SQL search's cursors carry it. */
export function timestampText(ms: number): string {
  const iso = new Date(ms).toISOString();
  const fraction = iso.slice(20, 23).replace(/0+$/, "");
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ""}+00`;
}

/** A cursor's timestamp in microseconds since the epoch (timestamptz keeps microseconds). */
export function timestampMicros(k: string): number {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([+-])(\d{2}):?(\d{2})?|Z)$/.exec(k);
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s, fraction = "", sign, oh = "0", om = "0"] = m;
  const offsetMinutes = (sign === "-" ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const seconds = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) / 1000;
  const micros = Math.round(Number(`0.${fraction || "0"}`) * 1e6);
  return (seconds - offsetMinutes * 60) * 1e6 + micros;
}

/** Compares millionths with a decimal cursor key of any length, exactly: negative, zero or positive. */
export function compareMicros(micros: number, k: string): number {
  const [whole = "0", fraction = ""] = k.split(".");
  const floor = Number(whole) * 1e6 + Number(fraction.slice(0, 6).padEnd(6, "0"));
  if (micros !== floor) return micros - floor;
  return /[1-9]/.test(fraction.slice(6)) ? -1 : 0;
}
