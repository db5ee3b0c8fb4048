import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pixelmatch from "pixelmatch";
import type { Locator, Page } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, axe, type Harness, organizationId, signIn, startHarness } from "./harness.js";

/**
 * How the key pages look, at a laptop's and a phone's width: each screenshot is compared with the
 * baseline committed beside this file, so that a layout broken by a change in shared styles fails here.
 * `UPDATE_VISUAL_BASELINES=1` writes new baselines instead (docs/contributing.md, "Visual regression").
 *
 * The pages are chosen, and their dates masked, so that nothing in them depends on the day the test runs.
 */
const BASELINES = fileURLToPath(new URL("./visual-baselines/", import.meta.url));
const UPDATE = process.env.UPDATE_VISUAL_BASELINES === "1";
/** pixelmatch's distance in colour (0–1) below which two pixels count as the same: anti-aliasing, not layout. */
const PIXEL_THRESHOLD = 0.1;
/** A screenshot fails when more than this share of its pixels differ from the baseline. */
const MAX_DIFF_RATIO = 0.01;

const NNS = "nns.admin@demo.nns.se";
const HALLAND = "admin.halland@demo.nns.se";

let h: Harness;
let halland: string;
let resam: string;

beforeAll(async () => {
  h = await startHarness();
  halland = await organizationId(h, "halland");
  const [entry] = await h.t.db.ownerSql("select id from interventions where content->>'title' like 'RESAM%'");
  resam = String(entry?.id);
});
afterAll(async () => h?.close());

interface VisualPage {
  name: string;
  path: () => string;
  /** Signed in as this person; a public page otherwise. */
  as?: string;
  /** What shows today's date (the demo is created when the test starts): painted over in both images. */
  mask?: (page: Page) => Locator[];
}

const PAGES: VisualPage[] = [
  { name: "login", path: () => "/login" },
  { name: "katalog", path: () => "/katalog" },
  {
    name: "katalog-entry",
    path: () => `/katalog/${resam}`,
    mask: (page) => [page.getByText(/^Publicerad /)],
  },
  { name: "organizations", path: () => "/nns/organizations", as: NNS },
  { name: "price-list", path: () => "/nns/price-list", as: NNS },
  {
    name: "members",
    path: () => `/o/${halland}/members`,
    as: HALLAND,
    mask: (page) => [page.locator('[data-label="Medlem sedan"]')],
  },
  { name: "intervention-new", path: () => `/o/${halland}/interventions/new`, as: HALLAND },
];

/** A fixed window: one device pixel per CSS pixel, no motion, Swedish dates in Swedish time. */
async function openFixedPage(width: number): Promise<Page> {
  const context = await h.browser.newContext({
    bypassCSP: true,
    viewport: { width, height: width > 800 ? 900 : 844 },
    deviceScaleFactor: 1,
    reducedMotion: "reduce",
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
  });
  return context.newPage();
}

async function capture(page: Page, { name, path, mask }: VisualPage): Promise<Buffer> {
  await page.goto(`${h.base}${path()}`);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => document.fonts.ready);
  return page.screenshot({
    fullPage: true,
    animations: "disabled",
    caret: "hide",
    mask: mask?.(page) ?? [],
    path: `${ARTIFACTS}visual-${name}.png`,
  });
}

/**
 * What is wrong with a screenshot against its baseline (its size changed, or too many pixels differ),
 * with the new screenshot and the diff written to test-artifacts; null when it matches.
 */
function mismatch(file: string, actual: Buffer): string | null {
  const expected = PNG.sync.read(readFileSync(`${BASELINES}${file}`));
  const current = PNG.sync.read(actual);
  const stem = file.replace(/\.png$/, "");
  if (expected.width !== current.width || expected.height !== current.height) {
    writeFileSync(`${ARTIFACTS}${stem}-actual.png`, actual);
    return `size ${expected.width}×${expected.height} became ${current.width}×${current.height}: see test-artifacts/${stem}-actual.png`;
  }
  const { width, height } = expected;
  const diff = new PNG({ width, height });
  const differing = pixelmatch(expected.data, current.data, diff.data, width, height, {
    threshold: PIXEL_THRESHOLD,
  });
  const ratio = differing / (width * height);
  if (ratio <= MAX_DIFF_RATIO) return null;
  writeFileSync(`${ARTIFACTS}${stem}-actual.png`, actual);
  writeFileSync(`${ARTIFACTS}${stem}-diff.png`, PNG.sync.write(diff));
  return `${(ratio * 100).toFixed(1)} % of the pixels differ: see test-artifacts/${stem}-diff.png`;
}

describe.each([1280, 390])("at %i px", (width) => {
  it.each(PAGES)("$name looks as its baseline", async (visual) => {
    const page = await openFixedPage(width);
    if (visual.as) await signIn(page, h.base, visual.as);
    const shot = await capture(page, { ...visual, name: `${visual.name}-${width}` });
    await page.context().close();
    const file = `${visual.name}-${width}.png`;
    if (UPDATE) {
      mkdirSync(BASELINES, { recursive: true });
      writeFileSync(`${BASELINES}${file}`, shot);
      return;
    }
    expect(existsSync(`${BASELINES}${file}`), `no baseline ${file}: run with UPDATE_VISUAL_BASELINES=1`).toBe(
      true,
    );
    expect(mismatch(file, shot)).toBeNull();
  });
});

/** The lists whose rows end in an action, and that action's role and name. */
const PHONE_LISTS: {
  name: string;
  path: () => string;
  as: string;
  role: "link" | "button";
  action: RegExp;
}[] = [
  {
    name: "Organisationer",
    path: () => "/nns/organizations",
    as: NNS,
    role: "link",
    action: /^Redigera /,
  },
  {
    name: "Medlemmar",
    path: () => `/o/${halland}/members`,
    as: HALLAND,
    role: "button",
    action: /^Ta bort /,
  },
];

describe("lists on a 390 px phone", () => {
  it.each(PHONE_LISTS)(
    "$name: no sideways scrolling, every row's action in view, no axe violations",
    async (list) => {
      const page = await openFixedPage(390);
      await signIn(page, h.base, list.as);
      await page.goto(`${h.base}${list.path()}`);
      await page.getByRole("heading", { level: 1, name: list.name }).waitFor();
      await page.waitForLoadState("networkidle");
      expect(await page.evaluate(() => document.scrollingElement?.scrollWidth)).toBeLessThanOrEqual(390);
      const actions = page.getByRole("table").getByRole(list.role, { name: list.action });
      const count = await actions.count();
      expect(count).toBeGreaterThan(1);
      for (let i = 0; i < count; i++) {
        const box = await actions.nth(i).boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 390, `action ${i + 1}`).toBe(true);
      }
      expect(await axe(page)).toEqual([]);
      await page.context().close();
    },
  );
});
