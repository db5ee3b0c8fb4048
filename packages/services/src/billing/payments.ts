// Routes: apps/api/src/routes/invoice-payments — payments registered against an issued invoice.
import { invoicePayments, invoices, type Tx, transaction } from "@nns/db";
import { AppError, fieldError, invoiceStatus } from "@nns/domain";
import { and, asc, eq, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import { actorUserId, type OrgContext } from "../context.js";
import { requireNnsOrganization, stockholmDate } from "../trainings/scope.js";
import { emitWebhookEvent } from "../webhooks/events.js";

export type InvoiceRow = typeof invoices.$inferSelect;
export type PaymentRow = typeof invoicePayments.$inferSelect;
/** What a person registers by hand; `stripe` payments arrive only through Stripe's webhook. */
export const MANUAL_PAYMENT_METHODS = ["bankgiro", "plusgiro", "manual", "bank_file"] as const;
export type ManualPaymentMethod = (typeof MANUAL_PAYMENT_METHODS)[number];

export interface PaymentInput {
  paidOn: string;
  amountOre: number;
  method: ManualPaymentMethod;
  reference?: string | null | undefined;
  note?: string | null | undefined;
}

export interface PaymentView {
  id: string;
  invoiceId: string;
  paidOn: string;
  amountOre: number;
  method: PaymentRow["method"];
  reference: string | null;
  note: string | null;
  createdAt: Date;
}

/** The invoice's ledger after a payment: what the list and the aging view read. */
export interface PaymentResult {
  payment: PaymentView;
  invoice: {
    id: string;
    number: string | null;
    status: InvoiceRow["status"];
    paidOre: number;
    balanceOre: number;
  };
}

export function paymentView(row: PaymentRow): PaymentView {
  const { id, invoiceId, paidOn, amountOre, method, reference, note, createdAt } = row;
  return { id, invoiceId, paidOn, amountOre, method, reference, note, createdAt };
}

/** The seller's invoice, locked so that payments on it queue one after another. */
export async function lockSellerInvoice(
  tx: Tx,
  organizationId: string,
  invoiceId: string,
): Promise<InvoiceRow> {
  const [row] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.organizationId, organizationId), eq(invoices.id, invoiceId)))
    .for("update");
  if (!row) throw new AppError("not_found", "Fakturan finns inte.");
  return row;
}

/** What a receiver of `invoice.paid` learns: the invoice's ledger, never its document. */
export function invoicePaidObject(row: InvoiceRow, paidOre: number, balanceOre: number) {
  return {
    id: row.id,
    sellerOrganizationId: row.organizationId,
    buyerOrganizationId: row.buyerOrganizationId,
    number: row.number,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    totalOre: row.totalOre,
    paidOre,
    balanceOre,
    status: "paid" as const,
  };
}

/**
 * Appends a payment and moves the invoice's ledger (paid amount, status) in the caller's transaction, on
 * an invoice the caller has locked. When the invoice becomes paid, its buyer's endpoints hear
 * `invoice.paid`; when it becomes paid by other means than Stripe while Stripe holds a copy, a job marks
 * that copy paid out of band so Stripe stops asking the förbund for the money.
 */
export async function applyPayment(
  tx: Tx,
  ctx: OrgContext,
  invoice: InvoiceRow,
  payment: Omit<typeof invoicePayments.$inferInsert, "organizationId" | "invoiceId">,
): Promise<PaymentResult> {
  const [inserted] = await tx
    .insert(invoicePayments)
    .values({ ...payment, organizationId: invoice.organizationId, invoiceId: invoice.id })
    .returning();
  if (!inserted) throw new Error("payment insert returned nothing");
  const paidOre = invoice.paidOre + payment.amountOre;
  const { status, balanceOre } = invoiceStatus({
    issued: true,
    totalOre: invoice.totalOre,
    creditedOre: invoice.creditedOre,
    paidOre,
  });
  await tx
    .update(invoices)
    .set({ paidOre, status, version: sql`${invoices.version} + 1`, updatedAt: new Date() })
    .where(and(eq(invoices.organizationId, invoice.organizationId), eq(invoices.id, invoice.id)));
  const becamePaid = status === "paid" && invoice.status !== "paid";
  if (becamePaid) {
    await emitWebhookEvent(tx, ctx, "invoice.paid", [
      {
        organizationId: invoice.buyerOrganizationId,
        object: invoicePaidObject(invoice, paidOre, balanceOre),
      },
    ]);
    if (invoice.stripeInvoiceId && payment.method !== "stripe") {
      await ctx.deps.jobs.enqueue(tx, "stripe.mark-paid-out-of-band", {
        organizationId: invoice.organizationId,
        invoiceId: invoice.id,
        stripeInvoiceId: invoice.stripeInvoiceId,
      } satisfies MarkPaidOutOfBandJob);
    }
  }
  const view = paymentView(inserted);
  await audit(tx, ctx, {
    action: payment.amountOre > 0 ? "invoice.payment_registered" : "invoice.payment_reversed",
    entityType: "invoice",
    entityId: invoice.id,
    before: { status: invoice.status, paidOre: invoice.paidOre },
    after: { status, paidOre, payment: view },
  });
  return { payment: view, invoice: { id: invoice.id, number: invoice.number, status, paidOre, balanceOre } };
}

export interface MarkPaidOutOfBandJob {
  organizationId: string;
  invoiceId: string;
  stripeInvoiceId: string;
}

function checkInput(input: PaymentInput, invoice: InvoiceRow): void {
  if (!Number.isSafeInteger(input.amountOre) || input.amountOre === 0) {
    throw fieldError("body.amountOre", "nonzero_ore", "Beloppet anges i hela ören och får inte vara noll.");
  }
  if (input.amountOre < 0) {
    if (!input.note?.trim()) {
      throw fieldError(
        "body.note",
        "required_for_reversal",
        "En negativ betalning rättar en felaktig registrering och behöver en anteckning om varför.",
      );
    }
    if (invoice.paidOre + input.amountOre < 0) {
      throw fieldError(
        "body.amountOre",
        "reversal_exceeds_paid",
        `Det går inte att återföra mer än vad som har betalats (${invoice.paidOre} öre).`,
      );
    }
  }
  if (input.paidOn > stockholmDate()) {
    throw fieldError("body.paidOn", "not_in_future", "Betalningsdagen kan inte ligga i framtiden.");
  }
}

/**
 * NNS registers a payment it received (bankgiro, plusgiro, by hand or from a bank file): whole or part,
 * or a negative amount with a note that reverses a mistaken registration (payments are never changed or
 * removed). Not on a draft, a credit note or a fully credited invoice (409).
 */
export async function registerPayment(
  ctx: OrgContext,
  invoiceId: string,
  input: PaymentInput,
): Promise<PaymentResult> {
  requirePermission(ctx, "billing:manage");
  requireNnsOrganization(ctx);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const invoice = await lockSellerInvoice(tx, ctx.organization.id, invoiceId);
    if (invoice.kind !== "invoice") {
      throw new AppError("conflict", "En kreditnota betalas inte; registrera betalningen på fakturan.");
    }
    if (invoice.status === "draft") {
      throw new AppError("conflict", "Fakturan är ett utkast; utfärda den innan en betalning registreras.");
    }
    if (invoice.status === "credited") {
      throw new AppError(
        "conflict",
        "Fakturan är helt krediterad; en betalning på den kan inte registreras.",
      );
    }
    checkInput(input, invoice);
    return applyPayment(tx, ctx, invoice, {
      paidOn: input.paidOn,
      amountOre: input.amountOre,
      method: input.method,
      reference: input.reference?.trim() || null,
      note: input.note?.trim() || null,
      registeredByUserId: actorUserId(ctx.actor),
    });
  });
}

/** The payments on an invoice, oldest first: the seller's, or the buyer's own once issued. */
export async function listPayments(ctx: OrgContext, invoiceId: string): Promise<PaymentView[]> {
  requirePermission(ctx, ctx.organization.kind === "nns" ? "billing:manage" : "invoices:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const [invoice] = await tx
      .select({ organizationId: invoices.organizationId, buyer: invoices.buyerOrganizationId })
      .from(invoices)
      .where(eq(invoices.id, invoiceId));
    const visible =
      invoice && (invoice.organizationId === ctx.organization.id || invoice.buyer === ctx.organization.id);
    if (!invoice || !visible) throw new AppError("not_found", "Fakturan finns inte.");
    const rows = await tx
      .select()
      .from(invoicePayments)
      .where(
        and(
          eq(invoicePayments.organizationId, invoice.organizationId),
          eq(invoicePayments.invoiceId, invoiceId),
        ),
      )
      .orderBy(asc(invoicePayments.paidOn), asc(invoicePayments.createdAt));
    return rows.map(paymentView);
  });
}
