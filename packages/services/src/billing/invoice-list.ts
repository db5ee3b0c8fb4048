// Routes: apps/api/src/routes/invoice-documents — the invoices list, for the seller and for each buyer.
import { invoices, transaction } from "@nns/db";
import { fieldError, type InvoiceStatus, type Page } from "@nns/domain";
import { and, eq, gte, inArray, lt, lte, ne, type SQL } from "drizzle-orm";
import { requirePermission } from "../access.js";
import type { OrgContext } from "../context.js";
import { keyset, type PageRequest } from "../pagination.js";
import { organizationNames, stockholmDate } from "../trainings/scope.js";
import { type InvoiceSummaryView, invoiceSummaryView } from "./invoice-view.js";

/** Statuses in which an invoice is still owed: what may be overdue and what the aging view counts. */
export const OPEN_STATUSES = ["issued", "partly_paid", "partly_credited"] as const satisfies InvoiceStatus[];

export interface InvoiceFilter {
  /** A stored status, or `overdue`: open and past its due date (Europe/Stockholm). */
  status?: InvoiceStatus | "overdue" | undefined;
  buyerOrganizationId?: string | undefined;
  kind?: "invoice" | "credit_note" | undefined;
  trainingId?: string | undefined;
  /** Issue dates from and to, both inclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * Whose invoices the acting organization sees: NNS (`billing:manage`) every one it drafted or issued; a
 * förbund (`invoices:read`) those issued to it, never drafts and never another förbund's. Row-level
 * security says the same; the condition makes the answer explicit rather than whatever the policies allow.
 */
export function visibleInvoices(ctx: OrgContext): SQL {
  if (ctx.organization.kind === "nns") {
    requirePermission(ctx, "billing:manage");
    return eq(invoices.organizationId, ctx.organization.id);
  }
  requirePermission(ctx, "invoices:read");
  return and(eq(invoices.buyerOrganizationId, ctx.organization.id), ne(invoices.status, "draft")) as SQL;
}

function checkPeriod(filter: InvoiceFilter): void {
  if (filter.from && filter.to && filter.from > filter.to) {
    throw fieldError("query.to", "not_before_from", "Periodens slut kan inte ligga före dess början.");
  }
}

function filterConditions(filter: InvoiceFilter, today: string): (SQL | undefined)[] {
  checkPeriod(filter);
  const status =
    filter.status === "overdue"
      ? and(
          eq(invoices.kind, "invoice"),
          inArray(invoices.status, OPEN_STATUSES),
          lt(invoices.dueDate, today),
        )
      : filter.status
        ? eq(invoices.status, filter.status)
        : undefined;
  return [
    status,
    filter.buyerOrganizationId ? eq(invoices.buyerOrganizationId, filter.buyerOrganizationId) : undefined,
    filter.kind ? eq(invoices.kind, filter.kind) : undefined,
    filter.trainingId ? eq(invoices.trainingId, filter.trainingId) : undefined,
    filter.from ? gte(invoices.issueDate, filter.from) : undefined,
    filter.to ? lte(invoices.issueDate, filter.to) : undefined,
  ];
}

/**
 * A page of invoices and credit notes, newest first, as the caller's organization may see them (see
 * `visibleInvoices`), each in the ledger's summary view with overdue and balance as of today.
 */
export async function listInvoices(
  ctx: OrgContext,
  filter: InvoiceFilter,
  page: PageRequest,
): Promise<Page<InvoiceSummaryView>> {
  const visible = visibleInvoices(ctx);
  const today = stockholmDate();
  const conditions = filterConditions(filter, today);
  const set = keyset(page, invoices.createdAt, invoices.id, "desc");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const rows = await tx
      .select()
      .from(invoices)
      .where(and(visible, ...conditions, set.after))
      .orderBy(...set.orderBy)
      .limit(set.limit);
    const names = await organizationNames(
      tx,
      rows.map((r) => r.buyerOrganizationId),
    );
    const result = set.page(rows, (row) => [row.createdAt, row.id]);
    return {
      ...result,
      data: result.data.map((row) =>
        invoiceSummaryView(row, names.get(row.buyerOrganizationId)?.name ?? "", ctx.organization.id, today),
      ),
    };
  });
}
