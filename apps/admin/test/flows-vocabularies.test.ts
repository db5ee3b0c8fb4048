import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanAxe, type Harness, menuLink, openPage, signIn, startHarness } from "./harness.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe("the catalogue's lists", () => {
  it("NNS adds, renames, retires, reinstates and moves a method by keyboard; the page is axe clean at 1280 and 390 px", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "nns.admin@demo.nns.se");
    await menuLink(page, "Katalogens listor").click();
    await page.getByRole("heading", { level: 1, name: "Katalogens listor" }).waitFor();
    const methods = page.getByRole("region", { name: "Metoder" });
    // Seed 004's methods are there from the migration.
    await methods.getByRole("rowheader", { name: "Suggestopedi" }).waitFor();
    await cleanAxe(page, "the lists at 1280 px");

    await page.getByRole("button", { name: "Lägg till metod" }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Ny metod" });
    await dialog.getByRole("textbox", { name: "Benämning" }).fill("Trädgårdsterapi");
    await cleanAxe(page, "the new-term dialog");
    await page.keyboard.press("Enter");
    await page.getByText("Trädgårdsterapi har lagts till.").waitFor();
    const row = (label: string) => methods.getByRole("row", { name: new RegExp(`^${label}`) });
    await row("Trädgårdsterapi").getByText("I bruk").waitFor();

    await page.getByRole("button", { name: "Ändra Trädgårdsterapi" }).focus();
    await page.keyboard.press("Enter");
    const edit = page.getByRole("dialog", { name: "Ändra Trädgårdsterapi" });
    await edit.getByRole("textbox", { name: "Benämning" }).fill("Grön rehabilitering");
    await edit.getByRole("button", { name: "Spara" }).press("Enter");
    await page.getByText("Grön rehabilitering har sparats.").waitFor();

    const retire = page.getByRole("button", { name: "Ta ur bruk: Grön rehabilitering" });
    await retire.focus();
    await page.keyboard.press("Enter");
    await row("Grön rehabilitering").getByText("Ur bruk").waitFor();
    const reinstate = page.getByRole("button", { name: "Återinför Grön rehabilitering" });
    // The button keeps the focus, now offering the way back.
    await expect.poll(() => reinstate.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await row("Grön rehabilitering").getByText("I bruk").waitFor();

    const rows = () => methods.getByRole("rowheader").allTextContents();
    const before = await rows();
    await page.getByRole("button", { name: "Flytta upp Grön rehabilitering" }).focus();
    await page.keyboard.press("Enter");
    await page
      .getByText(`Grön rehabilitering är nu nummer ${before.length - 1} av ${before.length}.`)
      .waitFor();
    expect((await rows()).at(-2)).toBe("Grön rehabilitering");

    await page.setViewportSize({ width: 390, height: 844 });
    await methods.getByRole("rowheader", { name: "Grön rehabilitering" }).waitFor();
    await cleanAxe(page, "the lists at 390 px");
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });
});
