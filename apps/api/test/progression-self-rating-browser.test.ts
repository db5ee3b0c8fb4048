/// <reference lib="dom" />
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { createSelfRatingLink, enterOrganization, systemContext } from "@nns/services";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestApp, stockholmDay, type TestEnv } from "./helpers.js";
import { insertParticipant, interventionWith, nationalInstrument } from "./progression-privacy-fixtures.js";

/**
 * The self-rating page in Debian's Chromium as a participant meets it: on a phone 390 px wide, without
 * JavaScript, answering with the keyboard or a tap, checked with axe-core (WCAG 2.1 A and AA) in each
 * state: the questions, the questions with missing answers named, the thank-you and the spent link.
 * Screenshots go to test-artifacts/ for a person to look at.
 */
const ARTIFACTS = fileURLToPath(new URL("../test-artifacts/", import.meta.url));
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let env: TestEnv;
let browser: Browser;
let base: string;
let close: () => Promise<void>;
let newLink: () => Promise<string>;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  env = await setupTestApp();
  const instrument = await nationalInstrument(env);
  const org = await enterOrganization(systemContext(env.deps, "test"), env.orgA.id);
  const interventionId = await interventionWith(
    { org: env.orgA, ctx: org } as Parameters<typeof interventionWith>[0],
    env,
    [instrument],
  );
  const participant = await insertParticipant(env, env.orgA.id, { interventionId, coach: null });
  newLink = async () => {
    const link = await createSelfRatingLink(org, participant.id, {
      instrumentVersionId: instrument.versionId,
    });
    return new URL(link.url).pathname;
  };
  const http = serve({ fetch: env.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => http.once("listening", resolve));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  close = async () => {
    await browser.close();
    await new Promise((resolve) => http.close(resolve));
  };
}, 120_000);
afterAll(async () => {
  await close?.();
  await env?.close();
});

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core against WCAG 2.0 and 2.1, levels A and AA, injected into a copy of the page with script on. */
async function axeOf(html: string, url: string): Promise<AxeViolation[]> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.route(url, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
  await page.goto(url);
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  await context.close();
  return violations;
}

/** A page state checked as the participant sees it (390 px, no script): axe-clean, no sideways scroll. */
async function check(page: Page, name: string): Promise<void> {
  const html = await page.content();
  expect(await axeOf(html, page.url()), name).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${ARTIFACTS}sjalvskattning-${name}-390.png`, fullPage: true });
}

async function phone(): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
    locale: "sv-SE",
    hasTouch: true,
    isMobile: true,
  });
  return context.newPage();
}

describe("the self-rating page on a phone", () => {
  it("asks one question per group of big radio buttons, names what is missing, thanks, then refuses the spent link", async () => {
    const page = await phone();
    const path = await newLink();
    await page.goto(`${base}${path}`);
    expect(await page.getAttribute("html", "lang")).toBe("sv");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Självskattning");
    const first = page.getByRole("group", { name: /Fråga 1 av 2/ });
    expect(await first.getByRole("radio").count()).toBe(5);
    expect(await first.getByRole("radio", { name: "1 Stämmer inte alls" }).count()).toBe(1);
    expect(await first.getByRole("radio", { name: "2", exact: true }).count()).toBe(1);
    // Every answer is a target a thumb can hit: the whole label, at least 44 px high and most of the width.
    for (const box of await first
      .locator("label")
      .evaluateAll((labels) => labels.map((l) => l.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThan(300);
    }
    await check(page, "fragor");

    // Answer the first by keyboard (arrows move through the steps), leave the second, send.
    await first.getByRole("radio", { name: "1 Stämmer inte alls" }).focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    expect(await first.getByRole("radio", { name: /^3/ }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Skicka svaren" }).click();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Självskattning");
    const alert = page.getByRole("alert");
    expect(await alert.getByRole("heading").textContent()).toBe("Några frågor saknar svar");
    expect(await alert.getByRole("link").allTextContents()).toEqual([
      "Fråga 2: Jag känner mig orolig för framtiden.",
    ]);
    expect(await first.getByRole("radio", { name: /^3/ }).isChecked()).toBe(true);
    await check(page, "saknar-svar");

    // A tap on the label's text chooses the step.
    await page
      .getByRole("group", { name: /Fråga 2 av 2/ })
      .getByText("Stämmer helt")
      .tap();
    await page.getByRole("button", { name: "Skicka svaren" }).click();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Tack för dina svar");
    await check(page, "tack");
    const rows = await env.t.db.ownerSql(
      "select answers, measured_on::text as on from progression_measurements where source = 'self_rating'",
    );
    expect(rows).toEqual([{ answers: [3, 5], on: stockholmDay() }]);

    const again = await page.goto(`${base}${path}`);
    expect(again?.status()).toBe(410);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Länken går inte att använda");
    await check(page, "anvand");
  }, 90_000);
});
