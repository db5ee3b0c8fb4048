import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, type Harness, openPage, organizationId, screenshot, signIn, startHarness } from "./harness.js";

let h: Harness;
let hoglandet: string;

beforeAll(async () => {
  h = await startHarness();
  hoglandet = await organizationId(h, "hoglandet");
});
afterAll(async () => h?.close());

async function chooseOption(page: Page, select: string | RegExp, option: string) {
  await page.getByRole("button", { name: select }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

describe("the intervention form", () => {
  it("saves budget years, links, contacts and kommuner, and shows them again when edited", async () => {
    const focus = String(
      (await h.t.db.ownerSql("select label_sv from catalog_focus_areas where orientation = 'individual'"))[0]
        ?.label_sv,
    );
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "admin.hoglandet@demo.nns.se");
    await page.goto(`${h.base}/o/${hoglandet}/interventions/new`);
    await page.getByRole("heading", { level: 1, name: "Ny insats" }).waitFor();
    await page.getByLabel("Namn på insatsen").fill("Arbetsbryggan");
    await page.getByLabel("Sammanfattning").fill("Stöd från sjukskrivning till arbete.");
    await chooseOption(page, /Preciserad inriktning/, focus);

    await chooseOption(page, /Visa kommuner i ett län/, "Jönköpings län");
    await page.getByText("Eksjö", { exact: true }).click();
    await page.getByText("Kommuner där insatsen finns: 1 kommun vald").waitFor();

    await page.getByRole("button", { name: "Lägg till budgetår" }).click();
    const budget = page.getByRole("group", { name: "Budgetår 1" });
    await budget.getByLabel("År").fill("2026");
    await budget.getByLabel("Belopp (kr)").fill("tolv kronor");
    await budget.getByLabel("Finansiärer").fill("Region Jönköping, Eksjö kommun");

    await page.getByRole("button", { name: "Lägg till länk" }).click();
    const link = page.getByRole("group", { name: "Länk 1" });
    await chooseOption(page, /Typ av länk/, "Annan länk");
    await link.getByLabel("Rubrik").fill("Projektplan");
    await link.getByLabel("Adress").fill("https://example.se/projektplan");

    await page.getByRole("button", { name: "Lägg till kontaktperson" }).click();
    await page.getByRole("button", { name: "Lägg till kontaktperson" }).click();
    await page.getByRole("group", { name: "Kontaktperson 1" }).getByLabel("Namn").fill("Ska bort");
    await page.getByRole("group", { name: "Kontaktperson 2" }).getByLabel("Namn").fill("Karin Berg");
    await page.getByRole("button", { name: "Ta bort kontaktperson 1" }).click();
    // The remaining row is now the first, with what was typed in it.
    await expect(
      page.getByRole("group", { name: "Kontaktperson 1" }).getByLabel("Namn").inputValue(),
    ).resolves.toBe("Karin Berg");
    await expect(page.getByRole("group", { name: "Kontaktperson 2" }).count()).resolves.toBe(0);

    const before = await h.t.db.ownerSql("select count(*)::int as n from interventions");
    await page.getByRole("button", { name: "Skapa utkast" }).click();
    const amount = budget.getByLabel("Belopp (kr)");
    await budget.getByText("Ange ett belopp i kronor, till exempel 250 000 eller 1 234,50.").waitFor();
    await expect(amount.getAttribute("aria-invalid")).resolves.toBe("true");
    expect(await h.t.db.ownerSql("select count(*)::int as n from interventions")).toEqual(before);

    await amount.fill("12 500");
    await page.getByRole("button", { name: "Skapa utkast" }).click();
    await page.getByRole("heading", { level: 1, name: "Arbetsbryggan" }).waitFor();
    await page.getByText("Insatsen är sparad.").waitFor();
    const [saved] = await h.t.db.ownerSql(
      "select content from interventions where content->>'title' = 'Arbetsbryggan'",
    );
    const content = saved?.content as Record<string, unknown>;
    expect(content.budget).toEqual([
      { year: 2026, amountOre: 1_250_000, financingParties: ["Region Jönköping", "Eksjö kommun"] },
    ]);
    expect(content.links).toEqual([
      { kind: "other", title: "Projektplan", url: "https://example.se/projektplan" },
    ]);
    expect(content.contacts).toEqual([{ name: "Karin Berg", role: "", email: null, phone: null }]);
    expect(content.municipalityCodes).toEqual(["0686"]);

    await page.getByRole("link", { name: "Redigera" }).click();
    await page.getByRole("heading", { level: 1, name: "Redigera Arbetsbryggan" }).waitFor();
    await expect(
      page.getByRole("group", { name: "Budgetår 1" }).getByLabel("Belopp (kr)").inputValue(),
    ).resolves.toMatch(/^12\s500,00$/);
    await expect(page.getByRole("group", { name: "Länk 1" }).getByLabel("Rubrik").inputValue()).resolves.toBe(
      "Projektplan",
    );
    await expect(page.getByRole("button", { name: /Typ av länk/ }).textContent()).resolves.toContain(
      "Annan länk",
    );
    await page.getByText("Kommuner där insatsen finns: Jönköpings län").waitFor();
    await expect(page.getByRole("checkbox", { name: "Eksjö" }).isChecked()).resolves.toBe(true);
    // A row added to a saved entry starts empty, not with a saved row's values.
    await page.getByRole("button", { name: "Lägg till budgetår" }).click();
    await expect(page.getByRole("group", { name: "Budgetår 2" }).getByLabel("År").inputValue()).resolves.toBe(
      "",
    );
    await screenshot(page, "intervention-form-rows-1280");
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it.each([1280, 390])("leads from “På den här sidan” to a section, by keyboard, at %i px", async (width) => {
    const { page, problems } = await openPage(h, width);
    await signIn(page, h.base, "admin.hoglandet@demo.nns.se");
    await page.goto(`${h.base}/o/${hoglandet}/interventions/new`);
    await page.getByRole("heading", { level: 1, name: "Ny insats" }).waitFor();
    const nav = page.getByRole("navigation", { name: "På den här sidan" });
    const goals = nav.getByRole("link", { name: "Mål", exact: true });
    if (width < 800) {
      // Folded away on a phone, so that the form comes first; opened from the keyboard.
      await expect(goals.isVisible()).resolves.toBe(false);
      await nav.locator("summary").focus();
      await page.keyboard.press("Enter");
    } else {
      // Beside the form, to its right.
      const list = await nav.boundingBox();
      const form = await page.getByRole("form", { name: "Ny insats" }).boundingBox();
      expect(list && form && list.x >= form.x + form.width).toBe(true);
    }
    await goals.focus();
    await page.keyboard.press("Enter");
    const heading = page.getByRole("heading", { level: 2, name: "Mål", exact: true });
    await expect(heading.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const top = (await heading.boundingBox())?.y ?? -1;
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(100);
    // The next Tab continues in that section, at its first field.
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("name"))).resolves.toBe(
      "goals.resultGoalPercent",
    );
    if (width >= 800) {
      // The list stays in view while the form scrolls under it.
      const box = await nav.boundingBox();
      expect(box && box.y >= 0 && box.y < 900).toBe(true);
    }
    await screenshot(page, `intervention-form-section-nav-${width}`);
    expect(await axe(page)).toEqual([]);
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });
});
