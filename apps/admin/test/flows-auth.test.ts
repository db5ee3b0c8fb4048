import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  axe,
  chooseOption,
  type Harness,
  menuLink,
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

describe("signing in and out", () => {
  it("signs in with the keyboard alone, shows the organization, and signs out", async () => {
    const { page, problems } = await openPage(h);
    await page.goto(`${h.base}/o/${halland}/members`);
    await page.waitForURL((url) => url.pathname === "/login");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.getByLabel("E-postadress").focus();
    await page.keyboard.type("admin.halland@demo.nns.se");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Samordning-demo-2026");
    await page.keyboard.press("Enter");
    // Back where the person was going.
    await page.getByRole("heading", { level: 1, name: "Medlemmar" }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/o/${halland}/members`);
    await expect(page.getByRole("banner").getByText("Samordningsförbundet Halland")).toBeTruthy();
    await signOut(page, "Hanna Holm");
    await page.goto(`${h.base}/o/${halland}`);
    await page.waitForURL((url) => url.pathname === "/login");
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("sends someone whose session ended back to sign in, and then back to where they were", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "admin.hoglandet@demo.nns.se");
    await menuLink(page, "Medlemmar").waitFor();
    await h.t.db.ownerSql(
      "delete from sessions where user_id = (select id from users where email = 'admin.hoglandet@demo.nns.se')",
    );
    await menuLink(page, "Medlemmar").click();
    await page.waitForURL((url) => url.pathname === "/login");
    await page.getByLabel("E-postadress").fill("admin.hoglandet@demo.nns.se");
    await page.getByLabel("Lösenord").fill("Samordning-demo-2026");
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.getByRole("heading", { level: 1, name: "Medlemmar" }).waitFor();
    expect(await page.title()).toBe("Medlemmar – NNS-plattformen");
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("tells a person with a wrong password so, next to the form", async () => {
    const { page } = await openPage(h);
    await page.goto(`${h.base}/login`);
    await page.getByLabel("E-postadress").fill("admin.halland@demo.nns.se");
    await page.getByLabel("Lösenord").fill("fel-lösenord-123");
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("Fel e-postadress eller lösenord");
    await screenshot(page, "login-error-1280");
    await page.context().close();
  });
});

describe("switching organization", () => {
  it("lets a person in two förbund switch between them, always showing the current one", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "processledare@demo.nns.se");
    await page.getByRole("heading", { level: 1, name: "Samordningsförbundet Sundsvall" }).waitFor();
    await chooseOption(page, /Byt organisation/, "Samordningsförbundet Umeåregionen");
    await page.getByRole("heading", { level: 1, name: "Samordningsförbundet Umeåregionen" }).waitFor();
    await expect(page.getByText("Din roll här: Redaktör").isVisible()).resolves.toBe(true);
    // An editor there sees no administration links.
    await expect(page.getByRole("link", { name: "API-nycklar" }).count()).resolves.toBe(0);
    await screenshot(page, "org-switched-1280");
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });
});

describe("access decided by the route", () => {
  it("shows NNS's pages only to NNS administrators and a form only to those who may send it", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "admin.halland@demo.nns.se");
    for (const path of ["/nns/trainers", "/nns/price-list", "/nns/organizations", "/nns/catalog/queue"]) {
      await page.goto(`${h.base}${path}`);
      await page.getByRole("heading", { level: 1, name: "Endast för NNS" }).waitFor();
      await page.getByText("Den här sidan är bara för NNS-administratörer.").waitFor();
    }
    await screenshot(page, "nns-only-1280");
    expect(await axe(page)).toEqual([]);
    await page.context().close();

    // A läsare may read trainings but not ask NNS for one.
    const reader = await openPage(h);
    await signIn(reader.page, h.base, "lasare.halland@demo.nns.se");
    await reader.page.goto(`${h.base}/o/${halland}/training-requests/new`);
    await reader.page.getByRole("heading", { level: 1, name: "Behörighet saknas" }).waitFor();
    await expect(reader.page.getByRole("button", { name: "Skicka intresseanmälan" }).count()).resolves.toBe(
      0,
    );
    expect(await axe(reader.page)).toEqual([]);
    expect(problems.errors).toEqual([]);
    expect(reader.problems.errors).toEqual([]);
    await reader.page.context().close();
  });
});
