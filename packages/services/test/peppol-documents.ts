import {
  type InvoiceBuyer,
  type InvoiceDocument,
  type InvoiceDocumentLine,
  type InvoiceSeller,
  luhnCheckDigit,
  vatCategoryOf,
  vatSummary,
} from "@nns/domain";

/**
 * Invoice documents as the ledger builds them, for the e-invoice tests and benchmark: NNS as seller, two
 * samordningsförbund as buyers, amounts in öre with VAT computed per line (rounded to whole öre).
 */

/** Ten digits with a valid Luhn check digit after the given nine. */
export function organizationNumber(nineDigits: string): string {
  return `${nineDigits}${luhnCheckDigit(nineDigits)}`;
}

export const NNS_ORGNR = organizationNumber("802462113");

export const nns: InvoiceSeller = {
  organizationId: "00000000-0000-4000-8000-000000000001",
  legalName: "Nationella nätverket för samordningsförbund",
  organizationNumber: NNS_ORGNR,
  vatNumber: `SE${NNS_ORGNR}01`,
  fSkatt: true,
  address: {
    street: "Drottninggatan 12",
    additionalStreet: null,
    postalCode: "111 51",
    city: "Stockholm",
    countryCode: "SE",
  },
  peppolId: { scheme: "0007", value: NNS_ORGNR },
  invoiceEmail: "faktura@nnsplattform.se",
  bankgiro: "56781234",
  plusgiro: null,
  lateInterestText: "Vid försenad betalning debiteras dröjsmålsränta enligt räntelagen.",
};

function forbund(name: string, nineDigits: string, city: string, withVat: boolean): InvoiceBuyer {
  const orgnr = organizationNumber(nineDigits);
  return {
    organizationId: `00000000-0000-4000-8000-${nineDigits.padStart(12, "0")}`,
    legalName: name,
    organizationNumber: orgnr,
    vatNumber: withVat ? `SE${orgnr}01` : null,
    address: {
      street: "Storgatan 5",
      additionalStreet: "Box 123",
      postalCode: "831 30",
      city,
      countryCode: "SE",
    },
    peppolId: { scheme: "0007", value: orgnr },
    invoiceEmail: `ekonomi@${city.toLowerCase()}.samordning.se`,
  };
}

export const ostersund = forbund("Samordningsförbundet i Östersund", "222000175", "Östersund", true);
export const skelleftea = forbund("Samordningsförbundet Skellefteå", "222000289", "Skellefteå", false);

/** A line with its VAT rounded to whole öre, as the cost breakdown computes it. */
export function line(
  position: number,
  description: string,
  netOre: number,
  rateBasisPoints: number,
  kind: InvoiceDocumentLine["kind"] = "shared",
): InvoiceDocumentLine {
  return {
    position,
    description,
    kind,
    netOre,
    vatCategory: vatCategoryOf(rateBasisPoints),
    vatRateBasisPoints: rateBasisPoints,
    vatOre: Math.round((netOre * rateBasisPoints) / 10_000),
  };
}

export function invoice(
  lines: InvoiceDocumentLine[],
  overrides: Partial<Omit<InvoiceDocument, "lines">> = {},
): InvoiceDocument {
  const netOre = lines.reduce((sum, l) => sum + l.netOre, 0);
  const vatOre = lines.reduce((sum, l) => sum + l.vatOre, 0);
  return {
    kind: "invoice",
    number: "2027-0001",
    issueDate: "2027-02-01",
    dueDate: "2027-03-03",
    currency: "SEK",
    buyerReference: "Anna Lind 4410",
    ocr: "202700016",
    note: "BIP-utbildning för handledare, Östersund 12–13 januari 2027",
    paymentTerms: "30 dagar netto",
    creditedInvoice: null,
    seller: nns,
    buyer: ostersund,
    lines,
    vatSummary: vatSummary(lines),
    netOre,
    vatOre,
    totalOre: netOre + vatOre,
    ...overrides,
  };
}

/** A credit note for some of an invoice's lines (all of them for a whole credit). */
export function creditNote(credited: InvoiceDocument, lines: InvoiceDocumentLine[]): InvoiceDocument {
  return invoice(lines, {
    kind: "credit_note",
    number: "2027-0002",
    issueDate: "2027-02-10",
    dueDate: null,
    ocr: null,
    note: `Kreditering av faktura ${credited.number}`,
    paymentTerms: `Krediteras mot faktura ${credited.number}`,
    creditedInvoice: { number: credited.number, issueDate: credited.issueDate },
    buyer: credited.buyer,
  });
}

/** Seed 003: a 50 000 kr training shared by two förbund, 25 000 kr + 25 % VAT each. */
export const seed003 = invoice([
  line(1, "BIP-utbildning, halva kostnaden (delas med Skellefteå)", 2_500_000, 2500),
]);

export const mixedRates = invoice([
  line(1, "Utbildningsdagar, andel", 1_800_000, 2500),
  line(2, "Kurslitteratur", 123_450, 600),
  line(3, "Lunch och fika", 48_000, 1200),
  line(4, "Tryckta arbetsböcker", 9_990, 2500, "print"),
]);

export const withExemptLine = invoice([
  line(1, "SKAPA-utbildning, andel", 1_500_000, 2500),
  line(2, "Lokalhyra (momsfri)", 400_000, 0),
]);

/** Ten lines of 33,33 kr at 25 %: 8,33 kr VAT each rounds to 83,30 kr in all, not 83,33 kr on the sum. */
export const roundingLines = invoice(
  Array.from({ length: 10 }, (_, i) => line(i + 1, `Deltagarmaterial ${i + 1}`, 3_333, 2500, "print")),
);

/** A document of `count` lines, rates cycling 25/12/6 %, for the benchmark. */
export function invoiceWithLines(count: number): InvoiceDocument {
  const rates = [2500, 1200, 600];
  return invoice(
    Array.from({ length: count }, (_, i) =>
      line(i + 1, `Utbildningsmoment ${i + 1}`, 100_000 + i * 1_234, rates[i % 3] ?? 2500),
    ),
  );
}
