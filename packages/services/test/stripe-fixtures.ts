import { randomUUID } from "node:crypto";
import type { InvoiceBuyer, InvoiceDocument } from "@nns/domain";

/** A förbund as invoice buyer, with a VAT number and an invoice email; tests override what they look at. */
export function buyer(overrides: Partial<InvoiceBuyer> = {}): InvoiceBuyer {
  return {
    organizationId: randomUUID(),
    legalName: "Samordningsförbundet Centrala Östergötland",
    organizationNumber: "2220001354",
    vatNumber: "SE222000135401",
    address: {
      street: "Box 1234",
      additionalStreet: null,
      postalCode: "581 12",
      city: "Linköping",
      countryCode: "SE",
    },
    peppolId: { scheme: "0007", value: "2220001354" },
    invoiceEmail: "faktura@centralaostergotland.example.se",
    ...overrides,
  };
}

/** Seed 003: a förbund's half of a shared training, 25 000 kr + 25 % VAT = 31 250 kr. */
export function document(forBuyer: InvoiceBuyer, number: string): InvoiceDocument {
  return {
    kind: "invoice",
    number,
    issueDate: "2027-03-01",
    dueDate: "2027-03-31",
    currency: "SEK",
    buyerReference: "Anna Andersson",
    ocr: "1234567897",
    note: "BIP/SKAPA-utbildning 2027-04-12–2027-05-20",
    paymentTerms: "30 dagar netto",
    creditedInvoice: null,
    seller: {
      organizationId: randomUUID(),
      legalName: "Nationella nätverket för samordningsförbund",
      organizationNumber: "8024651234",
      vatNumber: "SE802465123401",
      fSkatt: true,
      address: {
        street: "Storgatan 1",
        additionalStreet: null,
        postalCode: "111 22",
        city: "Stockholm",
        countryCode: "SE",
      },
      peppolId: { scheme: "0007", value: "8024651234" },
      invoiceEmail: "ekonomi@nns.example.se",
      bankgiro: "56781234",
      plusgiro: null,
      lateInterestText: "Vid försenad betalning debiteras dröjsmålsränta enligt räntelagen.",
    },
    buyer: forBuyer,
    lines: [
      {
        position: 1,
        description: "Andel av BIP/SKAPA-utbildning (1 av 2 förbund)",
        kind: "shared",
        netOre: 2_500_000,
        vatCategory: "S",
        vatRateBasisPoints: 2500,
        vatOre: 625_000,
      },
    ],
    vatSummary: [
      {
        vatCategory: "S",
        vatRateBasisPoints: 2500,
        taxableOre: 2_500_000,
        vatOre: 625_000,
        exemptionReason: null,
      },
    ],
    netOre: 2_500_000,
    vatOre: 625_000,
    totalOre: 3_125_000,
  };
}
