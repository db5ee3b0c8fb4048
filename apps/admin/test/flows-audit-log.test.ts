import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  axe,
  chooseOption,
  type Harness,
  menuLink,
  openPage,
  screenshot,
  signIn,
  startHarness,
} from "./harness.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe("audit log", () => {
  it("tells a print cost in Swedish: the event in words, the training by name, the amount in kronor, no ids", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "admin.halland@demo.nns.se");
    await menuLink(page, "Utbildningar").click();
    // The overview links to the same training: wait until the list has replaced it.
    await page.getByRole("heading", { level: 1, name: "Utbildningar" }).waitFor();
    await page.getByRole("link", { name: "BIP/SKAPA Halland och Höglandet" }).click();
    await page.getByRole("heading", { level: 2, name: "Kostnader" }).waitFor();
    await page.getByRole("textbox", { name: "Beskrivning" }).fill("Kursmaterial för loggen");
    await page.getByRole("textbox", { name: "Belopp exkl. moms (kr)" }).fill("1 250,50");
    await page.getByRole("button", { name: "Lägg till tryckkostnad" }).click();
    await page.getByText("Tryckkostnaden Kursmaterial för loggen är tillagd.").waitFor();

    await menuLink(page, "Granskningslogg").click();
    await page.getByRole("heading", { level: 1, name: "Granskningslogg" }).waitFor();
    await chooseOption(page, /Område/, "Utbildningar");
    await chooseOption(page, /Händelse/, "Tryckkostnad tillagd");
    await page.getByRole("button", { name: "Filtrera" }).click();
    const row = page.getByRole("row", { name: /Tryckkostnad tillagd/ }).first();
    await row.waitFor();
    const training = row.getByRole("link", { name: "BIP/SKAPA Halland och Höglandet" });
    await training.waitFor();
    await row.getByRole("button", { name: /Visa ändring/ }).click();
    const details = page.getByRole("table", { name: "Före och efter: Tryckkostnad tillagd" });
    await details.getByRole("row", { name: /^Belopp\s.*1\s250,50\skr/ }).waitFor();
    await details.getByRole("row", { name: /^Momssats\s.*25\s%/ }).waitFor();
    await details.getByRole("row", { name: /^Betalas av\s.*Förbundet självt/ }).waitFor();

    const table =
      (await page.getByRole("table", { name: /Händelser i granskningsloggen/ }).textContent()) ?? "";
    expect(table).not.toMatch(UUID);
    expect(table).not.toMatch(/amountOre|vatRateBasisPoints|print_cost_added|paidBy/);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "flow-audit-log-print-cost");

    await training.click();
    await page.getByRole("heading", { level: 1, name: "BIP/SKAPA Halland och Höglandet" }).waitFor();
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("lists the outbox's messages by their kind and status in Swedish, on a phone too", async () => {
    for (const width of [1280, 390]) {
      const { page, problems } = await openPage(h, width);
      await signIn(page, h.base, "admin.halland@demo.nns.se");
      const halland = new URL(page.url()).pathname.split("/")[2];
      await page.goto(`${h.base}/o/${halland}/outbox`);
      await page.getByRole("heading", { level: 1, name: "Utkorg" }).waitFor();
      const table = page.getByRole("table", { name: "E-postmeddelanden, nyast först" });
      await table.waitFor();
      const text = (await table.textContent()) ?? "";
      expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
      expect(text).not.toMatch(UUID);
      await screenshot(page, `flow-outbox-${width}`);
      expect(problems.errors).toEqual([]);
      await page.context().close();
    }
  });
});
