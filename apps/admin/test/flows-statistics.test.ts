import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatShare } from "../src/features/statistics/format.js";
import {
  chooseOption,
  cleanAxe,
  type Harness,
  menuLink,
  openPage,
  organizationId,
  type PageProblems,
  screenshot,
  signIn,
  startHarness,
} from "./harness.js";

let h: Harness;
let halland: string;
let nns: string;
/** The latest year with figures and the year before, as the demo imported them. */
let latest: string;
let previous: string;

const ADMIN = "admin.halland@demo.nns.se";
const NNS_ADMIN = "nns.admin@demo.nns.se";
/** Halland's kommuner in the demo: Hylte, Halmstad, Laholm, Falkenberg, Varberg, Kungsbacka. */
const HALLAND = ["1315", "1380", "1381", "1382", "1383", "1384"];
const SLOW = { timeout: 15_000 };

beforeAll(async () => {
  h = await startHarness();
  halland = await organizationId(h, "halland");
  nns = await organizationId(h, "nns");
  const years = await h.t.db.ownerSql(
    "select period from statistics_periods where kind = 'year' order by period desc limit 2",
  );
  latest = String(years[0]?.period);
  previous = String(years[1]?.period);
});
afterAll(async () => {
  await h?.close();
});

/**
 * A share as the database holds it, summed over the given kommuner (one kommun: its own share), read
 * through the period's current import, the way the views must read it.
 */
async function share(
  codes: string[],
  period: string,
  measure: { benefit?: string; gender?: string; ageGroup?: string } = {},
): Promise<string> {
  const rows = await h.t.db.ownerSql(
    `select sum(f.full_year_equivalents)::float8 / sum(f.population) * 100 as share
       from statistics_figures f
       join statistics_periods p on p.import_id = f.import_id and p.period = f.period
      where f.period = $1 and f.region_level = 'municipality' and f.region_code = any($2)
        and f.benefit = $3 and f.gender = $4 and f.age_group = $5
        and f.full_year_equivalents is not null and f.population is not null`,
    [period, codes, measure.benefit ?? "total", measure.gender ?? "total", measure.ageGroup ?? "20-64"],
  );
  return String(formatShare(Number(rows[0]?.share)));
}

const hasFocus = (target: Locator) => target.evaluate((element) => element === document.activeElement);

/** Presses Tab until `target` has focus: proves it is reachable by keyboard, in at most `limit` steps. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press("Tab");
    if (await hasFocus(target)) return;
  }
  throw new Error(`not reached by Tab in ${limit} steps`);
}

function noProblems(problems: PageProblems): void {
  expect(problems.errors).toEqual([]);
}

const rankingTable = (page: Page) => page.getByRole("table", { name: "Kommunerna i rangordning som tabell" });
const rowOf = (table: Locator, name: string) =>
  table.getByRole("row").filter({ has: table.page().getByRole("rowheader", { name, exact: true }) });

describe("the needs analysis for a förbund", () => {
  it("shows the förbund's figures, switches measure, period and age group, opens a kommun and downloads the CSV", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, ADMIN);
    await menuLink(page, "Behovsanalys").click();
    await page.getByRole("heading", { level: 1, name: "Behovsanalys" }).waitFor();

    // Demo figures say so in words, and every block of figures names its source.
    await page.getByRole("note").getByText("Demodata – påhittade siffror").waitFor(SLOW);
    await expect
      .poll(() =>
        page
          .getByText(/Källa: SCB, tabell HE0000T02N2, period \d{4}, importerad \d{1,2} \p{L}+ \d{4}$/u)
          .count(),
      )
      .toBeGreaterThan(0);
    expect(await page.getByText(`period ${latest},`).count()).toBeGreaterThan(0);

    // The headline: the förbund's share in total, for women and for men, each with its change.
    const headline = page.getByRole("region", {
      name: new RegExp(`^Helårsekvivalenter totalt, 20–64 år, ${latest}$`),
    });
    await headline.waitFor(SLOW);
    const total = headline.getByRole("listitem").filter({ hasText: "Totalt" });
    await total.getByText(await share(HALLAND, latest), { exact: true }).waitFor();
    await headline
      .getByRole("listitem")
      .filter({ hasText: "Kvinnor" })
      .getByText(await share(HALLAND, latest, { gender: "women" }), { exact: true })
      .waitFor();
    await headline
      .getByRole("listitem")
      .filter({ hasText: "Män" })
      .getByText(await share(HALLAND, latest, { gender: "men" }), { exact: true })
      .waitFor();
    expect(await total.textContent()).toMatch(
      new RegExp(`[+\u2212]?\\d+,\\d procentenheter jämfört med ${previous}`),
    );

    // The ranked chart and, beneath it, the same figures as a table, every kommun with its quartile in words.
    await page.locator(".statistics-chart svg").first().waitFor(SLOW);
    const ranking = rankingTable(page);
    const halmstad = rowOf(ranking, "Halmstad");
    await halmstad.getByText(await share(["1380"], latest), { exact: true }).waitFor();
    expect(await halmstad.textContent()).toMatch(/Låg|Medel|Hög/);
    await page.getByText(/^Grön \(Låg\): högst \d+,\d\s%/).waitFor();
    for (const code of HALLAND) {
      const name = String(
        (await h.t.db.ownerSql("select name from municipalities where code = $1", [code]))[0]?.name,
      );
      await rowOf(ranking, name).waitFor();
    }
    // Figures for people: no kommunkoder or ids in the page.
    expect(await page.locator("main").textContent()).not.toMatch(/\b1380\b|[0-9a-f]{8}-[0-9a-f]{4}-/);
    await cleanAxe(page, "förbund view");
    await screenshot(page, "statistics-forbund-1280");

    // Another benefit: the table follows.
    await chooseOption(page, /Ersättning$/, "Ekonomiskt bistånd");
    await halmstad
      .getByText(await share(["1380"], latest, { benefit: "income_support" }), { exact: true })
      .waitFor(SLOW);
    expect(page.url()).toContain("benefit=income_support");
    // Women only, the year before, the youngest age group.
    await chooseOption(page, /Kön$/, "Kvinnor");
    await chooseOption(page, /Period$/, previous);
    await page.getByText(`period ${previous},`).first().waitFor(SLOW);
    await chooseOption(page, /Åldersgrupp$/, "20–29 år");
    await halmstad
      .getByText(
        await share(["1380"], previous, { benefit: "income_support", gender: "women", ageGroup: "20-29" }),
        { exact: true },
      )
      .waitFor(SLOW);
    await cleanAxe(page, "förbund view, another measure");
    await screenshot(page, "statistics-forbund-measure-1280");

    // The CSV: Swedish Excel's format, the förbund's figures.
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Ladda ner som CSV (Excel)" }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe(`statistik-halland-${previous}.csv`);
    const text = await readFile(String(await csv.path()), "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...lines] = text.slice(1).split(/\r?\n/);
    expect(header).toBe(
      '"Region";"Regionkod";"Nivå";"Period";"Ersättning";"Kön";"Ålder";"Helårsekvivalenter";"Befolkning";"Andel %";"Förändring procentenheter";"Kvartil";"Källa";"Demodata"',
    );
    // Halmstad's share for everyone, 20–64, with a decimal comma: the same figure the database holds.
    const exact = await h.t.db.ownerSql(
      `select f.full_year_equivalents::float8 / f.population * 100 as share
         from statistics_figures f join statistics_periods p on p.import_id = f.import_id and p.period = f.period
        where f.period = $1 and f.region_code = '1380' and f.benefit = 'total' and f.gender = 'total'
          and f.age_group = '20-64'`,
      [previous],
    );
    const halmstadShare = Number(exact[0]?.share).toFixed(2).replace(".", ",");
    expect(lines.some((line) => line.startsWith('"Halmstad"') && line.includes(halmstadShare))).toBe(true);
    expect(await page.getByRole("link", { name: "Styrelserapport (PDF)" }).getAttribute("href")).toBe(
      `/v1/statistics/forbund/halland/report.pdf?period=${previous}`,
    );

    // A kommun's trend, and the same figures as a table on request.
    await ranking.getByRole("link", { name: "Halmstad" }).click();
    await page.getByRole("heading", { level: 1, name: "Behovsanalys för Halmstad" }).waitFor(SLOW);
    await page.getByRole("heading", { level: 2, name: "Utveckling över tid" }).waitFor();
    await page.locator(".statistics-chart-trend svg").first().waitFor(SLOW);
    const years = Number(
      (await h.t.db.ownerSql("select count(*) as n from statistics_periods where kind = 'year'"))[0]?.n,
    );
    await page.getByRole("button", { name: "Visa som tabell" }).click();
    const trendTable = page.getByRole("table", { name: "Utveckling över tid som tabell" });
    await expect.poll(() => trendTable.locator("tbody tr").count(), SLOW).toBe(years);
    await rowOf(trendTable, previous)
      .getByText(
        await share(["1380"], previous, { benefit: "income_support", gender: "women", ageGroup: "20-29" }),
        { exact: true },
      )
      .first()
      .waitFor();
    await cleanAxe(page, "kommun view");
    await screenshot(page, "statistics-kommun-1280");
    noProblems(problems);
    await page.context().close();
  });

  it("fits a phone: the wide table scrolls in its own region with the names in view", async () => {
    const { page, problems } = await openPage(h, 390);
    await signIn(page, h.base, ADMIN);
    await page.goto(`${h.base}/o/${halland}/behovsanalys`);
    await rankingTable(page).waitFor(SLOW);
    await page.locator(".statistics-chart svg").first().waitFor(SLOW);
    const benefits = page
      .getByRole("region", { name: "Alla ersättningar per kommun" })
      .locator(".table-wrap");
    const fits = await benefits.evaluate((element) => ({
      scrolls: element.scrollWidth > element.clientWidth,
      page: document.documentElement.scrollWidth,
    }));
    expect(fits.scrolls).toBe(true);
    expect(fits.page).toBeLessThanOrEqual(390);
    expect(
      await benefits
        .locator("th[scope=row]")
        .first()
        .evaluate((element) => getComputedStyle(element).position),
    ).toBe("sticky");
    await cleanAxe(page, "förbund view at 390");
    await screenshot(page, "statistics-forbund-390");
    await page.goto(`${h.base}/o/${halland}/behovsanalys/kommun/1380`);
    await page.locator(".statistics-chart-trend svg").first().waitFor(SLOW);
    await page.getByRole("button", { name: "Visa som tabell" }).click();
    await page.getByRole("table", { name: "Utveckling över tid som tabell" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await cleanAxe(page, "kommun view at 390");
    await screenshot(page, "statistics-kommun-390");
    noProblems(problems);
    await page.context().close();
  });

  it("walks the main task by keyboard alone", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, ADMIN);
    await tabTo(page, menuLink(page, "Behovsanalys"));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Behovsanalys" }).waitFor();
    const ranking = rankingTable(page);
    await ranking.waitFor(SLOW);
    // The benefit select: Enter opens it, the arrows move, Enter picks.
    const benefit = page.getByRole("button", { name: /Ersättning$/ });
    await tabTo(page, benefit);
    await page.keyboard.press("Enter");
    await page.getByRole("option", { name: "Sjukpenning", exact: true }).waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.url(), SLOW).toContain("benefit=sickness_benefit");
    await rowOf(ranking, "Halmstad")
      .getByText(await share(["1380"], latest, { benefit: "sickness_benefit" }), { exact: true })
      .waitFor(SLOW);
    // On to a kommun, its trend and the table alternative.
    await tabTo(page, ranking.getByRole("link", { name: "Varberg" }), 120);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Behovsanalys för Varberg" }).waitFor(SLOW);
    const toggle = page.getByRole("button", { name: "Visa som tabell" });
    await toggle.waitFor(SLOW);
    await tabTo(page, toggle, 120);
    await page.keyboard.press("Enter");
    await page.getByRole("table", { name: "Utveckling över tid som tabell" }).waitFor();
    expect(await page.getByRole("button", { name: "Dölj tabellen" }).getAttribute("aria-expanded")).toBe(
      "true",
    );
    noProblems(problems);
    await page.context().close();
  });
});

describe("the needs analysis for NNS", () => {
  it("picks any förbund, then any kommun in the country", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, NNS_ADMIN);
    await page.goto(`${h.base}/o/${nns}`);
    await menuLink(page, "Behovsanalys").click();
    await page.getByRole("heading", { level: 1, name: "Behovsanalys" }).waitFor();
    await chooseOption(page, /Förbund$/, "Samordningsförbundet Sundsvall");
    await expect.poll(() => page.url(), SLOW).toContain("forbund=sundsvall");
    await rowOf(rankingTable(page), "Sundsvall")
      .getByText(await share(["2281"], latest), { exact: true })
      .waitFor(SLOW);
    expect(await rankingTable(page).getByRole("rowheader", { name: "Halmstad" }).count()).toBe(0);
    await cleanAxe(page, "NNS choosing a förbund");
    await screenshot(page, "statistics-nns-1280");

    await chooseOption(page, /Län$/, "Västernorrlands län");
    await chooseOption(page, /Kommun$/, "Timrå");
    await page.getByRole("button", { name: "Visa kommunen" }).click();
    await page.getByRole("heading", { level: 1, name: "Behovsanalys för Timrå" }).waitFor(SLOW);
    await page
      .getByRole("region", { name: new RegExp(`^Helårsekvivalenter totalt, 20–64 år, ${latest}$`) })
      .getByText(await share(["2262"], latest), { exact: true })
      .first()
      .waitFor(SLOW);
    await cleanAxe(page, "NNS on a kommun");
    noProblems(problems);
    await page.context().close();
  });
});
