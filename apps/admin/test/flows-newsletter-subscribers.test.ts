// Longer than 400 lines: the flows build on one another (the people added first are imported over, exported, erased), so they share one file and one publication.
import { readFileSync } from "node:fs";
import { signingKey } from "@nns/services";
import type { Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  axe,
  chooseOption,
  type Harness,
  openPage,
  organizationId,
  screenshot,
  signIn,
  startHarness,
} from "./harness.js";

const ADMIN = "admin.halland@demo.nns.se";

let h: Harness;
let halland: string;
let publication: string;

/**
 * A newsletter made through the JSON API, as the signed-in person in `page` (the demo data has none):
 * the browser's own fetch, so the session cookie and this site's Origin go with it.
 */
async function createPublication(page: Page, slug: string, name: string): Promise<string> {
  const created = await page.evaluate(
    async ({ orgId, slug, name }) => {
      const response = await fetch(`/v1/orgs/${orgId}/newsletters`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          slug,
          name,
          senderName: "Finsam Halland",
          senderEmail: "nyhetsbrev@example.se",
        }),
      });
      return { status: response.status, body: (await response.json()) as { id: string } };
    },
    { orgId: halland, slug, name },
  );
  expect(created.status).toBe(201);
  return created.body.id;
}

/** Imports a CSV through the JSON API, as a script would; for data the screens are then tried on. */
async function importThroughApi(page: Page, publicationId: string, csv: string): Promise<void> {
  const status = await page.evaluate(
    async ({ orgId, publicationId, csv }) =>
      (
        await fetch(`/v1/orgs/${orgId}/newsletters/${publicationId}/subscribers/import`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ csv, consentText: "Anmälda på Finsamdagen.", attestConsent: true }),
        })
      ).status,
    { orgId: halland, publicationId, csv },
  );
  expect(status).toBe(200);
}

const pagePath = (publicationId: string) => `/o/${halland}/nyhetsbrev/${publicationId}/prenumeranter`;

async function openSubscribers(width = 1280, publicationId = publication) {
  const opened = await openPage(h, width);
  await signIn(opened.page, h.base, ADMIN);
  await opened.page.goto(`${h.base}${pagePath(publicationId)}`);
  await opened.page.getByRole("heading", { level: 1, name: "Prenumeranter" }).waitFor();
  return opened;
}

/** Presses Tab until `target` has focus: proves it is reachable by keyboard, in at most `limit` steps. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press("Tab");
    if (await isFocused(target)) return;
  }
  throw new Error(`not reached by Tab in ${limit} steps`);
}

/** The messages tied to a field (aria-describedby) and shown in its own box, beneath it. */
const errorAt = (field: Locator) =>
  field.evaluate((element) => {
    const described = (element.getAttribute("aria-describedby") ?? "").split(" ");
    const shown = element.closest(".field")?.querySelector(".field-error");
    return shown && described.includes(shown.id) ? shown.textContent : null;
  });

const isFocused = (target: Locator) => target.evaluate((element) => element === document.activeElement);

const statusOf = async (email: string) =>
  (await h.t.db.ownerSql("select status from newsletter_subscribers where email = $1", [email]))[0]?.status;

/** The list's rows, each named by its address (the row header). */
const list = (page: Page) => page.getByRole("table", { name: "Prenumeranter" });
const rowOf = (page: Page, email: string) =>
  list(page)
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: email }) });

beforeAll(async () => {
  h = await startHarness();
  halland = await organizationId(h, "halland");
  // The link-signing key is created on first use in a transaction of its own; PGlite has one connection,
  // so that first use inside the adding transaction would wait for itself. PostgreSQL has a pool.
  await signingKey(h.deps.db);
  const { page } = await openPage(h);
  await signIn(page, h.base, ADMIN);
  publication = await createPublication(page, "finsam-halland", "Finsam Halland informerar");
  await page.context().close();
});
// One page at a time: a page left open from an earlier test could hold the browser's focus.
afterEach(async () => {
  for (const context of h.browser.contexts()) await context.close();
});
afterAll(async () => h?.close());

describe("a newsletter's subscribers", () => {
  it("adds a person with and without attestation: confirmed at once, or unconfirmed with a confirmation email", async () => {
    const { page, problems } = await openSubscribers();
    await page.getByText("Finsam Halland informerar", { exact: false }).first().waitFor();
    await page.getByText("Nyhetsbrevet har inga prenumeranter ännu.", { exact: false }).waitFor();
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "newsletter-subscribers-empty-1280");

    await page.getByRole("button", { name: "Lägg till prenumerant" }).click();
    const dialog = page.getByRole("dialog", { name: "Lägg till prenumerant" });
    // What an unticked box means is said beside it, and read with it.
    const attest = dialog.getByRole("checkbox", { name: "Jag intygar att personen har samtyckt" });
    await expect(attest.getAttribute("aria-describedby")).resolves.toBeTruthy();
    await dialog
      .getByText("Annars får personen ett mejl med en länk för att bekräfta", { exact: false })
      .waitFor();
    await dialog.getByRole("textbox", { name: "E-postadress" }).fill("anna.andersson@example.se");
    await dialog.getByRole("textbox", { name: "Namn (valfritt)" }).fill("Anna Andersson");
    await dialog.getByRole("textbox", { name: "Samtyckestext" }).fill("Bad om nyhetsbrevet per telefon.");
    await dialog.getByText("Jag intygar att personen har samtyckt").click();
    await expect(attest.isChecked()).resolves.toBe(true);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "newsletter-subscribers-add-1280");
    await dialog.getByRole("button", { name: "Lägg till", exact: true }).click();
    await page.getByText("anna.andersson@example.se är tillagd och bekräftad.").waitFor();
    await rowOf(page, "anna.andersson@example.se").getByText("Bekräftad", { exact: true }).waitFor();

    // Without the box: unconfirmed, and the confirmation email is on its way.
    await page.getByRole("button", { name: "Lägg till prenumerant" }).click();
    await dialog.getByRole("textbox", { name: "E-postadress" }).fill("bertil.berg@example.se");
    await dialog.getByRole("textbox", { name: "Samtyckestext" }).fill("Anmälde sig på mässan.");
    await dialog.getByRole("button", { name: "Lägg till", exact: true }).click();
    await page
      .getByText("bertil.berg@example.se är tillagd. Personen har fått ett mejl", { exact: false })
      .waitFor();
    const bertil = rowOf(page, "bertil.berg@example.se");
    await bertil.getByText("Ej bekräftad", { exact: true }).waitFor();
    await bertil.getByText("Inget namn").waitFor();
    expect(await statusOf("anna.andersson@example.se")).toBe("confirmed");
    expect(await statusOf("bertil.berg@example.se")).toBe("unconfirmed");
    // This publication's only (the demo's newsletter has readers of its own waiting to confirm).
    const sent = await h.t.db.ownerSql(
      "select email from newsletter_subscribers where confirmation_sent_at is not null and email like '%@example.se'",
    );
    expect(sent.map((r) => r.email)).toEqual(["bertil.berg@example.se"]);

    // The consent record: when, how, and the text on demand.
    const anna = rowOf(page, "anna.andersson@example.se");
    await anna.getByText("Intygat av en administratör").waitFor();
    await anna.getByText("Via API").waitFor();
    await expect(anna.getByText("Bad om nyhetsbrevet per telefon.").isVisible()).resolves.toBe(false);
    await anna.getByText("Visa samtyckestexten").click();
    await expect(anna.getByText("Bad om nyhetsbrevet per telefon.").isVisible()).resolves.toBe(true);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "newsletter-subscribers-list-1280");

    // The same address again: the API's refusal is shown at the address field, in Swedish.
    await page.getByRole("button", { name: "Lägg till prenumerant" }).click();
    const email = dialog.getByRole("textbox", { name: "E-postadress" });
    await email.fill("anna.andersson@example.se");
    await dialog.getByRole("textbox", { name: "Samtyckestext" }).fill("Igen.");
    await dialog.getByRole("button", { name: "Lägg till", exact: true }).click();
    await expect.poll(() => errorAt(email)).toBe("Adressen finns redan i listan.");
    await expect(email.getAttribute("aria-invalid")).resolves.toBe("true");
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "newsletter-subscribers-add-error-1280");
    await dialog.getByRole("button", { name: "Avbryt" }).click();
    await expect(rowOf(page, "anna.andersson@example.se").count()).resolves.toBe(1);
    expect(problems.errors).toEqual([]);
  });

  it("filters by status and searches by address or name", async () => {
    const { page, problems } = await openSubscribers();
    await rowOf(page, "anna.andersson@example.se").waitFor();
    await chooseOption(page, /Status$/, "Ej bekräftad");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await page.getByText("Visar 1 prenumerant.").waitFor();
    await rowOf(page, "bertil.berg@example.se").waitFor();
    await expect(rowOf(page, "anna.andersson@example.se").count()).resolves.toBe(0);
    expect(await axe(page)).toEqual([]);

    await chooseOption(page, /Status$/, "Alla statusar");
    await page.getByRole("searchbox", { name: "Sök på adress eller namn" }).fill("andersson");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await rowOf(page, "anna.andersson@example.se").waitFor();
    await expect(rowOf(page, "bertil.berg@example.se").count()).resolves.toBe(0);

    await page.getByRole("searchbox", { name: "Sök på adress eller namn" }).fill("ingen-sadan");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await page.getByText("Ingen prenumerant matchar sökningen.").waitFor();
    expect(await axe(page)).toEqual([]);
    await page.getByRole("button", { name: "Visa alla" }).click();
    await page.getByText("Visar 2 prenumeranter.").waitFor();
    expect(problems.errors).toEqual([]);
  });

  it("imports a CSV by keyboard alone and reports every line left out, with its number and why", async () => {
    const { page, problems } = await openSubscribers();
    await rowOf(page, "anna.andersson@example.se").waitFor();
    const trigger = page.getByRole("button", { name: "Importera från fil" });
    await tabTo(page, trigger);
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Importera prenumeranter" });
    const file = dialog.getByLabel("CSV-fil");
    await expect(file.getAttribute("accept")).resolves.toBe(".csv,text/csv");
    // The dialog opens on the file field. What follows a key press there is the operating system's file
    // picker, outside the page: the file is handed to the focused field as the picker would.
    await expect.poll(() => isFocused(file)).toBe(true);
    const chooseFile = async (name: string, content: string) => {
      expect(await isFocused(file)).toBe(true);
      await file.setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(content, "utf8") });
    };

    // A file without an address column: the refusal stands at the file field.
    await chooseFile("namn.csv", "namn\nCecilia Ceder\n");
    await tabTo(page, dialog.getByRole("textbox", { name: "Samtyckestext" }), 3);
    await page.keyboard.type("Anmälde sig på deltagarlistan på Finsamdagen 2026.");
    const submit = dialog.getByRole("button", { name: "Importera", exact: true });
    await tabTo(page, submit, 6);
    await page.keyboard.press("Enter");
    await expect
      .poll(() => errorAt(file))
      .toBe("Filen behöver en kolumn med e-postadresser: ge den rubriken email eller e-post.");
    await expect(file.getAttribute("aria-invalid")).resolves.toBe("true");
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "newsletter-subscribers-import-error-1280");

    // A file with a bad address, a duplicate and a person already in the list; no attestation.
    await tabTo(page, file, 8);
    await chooseFile(
      "prenumeranter.csv",
      [
        "e-post;namn",
        "cecilia.ceder@example.se;Cecilia Ceder",
        "inte-en-adress;Okänd",
        "cecilia.ceder@example.se;Cecilia igen",
        "david.dahl@example.se;David Dahl",
        "bertil.berg@example.se;",
      ].join("\n"),
    );
    await expect(errorAt(file)).resolves.toBeNull();
    await tabTo(page, submit, 6);
    await page.keyboard.press("Enter");

    // The report: focus on it, the summary announced, each line left out with its number and reason.
    const heading = dialog.getByRole("heading", { name: "Resultat av importen" });
    await expect.poll(() => isFocused(heading)).toBe(true);
    // Set a moment after the report appears, so that screen readers announce it.
    await expect
      .poll(() => dialog.getByRole("status").textContent())
      .toBe("Importen är klar: 2 nya, 0 uppdaterade och 3 som inte importerades.");
    const lines = dialog.getByRole("list", { name: "Rader som inte importerades" }).getByRole("listitem");
    await expect(lines.allTextContents()).resolves.toEqual([
      "Rad 3 inte-en-adressOgiltig e-postadress.",
      "Rad 4 cecilia.ceder@example.seAdressen finns redan tidigare i filen.",
      "Rad 6 bertil.berg@example.seAdressen finns redan i listan; inget ändrades.",
    ]);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "newsletter-subscribers-import-report-1280");
    await tabTo(page, dialog.getByRole("button", { name: "Stäng" }), 4);
    await page.keyboard.press("Enter");
    await page.getByText("Importen är klar: 2 nya", { exact: false }).waitFor();
    const cecilia = rowOf(page, "cecilia.ceder@example.se");
    await cecilia.getByText("Ej bekräftad", { exact: true }).waitFor();
    await cecilia.getByText("Import från fil").waitFor();
    await rowOf(page, "david.dahl@example.se").waitFor();
    expect(await statusOf("cecilia.ceder@example.se")).toBe("unconfirmed");
    expect(problems.errors).toEqual([]);
  });

  it("exports the list as CSV, unsubscribes a person on request and erases another, keeping only a hash", async () => {
    const { page, problems } = await openSubscribers();
    await rowOf(page, "anna.andersson@example.se").waitFor();

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Ladda ner som CSV" }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe("prenumeranter.csv");
    const file = readFileSync((await saved.path()) as string, "utf8");
    // For Swedish Excel: a BOM, semicolons, Swedish headers and statuses in words.
    expect(file.startsWith("\uFEFF")).toBe(true);
    const csv = file.slice(1);
    const [header, ...records] = csv.trim().split(/\r?\n/);
    expect(header).toBe(
      '"E-post";"Namn";"Status";"Samtycke lämnat";"Samtyckestext";"Samtycke via";"Samtycke intygat av";"Bekräftad";"Avregistrerad";"Spärrad";"Orsak till spärr";"Tillagd"',
    );
    expect(records).toHaveLength(4);
    expect(csv).toContain('"anna.andersson@example.se";"Anna Andersson";"Bekräftad"');
    expect(csv).not.toMatch(/"(confirmed|signup_form|import)"/);

    // Unsubscribed on request: the row stays, with its new status; focus goes to the message.
    await page.getByRole("button", { name: "Avregistrera bertil.berg@example.se" }).click();
    const unsubscribe = page.getByRole("alertdialog", { name: "Avregistrera bertil.berg@example.se?" });
    await unsubscribe.getByText("Adressen och samtycket finns kvar", { exact: false }).waitFor();
    await unsubscribe.getByRole("button", { name: "Avregistrera" }).click();
    const unsubscribed = page.getByText("bertil.berg@example.se är avregistrerad och får inga fler utskick.");
    await unsubscribed.waitFor();
    await rowOf(page, "bertil.berg@example.se").getByText("Avregistrerad", { exact: true }).waitFor();
    await expect(
      page.getByRole("button", { name: "Avregistrera bertil.berg@example.se" }).count(),
    ).resolves.toBe(0);
    expect(await statusOf("bertil.berg@example.se")).toBe("unsubscribed");

    // Erased: the dialog says what stays; the row goes, the address is gone, its hash is kept.
    await page.getByRole("button", { name: "Radera anna.andersson@example.se" }).click();
    const erase = page.getByRole("alertdialog", { name: "Radera anna.andersson@example.se för gott?" });
    await erase
      .getByText("Det enda som sparas är en kontrollsumma (hash) av adressen", { exact: false })
      .waitFor();
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "newsletter-subscribers-erase-1280");
    await erase.getByRole("button", { name: "Radera för gott" }).click();
    const erased = page.getByText("anna.andersson@example.se är raderad.", { exact: false });
    await erased.waitFor();
    await expect
      .poll(() => erased.evaluate((element) => element.closest(".feedback") === document.activeElement))
      .toBe(true);
    await expect(rowOf(page, "anna.andersson@example.se").count()).resolves.toBe(0);
    await page.getByText("Visar 3 prenumeranter.").waitFor();
    expect(await statusOf("anna.andersson@example.se")).toBeUndefined();
    const suppressed = await h.t.db.ownerSql("select reason from newsletter_suppressions");
    expect(suppressed.map((r) => r.reason)).toEqual(["erased"]);
    expect(await axe(page)).toEqual([]);
    // No ids or codes where a person reads.
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(text).not.toMatch(/unconfirmed|unsubscribed|signup_form|import\b/);
    expect(problems.errors).toEqual([]);
  });

  it("pages with Visa fler, moving focus to the first person added to the list", async () => {
    const setup = await openSubscribers();
    const many = await createPublication(setup.page, "finsam-halland-manga", "Finsam Halland för många");
    const addresses = Array.from(
      { length: 60 },
      (_, i) => `person${String(i + 1).padStart(2, "0")}@example.se`,
    );
    await importThroughApi(setup.page, many, ["email", ...addresses].join("\n"));
    await setup.page.context().close();

    const { page, problems } = await openSubscribers(1280, many);
    await page.getByText("Visar 50 prenumeranter.").waitFor();
    await page.getByRole("button", { name: "Visa fler" }).click();
    await page.getByText("Visar 60 prenumeranter.").waitFor();
    await expect(list(page).getByRole("rowheader").count()).resolves.toBe(60);
    await expect(page.getByRole("button", { name: "Visa fler" }).count()).resolves.toBe(0);
    // The keyboard continues from the first row that was added, the 51st.
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    await expect(list(page).getByRole("rowheader").nth(50).textContent()).resolves.toBe(focused);
    expect(focused).toMatch(/^person\d\d@example\.se$/);
    expect(await axe(page)).toEqual([]);
    expect(problems.errors).toEqual([]);
  });

  it("stays readable on a 390 px phone: cards, no sideways scrolling", async () => {
    const { page, problems } = await openSubscribers(390);
    await rowOf(page, "cecilia.ceder@example.se").waitFor();
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBe(0);
    // The row's cells stack under the address instead of standing side by side.
    const row = rowOf(page, "cecilia.ceder@example.se");
    const address = await row.getByRole("rowheader").boundingBox();
    const status = await row.getByText("Ej bekräftad", { exact: true }).boundingBox();
    expect(address && status && status.y >= address.y + address.height).toBe(true);
    await rowOf(page, "cecilia.ceder@example.se").getByText("Visa samtyckestexten").click();
    expect(await overflow()).toBe(0);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "newsletter-subscribers-list-390");

    await page.getByRole("button", { name: "Importera från fil" }).click();
    await page.getByRole("dialog", { name: "Importera prenumeranter" }).waitFor();
    expect(await overflow()).toBe(0);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "newsletter-subscribers-import-390");
    expect(problems.errors).toEqual([]);
  });

  it("is for administrators only: an editor is told the role does not reach it", async () => {
    const { page } = await openPage(h);
    await signIn(page, h.base, "redaktor.halland@demo.nns.se");
    await page.goto(`${h.base}${pagePath(publication)}`);
    await page.getByRole("heading", { level: 1, name: "Behörighet saknas" }).waitFor();
    await expect(page.getByText("cecilia.ceder@example.se").count()).resolves.toBe(0);
  });
});
