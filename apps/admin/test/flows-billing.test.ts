import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ARTIFACTS,
  axe,
  type Harness,
  menuLink,
  openPage,
  organizationId,
  screenshot,
  signIn,
  startHarness,
} from "./harness.js";

let h: Harness;
let nns: string;
let halland: string;
let hoglandet: string;
let bip: string;

beforeAll(async () => {
  h = await startHarness();
  nns = await organizationId(h, "nns");
  halland = await organizationId(h, "halland");
  hoglandet = await organizationId(h, "hoglandet");
  // Seed 003's shared BIP/SKAPA for Halland and Höglandet, confirmed: 50 000 kr between the two. The demo
  // has issued Halland's invoice and drafted Höglandet's; Höglandet here has not filled in its details yet.
  const [row] = await h.t.db.ownerSql(
    "select id from trainings where title = 'BIP/SKAPA Halland och Höglandet'",
  );
  bip = String(row?.id);
  await h.t.db.ownerSql("delete from billing_buyer_settings where organization_id = $1", [hoglandet]);
});

/** Höglandet's invoice for the training, the same draft however often NNS drafts. */
let hoglandetInvoiceHref: string | null = null;
afterAll(async () => h?.close());

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

/** Replaces the focused field's text, then moves on with Tab: filled the way a keyboard user would. */
async function typeAndTab(page: Page, text: string): Promise<void> {
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
  await page.keyboard.press("Tab");
}

const kronor = /31\s250,00\skr/;

/** One section of a long page on its own, readable when looked at. */
const shoot = (locator: Locator, name: string) => locator.screenshot({ path: `${ARTIFACTS}${name}.png` });

describe("billing", () => {
  it("NNS changes its seller settings by keyboard; a wrong VAT number is shown at its field", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "nns.admin@demo.nns.se");
    await page.goto(`${h.base}/o/${nns}`);
    await menuLink(page, "Faktureringsinställningar").click();
    await page.getByRole("heading", { level: 1, name: /^Fakturerings\u00ad?inställningar$/ }).waitFor();
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "billing-seller-demo-1280");

    const legalName = page.getByRole("textbox", { name: "Juridiskt namn" });
    await legalName.focus();
    await typeAndTab(page, "Nationella nätverket för samordningsförbund");
    await typeAndTab(page, "802481-1658");
    // One digit wrong at the end: 02 instead of 01.
    await typeAndTab(page, "SE802481165802");
    await expect(isFocused(page.getByRole("checkbox", { name: "Godkänd för F-skatt" }))).resolves.toBe(true);
    await page.keyboard.press("Tab");
    await typeAndTab(page, "Box 1234");
    await page.keyboard.press("Tab");
    await typeAndTab(page, "111 22");
    await typeAndTab(page, "Stockholm");
    await typeAndTab(page, "faktura@nnsfinsam.se");
    await typeAndTab(page, "5050-1055");
    await expect(isFocused(page.getByRole("textbox", { name: /^Plusgiro/ }))).resolves.toBe(true);
    const save = page.getByRole("button", { name: "Spara", exact: true });
    // Plusgiro, betalningsvillkor and the dröjsmålsränta text (prefilled), then the save button.
    for (let step = 0; step < 3; step++) await page.keyboard.press("Tab");
    await expect(isFocused(save)).resolves.toBe(true);
    await page.keyboard.press("Enter");

    const vat = page.getByRole("textbox", { name: /^Momsregistreringsnummer/ });
    const vatError = "Momsregistreringsnumret ska vara SE, organisationsnumret och 01.";
    await page.locator(".field", { has: vat }).getByText(vatError).waitFor();
    await expect(vat.getAttribute("aria-invalid")).resolves.toBe("true");
    await screenshot(page, "billing-seller-error-1280");
    expect(await axe(page)).toEqual([]);

    await vat.fill("SE802481165801");
    await save.click();
    await page.getByText("Uppgifterna är sparade.").waitFor();
    await expect(vat.getAttribute("aria-invalid")).resolves.toBeNull();
    await page.reload();
    await expect(page.getByRole("textbox", { name: /^Bankgiro/ }).inputValue()).resolves.toBe("50501055");
    await expect(page.getByRole("checkbox", { name: "Godkänd för F-skatt" }).isChecked()).resolves.toBe(true);
    await screenshot(page, "billing-seller-saved-1280");

    // Someone else saves in between: the save is refused (If-Match) and the form offers the latest.
    await h.t.db.ownerSql(
      "update billing_seller_settings set version = version + 1, payment_terms_days = 20 where organization_id = $1",
      [nns],
    );
    await page.getByRole("textbox", { name: /^Plusgiro/ }).fill("445267-8");
    await save.click();
    await page.getByRole("alert").getByText("Någon annan har ändrat uppgifterna").waitFor();
    await shoot(page.locator("form"), "billing-seller-conflict-1280");
    await page.getByRole("button", { name: "Hämta de senaste" }).click();
    await page.getByText("Formuläret visar nu de senaste uppgifterna.").waitFor();
    const terms = page.getByRole("textbox", { name: /^Betalningsvillkor/ });
    await expect(terms.inputValue()).resolves.toBe("20");
    await expect(page.getByRole("textbox", { name: /^Plusgiro/ }).inputValue()).resolves.toBe("");
    await page.getByRole("textbox", { name: /^Plusgiro/ }).fill("445267-8");
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await page.getByText("Uppgifterna är sparade.").waitFor();
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("NNS drafts the confirmed shared training's invoices: both at 31 250,00 kr, and what Höglandet lacks", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "nns.admin@demo.nns.se");
    await page.goto(`${h.base}/o/${nns}/trainings/${bip}`);
    const section = page.getByRole("region", { name: "Fakturering" });
    await section.getByRole("button", { name: "Skapa fakturautkast" }).click();
    await page.getByText("2 fakturautkast är skapade eller uppdaterade.").waitFor();

    const hallandDraft = section.getByRole("article", { name: "Samordningsförbundet Halland" });
    const hoglandetDraft = section.getByRole("article", { name: "Samordningsförbundet Höglandet" });
    await hallandDraft
      .getByRole("row", { name: /^Totalt att betala/ })
      .getByText(kronor)
      .waitFor();
    await hoglandetDraft
      .getByRole("row", { name: /^Totalt att betala/ })
      .getByText(kronor)
      .waitFor();
    // Halland's was issued already (the demo): shown as it stands, with its number.
    await hallandDraft.getByText(/^Utfärdad \(Faktura \d{4}-\d{4}\)$/).waitFor();
    await hallandDraft.getByText("Fakturan är redan utfärdad och ändras inte", { exact: false }).waitFor();
    await expect(hallandDraft.getByText("Klar att utfärdas.").count()).resolves.toBe(0);
    // Höglandet has filled in nothing: the preview says so in Swedish.
    await hoglandetDraft.getByText("Utkast", { exact: true }).waitFor();
    await hoglandetDraft.getByText("har inte fyllt i sina faktureringsuppgifter", { exact: false }).waitFor();
    await hoglandetDraft.getByText("Referens saknas", { exact: false }).waitFor();
    const link = hoglandetDraft.getByRole("link", {
      name: "Öppna fakturan för Samordningsförbundet Höglandet",
    });
    hoglandetInvoiceHref = await link.getAttribute("href");
    expect(hoglandetInvoiceHref).toMatch(new RegExp(`^/o/${nns}/invoices/[0-9a-f-]{36}$`));
    const text = (await section.textContent()) ?? "";
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(text).not.toContain("reference_missing");
    expect(await axe(page)).toEqual([]);
    await shoot(section, "billing-drafts-missing-1280");

    // Drafting again updates the same drafts rather than adding new ones.
    await section.getByRole("button", { name: "Uppdatera fakturautkasten" }).click();
    await page.getByText("2 fakturautkast är skapade eller uppdaterade.").waitFor();
    await expect(link.getAttribute("href")).resolves.toBe(hoglandetInvoiceHref);
    await expect(section.getByRole("article").count()).resolves.toBe(2);
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(section, "billing-drafts-missing-390");
    expect(await axe(page)).toEqual([]);
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("a förbund fills in its invoicing details, Peppol address prefilled, and a referens for the training", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "admin.hoglandet@demo.nns.se");
    await menuLink(page, "Fakturauppgifter").click();
    await page.getByRole("heading", { level: 1, name: "Fakturauppgifter" }).waitFor();
    await page.getByText("Er adress för e-faktura i Peppol-nätverket", { exact: false }).waitFor();
    await page.getByText("Varje e-faktura i Peppol måste ha en referens", { exact: false }).waitFor();
    await page.getByText("Uppgifterna är inte ifyllda ännu.").waitFor();
    const [org] = await h.t.db.ownerSql("select organization_number from organizations where id = $1", [
      hoglandet,
    ]);
    const orgNumber = String(org?.organization_number).replace("-", "");
    await expect(page.getByRole("textbox", { name: /^Typ av adress/ }).inputValue()).resolves.toBe("0007");
    await expect(page.getByRole("textbox", { name: "Adress", exact: true }).inputValue()).resolves.toBe(
      orgNumber,
    );
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "billing-details-empty-1280");

    // By keyboard through the address and on into the Peppol address, in reading order.
    await page.getByRole("textbox", { name: "Gatuadress eller box" }).focus();
    await typeAndTab(page, "Storgatan 12");
    await page.keyboard.press("Tab");
    await typeAndTab(page, "57531");
    await typeAndTab(page, "Eksjö");
    await expect(isFocused(page.getByRole("textbox", { name: /^Typ av adress/ }))).resolves.toBe(true);
    await page.getByRole("textbox", { name: /^Fakturamejl/ }).fill("faktura@hoglandet.samordning.se");
    await page.getByRole("textbox", { name: /^Standardreferens/ }).fill("Anna Lindqvist");
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await page.getByText("Uppgifterna är sparade.").waitFor();
    // The API writes the postal code the way the invoice prints it.
    await page.reload();
    await expect(page.getByRole("textbox", { name: /^Postnummer/ }).inputValue()).resolves.toBe("575 31");

    await page.goto(`${h.base}/o/${hoglandet}/trainings/${bip}`);
    await page.getByRole("heading", { level: 2, name: "Er referens för den här utbildningen" }).waitFor();
    const reference = page.getByRole("textbox", { name: /^Referens för utbildningen/ });
    await page.getByText("Standardreferens: Anna Lindqvist").waitFor();
    await expect(reference.getAttribute("placeholder")).resolves.toBe("Anna Lindqvist");
    await reference.fill("Projekt BIP 2027");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByText("Referensen Projekt BIP 2027 används på fakturan för utbildningen.").waitFor();
    expect(await axe(page)).toEqual([]);
    await shoot(
      page.getByRole("region", { name: "Er referens för den här utbildningen" }),
      "billing-reference-1280",
    );
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("once Höglandet has filled in its details and referens, NNS's draft for it is ready to issue", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "nns.admin@demo.nns.se");
    await page.goto(`${h.base}/o/${nns}/trainings/${bip}`);
    const section = page.getByRole("region", { name: "Fakturering" });
    const draft = section.getByRole("button", { name: "Skapa fakturautkast" });
    await draft.focus();
    await page.keyboard.press("Enter");
    const hoglandetDraft = section.getByRole("article", { name: "Samordningsförbundet Höglandet" });
    // Its own referens for the training wins over its standardreferens.
    await hoglandetDraft.getByText("Projekt BIP 2027", { exact: true }).waitFor();
    await hoglandetDraft.getByText("Klar att utfärdas.").waitFor();
    await hoglandetDraft
      .getByRole("row", { name: /^Totalt att betala/ })
      .getByText(kronor)
      .waitFor();
    await expect(
      hoglandetDraft.getByRole("link", { name: /^Öppna fakturan/ }).getAttribute("href"),
    ).resolves.toBe(hoglandetInvoiceHref);
    await shoot(section, "billing-drafts-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(section, "billing-drafts-390");
    expect(await axe(page)).toEqual([]);
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("NNS sees on a förbund's page that Stripe cannot be chosen, and why", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "nns.admin@demo.nns.se");
    await page.goto(`${h.base}/nns/organizations/${halland}`);
    const section = page.getByRole("region", { name: "Betalsätt" });
    await section.getByText("Bankgiro (inbetalning med OCR-nummer)").waitFor();
    await section.getByText("plattformen är inte ansluten till Stripe", { exact: false }).waitFor();
    await expect(section.getByRole("radio").count()).resolves.toBe(0);
    await shoot(section, "billing-payment-method-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(section, "billing-payment-method-390");
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("a förbund says NNS paid the printer: the line is shown as invoiced by NNS", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "admin.hoglandet@demo.nns.se");
    await page.goto(`${h.base}/o/${hoglandet}/trainings/${bip}`);
    await page.getByRole("heading", { level: 2, name: "Kostnader" }).waitFor();
    const invoicedRow = page.getByRole("row", { name: /^Fakturerat av NNS inkl\. moms/ });
    await invoicedRow.getByText(kronor).waitFor();
    const group = page.getByRole("radiogroup", { name: "Vem betalade tryckeriet?" });
    await expect(group.getByRole("radio", { name: "Vi betalade själva" }).isChecked()).resolves.toBe(true);
    await page.getByRole("textbox", { name: "Beskrivning" }).fill("Arbetsböcker");
    await page.getByRole("textbox", { name: "Belopp exkl. moms (kr)" }).fill("1 000");
    await group.getByText("NNS betalade och fakturerar oss").click();
    await page.getByRole("button", { name: "Lägg till tryckkostnad" }).click();
    await page.getByText("Tryckkostnaden Arbetsböcker är tillagd.").waitFor();
    await page.getByText(/^Arbetsböcker: 1\s000,00\skr/).waitFor();
    await page.getByText("betald av NNS, faktureras er", { exact: false }).waitFor();
    await page
      .getByRole("row", { name: /^Arbetsböcker/ })
      .getByText("Faktureras av NNS")
      .waitFor();
    // 1 000 kr plus 25 % on NNS's invoice: 31 250 + 1 250.
    await invoicedRow.getByText(/32\s500,00\skr/).waitFor();
    await expect(group.getByRole("radio", { name: "Vi betalade själva" }).isChecked()).resolves.toBe(true);
    expect(await axe(page)).toEqual([]);
    const costs = page.getByRole("region", { name: "Kostnader", exact: true });
    await shoot(costs, "billing-costs-paid-by-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(costs, "billing-costs-paid-by-390");
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });
});
