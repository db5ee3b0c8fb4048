import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { createApp } from "@nns/api";
import { createTestDatabase, type TestDatabase } from "@nns/db/testing";
import { createDeps, type Deps, type ServiceConfig, seedDemoData, startBackgroundWork } from "@nns/services";
import pino from "pino";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";

export const DEMO_PASSWORD = "Samordning-demo-2026";
export const ARTIFACTS = fileURLToPath(new URL("../test-artifacts/", import.meta.url));
const DIST = fileURLToPath(new URL("../dist", import.meta.url));
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface Harness {
  base: string;
  deps: Deps;
  t: TestDatabase;
  browser: Browser;
  close: () => Promise<void>;
}

export interface HarnessOptions {
  /**
   * Outgoing webhooks: the flows deliver to a receiver on 127.0.0.1 over HTTP, which the platform
   * refuses unless configured to allow it (development only). Setting this also starts the background
   * workers, which deliver them.
   */
  webhooks?: ServiceConfig["webhooks"];
}

/**
 * The built admin served by the real API on a fresh database with the demo data, and Debian's Chromium
 * driven by playwright-core.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const t = await createTestDatabase();
  const server = serve({ fetch: () => new Response(null), port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  server.close();
  const base = `http://localhost:${port}`;
  const deps: Deps = createDeps(
    t.db,
    {
      publicUrl: base,
      session: { idleTimeoutMs: 3_600_000, absoluteTimeoutMs: 43_200_000 },
      loginThrottle: { maxPerPair: 20, maxPerAccount: 50, maxPerIp: 200, windowMs: 900_000 },
      minGroupSize: 5,
      ...(options.webhooks ? { webhooks: options.webhooks } : {}),
    },
    { smtpUrl: null, from: "test@nns.localhost" },
    { pollingIntervalSeconds: 0.5 },
  );
  // The queue always (the demo sends its newsletter through it); its workers only for the webhook flows, so
  // that elsewhere what is enqueued (a newsletter's deliveries) waits for the worker a test means to watch.
  await startBackgroundWork(deps, { info: () => undefined }, Boolean(options.webhooks));
  await seedDemoData(deps);
  const app = createApp(deps, {
    cookieSecure: true,
    trustProxy: false,
    publicUrl: base,
    logger: pino({ level: "silent" }),
    staticRoot: DIST,
  });
  const http = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" });
  await new Promise((resolve) => http.once("listening", resolve));
  const browser = await chromium.launch({
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
  return {
    base,
    deps,
    t,
    browser,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => http.close(resolve));
      await deps.jobs.stop();
      deps.mailer.close();
      await t.destroy();
    },
  };
}

export interface PageProblems {
  errors: string[];
}

/** A new browser context at a given width; console errors and page errors are collected for assertions. */
export async function openPage(h: Harness, width = 1280): Promise<{ page: Page; problems: PageProblems }> {
  // bypassCSP only lets the test inject axe-core; the app itself runs under its strict policy.
  const context = await h.browser.newContext({
    bypassCSP: true,
    viewport: { width, height: width > 800 ? 900 : 844 },
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
  });
  const page = await context.newPage();
  const problems: PageProblems = { errors: [] };
  page.on("pageerror", (error) => problems.errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const url = message.location().url ?? "";
    // Chromium logs every 4xx answer as a console error; the API answering 401/404/410 is expected and the
    // screens handle it (asserted where it matters). Server errors and script errors still count.
    if (
      /Failed to load resource: the server responded with a status of 4\d\d/.test(message.text()) &&
      url.includes("/v1/")
    )
      return;
    problems.errors.push(`console: ${message.text()} ${url}`);
  });
  return { page, problems };
}

export async function signIn(
  page: Page,
  base: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/o/") || url.pathname === "/");
  await page.getByRole("heading", { level: 1 }).waitFor();
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core against WCAG 2.0 and 2.1, levels A and AA.
 *
 * react-aria announces a pending button by a live-region entry labelled by the button's id and removes it
 * 7 s later; the first announcement on a page is added 100 ms late. When the button has gone meanwhile
 * (with its dialog or its last page), the entry names nothing and axe counts an image without a name,
 * though it was read out while the button was there. Such an entry is waited out and axe run again; any
 * other unnamed image stays a violation.
 */
export async function axe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const first = await runAxe(page);
  if (!first.some((v) => v.id === "role-img-alt") || !(await danglingAnnouncement(page))) return first;
  await expect.poll(() => danglingAnnouncement(page), { timeout: 10_000 }).toBe(false);
  return runAxe(page);
}

/** axe with no violations, or a failure naming `what` and listing them. */
export async function cleanAxe(page: Page, what: string): Promise<void> {
  const violations = await axe(page);
  expect(violations, `${what}: ${JSON.stringify(violations)}`).toEqual([]);
}

function danglingAnnouncementInPage(): boolean {
  return [...document.querySelectorAll("[data-live-announcer] [role=img]")].some((entry) =>
    (entry.getAttribute("aria-labelledby") ?? "")
      .split(" ")
      .some((id) => document.getElementById(id) === null),
  );
}

const danglingAnnouncement = (page: Page) => page.evaluate(danglingAnnouncementInPage);

function runAxe(page: Page): Promise<AxeViolation[]> {
  return page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

/** A link in the signed-in shell's main menu. */
export function menuLink(page: Page, name: string) {
  return page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
}

/** Signs out through the account menu in the banner, which is named after the signed-in person. */
export async function signOut(page: Page, name: string): Promise<void> {
  await page
    .getByRole("banner")
    .getByRole("button", { name: new RegExp(name) })
    .click();
  await page.getByRole("menuitem", { name: "Logga ut" }).click();
  await page.waitForURL((url) => url.pathname === "/login");
}

/** Picks an option in one of the admin's select fields (react-aria: a button opening a listbox). */
export async function chooseOption(page: Page, select: string | RegExp, option: string): Promise<void> {
  await page.getByRole("button", { name: select }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** A demo organization's id, for the URLs under /o/<id>. */
export async function organizationId(h: Harness, slug: string): Promise<string> {
  return String((await h.t.db.ownerSql("select id from organizations where slug = $1", [slug]))[0]?.id);
}
