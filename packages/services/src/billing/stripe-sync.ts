// The jobs that keep Stripe's copy of an invoice in step with our ledger, for förbund that pay by Stripe.
import { billingCustomers, invoices, type Tx, transaction } from "@nns/db";
import type { InvoiceDocument } from "@nns/domain";
import { and, eq, isNull } from "drizzle-orm";
import { writeAudit } from "../audit.js";
import { type Deps, type OrgContext, systemContext } from "../context.js";
import type { MarkPaidOutOfBandJob } from "./payments.js";
import { StripeCollection } from "./stripe/index.js";

export interface MirrorInvoiceJob {
  organizationId: string;
  invoiceId: string;
}

const collections = new WeakMap<Deps, StripeCollection>();

/** The configured Stripe account, or null when this installation collects by bankgiro alone. */
export function stripeCollection(deps: Deps): StripeCollection | null {
  const config = deps.config.stripe;
  if (!config) return null;
  let collection = collections.get(deps);
  if (!collection) {
    const { webhookSecret: _secret, ...options } = config;
    collection = new StripeCollection(options);
    collections.set(deps, collection);
  }
  return collection;
}

/**
 * Called by the ledger in the transaction that issues an invoice: when its buyer pays by Stripe (and
 * Stripe is configured), a job mirrors it there. Enqueued in the same transaction, so the job exists
 * exactly when the issued invoice does.
 */
export async function enqueueStripeMirror(
  tx: Tx,
  ctx: OrgContext,
  invoice: { organizationId: string; id: string; buyerOrganizationId: string; kind: string },
): Promise<void> {
  if (!ctx.deps.config.stripe || invoice.kind !== "invoice") return;
  const [customer] = await tx
    .select({ paymentMethod: billingCustomers.paymentMethod })
    .from(billingCustomers)
    .where(
      and(
        eq(billingCustomers.organizationId, invoice.organizationId),
        eq(billingCustomers.buyerOrganizationId, invoice.buyerOrganizationId),
      ),
    );
  if (customer?.paymentMethod !== "stripe") return;
  await ctx.deps.jobs.enqueue(tx, "stripe.mirror-invoice", {
    organizationId: invoice.organizationId,
    invoiceId: invoice.id,
  } satisfies MirrorInvoiceJob);
}

/**
 * Makes (or finds) the buyer's Stripe customer and the Stripe invoice, and stores both ids. Safe to run
 * again: Stripe calls carry keys derived from our ids, and an invoice already mirrored is left alone. An
 * invoice paid by bankgiro before Stripe had its copy gets that copy marked paid at once.
 */
// convention: no permission check — a queue job, enqueued by the issuing transaction that checked billing:manage
export async function mirrorInvoice(deps: Deps, job: MirrorInvoiceJob): Promise<void> {
  const collection = stripeCollection(deps);
  if (!collection) return;
  const scope = { organizationId: job.organizationId };
  const found = await transaction(deps.db, scope, async (tx) => {
    const [invoice] = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.organizationId, job.organizationId), eq(invoices.id, job.invoiceId)));
    if (!invoice?.document || invoice.stripeInvoiceId) return null;
    const [customer] = await tx
      .select({ stripeCustomerId: billingCustomers.stripeCustomerId })
      .from(billingCustomers)
      .where(
        and(
          eq(billingCustomers.organizationId, job.organizationId),
          eq(billingCustomers.buyerOrganizationId, invoice.buyerOrganizationId),
        ),
      );
    return {
      invoice,
      document: invoice.document as InvoiceDocument,
      customerId: customer?.stripeCustomerId ?? null,
    };
  });
  if (!found) return;
  const customerId = await collection.ensureCustomer(found.document.buyer, found.customerId);
  const { stripeInvoiceId } = await collection.mirrorInvoice(found.document, {
    invoiceId: job.invoiceId,
    customerId,
  });
  const status = await transaction(deps.db, scope, async (tx) => {
    await tx
      .update(billingCustomers)
      .set({ stripeCustomerId: customerId, updatedAt: new Date() })
      .where(
        and(
          eq(billingCustomers.organizationId, job.organizationId),
          eq(billingCustomers.buyerOrganizationId, found.invoice.buyerOrganizationId),
          isNull(billingCustomers.stripeCustomerId),
        ),
      );
    const [row] = await tx
      .update(invoices)
      .set({ stripeInvoiceId })
      .where(and(eq(invoices.organizationId, job.organizationId), eq(invoices.id, job.invoiceId)))
      .returning({ status: invoices.status });
    await writeAudit(tx, systemContext(deps, "stripe"), job.organizationId, {
      action: "invoice.stripe_mirrored",
      entityType: "invoice",
      entityId: job.invoiceId,
      after: { stripeInvoiceId, stripeCustomerId: customerId },
    });
    return row?.status;
  });
  if (status === "paid") await collection.markPaidOutOfBand(stripeInvoiceId, job.invoiceId);
}

export async function markPaidOutOfBand(deps: Deps, job: MarkPaidOutOfBandJob): Promise<void> {
  await stripeCollection(deps)?.markPaidOutOfBand(job.stripeInvoiceId, job.invoiceId);
}

/** This process's Stripe workers; none when Stripe is not configured. */
export async function startStripeWork(deps: Deps): Promise<void> {
  if (!deps.config.stripe) return;
  await deps.jobs.work<MirrorInvoiceJob>("stripe.mirror-invoice", (job) => mirrorInvoice(deps, job));
  await deps.jobs.work<MarkPaidOutOfBandJob>("stripe.mark-paid-out-of-band", (job) =>
    markPaidOutOfBand(deps, job),
  );
}
