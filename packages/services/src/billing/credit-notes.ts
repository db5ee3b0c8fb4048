// Routes: apps/api/src/routes/invoices — correcting an issued invoice by a credit note, whole or in part.
import { invoiceLines, invoices, transaction } from "@nns/db";
import { AppError, type CreditableLine, creditLinesFor, invoiceStatus, lineTotals } from "@nns/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { requireNnsOrganization } from "../trainings/scope.js";
import { type InvoiceDetailView, lineView } from "./invoice-view.js";
import { readInvoiceDetail } from "./invoices.js";
import { issueDraft } from "./issuing.js";

export interface CreditNoteInput {
  reason: string;
  /** Net amounts per invoice line (by position); absent or null: everything still left to credit. */
  lines?: { position: number; netOre: number }[] | null;
}

/**
 * A credit note for an issued invoice, issued at once in the same series through the same path as an
 * invoice (issueDraft). It never credits more of a line than earlier credit notes left; the invoice's
 * credited amount and status follow (partly credited, or credited when nothing is left).
 */
export async function createCreditNote(
  ctx: OrgContext,
  invoiceId: string,
  input: CreditNoteInput,
): Promise<InvoiceDetailView> {
  requirePermission(ctx, "billing:manage");
  requireNnsOrganization(ctx);
  const sellerId = ctx.organization.id;
  return transaction(ctx.deps.db, { organizationId: sellerId }, async (tx) => {
    const [invoice] = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.organizationId, sellerId), eq(invoices.id, invoiceId)))
      .for("update");
    if (!invoice) throw new AppError("not_found", "Fakturan finns inte.");
    if (invoice.kind !== "invoice") throw new AppError("conflict", "En kreditnota krediteras inte.");
    if (invoice.status === "draft") {
      throw new AppError("conflict", "Ett utkast krediteras inte; det kasseras i stället.");
    }
    const original = await tx
      .select()
      .from(invoiceLines)
      .where(and(eq(invoiceLines.organizationId, sellerId), eq(invoiceLines.invoiceId, invoice.id)));
    const earlierNotes = await tx
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(eq(invoices.organizationId, sellerId), eq(invoices.creditedInvoiceId, invoice.id)));
    const earlier = earlierNotes.length
      ? await tx
          .select()
          .from(invoiceLines)
          .where(
            and(
              eq(invoiceLines.organizationId, sellerId),
              inArray(
                invoiceLines.invoiceId,
                earlierNotes.map((n) => n.id),
              ),
            ),
          )
      : [];
    const creditable: CreditableLine[] = original.map((row) => {
      const taken = earlier.filter((e) => e.position === row.position);
      return {
        ...lineView(row),
        creditedNetOre: taken.reduce((a, e) => a + e.netOre, 0),
        creditedVatOre: taken.reduce((a, e) => a + e.vatOre, 0),
      };
    });
    const lines = creditLinesFor(creditable, input.lines ?? null);
    if (lines.length === 0) throw new AppError("conflict", "Fakturan är redan helt krediterad.");
    const totals = lineTotals(lines);
    const [draft] = await tx
      .insert(invoices)
      .values({
        organizationId: sellerId,
        buyerOrganizationId: invoice.buyerOrganizationId,
        trainingId: invoice.trainingId,
        kind: "credit_note",
        creditedInvoiceId: invoice.id,
        ...totals,
      })
      .returning();
    if (!draft) throw new Error("credit note insert returned nothing");
    await tx
      .insert(invoiceLines)
      .values(lines.map((l) => ({ ...l, organizationId: sellerId, invoiceId: draft.id })));
    const creditNote = await issueDraft(tx, ctx, draft, {
      creditedInvoice: invoice,
      note: `Kreditering av faktura ${invoice.number}: ${input.reason}`,
    });
    const creditedOre = invoice.creditedOre + totals.totalOre;
    const { status } = invoiceStatus({
      issued: true,
      totalOre: invoice.totalOre,
      creditedOre,
      paidOre: invoice.paidOre,
    });
    await tx
      .update(invoices)
      .set({ creditedOre, status, version: sql`${invoices.version} + 1`, updatedAt: new Date() })
      .where(and(eq(invoices.organizationId, sellerId), eq(invoices.id, invoice.id)));
    await audit(tx, ctx, {
      action: "invoice.credited",
      entityType: "invoice",
      entityId: invoice.id,
      before: { status: invoice.status, creditedOre: invoice.creditedOre },
      after: {
        status,
        creditedOre,
        creditNoteId: creditNote.id,
        number: creditNote.number,
        reason: input.reason,
      },
    });
    return readInvoiceDetail(tx, ctx, creditNote);
  });
}
