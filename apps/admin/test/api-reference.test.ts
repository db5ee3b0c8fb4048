/**
 * The API reference at /docs, in real Chromium under the app's own Content-Security-Policy (not bypassed,
 * unlike the page tests that inject axe): its inline start-up script runs by the response's nonce, it
 * loads nothing from elsewhere, and the operations of the contract are listed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe("the API reference", () => {
  it("renders the contract's operations with nothing blocked", async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    try {
      await page.goto(`${h.base}/docs`);
      await page.getByRole("heading", { name: "NNS-plattformen API" }).waitFor({ timeout: 30_000 });
      // The sidebar lists the operations of the served contract by their summaries.
      await page.getByText("Sign out my other sessions").first().waitFor({ timeout: 30_000 });
      expect(await page.getByText("/auth/password-reset/confirm").count()).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
