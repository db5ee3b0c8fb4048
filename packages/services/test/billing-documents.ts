import {
  type InvoiceDocument,
  type InvoiceDocumentLine,
  ocrReference,
  vatCategoryOf,
  vatOn,
  vatSummary,
} from "@nns/domain";

/**
 * Invoice documents as the ledger freezes them, for the PDF, export and email tests: seed 003's training
 * of 50 000 kr shared by two förbund, so each is invoiced 25 000 kr + 6 250 kr moms = 31 250 kr.
 */

export const SELLER: InvoiceDocument["seller"] = {
  organizationId: "00000000-0000-4000-8000-000000000001",
  legalName: "Nationella nätverket för samordningsförbund",
  organizationNumber: "8024671235",
  vatNumber: "SE802467123501",
  fSkatt: true,
  address: {
    street: "Box 1234",
    additionalStreet: "c/o Förbundskansliet",
    postalCode: "11122",
    city: "Stockholm",
    countryCode: "SE",
  },
  peppolId: { scheme: "0007", value: "8024671235" },
  invoiceEmail: "faktura@nns.se",
  bankgiro: "56781234",
  plusgiro: "4711236",
  lateInterestText: "Vid försenad betalning debiteras dröjsmålsränta enligt räntelagen.",
};

export function buyer(name: string, organizationNumber: string): InvoiceDocument["buyer"] {
  return {
    organizationId: `00000000-0000-4000-8000-${organizationNumber.padStart(12, "0")}`,
    legalName: name,
    organizationNumber,
    vatNumber: null,
    address: {
      street: "Åkervägen 5",
      additionalStreet: null,
      postalCode: "13140",
      city: "Nacka",
      countryCode: "SE",
    },
    peppolId: { scheme: "0007", value: organizationNumber },
    invoiceEmail: "ekonomi@example.se",
  };
}

export const OSTRA = buyer("Samordningsförbundet Östra Södertörn", "2220001230");
export const VASTRA = buyer("Samordningsförbundet Västra Mälardalen", "2220004564");

export function line(
  position: number,
  description: string,
  netOre: number,
  rateBasisPoints = 2500,
  kind: InvoiceDocumentLine["kind"] = "shared",
): InvoiceDocumentLine {
  return {
    position,
    description,
    kind,
    netOre,
    vatCategory: vatCategoryOf(rateBasisPoints),
    vatRateBasisPoints: rateBasisPoints,
    vatOre: vatOn(netOre, rateBasisPoints),
  };
}

/** A document with its totals and VAT summary computed from the lines, as the ledger does. */
export function invoiceDocument(input: {
  kind?: InvoiceDocument["kind"];
  number: string;
  issueDate?: string;
  buyer?: InvoiceDocument["buyer"];
  lines: InvoiceDocumentLine[];
  creditedInvoice?: InvoiceDocument["creditedInvoice"];
}): InvoiceDocument {
  const kind = input.kind ?? "invoice";
  const [year, sequence] = input.number.split("-").map(Number);
  const netOre = input.lines.reduce((sum, l) => sum + l.netOre, 0);
  const vatOre = input.lines.reduce((sum, l) => sum + l.vatOre, 0);
  return {
    kind,
    number: input.number,
    issueDate: input.issueDate ?? "2027-01-15",
    dueDate: kind === "invoice" ? "2027-02-14" : null,
    currency: "SEK",
    buyerReference: "Anna Ödman",
    ocr: kind === "invoice" ? ocrReference(year as number, sequence as number) : null,
    note: "BIP-utbildning för handledare, Nacka 12–13 januari 2027 (delad med Samordningsförbundet Västra Mälardalen)",
    paymentTerms: "30 dagar netto",
    creditedInvoice: input.creditedInvoice ?? null,
    seller: SELLER,
    buyer: input.buyer ?? OSTRA,
    lines: input.lines,
    vatSummary: vatSummary(input.lines),
    netOre,
    vatOre,
    totalOre: netOre + vatOre,
  };
}

/** Seed 003: each förbund's half of the 50 000 kr training. */
export function seedInvoice(number = "2027-0001", who = OSTRA): InvoiceDocument {
  return invoiceDocument({
    number,
    buyer: who,
    lines: [
      line(1, "Utbildningsdagar BIP, 2 dagar (halva kostnaden)", 2_000_000),
      line(2, "Utbildarens resa och logi (halva kostnaden)", 500_000),
    ],
  });
}

/** Credits the travel line of seed 003's first invoice: 5 000 kr + 1 250 kr moms. */
export function seedCreditNote(): InvoiceDocument {
  return invoiceDocument({
    kind: "credit_note",
    number: "2027-0003",
    issueDate: "2027-01-20",
    lines: [line(1, "Utbildarens resa och logi (halva kostnaden), krediteras", 500_000)],
    creditedInvoice: { number: "2027-0001", issueDate: "2027-01-15" },
  });
}
