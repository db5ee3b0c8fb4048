import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Locator, Page } from "playwright-core";
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
  startHarness,
} from "./harness.js";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real receiving system on 127.0.0.1: it records every request and answers with `answer`. */
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
let answer = 200;

let h: Harness;
let halland: string;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(answer, { "content-type": "text/plain" }).end(answer === 200 ? "ok" : "fel");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/nns-handelser`;
  // The platform refuses plain HTTP and loopback targets unless configured to allow them (development).
  // A failed delivery is retried only after an hour here, so what the log shows stays put during the test.
  h = await startHarness({
    webhooks: { allowHttp: true, allowPrivateTargets: true, delivery: { retryDelaysMs: [3_600_000] } },
  });
  halland = await organizationId(h, "halland");
});
afterAll(async () => {
  await h?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

/** Presses Tab until `target` has focus: proves it is reachable by keyboard, in at most `limit` steps. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`not reached by Tab in ${limit} steps`);
}

const focusedName = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return element?.getAttribute("aria-label") ?? element?.textContent?.trim() ?? "";
  });

/** The receiver checks the signature as docs/api.md tells integrators to: HMAC-SHA256 of "timestamp.body". */
function signatureValid(request: Received, secret: string): boolean {
  const timestamp = String(request.headers["webhook-timestamp"]);
  const expected = createHmac("sha256", secret).update(`${timestamp}.${request.body}`).digest("hex");
  return request.headers["webhook-signature"] === `v1=${expected}`;
}

describe("webhooks", () => {
  it("adds a receiver by keyboard, shows its secret once, tests it, sends deliveries again and removes it", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "admin.halland@demo.nns.se");
    await menuLink(page, "Webhookar").click();
    await page.getByRole("heading", { level: 1, name: "Webhookar" }).waitFor();
    await page.getByText("Organisationen har inga mottagare ännu.").waitFor();
    expect(await axe(page)).toEqual([]);

    // Keyboard: from the page's main content to the add button, and the dialog starts at its first field.
    const add = page.getByRole("button", { name: "Lägg till mottagare" });
    await tabTo(page, add);
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Lägg till mottagare" });
    const url = dialog.getByRole("textbox", { name: /Adress/ });
    await expect(url.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type(receiverUrl);
    await page.keyboard.press("Tab");
    await page.keyboard.type("Kommunens ärendesystem");
    // The events are offered in Swedish, grouped by what they concern.
    await dialog.getByRole("group", { name: "Utbildningar" }).waitFor();
    const cancelled = dialog.getByRole("checkbox", { name: "En utbildning ställs in" });
    await tabTo(page, cancelled, 10);
    await page.keyboard.press("Space");
    await dialog.getByText("En deltagare anmäls", { exact: true }).click();
    expect(await axe(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Lägg till", exact: true }).click();

    // The secret, once, with the copy button focused.
    const created = page.getByRole("dialog", { name: "Mottagaren är tillagd" });
    await created.getByText("Den visas bara den här gången").waitFor();
    const secret = ((await created.locator(".secret").textContent()) ?? "").trim();
    expect(secret).toMatch(/^whsec_/);
    await expect(focusedName(page)).resolves.toBe("Kopiera hemligheten");
    await screenshot(page, "webhook-secret-1280");
    await created.getByRole("button", { name: "Jag har sparat hemligheten" }).click();
    await page.getByText(`Mottagaren ${receiverUrl} är tillagd.`).waitFor();
    const row = page.getByRole("row", { name: new RegExp(receiverUrl) });
    await row.getByText("En utbildning ställs in").waitFor();
    await row.getByText("En deltagare anmäls").waitFor();
    await row.getByText("På", { exact: true }).waitFor();
    const listText = (await page.locator("main").textContent()) ?? "";
    expect(listText).not.toContain(secret);
    expect(listText).not.toContain("training.cancelled");

    // The receiver's page: a test event is delivered, signed with the secret that was shown.
    await page.getByRole("link", { name: receiverUrl }).click();
    await page.getByRole("heading", { level: 1, name: "Kommunens ärendesystem" }).waitFor();
    await page.getByText("Inga leveranser ännu.", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Skicka testhändelse" }).click();
    await page.getByText("En testhändelse är på väg.", { exact: false }).waitFor();
    const log = page.getByRole("table", { name: "Leveranser till mottagaren" });
    const delivered = log.getByRole("row").filter({ hasText: "Levererad" });
    await delivered.first().waitFor();
    await expect(delivered.first().getByRole("rowheader").textContent()).resolves.toBe("Testhändelse");
    await delivered.first().getByRole("cell", { name: "200", exact: true }).waitFor();
    expect(received).toHaveLength(1);
    expect(signatureValid(received[0] as Received, secret)).toBe(true);
    expect(JSON.parse((received[0] as Received).body)).toMatchObject({ type: "ping" });

    // The receiver is down: "Skicka igen" by keyboard, focus stays on the button, the failure is logged.
    answer = 500;
    const resend = log.getByRole("button", { name: /^Skicka igen: Testhändelse från / }).first();
    await tabTo(page, resend);
    await page.keyboard.press("Enter");
    const sent = page.getByText("Den nya leveransen visas överst i loggen.", { exact: false });
    await sent.waitFor();
    // Focus moves to the message, which says where the new delivery is.
    await expect
      .poll(() => sent.evaluate((element) => element.closest(".feedback") === document.activeElement))
      .toBe(true);
    const retrying = log.getByRole("row").filter({ hasText: "Försöker igen" });
    await retrying.first().waitFor();
    await retrying
      .first()
      .getByText(/^nästa försök \d{4}-\d\d-\d\d \d\d:\d\d$/)
      .waitFor();
    await retrying.first().getByRole("cell", { name: "500", exact: true }).waitFor();
    expect(received).toHaveLength(2);
    // A resend is the same event again: the receiver can tell by its id.
    expect(received[1]?.headers["webhook-id"]).toBe(received[0]?.headers["webhook-id"]);
    await screenshot(page, "webhook-log-1280");

    // Back up: sending the failed delivery again succeeds; the filter shows one status at a time.
    answer = 200;
    await retrying
      .first()
      .getByRole("button", { name: /^Skicka igen/ })
      .click();
    await expect.poll(() => delivered.count(), { timeout: 15_000 }).toBe(2);
    await chooseOption(page, /Visa$/, "Försöker igen");
    await expect.poll(() => log.getByRole("row").count()).toBe(2);
    await log.getByRole("cell", { name: "500", exact: true }).waitFor();
    await chooseOption(page, /Visa$/, "Misslyckad");
    await page.getByText("Inga leveranser med den statusen.").waitFor();
    await chooseOption(page, /Visa$/, "Alla leveranser");
    await log.waitFor();

    // A new secret, shown once, after a confirmation.
    await page.getByRole("button", { name: "Byt hemlighet" }).click();
    await page
      .getByRole("dialog", { name: "Byt hemlighet?" })
      .getByRole("button", { name: "Byt hemlighet" })
      .click();
    const rotated = page.getByRole("dialog", { name: "Ny hemlighet" });
    const newSecret = ((await rotated.locator(".secret").textContent()) ?? "").trim();
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(secret);
    await rotated.getByRole("button", { name: "Jag har sparat hemligheten" }).click();
    await page.getByText("Hemligheten är utbytt.").waitFor();

    // Switched off, with the reason; and on again.
    await page.getByRole("button", { name: "Stäng av" }).click();
    await page.getByText("Mottagaren är avstängd.", { exact: false }).waitFor();
    await page.getByText("Avstängd", { exact: true }).waitFor();
    await page.getByText("Avstängd av en administratör.").waitFor();
    // Nothing can be sent to it meanwhile, and the log says why.
    await page.getByText("Mottagaren är avstängd. Slå på den", { exact: false }).waitFor();
    await expect(page.getByRole("button", { name: "Skicka testhändelse" }).count()).resolves.toBe(0);
    await expect(log.getByRole("button", { name: /^Skicka igen/ }).count()).resolves.toBe(0);
    await screenshot(page, "webhook-disabled-1280");
    await page.getByRole("button", { name: "Slå på" }).click();
    await page.getByText("Mottagaren är påslagen igen.").waitFor();

    // Changing the events.
    await page.getByRole("button", { name: "Ändra", exact: true }).click();
    const edit = page.getByRole("dialog", { name: "Ändra mottagare" });
    await expect(edit.getByRole("checkbox", { name: "En utbildning ställs in" }).isChecked()).resolves.toBe(
      true,
    );
    await edit.getByText("En insats publiceras", { exact: true }).click();
    await edit.getByRole("button", { name: "Spara ändringarna" }).click();
    await page.getByText("Mottagaren är sparad.").waitFor();
    await page.getByText("En insats publiceras").waitFor();

    // Removed: back on the list, which says so.
    await page.getByRole("button", { name: "Ta bort", exact: true }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Ta bort mottagaren" }).click();
    await page.getByRole("heading", { level: 1, name: "Webhookar" }).waitFor();
    await page.getByText(`Mottagaren ${receiverUrl} är borttagen.`).waitFor();
    await page.getByText("Organisationen har inga mottagare ännu.").waitFor();
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  // Freshly loaded pages: right after a dialog closes, react-aria's announcement of its pending button
  // (a live-region entry labelled by that button) outlives the button for seven seconds, which axe reports.
  it("shows the list and a receiver's page with its log without axe violations at 1280 and 390 px", async () => {
    const desk = await openPage(h);
    await signIn(desk.page, h.base, "admin.halland@demo.nns.se");
    await desk.page.goto(`${h.base}/o/${halland}/webhooks`);
    await desk.page.getByRole("button", { name: "Lägg till mottagare" }).click();
    const dialog = desk.page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: /Adress/ }).fill(`${receiverUrl}/telefon`);
    await dialog.getByText("En intresseanmälan planeras in", { exact: true }).click();
    await dialog.getByRole("button", { name: "Lägg till", exact: true }).click();
    await desk.page.getByRole("button", { name: "Jag har sparat hemligheten" }).click();
    await desk.page.getByRole("link", { name: `${receiverUrl}/telefon` }).click();
    await desk.page.getByRole("button", { name: "Skicka testhändelse" }).click();
    await desk.page.getByRole("table").getByText("Levererad").first().waitFor();
    const endpointPath = new URL(desk.page.url()).pathname;
    await desk.page.context().close();

    for (const width of [1280, 390]) {
      const { page, problems } = await openPage(h, width);
      await signIn(page, h.base, "admin.halland@demo.nns.se");
      await page.goto(`${h.base}/o/${halland}/webhooks`);
      await page.getByRole("link", { name: `${receiverUrl}/telefon` }).waitFor();
      expect(await axe(page)).toEqual([]);
      await screenshot(page, `webhooks-${width}`);
      await page.goto(`${h.base}${endpointPath}`);
      await page.getByRole("table").getByText("Levererad").first().waitFor();
      expect(await axe(page)).toEqual([]);
      await screenshot(page, `webhook-endpoint-${width}`);
      await page.goto(`${h.base}/o/${halland}/webhooks`);
      await page.getByRole("button", { name: "Lägg till mottagare" }).click();
      await page.getByRole("dialog").getByRole("checkbox").first().waitFor();
      await screenshot(page, `webhook-create-${width}`);
      expect(problems.errors).toEqual([]);
      await page.context().close();
    }
  });

  it("is not offered to an editor, and its address refuses them", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "redaktor.halland@demo.nns.se");
    await expect(menuLink(page, "Webhookar").count()).resolves.toBe(0);
    await page.goto(`${h.base}/o/${halland}/webhooks`);
    await page.getByRole("heading", { level: 1, name: "Behörighet saknas" }).waitFor();
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });
});
