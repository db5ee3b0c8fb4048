import { formatKronor, type InvoiceDocument } from "@nns/domain";
import { describe, expect, it } from "vitest";
import { formatBankgiro, formatPlusgiro, formatPostalCode, formatVatRate } from "../src/billing/format.js";
import { renderInvoicePdf } from "../src/billing/pdf.js";
import { invoiceDocument, line, seedCreditNote, seedInvoice } from "./billing-documents.js";
import { openPdf, pageRoles, pagesText } from "./pdf-text.js";

const kr = (ore: number) => formatKronor(ore).replace(/\u00a0/g, " ");

/** Each label is printed with its value in the same row or cell: both must be on the page. */
function expectFields(text: string, fields: [string, string][]): void {
  for (const [label, value] of fields) {
    expect(text, label).toContain(label);
    expect(text, `${label}: ${value}`).toContain(value);
  }
}

describe("invoice PDF", () => {
  it("prints every field of seed 003's invoice as a Swede expects it", async () => {
    const doc = seedInvoice();
    const [text, ...more] = await pagesText(await renderInvoicePdf(doc));
    expect(more).toEqual([]);
    expect(kr(doc.totalOre)).toBe("31 250,00 kr");
    expectFields(text ?? "", [
      ["FAKTURA", "Nationella nätverket för samordningsförbund"],
      ["Fakturanummer", "2027-0001"],
      ["Fakturadatum", "2027-01-15"],
      ["Förfallodatum", "2027-02-14"],
      ["Er referens", "Anna Ödman"],
      ["Betalningsvillkor", "30 dagar netto"],
      ["Avser", "BIP-utbildning för handledare, Nacka 12–13 januari 2027"],
      ["Faktureringsadress", "Samordningsförbundet Östra Södertörn"],
      ["Åkervägen 5", "131 40 Nacka"],
      ["Org.nr 222000-1230", "Org.nr 802467-1235"],
      ["Momsreg.nr", "SE802467123501"],
      ["Godkänd för F-skatt", "c/o Förbundskansliet"],
      ["Beskrivning", "Utbildningsdagar BIP, 2 dagar (halva kostnaden)"],
      ["Belopp exkl. moms", "20 000,00 kr"],
      ["Momssats", "25 %"],
      ["Moms", "5 000,00 kr"],
      ["Momsspecifikation", "Underlag"],
      ["Summa exkl. moms", "25 000,00 kr"],
      ["Moms", "6 250,00 kr"],
      ["Att betala", "31 250,00 kr"],
      ["Bankgiro", "5678-1234"],
      ["Plusgiro", "471123-6"],
      ["OCR-nummer", doc.ocr ?? "missing"],
      ["Vid försenad betalning debiteras dröjsmålsränta enligt räntelagen.", "Sida 1 av 1"],
    ]);
    expect(text).not.toContain("Krediterar");
  });

  it("prints a credit note with the invoice it credits and no payment box", async () => {
    const doc = seedCreditNote();
    const [text = ""] = await pagesText(await renderInvoicePdf(doc));
    expectFields(text, [
      ["KREDITNOTA", "Kreditnotanummer"],
      ["Kreditnotanummer", "2027-0003"],
      ["Fakturadatum", "2027-01-20"],
      ["Krediterar faktura 2027-0001 (2027-01-15)", "Er referens"],
      ["Summa exkl. moms", "5 000,00 kr"],
      ["Moms", "1 250,00 kr"],
      ["Att kreditera", "6 250,00 kr"],
      ["Beloppet krediteras och ska inte betalas.", "Godkänd för F-skatt"],
    ]);
    for (const absent of ["Förfallodatum", "OCR-nummer", "Att betala", "FAKTURA\n"])
      expect(text).not.toContain(absent);
  });

  it("prints exempt lines as momsfri with the reason", async () => {
    const doc = invoiceDocument({
      number: "2027-0002",
      lines: [line(1, "Kursavgift", 100_000, 2500), line(2, "Lokalhyra", 40_000, 0)],
    });
    const [text = ""] = await pagesText(await renderInvoicePdf(doc));
    expectFields(text, [
      ["Momsfri", "Undantag från skatteplikt enligt 3 kap. mervärdesskattelagen"],
      ["Att betala", "1 650,00 kr"],
    ]);
  });

  it("prints what the standard fonts lack as its plain form or a visible ?, never a wrong letter", async () => {
    const doc = invoiceDocument({
      number: "2027-0005",
      lines: [line(1, "Kurs i Árjepluovve − Dobříš, Ŋ “citat” 12 € 😀", 100_000)],
    });
    const [text = ""] = await pagesText(await renderInvoicePdf(doc));
    expect(text).toContain("Kurs i Árjepluovve - Dobríš, ? “citat” 12 € ?");
  });

  it("flows 40 lines onto a second page with the table header again and the totals once, at the end", async () => {
    const lines = Array.from({ length: 40 }, (_, i) =>
      line(i + 1, `Tryckt kursmaterial, häfte ${i + 1}`, 10_000),
    );
    const doc: InvoiceDocument = invoiceDocument({ number: "2027-0042", lines });
    const pages = await pagesText(await renderInvoicePdf(doc));
    expect(pages).toHaveLength(2);
    const [first = "", second = ""] = pages;
    expect(first).toContain("häfte 1\n");
    expect(second).toContain("häfte 40");
    expect(second).toContain("Faktura 2027-0042 (fortsättning)");
    expect(second).toContain("Beskrivning");
    const all = pages.join("\n");
    for (let i = 1; i <= 40; i++) expect(all.split(`häfte ${i}\n`)).toHaveLength(2);
    for (const label of ["Summa exkl. moms", "Att betala\n", "OCR-nummer"]) {
      expect(first).not.toContain(label);
      expect(second.split(label)).toHaveLength(label === "Att betala\n" ? 3 : 2);
    }
    expect(second).toContain(kr(doc.totalOre));
    expect(first).toContain("Sida 1 av 2");
    expect(second).toContain("Sida 2 av 2");
  });

  it("is byte-identical for the same document and carries title, author, language and the issue date", async () => {
    const doc = seedInvoice();
    const [a, b] = await Promise.all([renderInvoicePdf(doc), renderInvoicePdf(doc)]);
    expect(a.equals(b)).toBe(true);
    expect(a.toString("latin1")).toContain("/Lang (sv-SE)");
    const pdf = await openPdf(a);
    const info = (await pdf.getMetadata()).info as Record<string, unknown>;
    expect(info.Title).toBe("Faktura 2027-0001");
    expect(info.Author).toBe("Nationella nätverket för samordningsförbund");
    expect(info.CreationDate).toBe("D:20270115000000Z");
    await pdf.destroy();
  });

  it("is tagged: a screen reader gets the title as a heading and the lines as a table with a header row", async () => {
    const lines = Array.from({ length: 40 }, (_, i) => line(i + 1, `Häfte ${i + 1}`, 10_000));
    const [first, second] = await pageRoles(
      await renderInvoicePdf(invoiceDocument({ number: "2027-0042", lines })),
    );
    expect(first).toContain("H1");
    const rows = [...(first ?? []), ...(second ?? [])].filter((role) => role === "TR");
    const headers = [...(first ?? []), ...(second ?? [])].filter((role) => role === "TH");
    // One header row (the one repeated on page 2 is an artifact) and a row per line; VAT table: 1 + 1.
    expect(rows).toHaveLength(1 + 40 + 2);
    expect(headers).toHaveLength(4 + 3);
  });
});

describe("Swedish number formats on the invoice", () => {
  it("writes giro numbers, postal codes and VAT rates as printed on Swedish invoices", () => {
    expect(formatBankgiro("1234567")).toBe("123-4567");
    expect(formatBankgiro("56781234")).toBe("5678-1234");
    expect(formatPlusgiro("4711236")).toBe("471123-6");
    expect(formatPostalCode("11122")).toBe("111 22");
    expect(formatPostalCode("DK-2100")).toBe("DK-2100");
    expect(formatVatRate(2500)).toBe("25 %");
    expect(formatVatRate(1250)).toBe("12,5 %");
  });
});
