import {
  draftInvoices,
  enterOrganization,
  getSellerSettings,
  issueInvoice,
  putInvoicingDetails,
  putSellerSettings,
  systemContext,
} from "@nns/services";
import type { Harness } from "./harness.js";

export interface BillingFixture {
  nns: string;
  halland: string;
  hoglandet: string;
  /** The demo's confirmed BIP/SKAPA training that Halland and Höglandet share. */
  bip: string;
  /** The draft invoice to each förbund for that training. */
  drafts: { halland: string; hoglandet: string };
}

/**
 * Billing on top of the demo data, as NNS and the förbund would set it up in their settings: NNS's
 * seller identity, each förbund's invoicing details (Halland with a default referens, Höglandet without,
 * so issuing to it is refused until one is set) and the drafts for the shared training. Calling it again
 * changes nothing: settings are only written when missing, and drafting is idempotent.
 */
export async function billingFixture(h: Harness): Promise<BillingFixture> {
  const orgs = await h.t.db.ownerSql("select id, slug, organization_number from organizations");
  const org = (slug: string) => orgs.find((row) => row.slug === slug);
  const id = (slug: string) => String(org(slug)?.id);
  const [training] = await h.t.db.ownerSql("select id from trainings where kind = 'bip_skapa'");
  const bip = String(training?.id);
  const system = systemContext(h.deps, "admin-test");
  const nns = await enterOrganization(system, id("nns"));
  const orgNumber = String(org("nns")?.organization_number).replace("-", "");
  const hasSeller = await getSellerSettings(nns).then(
    () => true,
    () => false,
  );
  if (!hasSeller) {
    await putSellerSettings(
      nns,
      {
        legalName: "Nationella nätverket för samordningsförbund",
        organizationNumber: orgNumber,
        vatNumber: `SE${orgNumber}01`,
        fSkatt: true,
        address: { street: "Box 1234", postalCode: "111 22", city: "Stockholm" },
        invoiceEmail: "faktura@nns.demo.se",
        bankgiro: "5050-1055",
        lateInterestText: "Vid försenad betalning debiteras dröjsmålsränta enligt räntelagen.",
      },
      null,
    );
    for (const [slug, city, defaultReference] of [
      ["halland", "Halmstad", "Hanna Holm"],
      ["hoglandet", "Nässjö", null],
    ] as const) {
      await putInvoicingDetails(
        await enterOrganization(system, id(slug)),
        {
          address: { street: "Storgatan 1", postalCode: "302 31", city },
          invoiceEmail: `faktura.${slug}@demo.nns.se`,
          defaultReference,
        },
        null,
      );
    }
  }
  const { drafts } = await draftInvoices(nns, bip);
  const draftFor = (slug: string) =>
    String(drafts.find((d) => d.invoice.buyer.organizationId === id(slug))?.invoice.id);
  return {
    nns: id("nns"),
    halland: id("halland"),
    hoglandet: id("hoglandet"),
    bip,
    drafts: { halland: draftFor("halland"), hoglandet: draftFor("hoglandet") },
  };
}

/** Issues an invoice as NNS would with the button, for pages that show one already issued. */
export async function issueFixtureInvoice(h: Harness, nnsId: string, invoiceId: string): Promise<void> {
  await issueInvoice(await enterOrganization(systemContext(h.deps, "admin-test"), nnsId), invoiceId);
}
