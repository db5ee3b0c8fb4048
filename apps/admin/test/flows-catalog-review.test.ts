import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  axe,
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

async function cleanAxe(page: Page, what: string): Promise<void> {
  const violations = await axe(page);
  expect(violations, `${what}: ${JSON.stringify(violations)}`).toEqual([]);
}

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
    await expect(submission.textContent()).resolves.toMatch(/Förbund\s*Samordningsförbundet Halland/);
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
