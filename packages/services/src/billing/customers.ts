// Routes: apps/api/src/routes/billing-customers — how NNS collects from each förbund: bankgiro or Stripe.
import { billingBuyerSettings, billingCustomers, organizations, type Tx, transaction } from "@nns/db";
import { AppError } from "@nns/domain";
import { and, eq, isNull } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { requireNnsOrganization } from "../trainings/scope.js";

export interface BillingCustomerView {
  buyerOrganizationId: string;
  organizationName: string;
  paymentMethod: "bankgiro" | "stripe";
  /** Made on the first invoice mirrored to Stripe; null before. */
  stripeCustomerId: string | null;
  /** Whether this installation has a Stripe key, so that `stripe` may be chosen. */
  stripeAvailable: boolean;
}

async function loadBuyer(tx: Tx, buyerOrganizationId: string): Promise<{ name: string }> {
  const [buyer] = await tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(
      and(
        eq(organizations.id, buyerOrganizationId),
        eq(organizations.kind, "forbund"),
        isNull(organizations.deletedAt),
      ),
    );
  if (!buyer) throw new AppError("not_found", "Förbundet finns inte.");
  return buyer;
}

async function readCustomer(
  ctx: OrgContext,
  tx: Tx,
  buyerOrganizationId: string,
): Promise<BillingCustomerView> {
  const buyer = await loadBuyer(tx, buyerOrganizationId);
  const [row] = await tx
    .select()
    .from(billingCustomers)
    .where(
      and(
        eq(billingCustomers.organizationId, ctx.organization.id),
        eq(billingCustomers.buyerOrganizationId, buyerOrganizationId),
      ),
    );
  return {
    buyerOrganizationId,
    organizationName: buyer.name,
    paymentMethod: row?.paymentMethod ?? "bankgiro",
    stripeCustomerId: row?.stripeCustomerId ?? null,
    stripeAvailable: ctx.deps.config.stripe !== undefined,
  };
}

/** How a förbund pays NNS's invoices; bankgiro until NNS says otherwise. */
export async function getBillingCustomer(
  ctx: OrgContext,
  buyerOrganizationId: string,
): Promise<BillingCustomerView> {
  requirePermission(ctx, "billing:manage");
  requireNnsOrganization(ctx);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, (tx) =>
    readCustomer(ctx, tx, buyerOrganizationId),
  );
}

/**
 * Sets how a förbund pays invoices issued from now on. Stripe only when this installation has a Stripe
 * key (409 otherwise) and the förbund has an invoice email for Stripe to send the invoice to (422).
 * Invoices already issued keep the way they were collected.
 */
export async function putBillingCustomer(
  ctx: OrgContext,
  buyerOrganizationId: string,
  input: { paymentMethod: "bankgiro" | "stripe" },
): Promise<BillingCustomerView> {
  requirePermission(ctx, "billing:manage");
  requireNnsOrganization(ctx);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const before = await readCustomer(ctx, tx, buyerOrganizationId);
    if (input.paymentMethod === "stripe") {
      if (!before.stripeAvailable) {
        throw new AppError(
          "conflict",
          "Stripe är inte konfigurerat för den här installationen (STRIPE_SECRET_KEY saknas); förbundet betalar med bankgiro.",
        );
      }
      const [details] = await tx
        .select({ invoiceEmail: billingBuyerSettings.invoiceEmail })
        .from(billingBuyerSettings)
        .where(eq(billingBuyerSettings.organizationId, buyerOrganizationId));
      if (!details?.invoiceEmail) {
        throw new AppError(
          "unprocessable",
          "Förbundet har ingen e-postadress för fakturor i sina faktureringsuppgifter; Stripe behöver en för att skicka fakturan.",
        );
      }
    }
    await tx
      .insert(billingCustomers)
      .values({
        organizationId: ctx.organization.id,
        buyerOrganizationId,
        paymentMethod: input.paymentMethod,
      })
      .onConflictDoUpdate({
        target: [billingCustomers.organizationId, billingCustomers.buyerOrganizationId],
        set: { paymentMethod: input.paymentMethod, updatedAt: new Date() },
      });
    const after = { ...before, paymentMethod: input.paymentMethod };
    if (before.paymentMethod !== after.paymentMethod) {
      await audit(tx, ctx, {
        action: "billing_customer.payment_method_changed",
        entityType: "billing_customer",
        entityId: buyerOrganizationId,
        before: { paymentMethod: before.paymentMethod },
        after: { paymentMethod: after.paymentMethod },
      });
    }
    return after;
  });
}
