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
    expect(await page.getByText("Positivt utfall:").textContent()).toContain("60,2 %");
    // axe needs scripts; the page is checked in a second context that allows them.
    const checked = await (await h.browser.newContext({ bypassCSP: true })).newPage();
    for (const url of [`${h.base}/katalog?q=arbete&county=24`, page.url()]) {
      await checked.goto(url);
      expect(await axe(checked), url).toEqual([]);
    }
  }, 60_000);
});
