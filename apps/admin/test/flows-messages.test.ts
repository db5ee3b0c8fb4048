/**
 * What a person reads after a submit, and where: Swedish text for every refusal (never the API's English,
 * a field path or an id), an empty field asked to be filled in, a summary that counts the fields it marks,
 * and focus (with the scroll) on the summary or the status message, in a dialog too.
 */
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, type Harness, menuLink, openPage, signIn, startHarness } from "./harness.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const TRAINING = "BIP/SKAPA Halland och Höglandet";
const ENGLISH_OR_TECHNICAL = /Invalid|expected|does not exist|path\.|body\.|[0-9a-f]{8}-[0-9a-f]{4}-/;

/** Focused, and on screen where it is: its middle is inside the window and nothing (a dialog's edge) hides it. */
async function focusedAndVisible(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    if (document.activeElement !== element) return false;
    const box = element.getBoundingClientRect();
    const x = box.left + Math.min(box.width / 2, 40);
    const y = box.top + Math.min(box.height / 2, 20);
    if (y < 0 || y > window.innerHeight || x < 0 || x > window.innerWidth) return false;
    const hit = document.elementFromPoint(x, y);
    return hit !== null && element.contains(hit);
  });
}

/** The window as the person sees it right after the submit (not the whole page): where the message landed. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${ARTIFACTS}${name}.png` });
}

async function openTraining(page: Page, email: string) {
  await signIn(page, h.base, email);
  await menuLink(page, "Utbildningar").click();
  // The overview links to the same training: wait until the list has replaced it.
  await page.getByRole("heading", { level: 1, name: "Utbildningar" }).waitFor();
  await page.getByRole("link", { name: TRAINING }).click();
  await page.getByRole("heading", { level: 1, name: TRAINING }).waitFor();
}

/** Swedish time `minutes` from now, as the date and time fields take it. */
function stockholmIn(minutes: number): { date: string; time: string } {
  const at = new Date(Date.now() + minutes * 60_000);
  const zone = { timeZone: "Europe/Stockholm" } as const;
  return {
    date: at.toLocaleDateString("sv-SE", zone),
    time: at.toLocaleTimeString("sv-SE", { ...zone, hour: "2-digit", minute: "2-digit" }),
  };
}

describe("messages after a submit", () => {
  for (const width of [1280, 390]) {
    it(`registering at ${width} px: empty fields are asked for, the API's rule is Swedish, focus follows`, async () => {
      const { page, problems } = await openPage(h, width);
      await openTraining(page, "admin.halland@demo.nns.se");
      const form = page
        .locator("form")
        .filter({ has: page.getByRole("button", { name: "Anmäl", exact: true }) });
      await form.getByRole("button", { name: "Anmäl", exact: true }).click();

      // Three fields left empty: three marked, three lines, each naming its field.
      const summary = form.locator(".form-error");
      await summary.getByText("Formuläret innehåller 3 fel:").waitFor();
      await expect(summary.locator("li").allTextContents()).resolves.toEqual([
        "Namn: Fyll i fältet.",
        "E-postadress: Fyll i fältet.",
        "Tillfällen: Välj ett alternativ.",
      ]);
      await expect(form.locator(".field-error").allTextContents()).resolves.toEqual([
        "Fyll i fältet.",
        "Fyll i fältet.",
        "Välj ett alternativ.",
      ]);
      await expect.poll(() => focusedAndVisible(summary)).toBe(true);
      await screenshot(page, `flow-messages-register-empty-${width}`);

      // A malformed address: the API's schema rule, in Swedish.
      await form.getByRole("textbox", { name: "Namn", exact: true }).fill("Nina Nyström");
      await form.getByRole("textbox", { name: "E-postadress", exact: true }).fill("nina@");
      await form
        .getByText(/^Utbildning i progressionsmätning, /)
        .first()
        .click();
      await form.getByRole("button", { name: "Anmäl", exact: true }).click();
      await summary.getByText("Formuläret innehåller ett fel:").waitFor();
      await expect(summary.locator("li").allTextContents()).resolves.toEqual([
        "E-postadress: Ange en giltig e-postadress.",
      ]);
      expect(await summary.textContent()).not.toMatch(ENGLISH_OR_TECHNICAL);
      await expect.poll(() => focusedAndVisible(summary)).toBe(true);

      // Corrected: the status message, far above the button, is where focus goes.
      await form
        .getByRole("textbox", { name: "E-postadress", exact: true })
        .fill(`nina.${width}@halland.test`);
      await form.getByRole("button", { name: "Anmäl", exact: true }).click();
      const status = page.locator(".feedback").filter({ hasText: "Nina Nyström är anmäld." });
      await status.waitFor();
      await expect.poll(() => focusedAndVisible(status)).toBe(true);
      await screenshot(page, `flow-messages-registered-${width}`);
      expect(problems.errors).toEqual([]);
      await page.context().close();
    });
  }

  it("adding a session: the error is in view inside the dialog; a session starting now can take attendance", async () => {
    const { page, problems } = await openPage(h, 390);
    await openTraining(page, "nns.admin@demo.nns.se");
    await page.getByRole("button", { name: "Lägg till tillfälle" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Lägg till", exact: true }).click();
    const summary = dialog.locator(".form-error");
    await summary.waitFor();
    expect(await summary.textContent()).not.toMatch(ENGLISH_OR_TECHNICAL);
    // The API refuses the start time; the form adds its other required fields left empty, one line each.
    await expect(summary.locator("li").allTextContents()).resolves.toEqual([
      "Rubrik: Fyll i fältet.",
      "Datum: Fyll i fältet.",
      "Starttid: Fyll i fältet.",
      "Sluttid: Fyll i fältet.",
    ]);
    await expect(dialog.locator(".field-error").count()).resolves.toBe(4);
    await expect.poll(() => focusedAndVisible(summary)).toBe(true);
    await screenshot(page, "flow-messages-session-dialog-390");

    const start = stockholmIn(5);
    const end = stockholmIn(65);
    await dialog.getByRole("textbox", { name: "Rubrik" }).fill("Extra genomgång");
    await dialog.getByLabel(/^Datum/).fill(start.date);
    await dialog.getByLabel(/^Starttid/).fill(start.time);
    await dialog.getByLabel(/^Sluttid/).fill(end.time);
    await dialog.getByRole("textbox", { name: "Videolänk" }).fill("https://video.example.se/extra");
    await dialog.getByRole("button", { name: "Lägg till", exact: true }).click();
    const added = page.locator(".feedback").filter({ hasText: "Extra genomgång är tillagt." });
    await added.waitFor();
    await expect.poll(() => focusedAndVisible(added)).toBe(true);

    // Halland registers someone for it; NNS takes attendance, and the saved message comes into view.
    const halland = await openPage(h, 390);
    await openTraining(halland.page, "admin.halland@demo.nns.se");
    await halland.page.getByRole("textbox", { name: "Namn", exact: true }).fill("Olle Olsson");
    await halland.page.getByRole("textbox", { name: "E-postadress", exact: true }).fill("olle@halland.test");
    await halland.page.getByText(/^Extra genomgång, /).click();
    await halland.page.getByRole("button", { name: "Anmäl", exact: true }).click();
    await halland.page.locator(".feedback").filter({ hasText: "Olle Olsson är anmäld." }).waitFor();
    expect(halland.problems.errors).toEqual([]);
    await halland.page.context().close();

    await page.reload();
    await page.getByRole("link", { name: "Närvaro för Extra genomgång" }).click();
    await page.getByRole("heading", { level: 1, name: "Närvaro: Extra genomgång" }).waitFor();
    await page.getByText("Olle Olsson", { exact: true }).click();
    await page.getByText("1 närvarande", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Spara närvaro" }).click();
    const saved = page.locator(".feedback").filter({ hasText: "Närvaron är sparad: 1 av 1 deltog." });
    await saved.waitFor();
    await expect.poll(() => focusedAndVisible(saved)).toBe(true);
    await screenshot(page, "flow-messages-attendance-390");
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });
});
