import {
  type BillingAccounts,
  DEFAULT_BILLING_ACCOUNTS,
  type InvoiceDocument,
  type LedgerEntry,
} from "@nns/domain";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { invoicesCsv } from "../src/billing/exports/invoices-csv.js";
import { writeSie4 } from "../src/billing/exports/sie.js";
import {
  buyer,
  invoiceDocument,
  line,
  OSTRA,
  SELLER,
  seedCreditNote,
  seedInvoice,
  VASTRA,
} from "./billing-documents.js";
import { parseSie, type SieVerification } from "./sie-parser.js";

/** Seed 003 booked: two invoices of 31 250 kr, a credit note of 6 250 kr, a partial payment of 10 000 kr. */
const SEED_ENTRIES: LedgerEntry[] = [
  { type: "invoice", document: seedInvoice("2027-0001", OSTRA) },
  { type: "invoice", document: seedInvoice("2027-0002", VASTRA) },
  { type: "credit_note", document: seedCreditNote() },
  {
    type: "payment",
    invoiceNumber: "2027-0002",
    buyerName: VASTRA.legalName,
    date: "2027-02-03",
    amountOre: 1_000_000,
    method: "bankgiro",
  },
];

function sie(entries: LedgerEntry[], accounts: BillingAccounts = DEFAULT_BILLING_ACCOUNTS): Buffer {
  return writeSie4({
    company: { name: SELLER.legalName, organizationNumber: SELLER.organizationNumber },
    fiscalYear: { start: "2027-01-01", end: "2027-12-31" },
    generatedAt: new Date("2027-03-01T10:00:00Z"),
    accounts,
    entries,
  });
}

const booked = (ver: SieVerification) =>
  Object.fromEntries(ver.transactions.map((t) => [t.account, t.amountOre]));
const balance = (ver: SieVerification) => ver.transactions.reduce((sum, t) => sum + t.amountOre, 0);

describe("SIE 4 export", () => {
  it("identifies the file, the company and the fiscal year in the order the spec gives", () => {
    const file = parseSie(sie(SEED_ENTRIES));
    const labels = file.items.map((item) => item.label);
    expect(labels.slice(0, 10)).toEqual([
      "#FLAGGA",
      "#PROGRAM",
      "#FORMAT",
      "#GEN",
      "#SIETYP",
      "#ORGNR",
      "#FNAMN",
      "#RAR",
      "#KPTYP",
      "#VALUTA",
    ]);
    expect(file.one("#FLAGGA")).toEqual(["0"]);
    expect(file.one("#FORMAT")).toEqual(["PC8"]);
    expect(file.one("#SIETYP")).toEqual(["4"]);
    expect(file.one("#GEN")).toEqual(["20270301"]);
    expect(file.one("#ORGNR")).toEqual(["802467-1235"]);
    expect(file.one("#FNAMN")).toEqual(["Nationella nätverket för samordningsförbund"]);
    expect(file.one("#RAR")).toEqual(["0", "20270101", "20271231"]);
  });

  it("books seed 003: each verification balances and matches its document", () => {
    const file = parseSie(sie(SEED_ENTRIES));
    expect(file.verifications.map((v) => [v.series, v.number, v.date, v.text])).toEqual([
      ["F", "", "20270115", "Faktura 2027-0001 Samordningsförbundet Östra Södertörn"],
      ["F", "", "20270115", "Faktura 2027-0002 Samordningsförbundet Västra Mälardalen"],
      [
        "F",
        "",
        "20270120",
        "Kreditnota 2027-0003 Samordningsförbundet Östra Södertörn (krediterar 2027-0001)",
      ],
      ["B", "", "20270203", "Betalning faktura 2027-0002 Samordningsförbundet Västra Mälardalen"],
    ]);
    for (const ver of file.verifications) expect(balance(ver), ver.text).toBe(0);
    const [first, second, credit, payment] = file.verifications as SieVerification[];
    const invoice = { "1510": 3_125_000, "3001": -2_500_000, "2611": -625_000 };
    expect(booked(first as SieVerification)).toEqual(invoice);
    expect(booked(second as SieVerification)).toEqual(invoice);
    expect(booked(credit as SieVerification)).toEqual({ "1510": -625_000, "3001": 500_000, "2611": 125_000 });
    expect(booked(payment as SieVerification)).toEqual({ "1930": 1_000_000, "1510": -1_000_000 });
    for (const ver of file.verifications) for (const t of ver.transactions) expect(t.objects).toEqual([]);
  });

  it("names and types every account it books on, and no other", () => {
    const file = parseSie(sie(SEED_ENTRIES));
    const konto = file.items.filter((i) => i.label === "#KONTO").map((i) => i.fields);
    expect(konto).toEqual([
      ["1510", "Kundfordringar"],
      ["1930", "Företagskonto/checkkonto/affärskonto"],
      ["2611", "Utgående moms på försäljning inom Sverige, 25 %"],
      ["3001", "Försäljning inom Sverige, 25 % moms"],
    ]);
    const ktyp = file.items.filter((i) => i.label === "#KTYP").map((i) => i.fields);
    expect(ktyp).toEqual([
      ["1510", "T"],
      ["1930", "T"],
      ["2611", "S"],
      ["3001", "I"],
    ]);
  });

  it("books on the accounts the chart is configured with", () => {
    const accounts: BillingAccounts = {
      ...DEFAULT_BILLING_ACCOUNTS,
      receivables: { number: "1511", name: "Kundfordringar förbund" },
      stripeClearing: { number: "1681", name: "Stripe" },
    };
    const payment: LedgerEntry = {
      type: "payment",
      invoiceNumber: "2027-0001",
      buyerName: OSTRA.legalName,
      date: "2027-02-01",
      amountOre: 3_125_000,
      method: "stripe",
    };
    const file = parseSie(sie([payment], accounts));
    expect(booked(file.verifications[0] as SieVerification)).toEqual({
      "1681": 3_125_000,
      "1511": -3_125_000,
    });
    expect(file.items.filter((i) => i.label === "#KONTO").map((i) => i.fields[0])).toEqual(["1511", "1681"]);
  });

  it("is PC8 (code page 437): Ö, å and ä survive the round trip as single bytes", () => {
    const bytes = sie(SEED_ENTRIES);
    // CP437: ä 0x84, å 0x86, ö 0x94, Ö 0x99; UTF-8 would have written them as two bytes from 0xC3.
    for (const byte of [0x84, 0x86, 0x94, 0x99])
      expect(bytes.includes(byte), `0x${byte.toString(16)}`).toBe(true);
    expect(bytes.includes(0xc3)).toBe(false);
    expect(bytes.toString("latin1")).toContain("\r\n");
    const texts = parseSie(bytes).verifications.map((v) => v.text);
    expect(texts[0]).toContain("Östra Södertörn");
  });

  it("quotes text so that quotation marks, backslashes, tabs, dashes and letters PC8 lacks keep the file readable", () => {
    const odd = buyer('Förbundet "Norr"\\Syd\t– Åre, Dobříš Ŋ', "2220001230");
    const file = parseSie(sie([{ type: "invoice", document: seedInvoice("2027-0009", odd) }]));
    expect(file.verifications[0]?.text).toBe('Faktura 2027-0009 Förbundet "Norr"\\Syd - Åre, Dobrís ?');
    expect(balance(file.verifications[0] as SieVerification)).toBe(0);
  });

  it("refuses an entry outside the fiscal year", () => {
    const late = seedInvoice();
    late.issueDate = "2028-01-02";
    expect(() => sie([{ type: "invoice", document: late }])).toThrow(/outside the fiscal year/);
  });

  it("every verification balances for any documents and payments", () => {
    const amounts = fc.array(
      fc.tuple(fc.integer({ min: 1, max: 50_000_000 }), fc.constantFrom(2500, 1200, 600, 0)),
      { minLength: 1, maxLength: 8 },
    );
    const entry = fc.oneof(
      fc.tuple(fc.constantFrom("invoice" as const, "credit_note" as const), amounts).map(
        ([type, rows]): LedgerEntry => ({
          type,
          document: invoiceDocument({
            kind: type,
            number: "2027-0100",
            lines: rows.map(([net, rate], i) => line(i + 1, `Rad ${i + 1}`, net, rate)),
          }),
        }),
      ),
      fc
        .tuple(
          fc.integer({ min: 1, max: 99_999_999 }),
          fc.constantFrom(
            "bankgiro",
            "plusgiro",
            "stripe",
            "manual",
            "bank_file",
          ) as fc.Arbitrary<"bankgiro">,
        )
        .map(
          ([amountOre, method]): LedgerEntry => ({
            type: "payment",
            invoiceNumber: "2027-0100",
            buyerName: "Förbund",
            date: "2027-06-30",
            amountOre,
            method,
          }),
        ),
    );
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 6 }), (entries) => {
        const file = parseSie(sie(entries));
        expect(file.verifications).toHaveLength(entries.length);
        file.verifications.forEach((ver, i) => {
          expect(balance(ver)).toBe(0);
          const source = entries[i] as LedgerEntry;
          const total =
            source.type === "payment" ? source.amountOre : (source.document as InvoiceDocument).totalOre;
          const receivable = ver.transactions.find((t) => t.account === "1510")?.amountOre;
          expect(receivable).toBe(source.type === "invoice" ? total : -total);
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe("invoice list for Swedish Excel", () => {
  const rows = [
    {
      document: seedInvoice("2027-0001", OSTRA),
      status: "partly_credited" as const,
      overdue: false,
      paidOre: 0,
      balanceOre: 2_500_000,
    },
    {
      document: seedInvoice("2027-0002", VASTRA),
      status: "partly_paid" as const,
      overdue: true,
      paidOre: 1_000_000,
      balanceOre: 2_125_000,
    },
    {
      document: seedCreditNote(),
      status: "issued" as const,
      overdue: false,
      paidOre: null,
      balanceOre: null,
    },
  ];

  it("writes one row per document with a BOM, semicolons, decimal commas and Swedish words", () => {
    const csv = invoicesCsv(rows);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const read = parse(csv, { delimiter: ";", bom: true }) as string[][];
    expect(read[0]).toEqual([
      "Nummer",
      "Typ",
      "Kund",
      "Organisationsnummer",
      "Er referens",
      "Fakturadatum",
      "Förfallodatum",
      "Belopp exkl. moms",
      "Moms",
      "Totalt",
      "Betalt",
      "Kvar att betala",
      "Status",
    ]);
    expect(read.slice(1)).toEqual([
      [
        "2027-0001",
        "Faktura",
        "Samordningsförbundet Östra Södertörn",
        "222000-1230",
        "Anna Ödman",
        "2027-01-15",
        "2027-02-14",
        "25000,00",
        "6250,00",
        "31250,00",
        "0,00",
        "25000,00",
        "Delvis krediterad",
      ],
      [
        "2027-0002",
        "Faktura",
        "Samordningsförbundet Västra Mälardalen",
        "222000-4564",
        "Anna Ödman",
        "2027-01-15",
        "2027-02-14",
        "25000,00",
        "6250,00",
        "31250,00",
        "10000,00",
        "21250,00",
        "Delvis betald, förfallen",
      ],
      [
        "2027-0003",
        "Kreditnota",
        "Samordningsförbundet Östra Södertörn",
        "222000-1230",
        "Anna Ödman",
        "2027-01-20",
        "",
        "-5000,00",
        "-1250,00",
        "-6250,00",
        "",
        "",
        "Utfärdad",
      ],
    ]);
  });

  it("neutralises a buyer name that would start a formula", () => {
    const evil = seedInvoice("2027-0004", buyer("=cmd|' /C calc'!A0", "2220001230"));
    const csv = invoicesCsv([
      { document: evil, status: "issued", overdue: false, paidOre: 0, balanceOre: evil.totalOre },
    ]);
    const read = parse(csv, { delimiter: ";", bom: true }) as string[][];
    expect(read[1]?.[2]).toBe("'=cmd|' /C calc'!A0");
    expect(csv).toContain(`"'=cmd|' /C calc'!A0"`);
  });
});
