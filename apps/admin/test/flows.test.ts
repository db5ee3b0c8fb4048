/**
 * The admin's main journeys in real Chromium against the real API: sign in and out, switch organization,
 * invite a person and accept through the outbox, create an API key and use it, revoke it, and change a
 * role and see the permitted actions change. Trainings: register and cancel a participant with seats left
 * going down and up, NNS turning a request into a planned training, a förbund's request and own event,
 * attendance by a trainer, the trainer registry and price list, and print costs in the breakdown.
 */
import { mkdirSync } from "node:fs";
import { enterOrganization, submitTrainingRequest, systemContext } from "@nns/services";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ARTIFACTS,
  axe,
  type Harness,
  menuLink,
  openPage,
  screenshot,
  signIn,
  startHarness,
} from "./harness.js";

let h: Harness;
let halland: string;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  h = await startHarness();
  halland = String((await h.t.db.ownerSql("select id from organizations where slug = 'halland'"))[0]?.id);
});
afterAll(async () => h?.close());

async function signOut(page: Page, name: string) {
  await page
    .getByRole("banner")
    .getByRole("button", { name: new RegExp(name) })
    .click();
  await page.getByRole("menuitem", { name: "Logga ut" }).click();
  await page.waitForURL((url) => url.pathname === "/login");
}

async function chooseOption(page: Page, select: string | RegExp, option: string) {
  await page.getByRole("button", { name: select }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

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

describe("inviting a member", () => {
  it("invites, finds the link in the outbox, sets a password and signs in as the new member", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "admin.halland@demo.nns.se");
    await page.goto(`${h.base}/o/${halland}/members`);
    await page.getByRole("button", { name: "Bjud in" }).click();
    const dialog = page.getByRole("dialog");
    // The API's schema error comes back in Swedish, next to the field.
    await dialog.getByLabel("E-postadress").fill("inte-en-adress");
    await dialog.getByRole("button", { name: "Skicka inbjudan" }).click();
    await dialog.getByText("Ange en giltig e-postadress.").first().waitFor();
    await dialog.getByLabel("E-postadress").fill("ny.medarbetare@halland.test");
    await dialog.getByRole("button", { name: /Roll/ }).click();
    await page.getByRole("option", { name: "Redaktör", exact: true }).click();
    await screenshot(page, "invite-dialog-1280");
    await dialog.getByRole("button", { name: "Skicka inbjudan" }).click();
    await page.getByText("Inbjudan skickad till ny.medarbetare@halland.test").waitFor();
    await page.getByRole("cell", { name: "ny.medarbetare@halland.test" }).first().waitFor();

    await page.goto(`${h.base}/o/${halland}/outbox`);
    await page
      .getByRole("button", { name: /Inbjudan till Samordningsförbundet Halland/ })
      .first()
      .click();
    const link = page.getByRole("link", { name: /accept-invitation#token=/ }).first();
    const href = (await link.getAttribute("href")) as string;
    expect(href).toContain("/accept-invitation#token=");
    await screenshot(page, "outbox-open-1280");
    await signOut(page, "Hanna Holm");

    await page.goto(href);
    await page.getByRole("heading", { level: 1, name: "Acceptera inbjudan" }).waitFor();
    await page.getByText("ny.medarbetare@halland.test").first().waitFor();
    await page.getByLabel("Ditt namn").fill("Nina Medarbetare");
    await page.getByLabel("Välj lösenord").fill("kort");
    await page.getByRole("button", { name: "Gå med" }).click();
    await page.getByRole("alert").getByText("Lösenordet måste ha minst 8 tecken", { exact: false }).waitFor();
    await page.getByLabel("Välj lösenord").fill("Ett-eget-långt-lösenord-26");
    await page.getByRole("button", { name: "Gå med" }).click();
    await page.getByRole("heading", { level: 1, name: "Samordningsförbundet Halland" }).waitFor();
    await page.getByText("Din roll här: Redaktör").waitFor();
    await signOut(page, "Nina Medarbetare");
    await signIn(page, h.base, "ny.medarbetare@halland.test", "Ett-eget-långt-lösenord-26");
    await page.getByRole("heading", { level: 1, name: "Samordningsförbundet Halland" }).waitFor();
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });
});

describe("API keys", () => {
  it("creates a key shown once, which works against the API until it is revoked", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "admin.halland@demo.nns.se");
    await page.goto(`${h.base}/o/${halland}/api-keys`);
    await page.getByRole("button", { name: "Skapa API-nyckel" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Namn").fill("Kommunens verksamhetssystem");
    await dialog.getByText("Läsa medlemmar").click();
    await dialog.getByRole("button", { name: "Skapa nyckel" }).click();
    const secret = ((await dialog.locator(".secret").textContent()) ?? "").trim();
    expect(secret).toMatch(/^nns_[a-z2-7]{16}_[a-z2-7]+$/);
    await screenshot(page, "api-key-created-1280");

    const members = await fetch(`${h.base}/v1/orgs/${halland}/members`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(members.status).toBe(200);
    const audit = await fetch(`${h.base}/v1/orgs/${halland}/audit-log`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(audit.status).toBe(403);

    await dialog.getByRole("button", { name: "Jag har sparat nyckeln" }).click();
    await page.getByRole("cell", { name: "Kommunens verksamhetssystem" }).first().waitFor();
    await expect(page.locator("body").textContent()).resolves.not.toContain(secret);
    await page.getByRole("button", { name: "Återkalla Kommunens verksamhetssystem" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Återkalla nyckeln" }).click();
    await page.getByText("Kommunens verksamhetssystem är återkallad.").waitFor();
    await page.getByText("Återkallad").first().waitFor();
    const after = await fetch(`${h.base}/v1/orgs/${halland}/members`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(after.status).toBe(401);
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });
});

describe("changing a role", () => {
  it("changes what the person may do, at once", async () => {
    const editor = await openPage(h);
    await signIn(editor.page, h.base, "redaktor.halland@demo.nns.se");
    await editor.page.goto(`${h.base}/o/${halland}/members`);
    await editor.page.getByRole("heading", { level: 1, name: "Medlemmar" }).waitFor();
    await editor.page.getByRole("cell", { name: "Hanna Holm" }).first().waitFor();
    await expect(editor.page.getByRole("button", { name: "Bjud in" }).count()).resolves.toBe(0);
    await expect(editor.page.getByRole("link", { name: "API-nycklar" }).count()).resolves.toBe(0);

    const admin = await openPage(h);
    await signIn(admin.page, h.base, "admin.halland@demo.nns.se");
    await admin.page.goto(`${h.base}/o/${halland}/members`);
    await chooseOption(admin.page, /Roll för Henrik Hedlund/, "Administratör");
    await admin.page.getByText("Henrik Hedlund har nu rollen").waitFor();

    await editor.page.reload();
    await editor.page.getByRole("button", { name: "Bjud in" }).waitFor();
    await editor.page.getByRole("link", { name: "API-nycklar" }).waitFor();
    await screenshot(editor.page, "promoted-members-1280");
    expect(editor.problems.errors).toEqual([]);
    expect(admin.problems.errors).toEqual([]);
    await editor.page.context().close();
    await admin.page.context().close();
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

describe("trainings", () => {
  it("registers a participant for a session, sees the förbund's seats left go down, and cancels again", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "admin.halland@demo.nns.se");
    await menuLink(page, "Utbildningar").click();
    await page.getByRole("heading", { level: 1, name: "Utbildningar" }).waitFor();
    await page.getByRole("link", { name: "BIP/SKAPA Halland och Höglandet" }).click();
    await page.getByRole("heading", { level: 1, name: "BIP/SKAPA Halland och Höglandet" }).waitFor();
    // Halland has 15 seats and 7 people on the training step: 8 left.
    const seats = (left: number) =>
      page.getByRole("checkbox", {
        name: new RegExp(`^Utbildning i progressionsmätning, .* – ${left} platser kvar för er$`),
      });
    await seats(8).waitFor({ state: "attached" });

    await page.getByRole("textbox", { name: "Namn", exact: true }).fill("Nina Nyström");
    await page.getByRole("textbox", { name: "E-postadress", exact: true }).fill("nina.nystrom@halland.test");
    await page.getByText(/^Utbildning i progressionsmätning, .* – 8 platser kvar för er$/).click();
    await page.getByRole("button", { name: "Anmäl", exact: true }).click();
    await page.getByText("Nina Nyström är anmäld. Plats på 1 tillfälle.").waitFor();
    await seats(7).waitFor({ state: "attached" });
    const row = page.getByRole("row", { name: /Nina Nyström/ });
    await row.getByText("Plats", { exact: true }).waitFor();
    await screenshot(page, "flow-training-registered");

    await row
      .getByRole("button", { name: "Avboka Nina Nyström från Utbildning i progressionsmätning" })
      .click();
    const dialog = page.getByRole("alertdialog");
    await dialog.getByText("Platsen går till den första på väntelistan", { exact: false }).waitFor();
    await dialog.getByRole("button", { name: "Avboka" }).click();
    await page.getByText("Nina Nyström är avbokad från Utbildning i progressionsmätning.").waitFor();
    await row.getByText("Avbokad", { exact: true }).waitFor();
    await seats(8).waitFor({ state: "attached" });
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("lets NNS turn a request into a training, add a session from a template step with a trainer, and plan it", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "nns.admin@demo.nns.se");
    await menuLink(page, "Intresseanmälningar").click();
    await page.getByRole("heading", { level: 2, name: "Förslag på samordning" }).waitFor();
    await page
      .getByRole("button", {
        name: "Skapa utbildning av intresseanmälan från Samordningsförbundet Umeåregionen",
      })
      .click();
    const create = page.getByRole("dialog");
    await create.getByRole("textbox", { name: "Namn" }).fill("BIP/SKAPA Umeåregionen");
    await create.getByRole("button", { name: "Skapa" }).click();
    await page.getByRole("heading", { level: 1, name: "BIP/SKAPA Umeåregionen" }).waitFor();
    await page.getByText("Efterfrågad", { exact: true }).waitFor();

    await page.getByRole("button", { name: "Lägg till tillfälle" }).click();
    const dialog = page.getByRole("dialog");
    await chooseOption(page, /Steg i BIP\/SKAPA/, "Uppstartsmöte med chefer och implementeringsgrupp");
    const day = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await dialog.getByLabel(/^Datum/).fill(day);
    await dialog.getByLabel(/^Starttid/).fill("09:00");
    await dialog.getByRole("textbox", { name: "Videolänk" }).fill("https://video.example.se/umea-start");
    await dialog.getByText(/^Tove Tränare/).click();
    await screenshot(page, "flow-session-dialog");
    await dialog.getByRole("button", { name: "Lägg till", exact: true }).click();
    await page
      .getByText("Tillfället Uppstartsmöte med chefer och implementeringsgrupp är tillagt.")
      .waitFor();
    const row = page.getByRole("row", { name: /Uppstartsmöte med chefer och implementeringsgrupp/ });
    await row.getByText("Tove Tränare").waitFor();
    await row.getByText("09:00–11:30", { exact: false }).waitFor();

    await page.getByRole("button", { name: "Markera som planerad" }).click();
    await page.getByText("Utbildningen är nu planerad.").waitFor();
    await page.getByRole("button", { name: "Bekräfta utbildningen" }).waitFor();
    await screenshot(page, "flow-training-planned");
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("lets a förbund send an intresseanmälan and withdraw it", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "admin.halland@demo.nns.se");
    await menuLink(page, "Intresseanmälningar").click();
    await page.getByRole("heading", { level: 1, name: "Intresseanmälningar" }).waitFor();
    await page.getByRole("link", { name: "Ny intresseanmälan" }).click();
    await page.getByRole("heading", { level: 1, name: "Ny intresseanmälan" }).waitFor();
    const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const [from, to] = [day(40), day(130)];
    await page.getByLabel(/^Önskad period från/).fill(from);
    await page.getByLabel(/^Önskad period till/).fill(to);
    await page.getByLabel(/^Förväntat antal deltagare/).fill("12");
    await page.getByText("Digitalt", { exact: true }).click();
    await page.getByRole("button", { name: "Skicka intresseanmälan" }).click();
    await page.getByText("Intresseanmälan är skickad till NNS.").waitFor();
    const row = page.getByRole("row", { name: new RegExp(`${from} – ${to}`) });
    await row.getByText("Inskickad", { exact: true }).waitFor();
    await row.getByText("12 deltagare").waitFor();

    await row.getByRole("button", { name: `Ta tillbaka intresseanmälan för ${from} – ${to}` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Ta tillbaka" }).click();
    await page.getByText("Intresseanmälan är tillbakatagen.").waitFor();
    await row.getByText("Återtagen", { exact: true }).waitFor();
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("lets a trainer take attendance for an assigned session once it has begun", async () => {
    // The kick-off starts in a quarter of an hour: attendance opens half an hour before.
    await h.t.db.ownerSql(
      "update training_sessions set starts_at = now() + interval '15 minutes', ends_at = now() + interval '3 hours' where step_key = 'kickoff'",
    );
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "utbildare@demo.nns.se");
    await menuLink(page, "Mina tillfällen").click();
    await page.getByRole("heading", { level: 1, name: "Mina tillfällen" }).waitFor();
    await page.getByRole("link", { name: "Närvaro för Kick-off, BIP/SKAPA Halland och Höglandet" }).click();
    await page.getByRole("heading", { level: 1, name: "Närvaro: Kick-off" }).waitFor();
    await page
      .getByRole("row", { name: /Anna Berg/ })
      .getByText("Närvarande")
      .click();
    await page
      .getByRole("row", { name: /Johan Lind/ })
      .getByText("Närvarande")
      .click();
    await page.getByText(/^2 av \d+ markerade som närvarande\.$/).waitFor();
    await page.getByRole("button", { name: "Spara närvaro" }).click();
    await page.getByText(/^Närvaron är sparad: 2 av \d+ deltog\.$/).waitFor();
    await screenshot(page, "flow-attendance-saved");
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("lets a förbund create its own event, add a session, open registration and cancel it with a reason", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "admin.hoglandet@demo.nns.se");
    await menuLink(page, "Utbildningar").click();
    await page.getByRole("heading", { level: 1, name: "Utbildningar" }).waitFor();
    await page.getByRole("button", { name: "Ny aktivitet" }).click();
    await page
      .getByRole("dialog")
      .getByRole("textbox", { name: "Namn" })
      .fill("Frukostseminarium om samverkan");
    await page.getByRole("dialog").getByRole("button", { name: "Skapa" }).click();
    await page.getByRole("heading", { level: 1, name: "Frukostseminarium om samverkan" }).waitFor();

    await page.getByRole("button", { name: "Lägg till tillfälle" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Rubrik" }).fill("Frukostseminarium");
    await dialog.getByLabel(/^Datum/).fill(new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10));
    await dialog.getByLabel(/^Starttid/).fill("08:00");
    await dialog.getByLabel(/^Sluttid/).fill("10:00");
    await dialog.getByText("På plats", { exact: true }).click();
    await dialog.getByRole("textbox", { name: "Plats" }).fill("Eksjö, Stadshotellet");
    await dialog.getByLabel(/^Max antal deltagare/).fill("30");
    await dialog.getByRole("button", { name: "Lägg till", exact: true }).click();
    await page.getByText("Tillfället Frukostseminarium är tillagt.").waitFor();
    await page
      .getByRole("row", { name: /Frukostseminarium/ })
      .getByText("0 av 30")
      .waitFor();

    await page.getByRole("button", { name: "Ändra namn och beskrivning" }).click();
    await page
      .getByRole("dialog")
      .getByRole("textbox", { name: "Beskrivning" })
      .fill("Om samverkan kring unga.");
    await page.getByRole("dialog").getByRole("button", { name: "Spara" }).click();
    await page.getByText("Frukostseminarium om samverkan är sparad.").waitFor();
    await page.getByText("Om samverkan kring unga.").waitFor();

    await page.getByRole("button", { name: "Markera som planerad" }).click();
    await page.getByText("Utbildningen är nu planerad.").waitFor();
    await page
      .getByRole("checkbox", { name: /^Frukostseminarium, .* – 30 platser kvar för er$/ })
      .waitFor({ state: "attached" });

    await page.getByRole("button", { name: "Ställ in" }).click();
    const cancel = page.getByRole("dialog");
    await cancel.getByRole("textbox", { name: "Anledning" }).fill("För få anmälda.");
    await cancel.getByRole("button", { name: "Ställ in utbildningen" }).click();
    await page.getByText("Utbildningen är nu inställd.").waitFor();
    await page.getByText("För få anmälda.", { exact: false }).first().waitFor();
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("lets NNS register a trainer with a certification and change a price", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "nns.admin@demo.nns.se");
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    await nav.getByRole("link", { name: "Utbildare" }).click();
    await page.getByRole("heading", { level: 1, name: "Utbildare" }).waitFor();
    await page.getByRole("button", { name: "Lägg till utbildare" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Namn" }).fill("Ulla Utbildare");
    await dialog.getByRole("textbox", { name: "E-postadress" }).fill("ulla@utbildare.test");
    await dialog.getByText("Hallands län", { exact: true }).click();
    await dialog.getByRole("button", { name: "Lägg till", exact: true }).click();
    await page.getByText("Ulla Utbildare är tillagd.").waitFor();
    const row = page.getByRole("row", { name: /Ulla Utbildare/ });
    await row.getByText("Saknar certifiering").waitFor();

    await row.getByRole("button", { name: "Lägg till certifiering för Ulla Utbildare" }).click();
    const certification = page.getByRole("dialog");
    const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    await certification.getByLabel(/^Certifierad/).fill(day(-30));
    await certification.getByLabel(/^Giltig till/).fill(day(700));
    await certification.getByRole("button", { name: "Lägg till", exact: true }).click();
    await page.getByText("Certifieringen för Ulla Utbildare är tillagd.").waitFor();
    await row.getByText("Giltig", { exact: true }).first().waitFor();

    await nav.getByRole("link", { name: "Prislista" }).click();
    await page.getByRole("heading", { level: 1, name: "Prislista" }).waitFor();
    await page.getByRole("button", { name: /^Ändra BIP\/SKAPA/ }).click();
    const price = page.getByRole("dialog");
    await price.getByRole("textbox", { name: "Pris exkl. moms (kr)" }).fill("52 000,00");
    await price.getByRole("button", { name: "Spara" }).click();
    await page.getByText(/är sparad\.$/).waitFor();
    await page.getByRole("cell", { name: /^52\s000,00\skr$/ }).waitFor();
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("lets a förbund add and remove its own print cost in the cost breakdown", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "admin.halland@demo.nns.se");
    await menuLink(page, "Utbildningar").click();
    await page.getByRole("link", { name: "BIP/SKAPA Halland och Höglandet" }).click();
    await page.getByRole("heading", { level: 2, name: "Kostnader" }).waitFor();
    const before = (await page.getByRole("row", { name: /^Totalt inkl\. moms/ }).textContent()) ?? "";
    await page.getByRole("textbox", { name: "Beskrivning" }).fill("Kursmaterial");
    await page.getByRole("textbox", { name: "Belopp exkl. moms (kr)" }).fill("1 250,00");
    await page.getByRole("button", { name: "Lägg till tryckkostnad" }).click();
    await page.getByText("Tryckkostnaden Kursmaterial är tillagd.").waitFor();
    // 1 250 kr plus 25 % VAT on top of the share.
    await page.getByText(/^Kursmaterial: 1\s250,00\skr/).waitFor();
    const after = (await page.getByRole("row", { name: /^Totalt inkl\. moms/ }).textContent()) ?? "";
    const kronor = (text: string) => Number(text.replace(/[^\d,]/g, "").replace(",", "."));
    expect(kronor(after) - kronor(before)).toBeCloseTo(1562.5, 2);

    await page.getByRole("button", { name: "Ta bort tryckkostnaden Kursmaterial" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Ta bort" }).click();
    await page.getByText("Tryckkostnaden är borttagen.").waitFor();
    await page.getByText("Inga tryckkostnader.").waitFor();
    expect(kronor((await page.getByRole("row", { name: /^Totalt inkl\. moms/ }).textContent()) ?? "")).toBe(
      kronor(before),
    );
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("offers NNS a pairing of two open requests and creates one shared training from it", async () => {
    const system = systemContext(h.deps, "flows-test");
    const rows = await h.t.db.ownerSql(
      "select id, slug from organizations where slug in ('halland', 'hoglandet')",
    );
    const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    for (const [slug, participants] of [
      ["halland", 8],
      ["hoglandet", 6],
    ] as const) {
      const ctx = await enterOrganization(system, String(rows.find((r) => r.slug === slug)?.id));
      await submitTrainingRequest(ctx, {
        periodStart: day(200),
        periodEnd: day(260),
        expectedParticipants: participants,
        deliveryPreference: "digital",
        openToSharing: true,
        contactName: `Kontakt ${slug}`,
        contactEmail: `kontakt.${slug}@example.se`,
      });
    }
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "nns.admin@demo.nns.se");
    await menuLink(page, "Intresseanmälningar").click();
    await page.getByText("14 tillsammans", { exact: false }).waitFor();
    await screenshot(page, "flow-pairing");
    await page.getByRole("button", { name: /^Skapa gemensam utbildning för / }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("De 2 förbund som skickade intresseanmälningarna", { exact: false }).waitFor();
    await dialog.getByRole("button", { name: "Skapa" }).click();
    await page.getByRole("heading", { level: 1, name: /^BIP\/SKAPA Samordningsförbundet/ }).waitFor();
    const parties = page.getByRole("region", { name: "Deltagande förbund" });
    await parties.getByRole("rowheader", { name: "Samordningsförbundet Halland" }).waitFor();
    await parties.getByRole("rowheader", { name: "Samordningsförbundet Höglandet" }).waitFor();
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("shows the planner's sessions in a month grid and a list, used with the keyboard", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "nns.admin@demo.nns.se");
    const nns = String((await h.t.db.ownerSql("select id from organizations where slug = 'nns'"))[0]?.id);
    await page.goto(`${h.base}/o/${nns}/trainings/calendar`);
    await page.getByRole("heading", { level: 1, name: "Utbildningskalender" }).waitFor();
    await page.getByRole("button", { name: "Till nästa tillfälle" }).focus();
    await page.keyboard.press("Enter");
    // The next session's link names its training and status for screen readers.
    const session = page
      .getByRole("table")
      .getByRole("link", { name: /^\d\d:\d\d .+ – .+, (Planerad|Bekräftad)$/ })
      .first();
    await session.waitFor();
    const name = (await session.getAttribute("aria-label")) ?? (await session.textContent()) ?? "";
    const title = /^\d\d:\d\d (.+?) – /.exec(name)?.[1] ?? "";
    const training = / – (.+), (Planerad|Bekräftad)$/.exec(name)?.[1] ?? "";
    expect(title).not.toBe("");
    await page.getByRole("button", { name: "Lista", exact: true }).focus();
    await page.keyboard.press("Enter");
    await page
      .getByRole("rowheader", { name: new RegExp(`^${title}`) })
      .first()
      .waitFor();
    await page.getByRole("button", { name: "Månad", exact: true }).focus();
    await page.keyboard.press("Enter");
    await session.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: training }).waitFor();
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });
});

describe("insatskatalog", () => {
  async function vocabularies() {
    return (await (await fetch(`${h.base}/v1/catalog/vocabularies`)).json()) as {
      focusAreas: { code: string; orientation: string; labelSv: string }[];
      outcomeCategories: { code: string; labelSv: string; position: number }[];
    };
  }

  it("takes an entry from a förbund's draft through NNS's return with a comment to the public catalogue", async () => {
    const vocab = await vocabularies();
    const focus = vocab.focusAreas.find((f) => f.orientation === "individual")?.labelSv as string;
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "redaktor.halland@demo.nns.se");
    await menuLink(page, "Mina insatser").click();
    await page.getByRole("heading", { level: 1, name: "Mina insatser" }).waitFor();
    await page.getByRole("link", { name: "Ny insats" }).click();
    await page.getByRole("heading", { level: 1, name: "Ny insats" }).waitFor();
    // Too short a name and no focus area: the API's errors appear beside the fields.
    await page.getByLabel("Namn på insatsen").fill("J");
    await page.getByLabel("Sammanfattning").fill("Stöd till arbete för unga vuxna i Kungsbacka.");
    await page.getByRole("button", { name: "Skapa utkast" }).click();
    const titleField = page.getByLabel("Namn på insatsen");
    // Wait for the API's answer before reading the field's state.
    await page.getByText("Värdet är för kort eller för litet.").first().waitFor();
    await expect(titleField.getAttribute("aria-invalid")).resolves.toBe("true");
    await screenshot(page, "intervention-form-errors-1280");
    await titleField.fill("Jobbspåret Kungsbacka");
    await chooseOption(page, /Preciserad inriktning/, focus);
    await page.getByRole("button", { name: "Skapa utkast" }).click();
    await page.getByRole("heading", { level: 1, name: "Jobbspåret Kungsbacka" }).waitFor();
    const interventionId = page.url().split("/interventions/")[1]?.split(/[/?#]/)[0] as string;
    // The preview shows the working copy as its public page, inside the admin.
    const preview = page.frameLocator('iframe[title="Förhandsgranskning av Jobbspåret Kungsbacka"]');
    await preview.getByRole("heading", { level: 1, name: "Jobbspåret Kungsbacka" }).waitFor();
    await page.getByRole("button", { name: "Skicka till redaktionen" }).click();
    await page.getByText("Insatsen är inskickad till NNS redaktion.").waitFor();
    await page.getByText("Inskickad", { exact: true }).first().waitFor();
    await signOut(page, "Henrik Hedlund");

    await signIn(page, h.base, "nns.admin@demo.nns.se");
    await page.goto(`${h.base}/nns/catalog/queue`);
    await page.getByRole("heading", { level: 1, name: "Granskningskö" }).waitFor();
    const row = page.getByRole("row", { name: /Jobbspåret Kungsbacka/ });
    await row.getByText("Samordningsförbundet Halland").waitFor();
    await row.getByRole("link", { name: "Jobbspåret Kungsbacka" }).click();
    await page.getByRole("heading", { level: 1, name: "Jobbspåret Kungsbacka" }).waitFor();
    await page.getByRole("button", { name: "Returnera med kommentar" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Returnera" }).click();
    await dialog.getByText("Skriv vad som behöver ändras.").first().waitFor();
    await dialog.getByLabel("Vad behöver ändras?").fill("Beskriv målgruppen och hur deltagarna kommer in.");
    await dialog.getByRole("button", { name: "Returnera" }).click();
    await page.getByText("Insatsen är returnerad till förbundet.").waitFor();
    await signOut(page, "Nora Nilsson");

    await signIn(page, h.base, "redaktor.halland@demo.nns.se");
    await page.goto(`${h.base}/o/${halland}/interventions/${interventionId}`);
    const comment = page.getByRole("region", { name: "Returnerad av redaktionen" });
    await comment.getByText("Beskriv målgruppen och hur deltagarna kommer in.").waitFor();
    await screenshot(page, "intervention-returned-flow-1280");
    await page
      .getByRole("navigation", { name: "Delar av insatsen" })
      .getByRole("link", { name: "Redigera" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Redigera Jobbspåret Kungsbacka" }).waitFor();
    await page.getByLabel("Målgruppen med egna ord").fill("Unga vuxna 18–29 år som anvisas av kommunen.");
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await page.getByText("Insatsen är sparad.").waitFor();
    await page.getByRole("button", { name: "Skicka till redaktionen" }).click();
    await page.getByText("Insatsen är inskickad till NNS redaktion.").waitFor();
    await signOut(page, "Henrik Hedlund");

    await signIn(page, h.base, "nns.admin@demo.nns.se");
    await page.goto(`${h.base}/nns/catalog/queue`);
    await page.getByRole("link", { name: "Jobbspåret Kungsbacka" }).click();
    await page.getByRole("button", { name: "Publicera" }).click();
    await page.getByText("Insatsen är publicerad i katalogen.").waitFor();
    await page.getByRole("link", { name: "Visa i den publika katalogen" }).click();
    await page.waitForURL((url) => url.pathname === `/katalog/${interventionId}`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Jobbspåret Kungsbacka");
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("reports RESAM's results and shows the shares the API derived", async () => {
    const vocab = await vocabularies();
    const resam = String(
      (await h.t.db.ownerSql("select id from interventions where content->>'title' like 'RESAM%'"))[0]?.id,
    );
    const vastmanland = String(
      (await h.t.db.ownerSql("select id from organizations where slug = 'norra-vastmanland'"))[0]?.id,
    );
    const counts: Record<string, string> = {
      vocational_rehabilitation: "10",
      reduced_sick_leave: "2",
      job_seeking_studies_work: "50",
      back_to_fk: "34",
      dropped_out: "3",
      social_services: "4",
    };
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "admin.vastmanland@demo.nns.se");
    await page.goto(`${h.base}/o/${vastmanland}/interventions/${resam}/results`);
    await page.getByRole("heading", { level: 1, name: /^Resultat för RESAM/ }).waitFor();
    const form = page.getByRole("form", { name: "Rapportera en period" });
    await form.getByLabel("Periodens början").fill("2011-01-01");
    await form.getByLabel("Periodens slut").fill("2011-12-31");
    await form.getByLabel("Kvinnor").fill("56");
    await form.getByLabel(/^Män/).fill("47");
    for (const category of vocab.outcomeCategories)
      await form.getByLabel(category.labelSv, { exact: true }).fill(counts[category.code] ?? "0");
    await form.getByLabel("Genomsnittlig inskrivningstid (månader)").fill("7,5");
    await form.getByRole("button", { name: "Spara resultat" }).click();
    await page.getByText("Resultatet för perioden är sparat.").waitFor();
    const saved = page.getByRole("region", { name: "2011-01-01 – 2011-12-31" }).first();
    const row = (code: string) =>
      saved.getByRole("row", {
        name: new RegExp(vocab.outcomeCategories.find((c) => c.code === code)?.labelSv as string),
      });
    await expect(row("job_seeking_studies_work").textContent()).resolves.toMatch(/50\s*48,5\s%/);
    await expect(row("vocational_rehabilitation").textContent()).resolves.toMatch(/9,7\s%/);
    await expect(row("back_to_fk").textContent()).resolves.toMatch(/33,0\s%/);
    await expect(saved.textContent()).resolves.toMatch(/Andel positivt utfall\s*60,2\s%/);
    await expect(saved.textContent()).resolves.toContain("103 (56 kvinnor, 47 män, 0 annat)");
    await screenshot(page, "intervention-results-saved-1280");
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("shows a changed title in the version history's diff", async () => {
    const hoglandet = String(
      (await h.t.db.ownerSql("select id from organizations where slug = 'hoglandet'"))[0]?.id,
    );
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "admin.hoglandet@demo.nns.se");
    const vocab = await vocabularies();
    const focus = vocab.focusAreas.find((f) => f.orientation === "individual")?.labelSv as string;
    await page.goto(`${h.base}/o/${hoglandet}/interventions/new`);
    await page.getByLabel("Namn på insatsen").fill("Steget före");
    await page.getByLabel("Sammanfattning").fill("Tidigt stöd.");
    await chooseOption(page, /Preciserad inriktning/, focus);
    await page.getByRole("button", { name: "Skapa utkast" }).click();
    await page.getByRole("heading", { level: 1, name: "Steget före" }).waitFor();
    await page.getByRole("link", { name: "Redigera" }).click();
    await page.getByLabel("Namn på insatsen").fill("Steget före i Höglandet");
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Steget före i Höglandet" }).waitFor();
    await page.getByRole("link", { name: "Versionshistorik" }).click();
    await page.getByRole("heading", { level: 3, name: "Ändringar från version 1 till 2" }).waitFor();
    const change = page.getByRole("row", { name: /^Namn/ });
    await expect(change.getByRole("cell").nth(0).textContent()).resolves.toBe("Steget före");
    await expect(change.getByRole("cell").nth(1).textContent()).resolves.toBe("Steget före i Höglandet");
    await screenshot(page, "intervention-diff-1280");
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });
  it("reports every bad row of a CSV import and writes nothing, and tells an editor whose copy is stale to reload", async () => {
    const before = await h.t.db.ownerSql("select count(*)::int as n from interventions");
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "admin.halland@demo.nns.se");
    await page.goto(`${h.base}/o/${halland}/interventions/import`);
    await page.getByRole("heading", { level: 1, name: "Importera insatser från CSV" }).waitFor();
    const csv = [
      "title,summary,orientation,focusArea,status",
      "Bra rad,En sammanfattning,individual,vocational_rehabilitation,ongoing",
      ",Saknar namn,individual,vocational_rehabilitation,ongoing",
      "Fel status,Sammanfattning,individual,vocational_rehabilitation,kanske",
    ].join("\n");
    await page
      .getByLabel("CSV-fil")
      .setInputFiles({ name: "insatser.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Importera" }).click();
    const report = page.getByRole("region", { name: "Filen kunde inte importeras" });
    await report.getByText("Ingenting har sparats.", { exact: false }).waitFor();
    await report.getByRole("row", { name: /^3 title/ }).waitFor();
    await report.getByRole("row", { name: /^4 status/ }).waitFor();
    await screenshot(page, "intervention-import-report-1280");
    expect(await h.t.db.ownerSql("select count(*)::int as n from interventions")).toEqual(before);

    // Someone else saves while the form is open: the save is refused with a clear way forward.
    const [entry] = await h.t.db.ownerSql(
      "select id from interventions where content->>'title' like 'Samtalsstöd för föräldralediga%'",
    );
    await page.goto(`${h.base}/o/${halland}/interventions/${entry?.id}/edit`);
    await page.getByRole("heading", { level: 1, name: /^Redigera Samtalsstöd/ }).waitFor();
    await h.t.db.ownerSql(`update interventions set version = version + 1 where id = '${entry?.id}'`);
    await page.getByLabel("Målgruppen med egna ord").fill("Unga vuxna.");
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await page.getByRole("alert").getByText("Någon annan har ändrat insatsen", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Ladda om" }).click();
    await page.getByRole("button", { name: "Ladda om" }).waitFor({ state: "detached" });
    await page.getByLabel("Målgruppen med egna ord").fill("Unga vuxna.");
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await page.getByText("Insatsen är sparad.").waitFor();
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("lets a förbund invite another as co-owner, who accepts and sees the entry as co-owned", async () => {
    const [entry] = await h.t.db.ownerSql(
      "select id from interventions where content->>'title' like 'Progressionsmätning med SKAPA%'",
    );
    const umea = String(
      (await h.t.db.ownerSql("select id from organizations where slug = 'umearegionen'"))[0]?.id,
    );
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "admin.halland@demo.nns.se");
    await page.goto(`${h.base}/o/${halland}/interventions/${entry?.id}`);
    await chooseOption(page, /Förbund$/, "Samordningsförbundet Umeåregionen");
    await page.getByRole("button", { name: "Bjud in förbund" }).click();
    await page.getByText("Samordningsförbundet Umeåregionen är inbjudet.").waitFor();
    await page.getByRole("row", { name: /Samordningsförbundet Umeåregionen.*Inbjudan väntar/ }).waitFor();
    await signOut(page, "Hanna Holm");

    await signIn(page, h.base, "admin.umea@demo.nns.se");
    await page.goto(`${h.base}/o/${umea}/interventions`);
    await page
      .getByRole("button", { name: "Acceptera samägande av Progressionsmätning med SKAPA i Halland" })
      .click();
    await page.getByText("Ni är nu medägare av Progressionsmätning med SKAPA i Halland.").waitFor();
    await page.getByRole("row", { name: /Progressionsmätning med SKAPA i Halland.*Samägd/ }).waitFor();
    await screenshot(page, "interventions-co-owned-1280");
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });
});
