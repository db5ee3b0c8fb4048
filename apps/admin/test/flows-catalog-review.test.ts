import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cleanAxe,
  type Harness,
  openPage,
  organizationId,
  screenshot,
  signIn,
  signOut,
  startHarness,
} from "./harness.js";

let h: Harness;
let halland: string;

beforeAll(async () => {
  h = await startHarness();
  halland = await organizationId(h, "halland");
});
afterAll(async () => h?.close());

async function entryId(titleStart: string): Promise<string> {
  const [row] = await h.t.db.ownerSql(
    `select id from interventions where content->>'title' like '${titleStart.replaceAll("'", "''")}%'`,
  );
  return String(row?.id);
}

describe("NNS's review of a submitted entry", () => {
  it("shows the demo's waiting entry with its owner, submitter and comment, offers only the editors' decisions, and publishes back to the queue", async () => {
    const title = "Arbetsträning i Halmstad med individuellt stöd";
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "nns.admin@demo.nns.se");
    await page.goto(`${h.base}/nns/catalog/queue`);
    await page
      .getByRole("row", { name: new RegExp(title) })
      .getByRole("link", { name: title })
      .click();
    await page.getByRole("heading", { level: 1, name: `Granska ${title}` }).waitFor();
    const submission = page.getByRole("region", { name: "Inskickad för granskning" });
    await expect.poll(() => submission.textContent()).toMatch(/Förbund\s*Samordningsförbundet Halland/);
    await expect(submission.textContent()).resolves.toMatch(/Inskickad av\s*Henrik Hedlund/);
    await expect(submission.textContent()).resolves.toMatch(
      /Publicerad version\s*Ingen – det här blir första/,
    );
    await submission.getByText("Platserna hos arbetsgivarna är bekräftade för hösten.").waitFor();
    // Never published: the whole entry, its codes as words (kommun 1380 is Halmstad).
    const whole = page.getByRole("region", { name: "Hela insatsen" }).first();
    await whole.getByRole("row", { name: /^Kommuner\s*Halmstad$/ }).waitFor();
    await whole.getByRole("row", { name: /^Metoder\s*Arbetsträning/ }).waitFor();
    // The förbund's own steps are not offered to the reviewer.
    expect(await page.getByRole("button", { name: "Ta tillbaka" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Arkivera" }).count()).toBe(0);
    await cleanAxe(page, "review page");
    await screenshot(page, "catalog-review-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await cleanAxe(page, "review page at 390 px");
    await screenshot(page, "catalog-review-390");
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole("button", { name: "Publicera" }).click();
    await page.waitForURL((url) => url.pathname === "/nns/catalog/queue");
    const status = page.getByText(`${title} är publicerad i katalogen.`);
    await status.waitFor();
    // Focus moves onto the message, so the reviewer (and a screen reader) starts from what happened.
    await expect(page.evaluate(() => document.activeElement?.textContent ?? "")).resolves.toContain(
      `${title} är publicerad i katalogen.`,
    );
    await page.getByRole("heading", { level: 2, name: "Väntar på granskning" }).waitFor();
    await page.getByRole("link", { name: title }).waitFor({ state: "detached" });
    await cleanAxe(page, "queue after publishing");
    expect((await page.request.get(`${h.base}/katalog/${await entryId(title)}`)).status()).toBe(200);
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("compares a new version with the published one field by field, and returns it with a comment", async () => {
    const id = await entryId("Progressionsmätning med SKAPA i Halland");
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "redaktor.halland@demo.nns.se");
    const path = `${h.base}/v1/orgs/${halland}/interventions/${id}`;
    const current = (await (await page.request.get(path)).json()) as { content: Record<string, unknown> };
    const saved = await page.request.put(path, {
      headers: { origin: h.base },
      data: {
        content: { ...current.content, summary: "Alla förbundets insatser mäter progression med SKAPA." },
      },
    });
    expect(saved.status(), await saved.text()).toBe(200);
    const submitted = await page.request.post(`${path}/submit`, {
      headers: { origin: h.base },
      data: { comment: "Ny sammanfattning efter styrelsens beslut." },
    });
    expect(submitted.status(), await submitted.text()).toBe(200);
    await signOut(page, "Henrik Hedlund");

    await signIn(page, h.base, "nns.admin@demo.nns.se");
    await page.goto(`${h.base}/nns/catalog/queue`);
    await page.getByRole("link", { name: "Progressionsmätning med SKAPA i Halland" }).click();
    const changes = page.getByRole("region", {
      name: /^Ändringar mot publicerad version \(version 1 → 2\)$/,
    });
    const summary = changes.first().getByRole("row", { name: /^Sammanfattning/ });
    await expect(summary.getByRole("cell").nth(0).textContent()).resolves.toBe(
      "Förbundets insatser mäter deltagarnas progression mot arbete med SKAPA.",
    );
    await expect(summary.getByRole("cell").nth(1).textContent()).resolves.toBe(
      "Alla förbundets insatser mäter progression med SKAPA.",
    );
    expect(await changes.first().getByRole("row").count()).toBe(2);
    await page.getByText("Ny sammanfattning efter styrelsens beslut.").waitFor();
    await cleanAxe(page, "review with a diff");
    await screenshot(page, "catalog-review-diff-1280");
    await page.getByRole("button", { name: "Returnera med kommentar" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Vad behöver ändras?").fill("Behåll ordet deltagarnas.");
    await dialog.getByRole("button", { name: "Returnera" }).click();
    await page.waitForURL((url) => url.pathname === "/nns/catalog/queue");
    await page.getByText("Progressionsmätning med SKAPA i Halland är returnerad till förbundet.").waitFor();
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });
});

describe("an entry's results in charts", () => {
  it("draws RESAM's outcomes, positive share and cost against budget, each with its table, and says the periods overlap", async () => {
    const id = await entryId("RESAM");
    const vastmanland = await organizationId(h, "norra-vastmanland");
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "admin.vastmanland@demo.nns.se");
    // A second, cumulative report from the same start, with its cost and budget.
    const saved = await page.request.put(`${h.base}/v1/orgs/${vastmanland}/interventions/${id}/results`, {
      headers: { origin: h.base },
      data: {
        periodStart: "2007-09-01",
        periodEnd: "2011-12-31",
        kind: "cumulative",
        participantsWomen: 70,
        participantsMen: 60,
        participantsOther: 0,
        outcomes: {
          vocational_rehabilitation: 14,
          job_seeking_studies_work: 66,
          back_to_fk: 38,
          dropped_out: 4,
        },
        averageEnrolmentMonths: 7.4,
        costOre: 950_000_000,
        budgetOre: 1_000_000_000,
      },
    });
    expect(saved.status(), await saved.text()).toBe(200);
    await page.goto(`${h.base}/o/${vastmanland}/interventions/${id}/results`);
    const charts = page.getByRole("region", { name: "Resultat i diagram" });
    await charts.getByText("Perioderna överlappar varandra", { exact: false }).waitFor();
    // Three charts, drawn once recharts has loaded.
    await expect.poll(() => charts.locator("svg.recharts-surface").count()).toBeGreaterThanOrEqual(3);
    const outcomes = charts.getByRole("region", { name: "Utfall per period som tabell" });
    await expect(outcomes.getByRole("row").nth(0).textContent()).resolves.toMatch(
      /^Utfall\s*2007-09-01 – 2009-04-30\s*2007-09-01 – 2010-12-31\s*2007-09-01 – 2011-12-31$/,
    );
    await expect(
      outcomes.getByRole("row", { name: /^Till Arbetsförmedlingen som arbetssökande/ }).textContent(),
    ).resolves.toMatch(/16 \(32,0\s%\)\s*50 \(48,5\s%\)\s*66 \(50,8\s%\)$/);
    await expect(outcomes.getByRole("row", { name: /^Inget utfall ännu/ }).textContent()).resolves.toMatch(
      /13 \(26,0\s%\)\s*0 \(0,0\s%\)\s*8 \(6,2\s%\)$/,
    );
    const positive = charts.getByRole("region", { name: "Andel positivt utfall som tabell" });
    await expect(
      positive.getByRole("row", { name: /^Andel positivt utfall/ }).textContent(),
    ).resolves.toMatch(/44,0\s%\s*60,2\s%\s*61,5\s%$/);
    await expect(positive.getByRole("row", { name: /^Resultatmål/ }).textContent()).resolves.toMatch(
      /40,0\s%/,
    );
    const cost = charts.getByRole("region", { name: "Kostnad mot budget som tabell" });
    await expect(cost.getByRole("row", { name: /^Kostnad av budget/ }).textContent()).resolves.toMatch(
      /95,0\s%$/,
    );
    await cleanAxe(page, "results charts");
    await screenshot(page, "catalog-results-charts-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => charts.locator("svg.recharts-surface").count()).toBeGreaterThanOrEqual(3);
    // The charts fit a phone once they have been redrawn for its width (recharts measures its box after a
    // resize); a table wider than the screen scrolls inside its own frame, not the page.
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    await cleanAxe(page, "results charts at 390 px");
    await screenshot(page, "catalog-results-charts-390");
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });
});
