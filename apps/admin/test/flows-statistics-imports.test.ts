import { MUNICIPALITIES } from "@nns/db/reference";
import { runStatisticsImport, STATISTICS_IMPORT_JOB } from "@nns/services";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  axe,
  type Harness,
  menuLink,
  openPage,
  organizationId,
  screenshot,
  signIn,
  startHarness,
} from "./harness.js";

let h: Harness;
let nns: string;

beforeAll(async () => {
  h = await startHarness();
  // The harness runs the queue without workers; this flow needs the import's own.
  await h.deps.jobs.work<{ importId: string }>(STATISTICS_IMPORT_JOB, ({ importId }) =>
    runStatisticsImport(h.deps, importId),
  );
  nns = await organizationId(h, "nns");
});
afterAll(async () => h?.close());

async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`not reached by Tab in ${limit} steps`);
}

const BENEFITS = [
  "Sjukpenning",
  "Sjuk- och aktivitetsersättning",
  "Arbetslöshetsersättning",
  "Arbetsmarknadsåtgärder",
  "Ekonomiskt bistånd",
  "Etableringsersättning",
  "Totalt",
];

/** A year of figures for every kommun, as SCB's semicolon CSV: about 250 kB, so the upload takes a while. */
function wholeCountry(): string {
  const lines = ["region;kön;ålder;ersättning;år;Helårsekvivalenter;Befolkning"];
  MUNICIPALITIES.forEach((m, i) => {
    for (const gender of ["män", "kvinnor"])
      for (const [b, benefit] of BENEFITS.entries())
        lines.push(
          `${m.code} ${m.name};${gender};20-64 år;${benefit};2024;${100 + i + b},5;${5000 + i * 10}`,
        );
  });
  return lines.join("\n");
}

async function upload(page: Page, name: string, text: string) {
  const input = page.getByLabel("Fil från SCB");
  await tabTo(page, input);
  await input.setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
  await tabTo(page, page.getByRole("button", { name: "Ladda upp och importera" }), 3);
  await page.keyboard.press("Enter");
}

describe("statistics imports (NNS)", () => {
  it("uploads SCB's file by keyboard, shows both progress bars, the row errors, then a finished import", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "nns.admin@demo.nns.se");
    await menuLink(page, "Import av SCB-statistik").click();
    await page.getByRole("heading", { level: 1, name: "Import av SCB-statistik" }).waitFor();

    // A file with a wrong kommun code and a value that is not a number: refused whole, errors listed.
    await upload(
      page,
      "fel.csv",
      [
        "region;kön;ålder;ersättning;år;Helårsekvivalenter;Befolkning",
        "2281 Sundsvall;män;20-64 år;Totalt;2024;3 717;29 500",
        "0999 Okänd;män;20-64 år;Totalt;2024;1;2",
        "2281 Sundsvall;kvinnor;20-64 år;Totalt;2024;12a;28 500",
      ].join("\n"),
    );
    await page.getByRole("alert").filter({ hasText: "Importen misslyckades. Ingenting ändrades." }).waitFor();
    const errors = page.getByRole("table", { name: "Fel i filen (2 st)" });
    await expect(errors.getByRole("row").count()).resolves.toBe(3);
    await expect(errors.getByRole("rowheader").allTextContents()).resolves.toEqual(["Rad 3", "Rad 4"]);
    await expect(errors.getByText("Okänd kommunkod 0999.").count()).resolves.toBe(1);
    await screenshot(page, "statistics-imports-failed-1280");
    expect(await axe(page)).toEqual([]);

    // The whole country, on a slow line: the upload's bar, then the import's.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 20,
      downloadThroughput: 10_000_000,
      uploadThroughput: 120_000,
    });
    await upload(page, "HE0000T02N2.csv", wholeCountry());
    const uploadBar = page.getByRole("progressbar", { name: "Uppladdning" });
    await uploadBar.waitFor();
    expect(Number(await uploadBar.getAttribute("aria-valuemax"))).toBeGreaterThan(0);
    await screenshot(page, "statistics-imports-uploading-1280");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    const status = page.getByRole("status").filter({ hasText: "Klar" });
    await status.waitFor({ timeout: 60_000 });
    await expect(status.textContent()).resolves.toMatch(/Klar Klart: \d[\d\s]* värden sparades för 2024\./);

    const list = page.getByRole("table", { name: "Importer, nyast först" });
    const latest = list.getByRole("row").nth(1);
    await expect(latest.textContent()).resolves.toMatch(/HE0000T02N2\.csv.*2024.*HE0000T02N2.*Klar/);
    await expect(list.getByText("fel.csv").count()).resolves.toBe(1);
    await screenshot(page, "statistics-imports-done-1280");
    expect(await axe(page)).toEqual([]);

    const [stored] = await h.t.db.ownerSql(
      "select count(*)::int as n from statistics_figures f join statistics_periods p on p.period = f.period and p.import_id = f.import_id where f.period = '2024' and f.region_level = 'municipality'",
    );
    // 290 kommuner × 7 benefit rows × (men, women and their derived total).
    expect(stored?.n).toBe(290 * 7 * 3);
    expect(problems.errors).toEqual([]);
  });

  it("fits a phone and passes axe there", async () => {
    const { page, problems } = await openPage(h, 390);
    await signIn(page, h.base, "nns.admin@demo.nns.se");
    await page.goto(`${h.base}/o/${nns}/statistics-imports`);
    await page.getByRole("heading", { level: 2, name: "Importer" }).waitFor();
    await upload(
      page,
      "telefon.csv",
      "region;kön;ålder;ersättning;år;Helårsekvivalenter;Befolkning\n9999 Atlantis;män;20-64 år;Totalt;2023;1;2",
    );
    await page.getByRole("table", { name: "Fel i filen (1 st)" }).waitFor();
    await page.getByRole("table", { name: "Importer, nyast först" }).getByText("telefon.csv").waitFor();
    await screenshot(page, "statistics-imports-390");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axe(page)).toEqual([]);
    expect(problems.errors).toEqual([]);
  });

  it("is not offered to a förbund's administrator", async () => {
    const { page } = await openPage(h);
    await signIn(page, h.base, "admin.halland@demo.nns.se");
    await expect(menuLink(page, "Import av SCB-statistik").count()).resolves.toBe(0);
    const halland = await organizationId(h, "halland");
    await page.goto(`${h.base}/o/${halland}/statistics-imports`);
    await expect(
      page.getByRole("heading", { level: 1, name: "Import av SCB-statistik" }).count(),
    ).resolves.toBe(0);
  });
});
