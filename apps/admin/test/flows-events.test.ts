import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanAxe, type Harness, openPage, organizationId, signIn, startHarness } from "./harness.js";

let h: Harness;
let hoglandet: string;

beforeAll(async () => {
  h = await startHarness();
  hoglandet = await organizationId(h, "hoglandet");
});
afterAll(async () => h?.close());

describe("an event series year on year", () => {
  it("shows Höglandet's Inspirationsdag each year side by side, the cancelled years with their reasons, in Swedish", async () => {
    const { page } = await openPage(h);
    await signIn(page, h.base, "admin.hoglandet@demo.nns.se");
    await page.goto(`${h.base}/o/${hoglandet}/trainings/series`);
    const table = page.getByRole("table", { name: "Inspirationsdag år för år" });
    await table.waitFor();
    const rows = await table
      .locator("tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) =>
          [...tr.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").replace(/\s+/g, " ").trim()),
        ),
      );
    const byYear = new Map(rows.map((row) => [row[0], row]));
    expect(byYear.get("2020")?.[1]).toBe("Inställt: Covid-19: dagen ställdes in helt.");
    expect(byYear.get("2021")?.[1]).toBe("Digitalt");
    expect(byYear.get("2021")?.slice(2, 7)).toEqual(["171", "143", "119", "22", "4,2"]);
    expect(byYear.get("2025")?.slice(2, 7)).toEqual(["163", "141", "113", "27", "4,6"]);
    expect(byYear.get("2025")?.[8]).toBe("69 900,00 kr");
    await cleanAxe(page, "event series at 1280 px");
    await page.setViewportSize({ width: 390, height: 844 });
    await table.waitFor();
    await cleanAxe(page, "event series at 390 px");
    const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(scrolls).toBe(false);
  });
});
