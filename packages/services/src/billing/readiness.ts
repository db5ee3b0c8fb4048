// What an invoice needs before it can be issued: the seller's settings, the buyer's details, a referens.
import { billingTrainingReferences, type Tx } from "@nns/db";
import type { FieldError } from "@nns/domain";
import { and, eq } from "drizzle-orm";
import { readBuyerSettings, readSellerSettings } from "./settings.js";

export type SellerRow = NonNullable<Awaited<ReturnType<typeof readSellerSettings>>>;
export type BuyerRow = NonNullable<Awaited<ReturnType<typeof readBuyerSettings>>>;

export interface Readiness {
  seller: SellerRow | undefined;
  buyer: BuyerRow | undefined;
  /** The referens the invoice will carry: the training's own, else the förbund's default. */
  reference: string | null;
  /** Each thing missing, named as field and rule; empty when the invoice can be issued. */
  missing: FieldError[];
}

/**
 * Read in the seller's scope: the buyer's details and referenser are readable by the seller (policy
 * seller_reads, 0011_billing.sql).
 */
export async function readiness(
  tx: Tx,
  sellerId: string,
  buyer: { id: string; name: string },
  trainingId: string | null,
): Promise<Readiness> {
  const seller = await readSellerSettings(tx, sellerId);
  const details = await readBuyerSettings(tx, buyer.id);
  const [own] = trainingId
    ? await tx
        .select({ reference: billingTrainingReferences.reference })
        .from(billingTrainingReferences)
        .where(
          and(
            eq(billingTrainingReferences.organizationId, buyer.id),
            eq(billingTrainingReferences.trainingId, trainingId),
          ),
        )
    : [];
  const reference = own?.reference ?? details?.defaultReference ?? null;
  const missing: FieldError[] = [];
  if (!seller) {
    missing.push({
      field: "seller.settings",
      rule: "seller_settings_missing",
      message: "NNS säljaruppgifter för fakturering (organisationsnummer, bankgiro m.m.) är inte ifyllda.",
    });
  }
  if (!details) {
    missing.push({
      field: "buyer.invoicingDetails",
      rule: "invoicing_details_missing",
      message: `${buyer.name} har inte fyllt i sina faktureringsuppgifter (adress, organisationsnummer).`,
    });
  }
  if (!reference) {
    missing.push({
      field: "buyer.reference",
      rule: "reference_missing",
      message: `Referens saknas: ${buyer.name} behöver ange en referens för utbildningen eller en standardreferens (krävs i Peppol).`,
    });
  }
  return { seller, buyer: details, reference, missing };
}
