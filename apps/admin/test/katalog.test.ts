import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, type Harness, startHarness } from "./harness.js";

/**
 * The public catalogue pages the API renders (not the admin app), in Chromium with JavaScript off, as
 * a citizen without scripts would see them, checked with axe-core against WCAG 2.1 A and AA.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
}, 120_000);
afterAll(async () => h?.close());

async function noScriptPage() {
  const context = await h.browser.newContext({ javaScriptEnabled: false, bypassCSP: true, locale: "sv-SE" });
  return context.newPage();
}

describe("the public insatskatalog pages", () => {
  it("searches, filters and opens RESAM's entry without JavaScript, with no axe violations", async () => {
    const page = await noScriptPage();
    await page.goto(`${h.base}/katalog`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Sök insatser");
    await page.getByLabel("Sökord").fill("resursteam");
    await page.getByRole("button", { name: "Sök" }).click();
    await page.getByRole("link", { name: /RESAM/ }).click();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toMatch(/^RESAM/);
    // The totals over the interim and the final report, as the summary's definition list gives them.
    expect(await page.locator("dt:text-is('Positivt utfall') + dd").textContent()).toContain("60,2 %");
    // axe needs scripts; the page is checked in a second context that allows them.
    const checked = await (await h.browser.newContext({ bypassCSP: true })).newPage();
    for (const url of [`${h.base}/katalog?q=arbete&county=24`, page.url()]) {
      await checked.goto(url);
      expect(await axe(checked), url).toEqual([]);
    }
  }, 60_000);

  it("on a 390 px phone puts the search box first, filters behind a disclosure with 44 px rows, and a way back from no hits", async () => {
    const context = await h.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
      locale: "sv-SE",
    });
    const page = await context.newPage();
    await page.goto(`${h.base}/katalog`);
    // The search box is on the first screen, the filters' checkboxes hidden until asked for.
    const box = await page.getByLabel("Sökord").boundingBox();
    expect(box?.y).toBeLessThan(844);
    const county = page.getByRole("checkbox", { name: /Hallands län/ });
    expect(await county.isVisible()).toBe(false);
    await page.getByText("Filtrera på län, kommun, målgrupp och mer").click();
    const row = await page.locator("label.check", { has: county }).boundingBox();
    expect(row?.height).toBeGreaterThanOrEqual(44);
    expect(row?.width).toBeGreaterThanOrEqual(300);
    await county.check();
    await page.getByRole("button", { name: "Visa resultat" }).click();
    expect(await page.getByRole("heading", { level: 2, name: /^\d+ insats/ }).textContent()).toMatch(
      /^[1-9]/,
    );
    await page.getByLabel("Sökord").fill("finnsintenågonstans");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await page.getByText("Inga insatser matchar sökningen.").waitFor();
    await page.getByRole("link", { name: "Ta bort filtret Län: Hallands län" }).waitFor();
    await page.getByRole("link", { name: /ta bort alla filter/ }).click();
    const after = new URL(page.url()).searchParams;
    expect([...after.keys()]).toEqual(["q"]);
    expect(after.get("q")).toBe("finnsintenågonstans");
    const checked = await (
      await h.browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } })
    ).newPage();
    for (const url of [page.url(), `${h.base}/tillganglighet`]) {
      await checked.goto(url);
      expect(await axe(checked), url).toEqual([]);
    }
    await context.close();
  }, 60_000);
});
