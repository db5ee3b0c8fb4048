import {
  addSession,
  createTraining,
  enterOrganization,
  moveTraining,
  putEventSignup,
  systemContext,
} from "@nns/services";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cleanAxe,
  type Harness,
  openPage,
  organizationId,
  screenshot,
  signIn,
  startHarness,
} from "./harness.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const DAY = 86_400_000;

/** A planned event of Höglandet's with one session three weeks ahead, not yet open for public sign-up. */
async function plannedEvent(title: string): Promise<{ orgId: string; trainingId: string }> {
  const orgId = await organizationId(h, "hoglandet");
  const ctx = await enterOrganization(systemContext(h.deps, "flow-fixture"), orgId);
  const event = await createTraining(ctx, { kind: "event", title, description: "Föreläsning och samtal." });
  const startsAt = new Date(Date.now() + 21 * DAY);
  startsAt.setUTCHours(8, 0, 0, 0);
  await addSession(ctx, event.id, {
    title: "Förmiddag",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
    mode: "on_site",
    location: "Eksjö, Stadshotellet",
    capacity: 40,
  });
  await moveTraining(ctx, event.id, "plan", null);
  return { orgId, trainingId: event.id };
}

const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe("public sign-up for an event", () => {
  it("lets the förbund open sign-up and share the page, where a person signs up without scripts", async () => {
    const { orgId, trainingId } = await plannedEvent("Temadag om arbetsgivarkontakter");
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "admin.hoglandet@demo.nns.se");
    await page.goto(`${h.base}/o/${orgId}/trainings/${trainingId}`);
    const section = page.getByRole("region", { name: "Öppen anmälan" });
    await section.getByText("Anmälan på den publika sidan är stängd.").waitFor();
    await section.getByText("Öppna för anmälan på den publika sidan").click();
    const lastDay = new Date(Date.now() + 14 * DAY).toISOString().slice(0, 10);
    await section.getByLabel(/^Sista anmälningsdag/).fill(lastDay);
    await section.getByRole("button", { name: "Spara anmälan" }).click();
    await page.getByText("Anmälan är öppen. Dela adressen till den publika sidan.").waitFor();
    const link = section.getByRole("link", { name: new RegExp(`/evenemang/${trainingId}$`) });
    await link.waitFor();
    await section.getByRole("button", { name: "Kopiera adressen" }).waitFor();
    await cleanAxe(page, "the event's page with public sign-up open, 1280 px");
    await page.setViewportSize({ width: 390, height: 844 });
    await section.scrollIntoViewIfNeeded();
    await cleanAxe(page, "the event's page with public sign-up open, 390 px");
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, "flow-event-signup-admin-390");

    // The public page, as someone without scripts sees it on a phone.
    const visitor = await h.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    const form = await visitor.newPage();
    await form.goto(`${h.base}/evenemang/${trainingId}`);
    await form.getByRole("heading", { level: 1, name: "Temadag om arbetsgivarkontakter" }).waitFor();
    await form.getByText("Plats: Eksjö, Stadshotellet").waitFor();
    expect(await scrollsSideways(form)).toBe(false);
    await form.getByRole("button", { name: "Skicka anmälan" }).click();
    await form.getByRole("alert").getByText("Formuläret behöver rättas").waitFor();
    await form.getByText("Skriv ditt namn.").first().waitFor();
    await form.getByRole("textbox", { name: "Namn" }).fill("Sara Ek");
    await form.getByRole("textbox", { name: "E-postadress" }).fill("sara.ek@example.se");
    await form.getByRole("textbox", { name: "Arbetsplats eller organisation" }).fill("Eksjö kommun");
    await form.getByRole("checkbox").check();
    await form.getByRole("button", { name: "Skicka anmälan" }).click();
    await form.getByRole("heading", { level: 1, name: "Tack, du är anmäld" }).waitFor();
    await visitor.close();
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("is axe clean on the public page and its errors at 1280 and 390 px", async () => {
    const { orgId, trainingId } = await plannedEvent("Inspirationsföreläsning");
    const ctx = await enterOrganization(systemContext(h.deps, "flow-fixture"), orgId);
    await putEventSignup(ctx, trainingId, { open: true, closesAt: null, consentText: "Jag samtycker." });
    for (const width of [1280, 390]) {
      const { page } = await openPage(h, width);
      await page.goto(`${h.base}/evenemang/${trainingId}`);
      await cleanAxe(page, `the public event page, ${width} px`);
      await page.getByRole("button", { name: "Skicka anmälan" }).click();
      await page.getByRole("alert").waitFor();
      await cleanAxe(page, `the public event page with errors, ${width} px`);
      await screenshot(page, `flow-event-signup-public-errors-${width}`);
      await page.context().close();
    }
  });
});
