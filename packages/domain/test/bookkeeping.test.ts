import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type BillingAccounts,
  DEFAULT_BILLING_ACCOUNTS,
  type InvoiceDocument,
  type InvoiceDocumentLine,
  journalLines,
  type LedgerEntry,
  verificationHeading,
} from "../src/billing/index.js";
import { vatSummary } from "../src/billing/ledger.js";
import { vatOn } from "../src/money.js";

const address = {
  street: "Storgatan 1",
  additionalStreet: null,
  postalCode: "11122",
  city: "Stockholm",
  countryCode: "SE",
};

function line(position: number, netOre: number, rate: number): InvoiceDocumentLine {
  return {
    position,
    description: `Rad ${position}`,
    kind: "shared",
    netOre,
    vatCategory: rate === 0 ? "E" : "S",
    vatRateBasisPoints: rate,
    vatOre: vatOn(netOre, rate),
  };
}

function document(kind: InvoiceDocument["kind"], lines: InvoiceDocumentLine[]): InvoiceDocument {
  const netOre = lines.reduce((sum, l) => sum + l.netOre, 0);
  const vatOre = lines.reduce((sum, l) => sum + l.vatOre, 0);
  const party = {
    organizationId: "o",
    legalName: "Samordningsförbundet Öst",
    organizationNumber: "2220001230",
    address,
    peppolId: { scheme: "0007", value: "2220001230" },
  };
  return {
    kind,
    number: "2027-0001",
    issueDate: "2027-01-15",
    dueDate: kind === "invoice" ? "2027-02-14" : null,
    currency: "SEK",
    buyerReference: "Anna",
    ocr: null,
    note: "BIP-utbildning",
    paymentTerms: "30 dagar netto",
    creditedInvoice: kind === "credit_note" ? { number: "2027-0001", issueDate: "2027-01-15" } : null,
    seller: {
      ...party,
      vatNumber: "SE222000123001",
      fSkatt: true,
      invoiceEmail: "f@nns.se",
      bankgiro: "56781234",
      plusgiro: null,
      lateInterestText: "",
    },
    buyer: { ...party, vatNumber: null, invoiceEmail: null },
    lines,
    vatSummary: vatSummary(lines),
    netOre,
    vatOre,
    totalOre: netOre + vatOre,
  };
}

const byAccount = (lines: ReturnType<typeof journalLines>) =>
  Object.fromEntries(lines.map((l) => [l.account.number, l.amountOre]));

describe("journal lines of a verification", () => {
  it("books seed 003's invoice: 31 250 kr receivable, 25 000 revenue, 6 250 VAT", () => {
    const entry: LedgerEntry = { type: "invoice", document: document("invoice", [line(1, 2_500_000, 2500)]) };
    expect(byAccount(journalLines(entry, DEFAULT_BILLING_ACCOUNTS))).toEqual({
      "1510": 3_125_000,
      "3001": -2_500_000,
      "2611": -625_000,
    });
    expect(verificationHeading(entry)).toEqual({
      date: "2027-01-15",
      text: "Faktura 2027-0001 Samordningsförbundet Öst",
    });
  });

  it("books a credit note reversed and a payment against the receivable on the method's account", () => {
    const credit: LedgerEntry = {
      type: "credit_note",
      document: document("credit_note", [line(1, 100_000, 2500), line(2, 40_000, 0)]),
    };
    expect(byAccount(journalLines(credit, DEFAULT_BILLING_ACCOUNTS))).toEqual({
      "1510": -165_000,
      "3001": 100_000,
      "2611": 25_000,
      "3004": 40_000,
    });
    expect(verificationHeading(credit).text).toBe(
      "Kreditnota 2027-0001 Samordningsförbundet Öst (krediterar 2027-0001)",
    );
    const payment = (method: "bankgiro" | "plusgiro" | "stripe" | "manual" | "bank_file"): LedgerEntry => ({
      type: "payment",
      invoiceNumber: "2027-0001",
      buyerName: "Öst",
      date: "2027-02-01",
      amountOre: 1_000_000,
      method,
    });
    expect(byAccount(journalLines(payment("bankgiro"), DEFAULT_BILLING_ACCOUNTS))).toEqual({
      "1930": 1_000_000,
      "1510": -1_000_000,
    });
    expect(byAccount(journalLines(payment("stripe"), DEFAULT_BILLING_ACCOUNTS))).toEqual({
      "1580": 1_000_000,
      "1510": -1_000_000,
    });
    expect(byAccount(journalLines(payment("plusgiro"), DEFAULT_BILLING_ACCOUNTS))).toEqual({
      "1920": 1_000_000,
      "1510": -1_000_000,
    });
  });

  it("sums rates that the chart books on one account, and refuses a rate without an account or an unbalanced document", () => {
    const accounts: BillingAccounts = {
      ...DEFAULT_BILLING_ACCOUNTS,
      revenue: { ...DEFAULT_BILLING_ACCOUNTS.revenue, 1200: DEFAULT_BILLING_ACCOUNTS.revenue[2500] },
    };
    const entry: LedgerEntry = {
      type: "invoice",
      document: document("invoice", [line(1, 1000, 2500), line(2, 1000, 1200)]),
    };
    expect(byAccount(journalLines(entry, accounts))["3001"]).toBe(-2000);
    const odd: LedgerEntry = { type: "invoice", document: document("invoice", [line(1, 1000, 1000)]) };
    expect(() => journalLines(odd, DEFAULT_BILLING_ACCOUNTS)).toThrow(/10 %/);
    const broken = document("invoice", [line(1, 1000, 2500)]);
    broken.totalOre += 1;
    expect(() => journalLines({ type: "invoice", document: broken }, DEFAULT_BILLING_ACCOUNTS)).toThrow(
      /not the sum/,
    );
  });

  it("every verification balances to zero", () => {
    const lines = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 100_000_000 }), fc.constantFrom(2500, 1200, 600, 0)),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(
        lines,
        fc.constantFrom("invoice", "credit_note") as fc.Arbitrary<"invoice" | "credit_note">,
        (rows, type) => {
          const doc = document(
            type,
            rows.map(([net, rate], i) => line(i + 1, net, rate)),
          );
          const booked = journalLines({ type, document: doc }, DEFAULT_BILLING_ACCOUNTS);
          expect(booked.reduce((sum, l) => sum + l.amountOre, 0)).toBe(0);
          expect(booked.every((l) => l.amountOre !== 0)).toBe(true);
        },
      ),
    );
  });
});
