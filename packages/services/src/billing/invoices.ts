// Routes: apps/api/src/routes/invoices — one invoice as its seller or its buyer sees it; discarding a draft.
import { invoiceLines, invoicePayments, invoices, type Tx, transaction } from "@nns/db";
import { AppError } from "@nns/domain";
import { and, asc, eq, or } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { organizationName, stockholmDate } from "../trainings/scope.js";
import {
  type InvoiceDetailView,
  type InvoiceRow,
  invoiceDetailView,
  invoiceSummaryView,
} from "./invoice-view.js";

const notFound = () => new AppError("not_found", "Fakturan finns inte.");

/**
 * An invoice the acting organization issued (with `billing:manage`: its drafts too) or received (issued
 * ones only: row-level security hides the seller's drafts, policy buyer_reads). Anything else is a 404.
 */
export async function loadVisibleInvoice(tx: Tx, ctx: OrgContext, invoiceId: string): Promise<InvoiceRow> {
  const [row] = await tx
    .select()
    .from(invoices)
    .where(
      and(
        eq(invoices.id, invoiceId),
        or(
          eq(invoices.organizationId, ctx.organization.id),
          eq(invoices.buyerOrganizationId, ctx.organization.id),
        ),
      ),
    );
  if (!row) throw notFound();
  if (row.organizationId === ctx.organization.id) {
    if (!ctx.permissions.has("billing:manage")) throw notFound();
  } else if (row.status === "draft") {
    throw notFound();
  }
  return row;
}

export async function readInvoiceDetail(
  tx: Tx,
  ctx: OrgContext,
  row: InvoiceRow,
): Promise<InvoiceDetailView> {
  const sellerId = row.organizationId;
  const [lines, payments, creditNotes] = await Promise.all([
    tx
      .select()
      .from(invoiceLines)
      .where(and(eq(invoiceLines.organizationId, sellerId), eq(invoiceLines.invoiceId, row.id))),
    tx
      .select()
      .from(invoicePayments)
      .where(and(eq(invoicePayments.organizationId, sellerId), eq(invoicePayments.invoiceId, row.id)))
      .orderBy(asc(invoicePayments.paidOn), asc(invoicePayments.createdAt)),
    tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.organizationId, sellerId), eq(invoices.creditedInvoiceId, row.id)))
      .orderBy(asc(invoices.issuedAt)),
  ]);
  const name = await organizationName(tx, row.buyerOrganizationId);
  return invoiceDetailView(
    invoiceSummaryView(row, name, ctx.organization.id, stockholmDate()),
    lines,
    payments,
    creditNotes,
  );
}

/** The invoice with its lines, payments and credit notes; status, overdue and balance as of today. */
export async function getInvoice(ctx: OrgContext, invoiceId: string): Promise<InvoiceDetailView> {
  requirePermission(ctx, "invoices:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) =>
    readInvoiceDetail(tx, ctx, await loadVisibleInvoice(tx, ctx, invoiceId)),
  );
}

/** Throws away a draft; an issued invoice is an allmän handling and is corrected by a credit note instead. */
export async function discardDraft(ctx: OrgContext, invoiceId: string): Promise<void> {
  requirePermission(ctx, "billing:manage");
  await transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const [row] = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.organizationId, ctx.organization.id), eq(invoices.id, invoiceId)))
      .for("update");
    if (!row) throw notFound();
    if (row.status !== "draft") {
      throw new AppError("conflict", "En utfärdad faktura tas aldrig bort; den rättas med en kreditnota.");
    }
    await tx
      .delete(invoices)
      .where(and(eq(invoices.organizationId, ctx.organization.id), eq(invoices.id, invoiceId)));
    await audit(tx, ctx, {
      action: "invoice.draft_discarded",
      entityType: "invoice",
      entityId: invoiceId,
      before: {
        buyerOrganizationId: row.buyerOrganizationId,
        trainingId: row.trainingId,
        totalOre: row.totalOre,
      },
    });
  });
}
