import { enterOrganization, getInvoicingDetails, putInvoicingDetails, systemContext } from "@nns/services";
import type { Harness } from "./harness.js";

export interface BillingFixture {
  nns: string;
  halland: string;
  hoglandet: string;
  /** The demo's coming BIP/SKAPA training shared by Halland and Höglandet: Halland's invoice issued today. */
  hallandInvoice: { id: string; number: string };
  /** Höglandet's share of the same training, still a draft. */
  hoglandetDraft: string;
}

/** The demo's billing (services' demo-billing.ts), found by who it is for. */
export async function billingFixture(h: Harness): Promise<BillingFixture> {
  const orgs = await h.t.db.ownerSql("select id, slug from organizations");
  const id = (slug: string) => String(orgs.find((row) => row.slug === slug)?.id);
  const [issued] = await h.t.db.ownerSql(
    "select id, number from invoices where buyer_organization_id = $1 and kind = 'invoice'",
    [id("halland")],
  );
  const [draft] = await h.t.db.ownerSql(
    "select id from invoices where buyer_organization_id = $1 and status = 'draft'",
    [id("hoglandet")],
  );
  return {
    nns: id("nns"),
    halland: id("halland"),
    hoglandet: id("hoglandet"),
    hallandInvoice: { id: String(issued?.id), number: String(issued?.number) },
    hoglandetDraft: String(draft?.id),
  };
}

/** Sets a förbund's default referens, as its administrator would in its invoicing details (null: none). */
export async function setDefaultReference(h: Harness, organizationId: string, reference: string | null) {
  const ctx = await enterOrganization(systemContext(h.deps, "admin-test"), organizationId);
  const details = await getInvoicingDetails(ctx);
  await putInvoicingDetails(
    ctx,
    {
      address: details.address,
      invoiceEmail: details.invoiceEmail,
      defaultReference: reference,
    },
    null,
  );
}
