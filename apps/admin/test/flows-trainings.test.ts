import { enterOrganization, submitTrainingRequest, systemContext } from "@nns/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  axe,
  chooseOption,
  type Harness,
  menuLink,
  openPage,
  organizationId,
  screenshot,
  signIn,
  startHarness,
} from "./harness.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe("trainings", () => {
  it("registers a participant for a session, sees the förbund's seats left go down, and cancels again", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "admin.halland@demo.nns.se");
    await menuLink(page, "Utbildningar").click();
    await page.getByRole("heading", { level: 1, name: "Utbildningar" }).waitFor();
    await page.getByRole("link", { name: "BIP/SKAPA Halland och Höglandet" }).click();
    await page.getByRole("heading", { level: 1, name: "BIP/SKAPA Halland och Höglandet" }).waitFor();
    // Halland has 15 seats and 7 people on the training step: 8 left.
    const seats = (left: number) =>
      page.getByRole("checkbox", {
        name: new RegExp(`^Utbildning i progressionsmätning, .* – ${left} platser kvar för er$`),
      });
    await seats(8).waitFor({ state: "attached" });

    await page.getByRole("textbox", { name: "Namn", exact: true }).fill("Nina Nyström");
    await page.getByRole("textbox", { name: "E-postadress", exact: true }).fill("nina.nystrom@halland.test");
    await page.getByText(/^Utbildning i progressionsmätning, .* – 8 platser kvar för er$/).click();
    await page.getByRole("button", { name: "Anmäl", exact: true }).click();
    await page.getByText("Nina Nyström är anmäld. Plats på 1 tillfälle.").waitFor();
    await seats(7).waitFor({ state: "attached" });
    const row = page.getByRole("row", { name: /Nina Nyström/ });
    await row.getByText("Plats", { exact: true }).waitFor();
    await screenshot(page, "flow-training-registered");

    await row
      .getByRole("button", { name: "Avboka Nina Nyström från Utbildning i progressionsmätning" })
      .click();
    const dialog = page.getByRole("alertdialog");
    await dialog.getByText("Platsen går till den första på väntelistan", { exact: false }).waitFor();
    await dialog.getByRole("button", { name: "Avboka" }).click();
    await page.getByText("Nina Nyström är avbokad från Utbildning i progressionsmätning.").waitFor();
    await row.getByText("Avbokad", { exact: true }).waitFor();
    await seats(8).waitFor({ state: "attached" });
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("lets NNS turn a request into a training, add a session from a template step with a trainer, and plan it", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "nns.admin@demo.nns.se");
    await menuLink(page, "Intresseanmälningar").click();
    await page.getByRole("heading", { level: 2, name: "Förslag på samordning" }).waitFor();
    await page
      .getByRole("button", {
        name: "Skapa utbildning av intresseanmälan från Samordningsförbundet Umeåregionen",
      })
      .click();
    const create = page.getByRole("dialog");
    await create.getByRole("textbox", { name: "Namn" }).fill("BIP/SKAPA Umeåregionen");
    await create.getByRole("button", { name: "Skapa" }).click();
    await page.getByRole("heading", { level: 1, name: "BIP/SKAPA Umeåregionen" }).waitFor();
    await page.getByText("Efterfrågad", { exact: true }).waitFor();

    await page.getByRole("button", { name: "Lägg till tillfälle" }).click();
    const dialog = page.getByRole("dialog");
    await chooseOption(page, /Steg i BIP\/SKAPA/, "Uppstartsmöte med chefer och implementeringsgrupp");
    const day = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await dialog.getByLabel(/^Datum/).fill(day);
    await dialog.getByLabel(/^Starttid/).fill("09:00");
    await dialog.getByRole("textbox", { name: "Videolänk" }).fill("https://video.example.se/umea-start");
    await dialog.getByText(/^Tove Tränare/).click();
    await screenshot(page, "flow-session-dialog");
    await dialog.getByRole("button", { name: "Lägg till", exact: true }).click();
    await page
      .getByText("Tillfället Uppstartsmöte med chefer och implementeringsgrupp är tillagt.")
      .waitFor();
    const row = page.getByRole("row", { name: /Uppstartsmöte med chefer och implementeringsgrupp/ });
    await row.getByText("Tove Tränare").waitFor();
    await row.getByText("09:00–11:30", { exact: false }).waitFor();

    await page.getByRole("button", { name: "Markera som planerad" }).click();
    await page.getByText("Utbildningen är nu planerad.").waitFor();
    await page.getByRole("button", { name: "Bekräfta utbildningen" }).waitFor();
    await screenshot(page, "flow-training-planned");
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("lets a förbund send an intresseanmälan and withdraw it", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "admin.halland@demo.nns.se");
    await menuLink(page, "Intresseanmälningar").click();
    await page.getByRole("heading", { level: 1, name: "Intresseanmälningar" }).waitFor();
    await page.getByRole("link", { name: "Ny intresseanmälan" }).click();
    await page.getByRole("heading", { level: 1, name: "Ny intresseanmälan" }).waitFor();
    const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const [from, to] = [day(40), day(130)];
    await page.getByLabel(/^Önskad period från/).fill(from);
    await page.getByLabel(/^Önskad period till/).fill(to);
    await page.getByLabel(/^Förväntat antal deltagare/).fill("12");
    await page.getByText("Digitalt", { exact: true }).click();
    await page.getByRole("button", { name: "Skicka intresseanmälan" }).click();
    await page.getByText("Intresseanmälan är skickad till NNS.").waitFor();
    const row = page.getByRole("row", { name: new RegExp(`${from} – ${to}`) });
    await row.getByText("Inskickad", { exact: true }).waitFor();
    await row.getByText("12 deltagare").waitFor();

    await row.getByRole("button", { name: `Ta tillbaka intresseanmälan för ${from} – ${to}` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Ta tillbaka" }).click();
    await page.getByText("Intresseanmälan är tillbakatagen.").waitFor();
    await row.getByText("Återtagen", { exact: true }).waitFor();
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("lets a trainer on a phone take attendance for the demo's session under way, from a list", async () => {
    const { page, problems } = await openPage(h, 390);
    await signIn(page, h.base, "utbildare@demo.nns.se");
    await menuLink(page, "Mina tillfällen").click();
    await page.getByRole("heading", { level: 1, name: "Mina tillfällen" }).waitFor();
    // The session under way comes first, and its Närvaro action is on screen without scrolling sideways.
    const action = page.getByRole("link", {
      name: "Närvaro för Uppstartsmöte med chefer och implementeringsgrupp, BIP/SKAPA Centrala Östergötland",
    });
    await action.waitFor();
    const box = await action.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axe(page)).toEqual([]);
    await action.click();
    await page.getByRole("heading", { level: 1, name: /^Närvaro: Uppstartsmöte/ }).waitFor();
    await page.getByRole("checkbox", { name: /Amir Karimi/ }).waitFor({ state: "attached" });
    await page.getByText("0 närvarande", { exact: true }).waitFor();
    await page.getByText("6 frånvarande", { exact: true }).waitFor();
    // The name filter narrows the list; ticking a name is a whole-row target.
    await page.getByRole("searchbox", { name: "Sök deltagare" }).fill("beata");
    await page.getByRole("checkbox", { name: /Amir Karimi/ }).waitFor({ state: "detached" });
    const beata = page.getByText("Beata Lund", { exact: true });
    expect((await beata.locator("xpath=ancestor::label").boundingBox())?.height).toBeGreaterThanOrEqual(44);
    await beata.click();
    await page.getByRole("searchbox", { name: "Sök deltagare" }).fill("");
    await page.getByText("Amir Karimi", { exact: true }).click();
    await page.getByText("2 närvarande", { exact: true }).waitFor();
    await page.getByText("4 frånvarande", { exact: true }).waitFor();
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axe(page)).toEqual([]);
    const save = page.getByRole("button", { name: "Spara närvaro" });
    await save.click();
    const saved = page.getByText("Närvaron är sparad: 2 av 6 deltog.");
    await saved.waitFor();
    // The save bar stays at the bottom of the screen: the message is where the thumb was.
    const message = await saved.boundingBox();
    expect(message && message.y >= 0 && message.y + message.height <= 844).toBe(true);
    await screenshot(page, "flow-attendance-saved-390");
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("shows the calendar on a phone as an agenda by day, with a switch to a month that fits", async () => {
    const { page, problems } = await openPage(h, 390);
    await signIn(page, h.base, "nns.admin@demo.nns.se");
    const nns = await organizationId(h, "nns");
    await page.goto(`${h.base}/o/${nns}/trainings/calendar`);
    await page.getByRole("heading", { level: 1, name: "Utbildningskalender" }).waitFor();
    // Today's session under way is in the agenda, under today's heading.
    const today = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { level: 3, name: /I dag/ }) });
    await today
      .getByRole("link", { name: /^Uppstartsmöte med chefer och implementeringsgrupp – BIP\/SKAPA Centrala/ })
      .waitFor();
    expect(await page.getByRole("button", { name: "Lista", exact: true }).getAttribute("aria-pressed")).toBe(
      "true",
    );
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "calendar-agenda-390");
    await page.getByRole("button", { name: "Månad", exact: true }).click();
    await page.getByRole("table").waitFor();
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth)).toBeLessThanOrEqual(390);
    const sunday = await page.getByRole("columnheader").last().boundingBox();
    expect(sunday && sunday.x + sunday.width <= 390).toBe(true);
    expect(await axe(page)).toEqual([]);
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("lets a förbund create its own event, add a session, open registration and cancel it with a reason", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "admin.hoglandet@demo.nns.se");
    await menuLink(page, "Utbildningar").click();
    await page.getByRole("heading", { level: 1, name: "Utbildningar" }).waitFor();
    await page.getByRole("button", { name: "Ny aktivitet" }).click();
    await page
      .getByRole("dialog")
      .getByRole("textbox", { name: "Namn" })
      .fill("Frukostseminarium om samverkan");
    await page.getByRole("dialog").getByRole("button", { name: "Skapa" }).click();
    await page.getByRole("heading", { level: 1, name: "Frukostseminarium om samverkan" }).waitFor();

    await page.getByRole("button", { name: "Lägg till tillfälle" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Rubrik" }).fill("Frukostseminarium");
    await dialog.getByLabel(/^Datum/).fill(new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10));
    await dialog.getByLabel(/^Starttid/).fill("08:00");
    await dialog.getByLabel(/^Sluttid/).fill("10:00");
    await dialog.getByText("På plats", { exact: true }).click();
    await dialog.getByRole("textbox", { name: "Plats" }).fill("Eksjö, Stadshotellet");
    await dialog.getByLabel(/^Max antal deltagare/).fill("30");
    await dialog.getByRole("button", { name: "Lägg till", exact: true }).click();
    await page.getByText("Tillfället Frukostseminarium är tillagt.").waitFor();
    await page
      .getByRole("row", { name: /Frukostseminarium/ })
      .getByText("0 av 30")
      .waitFor();

    await page.getByRole("button", { name: "Ändra namn och beskrivning" }).click();
    await page
      .getByRole("dialog")
      .getByRole("textbox", { name: "Beskrivning" })
      .fill("Om samverkan kring unga.");
    await page.getByRole("dialog").getByRole("button", { name: "Spara" }).click();
    await page.getByText("Frukostseminarium om samverkan är sparad.").waitFor();
    await page.getByText("Om samverkan kring unga.").waitFor();

    await page.getByRole("button", { name: "Markera som planerad" }).click();
    await page.getByText("Utbildningen är nu planerad.").waitFor();
    await page
      .getByRole("checkbox", { name: /^Frukostseminarium, .* – 30 platser kvar för er$/ })
      .waitFor({ state: "attached" });

    await page.getByRole("button", { name: "Ställ in" }).click();
    const cancel = page.getByRole("dialog");
    await cancel.getByRole("textbox", { name: "Anledning" }).fill("För få anmälda.");
    await cancel.getByRole("button", { name: "Ställ in utbildningen" }).click();
    await page.getByText("Utbildningen är nu inställd.").waitFor();
    await page.getByText("För få anmälda.", { exact: false }).first().waitFor();
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("lets NNS register a trainer with a certification and change a price", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "nns.admin@demo.nns.se");
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    await nav.getByRole("link", { name: "Utbildare" }).click();
    await page.getByRole("heading", { level: 1, name: "Utbildare" }).waitFor();
    await page.getByRole("button", { name: "Lägg till utbildare" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Namn" }).fill("Ulla Utbildare");
    await dialog.getByRole("textbox", { name: "E-postadress" }).fill("ulla@utbildare.test");
    await dialog.getByText("Hallands län", { exact: true }).click();
    await dialog.getByRole("button", { name: "Lägg till", exact: true }).click();
    await page.getByText("Ulla Utbildare är tillagd.").waitFor();
    const row = page.getByRole("row", { name: /Ulla Utbildare/ });
    await row.getByText("Saknar certifiering").waitFor();

    await row.getByRole("button", { name: "Lägg till certifiering för Ulla Utbildare" }).click();
    const certification = page.getByRole("dialog");
    const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    await certification.getByLabel(/^Certifierad/).fill(day(-30));
    await certification.getByLabel(/^Giltig till/).fill(day(700));
    await certification.getByRole("button", { name: "Lägg till", exact: true }).click();
    await page.getByText("Certifieringen för Ulla Utbildare är tillagd.").waitFor();
    await row.getByText("Giltig", { exact: true }).first().waitFor();

    await nav.getByRole("link", { name: "Prislista" }).click();
    await page.getByRole("heading", { level: 1, name: "Prislista" }).waitFor();
    await page.getByRole("button", { name: /^Ändra BIP\/SKAPA/ }).click();
    const price = page.getByRole("dialog");
    await price.getByRole("textbox", { name: "Pris exkl. moms (kr)" }).fill("52 000,00");
    await price.getByRole("button", { name: "Spara" }).click();
    await page.getByText(/är sparad\.$/).waitFor();
    await page.getByRole("cell", { name: /^52\s000,00\skr$/ }).waitFor();
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("lets a förbund add and remove its own print cost in the cost breakdown", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "admin.halland@demo.nns.se");
    await menuLink(page, "Utbildningar").click();
    // The overview links to the same training: wait until the list has replaced it.
    await page.getByRole("heading", { level: 1, name: "Utbildningar" }).waitFor();
    await page.getByRole("link", { name: "BIP/SKAPA Halland och Höglandet" }).click();
    await page.getByRole("heading", { level: 2, name: "Kostnader" }).waitFor();
    const before = (await page.getByRole("row", { name: /^Totalt inkl\. moms/ }).textContent()) ?? "";
    await page.getByRole("textbox", { name: "Beskrivning" }).fill("Kursmaterial");
    await page.getByRole("textbox", { name: "Belopp exkl. moms (kr)" }).fill("1 250,00");
    await page.getByRole("button", { name: "Lägg till tryckkostnad" }).click();
    await page.getByText("Tryckkostnaden Kursmaterial är tillagd.").waitFor();
    // 1 250 kr plus 25 % VAT on top of the share.
    await page.getByText(/^Kursmaterial: 1\s250,00\skr/).waitFor();
    const after = (await page.getByRole("row", { name: /^Totalt inkl\. moms/ }).textContent()) ?? "";
    const kronor = (text: string) => Number(text.replace(/[^\d,]/g, "").replace(",", "."));
    expect(kronor(after) - kronor(before)).toBeCloseTo(1562.5, 2);

    await page.getByRole("button", { name: "Ta bort tryckkostnaden Kursmaterial" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Ta bort" }).click();
    await page.getByText("Tryckkostnaden är borttagen.").waitFor();
    await page.getByText("Inga tryckkostnader.").waitFor();
    expect(kronor((await page.getByRole("row", { name: /^Totalt inkl\. moms/ }).textContent()) ?? "")).toBe(
      kronor(before),
    );
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("offers NNS a pairing of two open requests and creates one shared training from it", async () => {
    const system = systemContext(h.deps, "flows-test");
    const rows = await h.t.db.ownerSql(
      "select id, slug from organizations where slug in ('halland', 'hoglandet')",
    );
    const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    for (const [slug, participants] of [
      ["halland", 8],
      ["hoglandet", 6],
    ] as const) {
      const ctx = await enterOrganization(system, String(rows.find((r) => r.slug === slug)?.id));
      await submitTrainingRequest(ctx, {
        periodStart: day(200),
        periodEnd: day(260),
        expectedParticipants: participants,
        deliveryPreference: "digital",
        openToSharing: true,
        contactName: `Kontakt ${slug}`,
        contactEmail: `kontakt.${slug}@example.se`,
      });
    }
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "nns.admin@demo.nns.se");
    await menuLink(page, "Intresseanmälningar").click();
    await page.getByText("14 tillsammans", { exact: false }).waitFor();
    await screenshot(page, "flow-pairing");
    await page.getByRole("button", { name: /^Skapa gemensam utbildning för .*Halland/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("De 2 förbund som skickade intresseanmälningarna", { exact: false }).waitFor();
    await dialog.getByRole("button", { name: "Skapa" }).click();
    await page.getByRole("heading", { level: 1, name: /^BIP\/SKAPA Samordningsförbundet/ }).waitFor();
    const parties = page.getByRole("region", { name: "Deltagande förbund" });
    await parties.getByRole("rowheader", { name: "Samordningsförbundet Halland" }).waitFor();
    await parties.getByRole("rowheader", { name: "Samordningsförbundet Höglandet" }).waitFor();
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("shows the planner's sessions in a month grid and a list, used with the keyboard", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "nns.admin@demo.nns.se");
    const nns = await organizationId(h, "nns");
    await page.goto(`${h.base}/o/${nns}/trainings/calendar`);
    await page.getByRole("heading", { level: 1, name: "Utbildningskalender" }).waitFor();
    await page.getByRole("button", { name: "Till nästa tillfälle" }).focus();
    await page.keyboard.press("Enter");
    // The next session's link names its training and status for screen readers.
    const session = page
      .getByRole("table")
      .getByRole("link", { name: /^\d\d:\d\d .+ – .+, (Planerad|Bekräftad)$/ })
      .first();
    await session.waitFor();
    const name = (await session.getAttribute("aria-label")) ?? (await session.textContent()) ?? "";
    const title = /^\d\d:\d\d (.+?) – /.exec(name)?.[1] ?? "";
    const training = / – (.+), (Planerad|Bekräftad)$/.exec(name)?.[1] ?? "";
    expect(title).not.toBe("");
    await page.getByRole("button", { name: "Lista", exact: true }).focus();
    await page.keyboard.press("Enter");
    await page
      .getByRole("link", { name: new RegExp(`^${title} – ${training}`) })
      .first()
      .waitFor();
    await page.getByRole("button", { name: "Månad", exact: true }).focus();
    await page.keyboard.press("Enter");
    await session.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: training }).waitFor();
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });
});
