import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chooseOption,
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
    await page.getByRole("rowheader", { name: "ny.medarbetare@halland.test" }).first().waitFor();

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
    await editor.page.getByRole("rowheader", { name: "Hanna Holm" }).first().waitFor();
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
