/** The statuses a list can be filtered by: the stored ones, and overdue (derived from the due date). */
export const STATUS_FILTERS = [
  "draft",
  "issued",
  "partly_paid",
  "paid",
  "partly_credited",
  "credited",
  "overdue",
] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** The list's filters, as they stand in the page's address so a filtered list can be bookmarked or shared. */
export interface InvoiceFilters {
  status?: StatusFilter;
  buyer?: string;
  from?: string;
  to?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The route's search validation: what is not a known status, an organization id or a date is dropped, so
 * an edited or outdated address shows the unfiltered list instead of the API's refusal.
 */
export function invoiceSearch(search: Record<string, unknown>): InvoiceFilters {
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const status = STATUS_FILTERS.find((s) => s === search.status);
  const buyer = text(search.buyer);
  const from = text(search.from);
  const to = text(search.to);
  return {
    ...(status ? { status } : {}),
    ...(UUID.test(buyer) ? { buyer } : {}),
    ...(DATE.test(from) ? { from } : {}),
    ...(DATE.test(to) ? { to } : {}),
  };
}
