import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanAxe, type Harness, openPage, screenshot, signIn, startHarness } from "./harness.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe("NNS's synonyms for the catalogue search", () => {
  it("lists the seeded IPS synonym, adds one by keyboard with a Swedish refusal first, and removes it", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "nns.admin@demo.nns.se");
    await page.goto(`${h.base}/nns/catalog/search-synonyms`);
    await page.getByRole("heading", { level: 1, name: "Synonymer i katalogsökningen" }).waitFor();
    await page
      .getByRole("row", { name: /IPS\s*Supported Employment, Individanpassat stöd till arbete/ })
      .waitFor();
    await cleanAxe(page, "synonyms page");
    await screenshot(page, "search-synonyms-1280");

    // By keyboard: the dialog opens on the button, its first field takes the words.
    await page.getByRole("button", { name: "Lägg till synonym" }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Lägg till synonym" });
    await dialog.getByRole("textbox", { name: /Sökord/ }).fill("och");
    await dialog.getByRole("textbox", { name: /Synonymer/ }).fill("arbetsträning, praktik");
    await cleanAxe(page, "add dialog");
    await page.keyboard.press("Enter");
    await dialog
      .getByText("Skriv ord som går att söka på, inte bara småord som och eller för.")
      .first()
      .waitFor();
    await dialog.getByRole("textbox", { name: /Sökord/ }).fill("Arbetsprövning");
    await page.keyboard.press("Enter");
    await page.getByText("Synonymerna för ”Arbetsprövning” är sparade.").waitFor();
    await page.getByRole("row", { name: /Arbetsprövning\s*arbetsträning, praktik/ }).waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    await cleanAxe(page, "synonyms page at 390 px");
    await screenshot(page, "search-synonyms-390");
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole("button", { name: "Ta bort synonymerna för Arbetsprövning" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Ta bort" }).click();
    await page.getByText("Synonymerna för ”Arbetsprövning” är borttagna.").waitFor();
    expect(await page.getByRole("row", { name: /Arbetsprövning/ }).count()).toBe(0);
    expect(problems.errors).toEqual([]);
  }, 120_000);
});
