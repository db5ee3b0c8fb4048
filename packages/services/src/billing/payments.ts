// Routes: apps/api/src/routes/invoice-payments — payments registered against an issued invoice.
import { invoicePayments, invoices, type Tx, transaction } from "@nns/db";
import { AppError, fieldError, invoiceStatus } from "@nns/domain";
import { and, eq, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import { actorUserId, type OrgContext } from "../context.js";
import { organizationName, requireNnsOrganization, stockholmDate } from "../trainings/scope.js";
import { emitWebhookEvent } from "../webhooks/events.js";
import {
  type InvoiceDetailView,
  type InvoicePaymentView,
  type InvoiceRow,
  invoiceSummaryView,
  paymentView,
} from "./invoice-view.js";
import { readInvoiceDetail } from "./invoices.js";

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

/** The payment, and the invoice as it stands after it. */
export interface PaymentResult {
  payment: InvoicePaymentView;
  invoice: InvoiceDetailView;
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
  const { status } = invoiceStatus({
    issued: true,
    totalOre: invoice.totalOre,
    creditedOre: invoice.creditedOre,
    paidOre,
  });
  const [updated] = await tx
    .update(invoices)
    .set({ paidOre, status, version: sql`${invoices.version} + 1`, updatedAt: new Date() })
    .where(and(eq(invoices.organizationId, invoice.organizationId), eq(invoices.id, invoice.id)))
    .returning();
  if (!updated) throw new Error("invoice update returned nothing");
  const becamePaid = status === "paid" && invoice.status !== "paid";
  if (becamePaid) {
    const buyerName = await organizationName(tx, invoice.buyerOrganizationId);
    await emitWebhookEvent(tx, ctx, "invoice.paid", [
      {
        organizationId: invoice.buyerOrganizationId,
        object: invoiceSummaryView(updated, buyerName, invoice.buyerOrganizationId, stockholmDate()),
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
  return { payment: view, invoice: await readInvoiceDetail(tx, ctx, updated) };
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
