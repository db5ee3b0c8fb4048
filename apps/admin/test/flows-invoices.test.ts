import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bgMaxFile } from "@nns/services/testing";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BillingFixture, billingFixture, setDefaultReference } from "./billing-fixtures.js";
import {
  axe,
  chooseOption,
  type Harness,
  menuLink,
  openPage,
  screenshot,
  signIn,
  startHarness,
} from "./harness.js";

let h: Harness;
let f: BillingFixture;

beforeAll(async () => {
  h = await startHarness();
  f = await billingFixture(h);
});
afterAll(async () => h?.close());

/** Presses Tab until `target` has focus: proves it is reachable by keyboard, in at most `limit` steps. */
async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`not reached by Tab in ${limit} steps`);
}

const hasFocus = (target: Locator) => target.evaluate((element) => element.contains(document.activeElement));

/** Nothing on the page is wider than the screen: a phone never scrolls sideways. */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

const YEAR = new Date().getFullYear();

describe("invoices", () => {
  it("NNS issues a draft, registers a part payment, credits it and downloads the PDF, by keyboard", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "nns.admin@demo.nns.se");
    await menuLink(page, "Fakturor").click();
    await page.getByRole("heading", { level: 1, name: "Fakturor" }).waitFor();
    const list = page.getByRole("table", { name: "Fakturor och kreditnotor" });
    // The demo: Halland's share of the coming training issued today, Höglandet's still a draft, and
    // older invoices of another training, some overdue.
    await list.getByRole("link", { name: f.hallandInvoice.number, exact: true }).waitFor();
    await list.getByRole("link", { name: "Utkast till Samordningsförbundet Höglandet" }).waitFor();
    await list
      .getByText(/^Förfallen \d+ dagar$/)
      .first()
      .waitFor();
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "invoices-nns-1280");

    // Without a referens issuing is refused, the reason in Swedish, and the dialog stays open.
    await setDefaultReference(h, f.hoglandet, null);
    await list.getByRole("link", { name: "Utkast till Samordningsförbundet Höglandet" }).click();
    const draftHeading = page.getByRole("heading", {
      level: 1,
      name: "Fakturautkast till Samordningsförbundet Höglandet",
    });
    await draftHeading.waitFor();
    await page.getByRole("button", { name: "Utfärda", exact: true }).click();
    const refused = page.getByRole("dialog", { name: "Utfärda fakturan?" });
    await refused.getByRole("button", { name: "Utfärda fakturan" }).click();
    await refused.getByRole("alert").getByText("Fakturan utfärdades inte.").waitFor();
    // The rule in the admin's words (i18n/problems); the API's message naming the förbund is not shown.
    await refused.getByText("Förbundets fakturareferens saknas.").waitFor();
    expect(await refused.textContent()).not.toContain("reference_missing");
    await refused.getByRole("button", { name: "Avbryt" }).click();

    // Höglandet gives a referens; then by keyboard: the dialog says what issuing means, the outcome gets focus.
    await setDefaultReference(h, f.hoglandet, "Oskar Öberg");
    await page.reload();
    await draftHeading.waitFor();
    await page.getByText("Hämtas när fakturan utfärdas", { exact: false }).waitFor();
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "invoice-draft-1280");
    await tabTo(page, page.getByRole("button", { name: "Utfärda", exact: true }));
    await page.keyboard.press("Enter");
    const confirm = page.getByRole("dialog", { name: "Utfärda fakturan?" });
    await confirm
      .getByText("får nästa nummer i serien och kan därefter inte ändras eller tas bort", { exact: false })
      .waitFor();
    await confirm.getByText("skickas som PDF till förbundets fakturaadress", { exact: false }).waitFor();
    await tabTo(page, confirm.getByRole("button", { name: "Utfärda fakturan" }), 5);
    await page.keyboard.press("Enter");
    const issued = page.getByText(
      new RegExp(`^Faktura ${YEAR}-\\d{4} är utfärdad och skickad till Samordningsförbundet Höglandet\\.$`),
    );
    await issued.waitFor();
    await expect.poll(() => hasFocus(page.locator(".feedback"))).toBe(true);
    const heading = page.getByRole("heading", { level: 1, name: new RegExp(`^Faktura ${YEAR}-\\d{4}$`) });
    await heading.waitFor();
    const number = ((await heading.textContent()) ?? "").replace("Faktura ", "");
    await page.getByText("Utfärdad", { exact: true }).first().waitFor();
    // Issuing took Höglandet's default referens.
    await page.getByText("Oskar Öberg").first().waitFor();

    // The PDF, through the signed-in session, named after the number.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Ladda ner PDF" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`faktura-${number}.pdf`);
    const pdf = await readFile(String(await download.path()));
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    // A part payment by keyboard, in kronor with a decimal comma.
    await tabTo(page, page.getByRole("button", { name: "Registrera betalning" }));
    await page.keyboard.press("Enter");
    const payment = page.getByRole("dialog", { name: "Registrera betalning" });
    await expect(hasFocus(payment.getByLabel("Betaldatum"))).resolves.toBe(true);
    await tabTo(page, payment.getByRole("textbox", { name: /Belopp i kronor/ }), 6);
    await page.keyboard.type("10 000,50");
    await tabTo(page, payment.getByRole("button", { name: "Registrera" }), 8);
    await page.keyboard.press("Enter");
    await page.getByText("Betalningen på 10 000,50 kr är registrerad. Status: Delvis betald.").waitFor();
    await expect.poll(() => hasFocus(page.locator(".feedback"))).toBe(true);
    const payments = page.getByRole("table", { name: "Betalningar" });
    await payments.getByRole("cell", { name: "10 000,50 kr" }).waitFor();
    await payments.getByRole("cell", { name: "Bankgiro" }).waitFor();
    await page.getByText("Delvis betald", { exact: true }).first().waitFor();
    // 31 250 − 10 000,50 left.
    await page.getByText("21 249,50 kr").first().waitFor();
    await screenshot(page, "invoice-partly-paid-1280");

    // A partial credit on the first line, by keyboard; the reason is required.
    await tabTo(page, page.getByRole("button", { name: "Kreditera" }));
    await page.keyboard.press("Enter");
    const credit = page.getByRole("dialog", { name: "Kreditera fakturan" });
    const whole = credit.getByRole("radio", { name: "Hela fakturan" });
    await tabTo(page, whole, 5);
    await page.keyboard.press("ArrowRight");
    await expect(credit.getByRole("radio", { name: "Belopp per rad" }).isChecked()).resolves.toBe(true);
    await tabTo(page, credit.getByRole("textbox", { name: /^Kreditera på rad 1/ }), 5);
    await page.keyboard.type("5 000");
    const submitCredit = credit.getByRole("button", { name: "Kreditera" });
    await tabTo(page, submitCredit, 6);
    await page.keyboard.press("Enter");
    await credit.getByText("Skriv varför fakturan krediteras.").first().waitFor();
    await tabTo(page, credit.getByRole("textbox", { name: /Orsak/ }), 8);
    await page.keyboard.type("Utbildningen hölls med 20 deltagare i stället för 25");
    await tabTo(page, submitCredit, 6);
    await page.keyboard.press("Enter");
    const creditDone = page.getByText(new RegExp(`^Kreditnota ${YEAR}-\\d{4} är utfärdad\\.$`));
    await creditDone.waitFor();
    await expect.poll(() => hasFocus(page.locator(".feedback"))).toBe(true);
    const creditNotes = page.getByRole("region", { name: "Kreditnotor" });
    const noteLink = creditNotes.getByRole("link", { name: new RegExp(`^Kreditnota ${YEAR}-\\d{4}$`) });
    await noteLink.waitFor();
    // 5 000 kr + 25 % moms credited: 21 249,50 − 6 250 left.
    await page.getByText("14 999,50 kr").first().waitFor();
    await screenshot(page, "invoice-credited-1280");
    // Freshly loaded: right after a dialog closes, react-aria's announcement of its pending button (a
    // live-region entry labelled by that button) outlives the button for seven seconds, which axe reports.
    await page.reload();
    await page.getByText("14 999,50 kr").first().waitFor();
    expect(await axe(page)).toEqual([]);

    // The credit note says what it credits, and links back.
    await noteLink.click();
    await page.getByRole("heading", { level: 1, name: /^Kreditnota / }).waitFor();
    await page.getByRole("link", { name: `Krediterar faktura ${number}` }).waitFor();
    await page.getByText("−5 000,00 kr").first().waitFor();

    // The list filtered by status, kept in the address: the demo's three overdue invoices.
    await page.getByRole("link", { name: "Tillbaka till fakturorna" }).click();
    await chooseOption(page, /Status$/, "Förfallen");
    await page.getByRole("button", { name: "Filtrera", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("status") === "overdue");
    await expect.poll(() => list.getByRole("row").count()).toBe(4);
    await expect(list.getByText(/^Förfallen \d+ dagar$/).count()).resolves.toBe(3);

    // This month's exports: the CSV for Excel (BOM, semicolons) has the new invoice; the SIE file is SIE 4.
    const exports = page.getByRole("region", { name: "Exportera" });
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      exports.getByRole("link", { name: "Exportera till Excel (CSV)" }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const csvText = await readFile(String(await csv.path()), "utf8");
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    expect(csvText).toContain(";");
    expect(csvText).toContain(number);
    const [sie] = await Promise.all([
      page.waitForEvent("download"),
      exports.getByRole("link", { name: "Exportera bokföring (SIE)" }).click(),
    ]);
    const sieText = (await readFile(String(await sie.path()))).toString("latin1");
    expect(sieText).toMatch(/^#FLAGGA 0/);
    expect(sieText).toContain("#SIETYP 4");
    expect(sieText).toContain("#VER");

    // Aging: Höglandet's open balance is not yet due.
    await page.getByRole("link", { name: "Åldersanalys" }).click();
    await page.getByRole("heading", { level: 1, name: "Åldersanalys" }).waitFor();
    const aging = page.getByRole("table", { name: "Obetalt per förbund" });
    const hoglandet = aging.getByRole("row", { name: /Samordningsförbundet Höglandet/ });
    // Formatted with non-breaking spaces, so an amount never breaks across lines.
    const notDue = (await hoglandet.getByRole("cell").first().textContent())?.replace(/\s/g, " ");
    expect(notDue).toBe("14 999,50 kr");
    expect(await axe(page)).toEqual([]);
    expect(problems.errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it("a förbund sees only its own invoices, reads one and downloads it, and cannot act on it", async () => {
    // Runs after NNS issued, paid part of and credited Höglandet's invoice above.
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "admin.hoglandet@demo.nns.se");
    await menuLink(page, "Fakturor").click();
    await page.getByRole("heading", { level: 1, name: "Fakturor" }).waitFor();
    const list = page.getByRole("table", { name: "Fakturor och kreditnotor" });
    const rows = list.getByRole("row");
    await rows.nth(1).waitFor();
    // Höglandet's invoice and the credit note to it; never Halland's, nor any of another training.
    const text = (await list.textContent()) ?? "";
    expect(text).not.toContain(f.hallandInvoice.number);
    await expect(list.getByRole("columnheader", { name: "Förbund" }).count()).resolves.toBe(0);
    await expect(rows.count()).resolves.toBe(3);
    await expect(page.getByRole("link", { name: "Åldersanalys" }).count()).resolves.toBe(0);
    expect(await axe(page)).toEqual([]);

    await list.getByRole("link", { name: new RegExp(`^${YEAR}-\\d{4}$`) }).click();
    await page.getByRole("heading", { level: 1, name: /^Faktura / }).waitFor();
    await page.getByText("Delvis betald", { exact: true }).first().waitFor();
    await page.getByRole("link", { name: "Ladda ner PDF" }).waitFor();
    await page.getByRole("link", { name: "Ladda ner e-faktura (XML)" }).waitFor();
    for (const action of ["Utfärda", "Registrera betalning", "Kreditera"]) {
      await expect(page.getByRole("button", { name: action, exact: true }).count()).resolves.toBe(0);
    }
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Ladda ner e-faktura (XML)" }).click(),
    ]);
    const xml = await readFile(String(await download.path()), "utf8");
    expect(xml).toContain("urn:fdc:peppol.eu:2017:poacc:billing:01:1.0");
    expect(await axe(page)).toEqual([]);
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("NNS reads in Bankgirot's payment file: the OCR pays its invoice, the rest is listed for a person", async () => {
    const [open] = await h.t.db.ownerSql(
      `select number, ocr, total_ore - paid_ore - credited_ore as balance from invoices
        where kind = 'invoice' and status in ('issued', 'partly_paid') and ocr is not null
        order by issue_date limit 1`,
    );
    const [seller] = await h.t.db.ownerSql("select bankgiro from billing_seller_settings");
    const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date());
    const path = join(await mkdtemp(join(tmpdir(), "bgmax-")), "BgMax_dag.txt");
    await writeFile(
      path,
      bgMaxFile(String(seller?.bankgiro), today, [
        {
          reference: String(open?.ocr),
          amountOre: Number(open?.balance),
          serial: "1",
          payerName: "Höglandet",
        },
        { reference: "Kurslitteratur", amountOre: 50_000, serial: "2" },
      ]),
    );
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "nns.admin@demo.nns.se");
    await menuLink(page, "Fakturor").click();
    const input = page.getByLabel("Betalfil (BgMax)");
    await tabTo(page, input);
    await input.setInputFiles(path);
    await page.getByRole("button", { name: "Läs in betalningar" }).press("Enter");
    const done = page.getByText(/^1 betalning på .+ registrerades\.$/);
    await done.waitFor();
    expect(await hasFocus(page.locator(".feedback").filter({ has: done }))).toBe(true);
    const report = page.getByRole("table", { name: "Betalningar i BgMax_dag.txt" });
    await report.getByText(`Registrerad på faktura ${open?.number}.`).waitFor();
    await report
      .getByText("Referensen hör inte till någon faktura; registrera betalningen för hand.")
      .waitFor();
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "invoices-bank-file-1280");

    // The same file again registers nothing more.
    await page.getByRole("button", { name: "Läs in betalningar" }).click();
    await page.getByText("0 betalningar på sammanlagt 0,00 kr registrerades.").waitFor();
    await report.getByText("Redan inläst från en tidigare fil.").waitFor();
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("shows the list, the aging and an invoice at 1280 and 390 px without sideways scrolling", async () => {
    const [issued] = await h.t.db.ownerSql(
      "select id from invoices where kind = 'invoice' and status <> 'draft' order by created_at limit 1",
    );
    for (const width of [1280, 390]) {
      const { page, problems } = await openPage(h, width);
      await signIn(page, h.base, "nns.admin@demo.nns.se");
      for (const [name, path] of [
        ["invoices-nns", `/o/${f.nns}/invoices`],
        ["invoices-aging", `/o/${f.nns}/invoices/aging`],
        ["invoice-detail", `/o/${f.nns}/invoices/${issued?.id}`],
      ] as const) {
        await page.goto(`${h.base}${path}`);
        await page.getByRole("heading", { level: 1 }).waitFor();
        await page.getByRole("table").first().waitFor();
        await page.waitForLoadState("networkidle");
        await screenshot(page, `${name}-all-${width}`);
        // Not the page, and not a table inside its scrolling frame either: every column is in view.
        expect(await scrollsSideways(page), name).toBe(false);
        const tablesOverflow = await page.evaluate(() =>
          [...document.querySelectorAll(".table-wrap")].some((wrap) => wrap.scrollWidth > wrap.clientWidth),
        );
        expect(tablesOverflow, `${name} at ${width}`).toBe(false);
        expect(await axe(page), name).toEqual([]);
      }
      expect(problems.errors).toEqual([]);
      await page.context().close();
    }
  });
});
