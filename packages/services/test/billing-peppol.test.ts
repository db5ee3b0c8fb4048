import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { AppError, type InvoiceDocument } from "@nns/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assertValidUbl,
  judgeAsserts,
  PEPPOL_RULES_DIR,
  PeppolValidator,
  sharedPeppolValidator,
  toUbl,
} from "../src/billing/peppol/index.js";
import {
  creditNote,
  invoice,
  invoiceWithLines,
  line,
  mixedRates,
  NNS_ORGNR,
  nns,
  roundingLines,
  seed003,
  skelleftea,
  withExemptLine,
} from "./peppol-documents.js";

/**
 * E-invoices against the official Peppol BIS Billing 3.0 rules through the validator the product ships,
 * cross-checked with the offline kit CI uses as its oracle (../shared/peppol beside the repository).
 */
const FIXTURES = fileURLToPath(new URL("./fixtures/peppol/", import.meta.url));
const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
// A git worktree outside the main checkout names the kit's folder itself.
const KIT_DIR = process.env.PEPPOL_KIT_DIR ?? resolve(REPO_ROOT, "../shared/peppol");

type KitResult = { fatal: { id: string }[]; warnings: { id: string }[] };
let kitValidate: (xml: string) => KitResult;
let validator: PeppolValidator;

beforeAll(async () => {
  validator = new PeppolValidator();
  // Without the kit only the comparisons fail (with this message); the rest still runs.
  if (existsSync(join(KIT_DIR, "peppol.mjs")))
    ({ validateUbl: kitValidate } = await import(pathToFileURL(join(KIT_DIR, "peppol.mjs")).href));
  else
    kitValidate = () => {
      throw new Error(
        `The Peppol validator kit is missing at ${KIT_DIR} (expected ../shared/peppol beside the repository; ` +
          "set PEPPOL_KIT_DIR to its folder). CI compares our validator with it; these tests cannot pass without it.",
      );
    };
});

afterAll(() => validator.close());

const ids = (findings: { id: string }[]) => [...new Set(findings.map((f) => f.id))].sort();
const fixture = (name: string) => readFileSync(join(FIXTURES, name), "utf8");

describe("the official examples through our validator", () => {
  const official = readdirSync(FIXTURES).filter((f) => f.endsWith(".xml"));

  it("holds the 9 official examples", () => {
    expect(official).toHaveLength(9);
  });

  it.each(official)("%s has no fatal finding and no warning", async (name) => {
    const result = await validator.validate(fixture(name));
    expect(result).toEqual({ fatal: [], warnings: [] });
  });

  it("a seller EndpointID with a wrong Luhn digit fires PEPPOL-COMMON-R049; the control copy passes", async () => {
    const bad = await validator.validate(fixture("broken/base-example-0007-bad-luhn.xml"));
    expect(ids(bad.fatal)).toEqual(["PEPPOL-COMMON-R049"]);
    expect(bad.fatal[0]).toMatchObject({ flag: "fatal", source: "PEPPOL" });
    expect(bad.fatal[0]?.location).toContain("/Invoice[1]/cac:AccountingSupplierParty[1]");
    const good = await validator.validate(fixture("broken/base-example-0007-good-luhn.xml"));
    expect(good.fatal).toEqual([]);
  });

  it("20 % VAT on amounts computed at 25 % fires BR-CO-17 and BR-S-09", async () => {
    const result = await validator.validate(fixture("broken/base-example-vat-rate-20.xml"));
    expect(ids(result.fatal)).toEqual(["BR-CO-17", "BR-S-09"]);
    expect(result.fatal.every((f) => f.source === "CEN")).toBe(true);
  });

  it("refuses what is not a UBL Invoice or CreditNote instead of finding nothing in it", async () => {
    expect(ids((await validator.validate("<Invoice><unclosed></Invoice>")).fatal)).toEqual(["XML-PARSE"]);
    expect(ids((await validator.validate("<Order/>")).fatal)).toEqual(["XML-ROOT"]);
  });
});

const creditWhole = creditNote(mixedRates, mixedRates.lines);
// The training share and the print costs credited, the literature and lunch kept.
const creditPartial = creditNote(
  mixedRates,
  mixedRates.lines.filter((l) => l.position === 1 || l.kind === "print"),
);
const noBuyerVat = invoice(seed003.lines, { buyer: skelleftea, number: "2027-0003" });

const GENERATED: [string, InvoiceDocument][] = [
  ["seed 003: 25 000 kr + 25 % VAT", seed003],
  ["lines at 25, 12 and 6 % with a print-cost line", mixedRates],
  ["an exempt line (category E with its reason)", withExemptLine],
  ["per-line rounded VAT that differs from the rate on the sum", roundingLines],
  ["a whole credit note", creditWhole],
  ["a partial credit note", creditPartial],
  ["a buyer without a VAT number", noBuyerVat],
  ["20 lines", invoiceWithLines(20)],
];

describe("documents made by toUbl", () => {
  it.each(GENERATED)("%s: no fatal finding and no warning", async (_name, doc) => {
    const result = await validator.validate(toUbl(doc));
    expect(result).toEqual({ fatal: [], warnings: [] });
    expect(() => assertValidUbl(result)).not.toThrow();
  });

  it.each(GENERATED)("%s: the kit (CI's oracle) finds the same", (_name, doc) => {
    const kit = kitValidate(toUbl(doc));
    expect({ fatal: ids(kit.fatal), warnings: ids(kit.warnings) }).toEqual({ fatal: [], warnings: [] });
  });

  it("seed 003 says 25 000 kr, 6 250 kr VAT and 31 250 kr payable, to the bankgiro with the OCR", () => {
    const xml = toUbl(seed003);
    expect(xml).toContain(
      "<cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0<",
    );
    expect(xml).toContain("<cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>");
    expect(xml).toContain("<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>");
    expect(xml).toContain('<cbc:TaxableAmount currencyID="SEK">25000.00</cbc:TaxableAmount>');
    expect(xml).toContain('<cbc:TaxAmount currencyID="SEK">6250.00</cbc:TaxAmount>');
    expect(xml).toContain('<cbc:PayableAmount currencyID="SEK">31250.00</cbc:PayableAmount>');
    expect(xml).toContain(`<cbc:EndpointID schemeID="0007">${nns.organizationNumber}</cbc:EndpointID>`);
    expect(xml).toMatch(
      /<cbc:CompanyID>Godkänd för F-skatt<\/cbc:CompanyID>\s*<cac:TaxScheme>\s*<cbc:ID>TAX</,
    );
    expect(xml).toMatch(
      /<cbc:PaymentID>202700016<\/cbc:PaymentID>\s*<cac:PayeeFinancialAccount>\s*<cbc:ID>56781234</,
    );
    expect(xml).toContain("<cbc:ID>SE:BANKGIRO</cbc:ID>");
  });

  it("a plusgiro account is named SE:PLUSGIRO, beside the bankgiro when there are both, and passes", async () => {
    const plusgiroOnly = toUbl(
      invoice(seed003.lines, { seller: { ...nns, bankgiro: null, plusgiro: "4711002" } }),
    );
    expect(plusgiroOnly).toContain("<cbc:ID>SE:PLUSGIRO</cbc:ID>");
    expect(plusgiroOnly).not.toContain("SE:BANKGIRO");
    expect(await validator.validate(plusgiroOnly)).toEqual({ fatal: [], warnings: [] });
    const both = toUbl(invoice(seed003.lines, { seller: { ...nns, plusgiro: "4711002" } }));
    expect(both.match(/<cac:PaymentMeans>/g)).toHaveLength(2);
    expect(await validator.validate(both)).toEqual({ fatal: [], warnings: [] });
  });

  it("a seller without F-skatt says nothing about it and passes", async () => {
    const xml = toUbl(invoice(seed003.lines, { seller: { ...nns, fSkatt: false } }));
    expect(xml).not.toContain("F-skatt");
    expect(await validator.validate(xml)).toEqual({ fatal: [], warnings: [] });
  });

  it("the exempt row carries its reason; the standard-rated rows their percent", () => {
    const xml = toUbl(withExemptLine);
    expect(xml).toMatch(
      /<cbc:ID>E<\/cbc:ID>\s*<cbc:Percent>0<\/cbc:Percent>\s*<cbc:TaxExemptionReason>Undantag/,
    );
    expect(toUbl(mixedRates)).toMatch(/<cbc:ID>S<\/cbc:ID>\s*<cbc:Percent>6<\/cbc:Percent>/);
  });

  it("the rounding case really rounds per line away from the rate on the sum, within BR-CO-17's krona", () => {
    const [row] = roundingLines.vatSummary;
    const onTheSum = Math.round(((row?.taxableOre ?? 0) * 2500) / 10_000);
    expect(row?.vatOre).not.toBe(onTheSum);
    expect(Math.abs((row?.vatOre ?? 0) - onTheSum)).toBeLessThan(100);
  });

  it("a credit note is a CreditNote referring to the credited invoice, with positive amounts", () => {
    const xml = toUbl(creditPartial);
    expect(xml).toMatch(
      /^<\?xml[^>]*>\s*<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"/,
    );
    expect(xml).toContain("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>");
    expect(xml).toMatch(
      /<cac:BillingReference>\s*<cac:InvoiceDocumentReference>\s*<cbc:ID>2027-0001<\/cbc:ID>\s*<cbc:IssueDate>2027-02-01</,
    );
    expect(xml).toContain('<cbc:CreditedQuantity unitCode="EA">1</cbc:CreditedQuantity>');
    expect(xml).not.toMatch(/currencyID="SEK">-/);
    expect(xml).not.toContain("cac:PaymentMeans");
  });

  it("a buyer without a VAT number has no buyer tax scheme", () => {
    const xml = toUbl(noBuyerVat);
    const buyerParty = xml.slice(
      xml.indexOf("<cac:AccountingCustomerParty>"),
      xml.indexOf("</cac:AccountingCustomerParty>"),
    );
    expect(buyerParty).not.toContain("cac:PartyTaxScheme");
  });

  it("escapes text that looks like markup", async () => {
    const doc = invoice([line(1, "Kurs <B> & fika", 100_000, 2500)], { buyerReference: 'Ref "A" & B' });
    const xml = toUbl(doc);
    expect(xml).toContain("<cbc:Name>Kurs &lt;B&gt; &amp; fika</cbc:Name>");
    expect((await validator.validate(xml)).fatal).toEqual([]);
  });
});

describe("refusing a document", () => {
  const badOrgnr = `${NNS_ORGNR.slice(0, 9)}${(Number(NNS_ORGNR[9]) + 1) % 10}`;
  const badSeller = invoice(seed003.lines, {
    seller: {
      ...nns,
      organizationNumber: badOrgnr,
      vatNumber: `SE${badOrgnr}01`,
      peppolId: { scheme: "0007", value: badOrgnr },
    },
  });

  it("a seller organisationsnummer with a wrong Luhn digit is refused, naming the rules", async () => {
    const result = await validator.validate(toUbl(badSeller));
    expect(ids(result.fatal)).toEqual(["PEPPOL-COMMON-R049", "SE-R-013"]);
    let error: unknown;
    try {
      assertValidUbl(result);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "unprocessable",
      status: 422,
      message: "Fakturan följer inte Peppol BIS Billing 3.0: PEPPOL-COMMON-R049, SE-R-013",
    });
    const errors = (error as AppError).errors ?? [];
    expect(errors).toHaveLength(result.fatal.length);
    expect(errors.map((e) => e.rule).sort()).toEqual(result.fatal.map((f) => f.id).sort());
    expect(errors.every((e) => e.field === "document" && e.message.length > 0)).toBe(true);
    expect(ids(kitValidate(toUbl(badSeller)).fatal)).toEqual(ids(result.fatal));
  });

  it("VAT that is off by more than a krona fires BR-CO-17 and BR-S-09", async () => {
    const [row] = seed003.vatSummary;
    if (!row) throw new Error("seed 003 has a VAT row");
    const wrong = {
      ...seed003,
      vatSummary: [{ ...row, vatOre: row.vatOre + 101 }],
      vatOre: seed003.vatOre + 101,
      totalOre: seed003.totalOre + 101,
    };
    const result = await validator.validate(toUbl(wrong));
    expect(ids(result.fatal)).toEqual(["BR-CO-17", "BR-S-09"]);
    expect(() => assertValidUbl(result)).toThrow(
      "Fakturan följer inte Peppol BIS Billing 3.0: BR-CO-17, BR-S-09",
    );
    expect(ids(kitValidate(toUbl(wrong)).fatal)).toEqual(ids(result.fatal));
  });

  it("the Swedish rules refuse a rate other than 25, 12 or 6 % (SE-R-006) and other F-skatt wording (SE-R-005)", async () => {
    const twentyPercent = toUbl(invoice([line(1, "Utbildning", 100_000, 2000)]));
    const rate = await validator.validate(twentyPercent);
    expect(ids(rate.fatal)).toEqual(["SE-R-006"]);
    const wording = toUbl(seed003).replace("Godkänd för F-skatt", "Innehar F-skattsedel");
    const fSkatt = await validator.validate(wording);
    expect(ids(fSkatt.fatal)).toEqual(["SE-R-005"]);
    expect([ids(kitValidate(twentyPercent).fatal), ids(kitValidate(wording).fatal)]).toEqual([
      ids(rate.fatal),
      ids(fSkatt.fatal),
    ]);
  });

  it("warnings do not block, and an unknown flag counts as fatal", () => {
    const judged = judgeAsserts([
      {
        id: "SE-R-009",
        flag: "warning",
        location: "/Q{urn:oasis:names:specification:ubl:schema:xsd:Invoice-2}Invoice[1]",
        message: "m",
        source: "PEPPOL",
      },
      { id: "X-1", flag: "error", location: "/", message: "m", source: "CEN" },
    ]);
    expect(judged.warnings.map((w) => [w.id, w.location])).toEqual([["SE-R-009", "/Invoice[1]"]]);
    expect(ids(judged.fatal)).toEqual(["X-1"]);
    expect(() => assertValidUbl({ fatal: [], warnings: judged.warnings })).not.toThrow();
  });
});

describe("the vendored rules", () => {
  it("match the SHA-256 sums beside them", () => {
    const sums = readFileSync(join(PEPPOL_RULES_DIR, "SHA256SUMS"), "utf8").trim().split("\n");
    expect(sums).toHaveLength(4);
    for (const entry of sums) {
      const [sum, file] = entry.split(/\s+/);
      const actual = createHash("sha256")
        .update(readFileSync(join(PEPPOL_RULES_DIR, file ?? "")))
        .digest("hex");
      expect({ file, sum: actual }).toEqual({ file, sum });
    }
  });

  it("are the kit's files, byte for byte", () => {
    kitValidate("<kit-present/>");
    expect(readFileSync(join(PEPPOL_RULES_DIR, "SHA256SUMS"), "utf8")).toBe(
      readFileSync(join(KIT_DIR, "SHA256SUMS"), "utf8"),
    );
  });
});

describe("the worker thread", () => {
  it("leaves the event loop free while a document is validated", async () => {
    const xml = toUbl(invoiceWithLines(20));
    await validator.validate(xml); // the threads have loaded their rules
    let ticks = 0;
    let longestGap = 0;
    let last = performance.now();
    let done = false;
    const tick = () => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      ticks++;
      if (!done) setImmediate(tick);
    };
    const started = performance.now();
    let firstTickAt = Number.POSITIVE_INFINITY;
    let pending = true;
    let firedWhilePending = false;
    setImmediate(() => {
      firstTickAt = performance.now() - started;
      firedWhilePending = pending;
    });
    setImmediate(tick);
    const result = await validator.validate(xml);
    pending = false;
    const took = performance.now() - started;
    done = true;
    expect(result.fatal).toEqual([]);
    expect(took).toBeGreaterThan(50);
    expect(firedWhilePending).toBe(true);
    // Validating on this thread would stall it for the whole validation, in one gap. The bounds leave
    // room for the scheduler of a loaded CI machine, far below that.
    expect(firstTickAt).toBeLessThan(Math.min(25, took / 4));
    expect(ticks).toBeGreaterThan(10);
    expect(longestGap).toBeLessThan(took / 3);
  });

  it("one process-wide validator, created on first use and again after it was closed", async () => {
    const shared = sharedPeppolValidator();
    expect(sharedPeppolValidator()).toBe(shared);
    expect((await shared.validate(toUbl(seed003))).fatal).toEqual([]);
    await shared.close();
    const next = sharedPeppolValidator();
    expect(next).not.toBe(shared);
    expect((await next.validate(toUbl(seed003))).fatal).toEqual([]);
    await next.close();
  });
});
