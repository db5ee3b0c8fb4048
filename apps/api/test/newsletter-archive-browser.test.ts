/// <reference lib="dom" />
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestApp, type TestEnv } from "./helpers.js";
import { insertPublication } from "./newsletter-fixtures.js";

/**
 * The archive's pages in Debian's Chromium: read without JavaScript as a subscriber would, and checked
 * with axe-core against WCAG 2.1 A and AA at desktop and phone width. Screenshots of each go to
 * test-artifacts/ for a person to look at.
 */
const ARTIFACTS = fileURLToPath(new URL("../test-artifacts/", import.meta.url));
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
// A 320×180 picture (two colours split on the diagonal), inline so that the test never leaves 127.0.0.1.
const PICTURE =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAUAAAAC0CAIAAABqhmJGAAACoUlEQVR42u3TQQ2AQBAEwfsjDjtoOGXIQcI9UNHZSlrBZGp97yMp2rrubQUpDPjPFlIYMMZSHjDGUh4ww1IbMMZSHjDGUh4wxlIeMMZSHjDDUhswxlIeMMZSHjDGUh4ww1IbMMZSHjDGUh4wxlIeMMZSHjDDUhswxlIeMMZSHjDGUh4ww1IbMMZSHjDGUh4wxlIeMMZSHjDDUhswxlIeMMZSHjDGUh4ww1IbMMZSHjDGUh4wxlIeMMZSHjDDAnhjLAGMsQQwxtJkwAwLYIwlgDGWAMZYGg0YYwHMsAQwxhLAGAvgLT8QwAxLAGMsAYyxAMZYAhhjCWCGJYAxFsAYSwBjLAHMsAAWxgIYYwlgjCWAMRbAYlgAYywBjLEEMMYCWAwLYIwlgDEWwMJYAAtjAcywBDDGAlgYC2BhLIAZlgDGWAALYwEsjAUwxgJYDAtgYSyAhbEAxlgAi2EBLIwFsDAGWBgLYGEsgMWwABbGAAtjASyMBbAYFsDCGGBhLICFsQAWxgBLDAMsjAWwMBbAwhhgMUwLwMJYAAtjASyMARbGAlgMC2BhDLCEMcDCWACLYQEsjAGWMAZYGAtgYQywS4lhgCWMARbGAlgYAywxDLCEMcDCWAALY4AljAGWGAZYGAMsYQywhDHAEsMAC2OAJYwBljAGWMIYYDEMsIQxwBLGAEsDGQMshgGWMAZYwhhgaQpjgIUxwBLDAEsYAyxNYQywFGYMsBQ2DLAUZgywFGYMsBRmDLAUZgywFDYMsBRmDLAUZgywFGYMsBQ2DLAUZgywFGYMsBRmDLAUZgywFDYMsBRmDLAUZgywFGYMsBQ2DLAUZgywFGYMsBRmDLAUZgywFDYMsBRmDLAUZgywFGYMsBQ2DLAUZgywFGYMsBRmfABriZWWxwwtmQAAAABJRU5ErkJggg==";
const SLUG = "vast-tillsammans";

let env: TestEnv;
let browser: Browser;
let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  env = await setupTestApp();
  await insertPublication(env, {
    ownerId: env.orgA.id,
    slug: SLUG,
    name: "Väst tillsammans",
    description: "Samordningsförbunden i väst om insatser, möten och nya arbetssätt, en gång per termin.",
    ownerContact: "Storgatan 1, 411 01 Göteborg · 031-12 34 56 · kansli@alfa.test.se",
    coPublishers: [{ organizationId: env.orgB.id, contact: "Kungsgatan 2, 451 30 Uddevalla" }],
    issues: [
      {
        number: 1,
        subject: "Vårens nyheter från förbunden",
        status: "sent",
        sentAt: "2026-03-10T08:00:00Z",
        sections: [
          { heading: "Välkommen", bodyMarkdown: "Det första numret av vårt gemensamma nyhetsbrev." },
        ],
      },
      {
        number: 2,
        subject: "Höstens nyheter: resursteam, nätverksträff och en ny rapport om unga vuxna",
        preheader: "Tre förbund berättar",
        status: "sent",
        sentAt: "2026-10-14T07:30:00Z",
        sections: [
          {
            heading: "Nytt resursteam för unga vuxna",
            bodyMarkdown:
              "Från januari arbetar ett **resursteam** med unga vuxna som står långt från arbete.\n\n" +
              "- Gemensam kartläggning\n- Stöd till praktik\n- Uppföljning efter sex månader\n\n" +
              "Läs gärna [utvärderingen](https://alfa.test.se/utvardering) från förra året.",
            image: { url: PICTURE, alt: "Resursteamets fyra medarbetare vid ett bord" },
            links: [{ label: "Mer om resursteamet", url: "https://alfa.test.se/resursteam" }],
          },
          {
            heading: "Nätverksträff i Uddevalla den 3 december",
            bodyMarkdown: "> Välkomna till en dag om samverkan.\n\nAnmäl dig senast den 20 november.",
            authorOrganizationId: env.orgB.id,
            links: [{ label: "Program och anmälan", url: "https://beta.test.se/natverkstraff" }],
          },
        ],
      },
    ],
  });
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

/** axe-core against WCAG 2.0 and 2.1, levels A and AA. */
async function axe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
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
}

async function pageAt(width: number, javaScriptEnabled: boolean): Promise<Page> {
  // bypassCSP only lets the test inject axe-core; the pages themselves run under the app's policy.
  const context = await browser.newContext({
    javaScriptEnabled,
    bypassCSP: javaScriptEnabled,
    viewport: { width, height: width > 800 ? 900 : 844 },
    locale: "sv-SE",
  });
  return context.newPage();
}

describe("the newsletter archive in Chromium", () => {
  it("leads from the index to an issue and to the sign-up form without JavaScript", async () => {
    const page = await pageAt(1280, false);
    await page.goto(`${base}/nyhetsbrev`);
    await page.getByRole("link", { name: "Väst tillsammans" }).click();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Väst tillsammans");
    await page.getByLabel("E-postadress").fill("lasare@example.se");
    await page.getByLabel("Namn (frivilligt)").fill("Läsare");
    await page.getByLabel(/Jag vill få nyhetsbrevet Väst tillsammans via e-post/).check();
    await page.getByRole("link", { name: /Höstens nyheter/ }).click();
    // The click returns once the navigation commits; under load the page may not be parsed yet.
    await page.waitForLoadState("load");
    expect(new URL(page.url()).pathname).toBe(`/nyhetsbrev/${SLUG}/2`);
    expect(await page.getByRole("heading", { level: 2 }).allTextContents()).toEqual([
      "Nytt resursteam för unga vuxna",
      "Nätverksträff i Uddevalla den 3 december",
      "Väst tillsammans ges ut av",
    ]);
    const picture = page.getByRole("img", { name: "Resursteamets fyra medarbetare vid ett bord" });
    // Loaded under the page's own content security policy, not just present.
    expect(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
    expect(await page.getByRole("link", { name: "Program och anmälan" }).getAttribute("href")).toBe(
      "https://beta.test.se/natverkstraff",
    );
  }, 60_000);

  for (const width of [1280, 390])
    it(`has no axe violations on the index, the publication and the issue page at ${width} px`, async () => {
      const page = await pageAt(width, true);
      for (const [name, path] of [
        ["index", "/nyhetsbrev"],
        ["publikation", `/nyhetsbrev/${SLUG}`],
        ["utskick", `/nyhetsbrev/${SLUG}/2`],
      ] as const) {
        await page.goto(`${base}${path}`);
        expect(await axe(page), `${path} at ${width} px`).toEqual([]);
        // Nothing wider than the window: a phone reader never scrolls sideways.
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(
          width,
        );
        await page.screenshot({ path: `${ARTIFACTS}nyhetsbrev-${name}-${width}.png`, fullPage: true });
      }
    }, 60_000);
});
