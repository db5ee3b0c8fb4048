// Longer than 400 lines: one flow of two förbund from an empty list to a sent issue, in the order a person goes, with its helpers.
import { newsletterSender } from "@nns/services";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ARTIFACTS,
  chooseOption,
  cleanAxe,
  type Harness,
  menuLink,
  openPage,
  organizationId,
  type PageProblems,
  screenshot,
  signIn,
  signOut,
  startHarness,
} from "./harness.js";

let h: Harness;
let halland: string;
let hoglandet: string;

beforeAll(async () => {
  // The queue runs, its workers not (the harness's default): deliveries wait until the test starts the sender.
  h = await startHarness();
  halland = await organizationId(h, "halland");
  hoglandet = await organizationId(h, "hoglandet");
});
afterAll(async () => {
  await h?.close();
});

/** Presses Tab until `target` has focus: proves it is reachable by keyboard, in at most `limit` steps. */
async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`not reached by Tab in ${limit} steps`);
}

const hasFocus = (target: Locator) => target.evaluate((element) => element === document.activeElement);

/** A write is answered and the list refetched before focus moves: allow for a slow machine. */
const SLOW = { timeout: 10_000 };

async function focused(target: Locator): Promise<void> {
  await expect.poll(() => hasFocus(target), SLOW).toBe(true);
}

/** The message shown beneath a field, found through the field's own label. */
function fieldError(page: Page, label: string): Locator {
  return page
    .locator(".field", { has: page.getByRole("textbox", { name: label, exact: true }) })
    .locator(".field-error");
}

/**
 * The email's images live on the förbund's own web servers, which do not exist here (.example never
 * resolves): the browser is given one picture for every such address, so the preview shows images as a
 * reader would see them. Chromium's speculative preload of the frame's first image still goes to DNS
 * past the route and logs its failure; that one message is not the page's fault and is left out.
 */
async function serveImages(page: Page): Promise<void> {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="480" height="160"><rect width="480" height="160" fill="#1d4f91"/>' +
    '<text x="24" y="96" font-size="40" fill="#fff" font-family="sans-serif">Samordning</text></svg>';
  await page
    .context()
    .route(/^https:\/\/[a-z]+\.example\//, (route) =>
      route.fulfill({ status: 200, contentType: "image/svg+xml", body: svg }),
    );
}

const PRELOAD_MISS =
  /^console: Failed to load resource: net::ERR_NAME_NOT_RESOLVED https:\/\/[a-z]+\.example\//;
const pageErrors = (problems: PageProblems) => problems.errors.filter((error) => !PRELOAD_MISS.test(error));

const PUBLICATION = "Arbete och hälsa i södra Sverige";
const SLUG = "arbete-och-halsa";
const OWNER_SECTION = "Tio nya IPS-platser i Halland";
const PARTNER_SECTION = "Vårens utbildningsdagar på Höglandet";

describe("newsletters", () => {
  it("is created, co-published, written, ordered, made ready and previewed by two förbund", async () => {
    const { page, problems } = await openPage(h);
    await serveImages(page);
    await signIn(page, h.base, "admin.halland@demo.nns.se");
    await menuLink(page, "Nyhetsbrev").click();
    await page.getByRole("heading", { level: 1, name: "Nyhetsbrev" }).waitFor();
    await page.getByText("Förbundet ger inte ut något nyhetsbrev ännu.").waitFor();
    await cleanAxe(page, "empty list");

    // Create: the API's field errors land beside the fields they name.
    await page.getByRole("button", { name: "Nytt nyhetsbrev" }).click();
    const create = page.getByRole("dialog", { name: "Nytt nyhetsbrev" });
    await create.getByRole("textbox", { name: "Namn", exact: true }).fill(PUBLICATION);
    await create.getByRole("textbox", { name: "Kortadress", exact: true }).fill(SLUG);
    await create
      .getByRole("textbox", { name: "Beskrivning (valfritt)", exact: true })
      .fill("Nyheter från två förbund.");
    await create.getByRole("textbox", { name: "Avsändarnamn", exact: true }).fill("Samordningsförbunden");
    await create
      .getByRole("textbox", { name: "Avsändaradress", exact: true })
      .fill("nyhetsbrev@halland.example");
    await create
      .getByRole("textbox", { name: "Logotyp, webbadress (valfritt)", exact: true })
      .fill("http://halland.example/logo.png");
    await cleanAxe(page, "create dialog");
    await create.getByRole("button", { name: "Skapa nyhetsbrevet" }).click();
    await fieldError(page, "Logotyp, webbadress (valfritt)")
      .getByText("Adressen måste börja med https://.")
      .waitFor();
    await fieldError(page, "Logotyp, alternativtext").getByText("Fyll i fältet.").waitFor();
    await cleanAxe(page, "create dialog with errors");
    await screenshot(page, "newsletter-create-errors-1280");
    await create
      .getByRole("textbox", { name: "Logotyp, webbadress (valfritt)", exact: true })
      .fill("https://halland.example/logo.png");
    await create
      .getByRole("textbox", { name: "Logotyp, alternativtext", exact: true })
      .fill("Samordningsförbundet Hallands logotyp");
    await create.getByRole("button", { name: "Skapa nyhetsbrevet" }).click();

    // The publication's page: settings, the public page, the owner as first publisher.
    await page.getByRole("heading", { level: 1, name: PUBLICATION }).waitFor();
    const publicationUrl = page.url();
    await page.getByRole("link", { name: `${h.base}/nyhetsbrev/${SLUG}` }).waitFor();
    const publishers = page.getByRole("table", { name: "Utgivare av nyhetsbrevet" });
    await publishers
      .getByRole("row", { name: /Samordningsförbundet Halland/ })
      .getByText("Äger nyhetsbrevet")
      .waitFor();
    // The owner is an org_admin: subscribers:manage, so the subscribers page is linked.
    await page.getByRole("link", { name: "Prenumeranter" }).waitFor();

    // Invite Höglandet, chosen by name; the owner's own line of the footer.
    await chooseOption(page, /Bjud in ett förbund/, "Samordningsförbundet Höglandet");
    await page.getByRole("button", { name: "Skicka inbjudan" }).click();
    await page.getByText("Samordningsförbundet Höglandet är inbjudet att ge ut nyhetsbrevet.").waitFor();
    await publishers
      .getByRole("row", { name: /Samordningsförbundet Höglandet/ })
      .getByText(/^Inbjuden \d{4}-\d\d-\d\d, har inte svarat$/)
      .waitFor();
    await page
      .getByRole("textbox", { name: "Kontaktrad", exact: true })
      .fill("Box 123, 301 80 Halmstad, 035-12 34 56");
    await page.getByRole("button", { name: "Spara kontaktraden" }).click();
    await page.getByText("Kontaktraden är sparad.").waitFor();
    await publishers.getByRole("cell", { name: "Box 123, 301 80 Halmstad, 035-12 34 56" }).waitFor();
    await cleanAxe(page, "publication page");
    await screenshot(page, "newsletter-publication-1280");

    // An issue, and the owner's section: the alt text is required with an image.
    await page.getByRole("button", { name: "Nytt utskick" }).click();
    const newIssue = page.getByRole("dialog", { name: "Nytt utskick" });
    await newIssue.getByRole("textbox", { name: "Ämnesrad", exact: true }).fill("Vårens nyheter");
    await newIssue
      .getByRole("textbox", { name: "Förhandstext (valfritt)", exact: true })
      .fill("IPS och utbildningsdagar");
    await newIssue.getByRole("button", { name: "Skapa utskicket" }).click();
    await page.getByRole("heading", { level: 1, name: "Utskick 1: Vårens nyheter" }).waitFor();
    const issueUrl = page.url();
    await page.getByText("Utkast", { exact: true }).first().waitFor();
    await page.getByText("Inga avsnitt ännu.").waitFor();
    await cleanAxe(page, "empty issue");

    await page.getByRole("button", { name: "Skriv ett nytt avsnitt" }).click();
    const form = page.locator(".newsletter-new-section");
    await form.getByRole("textbox", { name: "Rubrik", exact: true }).fill(OWNER_SECTION);
    await form
      .getByRole("textbox", { name: "Text", exact: true })
      .fill("Arbetsförmedlingen och kommunerna öppnar **tio nya platser**.\n\n- Halmstad\n- Varberg");
    await form
      .getByRole("textbox", { name: "Bildens webbadress", exact: true })
      .fill("https://halland.example/ips.jpg");
    await form.getByRole("button", { name: "Lägg till avsnittet" }).click();
    await fieldError(page, "Alternativtext").getByText("Fyll i fältet.").waitFor();
    await cleanAxe(page, "section form with error");
    await form
      .getByRole("textbox", { name: "Alternativtext", exact: true })
      .fill("En handledare och en deltagare vid ett skrivbord");
    await form.getByRole("button", { name: "Lägg till avsnittet" }).click();
    await page.getByText(`Avsnittet ${OWNER_SECTION} är tillagt.`, { exact: false }).waitFor();
    const ownerSection = page.getByRole("article", { name: OWNER_SECTION });
    await ownerSection.getByText("Skrivet av Samordningsförbundet Halland").waitFor();
    await ownerSection.getByText("Inte godkänt").waitFor();
    await ownerSection.getByRole("button", { name: `Godkänn avsnittet ${OWNER_SECTION}` }).click();
    await page.getByText(`Avsnittet ${OWNER_SECTION} är godkänt.`).waitFor();
    await ownerSection.getByText("Godkänt", { exact: true }).waitFor();
    await signOut(page, "Hanna Holm");
    expect(pageErrors(problems)).toEqual([]);

    await partnerAcceptsAndWrites(page, problems, publicationUrl, issueUrl);
    await ownerOrdersAndMarksReady(page, problems, issueUrl);
    await ownerSends(page, problems, issueUrl, publicationUrl);
    await phoneScreenshots(issueUrl, publicationUrl);
  }, 240_000);
});

/** Höglandet accepts the invitation and writes and approves its own section by keyboard alone. */
async function partnerAcceptsAndWrites(
  page: Page,
  problems: PageProblems,
  publicationUrl: string,
  issueUrl: string,
): Promise<void> {
  await signIn(page, h.base, "admin.hoglandet@demo.nns.se");
  await menuLink(page, "Nyhetsbrev").click();
  const invitations = page.getByRole("region", { name: "Inbjudningar att ge ut nyhetsbrev" });
  await invitations
    .getByText(`${PUBLICATION}, från Samordningsförbundet Halland`, { exact: false })
    .waitFor();
  await cleanAxe(page, "list with invitation");
  await screenshot(page, "newsletter-invitation-1280");
  await invitations.getByRole("button", { name: `Tacka ja till att ge ut ${PUBLICATION}` }).click();
  await page.getByText(`Ni ger nu ut ${PUBLICATION} tillsammans med Samordningsförbundet Halland.`).waitFor();
  await expect(invitations.count()).resolves.toBe(0);
  const row = page.getByRole("row", { name: new RegExp(PUBLICATION) });
  await row.getByText("Medutgivare").waitFor();

  // The same newsletter, seen from the co-publisher's side.
  await page.goto(publicationUrl.replace(halland, hoglandet));
  await page.getByRole("heading", { level: 1, name: PUBLICATION }).waitFor();
  // A co-publisher neither changes the settings nor invites; it may leave, and writes its own line.
  await expect(page.getByRole("button", { name: "Ändra inställningar" }).count()).resolves.toBe(0);
  await expect(page.getByRole("button", { name: "Skicka inbjudan" }).count()).resolves.toBe(0);
  await page.getByRole("button", { name: "Lämna nyhetsbrevet" }).waitFor();
  await page
    .getByRole("textbox", { name: "Kontaktrad", exact: true })
    .fill("Höglandets samordningsförbund, Nässjö");
  await page.getByRole("button", { name: "Spara kontaktraden" }).click();
  await page.getByText("Kontaktraden är sparad.").waitFor();

  await page.goto(issueUrl.replace(halland, hoglandet));
  await page.getByRole("heading", { level: 1, name: "Utskick 1: Vårens nyheter" }).waitFor();
  // The owner's section is there to read, not to change.
  await page.getByRole("article", { name: OWNER_SECTION }).waitFor();
  await expect(
    page.getByRole("button", { name: `Redigera avsnittet ${OWNER_SECTION}` }).count(),
  ).resolves.toBe(0);
  await expect(page.getByRole("button", { name: /^Flytta/ }).count()).resolves.toBe(0);
  await expect(page.getByRole("textbox", { name: "Ämnesrad", exact: true }).count()).resolves.toBe(0);

  // Keyboard only: open the form, write, add a link, send; then approve from the new section.
  await page.locator("main").focus();
  await tabTo(page, page.getByRole("button", { name: "Skriv ett nytt avsnitt" }));
  await page.keyboard.press("Enter");
  const form = page.locator(".newsletter-new-section");
  await focused(form.getByRole("textbox", { name: "Rubrik", exact: true }));
  await page.keyboard.type(PARTNER_SECTION);
  await page.keyboard.press("Tab");
  await expect(hasFocus(form.getByRole("textbox", { name: "Text", exact: true }))).resolves.toBe(true);
  await page.keyboard.type("Två dagar om samverkan i maj.");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Anmäl er senast den 15 april.");
  await tabTo(page, form.getByRole("button", { name: "Lägg till länk" }), 5);
  await page.keyboard.press("Enter");
  await focused(form.getByRole("textbox", { name: "Länktext 1", exact: true }));
  await page.keyboard.type("Anmälan");
  await page.keyboard.press("Tab");
  await expect(hasFocus(form.getByRole("textbox", { name: "Adress 1", exact: true }))).resolves.toBe(true);
  await page.keyboard.type("https://hoglandet.example/anmalan");
  await cleanAxe(page, "section form filled in");
  await tabTo(page, form.getByRole("button", { name: "Lägg till avsnittet" }), 5);
  await page.keyboard.press("Enter");
  await page.getByText(`Avsnittet ${PARTNER_SECTION} är tillagt.`, { exact: false }).waitFor();
  const section = page.getByRole("article", { name: PARTNER_SECTION });
  await focused(section);
  await section.getByText("Skrivet av Samordningsförbundet Höglandet").waitFor();
  await section.getByText("Anmälan (https://hoglandet.example/anmalan)").waitFor();
  const approve = section.getByRole("button", { name: `Godkänn avsnittet ${PARTNER_SECTION}` });
  await tabTo(page, approve, 5);
  await page.keyboard.press("Enter");
  await page.getByText(`Avsnittet ${PARTNER_SECTION} är godkänt.`).waitFor();
  await focused(section);
  await section.getByText("Godkänt", { exact: true }).waitFor();
  await cleanAxe(page, "issue as co-publisher");
  await screenshot(page, "newsletter-issue-partner-1280");
  await signOut(page, "Hugo Hjalmarsson");
  expect(pageErrors(problems)).toEqual([]);
}

/** The owner moves Höglandet's section first by keyboard, marks the issue ready, schedules and previews it. */
async function ownerOrdersAndMarksReady(page: Page, problems: PageProblems, issueUrl: string): Promise<void> {
  await signIn(page, h.base, "admin.halland@demo.nns.se");
  await page.goto(issueUrl);
  await page.getByRole("heading", { level: 1, name: "Utskick 1: Vårens nyheter" }).waitFor();
  const approvals = page.getByRole("region", { name: "Status" });
  await approvals
    .getByRole("listitem")
    .filter({ hasText: "Samordningsförbundet Höglandet" })
    .getByText("Godkänt")
    .waitFor();
  await approvals
    .getByRole("listitem")
    .filter({ hasText: "Samordningsförbundet Halland" })
    .getByText("Godkänt")
    .waitFor();
  const headings = () => page.locator(".newsletter-sections h3").allTextContents();
  await expect(headings()).resolves.toEqual([OWNER_SECTION, PARTNER_SECTION]);

  // Up: the section becomes first, its "Flytta upp" is then unusable, so focus stays on its "Flytta ner".
  const up = page.getByRole("button", { name: `Flytta upp avsnittet ${PARTNER_SECTION}` });
  const down = page.getByRole("button", { name: `Flytta ner avsnittet ${PARTNER_SECTION}` });
  await page.locator("main").focus();
  await tabTo(page, up);
  await page.keyboard.press("Enter");
  await page.getByText(`Avsnittet ${PARTNER_SECTION} är nu nummer 1 av 2.`).waitFor();
  await expect.poll(headings, SLOW).toEqual([PARTNER_SECTION, OWNER_SECTION]);
  await focused(down);
  // Down and up again, by keyboard, with focus following the section.
  await page.keyboard.press("Enter");
  await expect.poll(headings, SLOW).toEqual([OWNER_SECTION, PARTNER_SECTION]);
  await focused(up);
  await page.keyboard.press("Enter");
  await expect.poll(headings, SLOW).toEqual([PARTNER_SECTION, OWNER_SECTION]);
  await focused(down);
  // Approvals stay with a new order: no text changed.
  await page.getByRole("article", { name: PARTNER_SECTION }).getByText("Godkänt", { exact: true }).waitFor();

  await page.getByRole("button", { name: "Markera som klart att skicka" }).click();
  await page.getByText("Utskicket är klart att skicka.").waitFor();
  await approvals.getByText("Klar att skicka").waitFor();

  // Scheduled in Swedish time, shown in Swedish format; then back to draft and ready again.
  await page.getByRole("button", { name: "Schemalägg" }).click();
  const schedule = page.getByRole("dialog", { name: "Schemalägg utskicket" });
  await schedule.getByText("svensk tid (Europe/Stockholm)", { exact: false }).waitFor();
  await schedule.getByLabel("Datum").fill("2040-03-05");
  await schedule.getByLabel("Klockslag (svensk tid)").fill("09:30");
  await cleanAxe(page, "schedule dialog");
  await schedule.getByRole("button", { name: "Schemalägg" }).click();
  await page.getByText("Utskicket skickas 2040-03-05 09:30 (svensk tid).").waitFor();
  await approvals.getByText("Schemalagd").waitFor();
  await approvals.getByText("2040-03-05 09:30", { exact: true }).waitFor();
  const scheduledAt = await h.t.db.ownerSql(
    "select scheduled_at from newsletter_issues where scheduled_at is not null",
  );
  // 09:30 in Stockholm in March (CET, UTC+1) is 08:30 UTC, whatever the browser's zone.
  expect(new Date(String(scheduledAt[0]?.scheduled_at)).toISOString()).toBe("2040-03-05T08:30:00.000Z");
  await page.getByRole("button", { name: "Tillbaka till utkast" }).click();
  await page.getByText("Utskicket är ett utkast igen.").waitFor();
  await page.getByRole("button", { name: "Markera som klart att skicka" }).click();
  await page.getByText("Utskicket är klart att skicka.").waitFor();

  // The preview: the rendered email in a frame without scripts, in the owner's order, at two widths.
  const preview = page.getByRole("region", { name: "Förhandsvisning" });
  const frame = preview.locator("iframe");
  await expect(frame.getAttribute("sandbox")).resolves.toBe("");
  await expect
    .poll(() => frame.evaluate((element: HTMLIFrameElement) => element.getBoundingClientRect().width))
    .toBe(600);
  const html = (await frame.getAttribute("srcdoc")) ?? "";
  expect(html).toContain('lang="sv"');
  expect(html.indexOf(PARTNER_SECTION)).toBeGreaterThan(-1);
  expect(html.indexOf(PARTNER_SECTION)).toBeLessThan(html.indexOf(OWNER_SECTION));
  const inside = page.frameLocator(".newsletter-preview-frame");
  await inside.getByText(PARTNER_SECTION).first().waitFor();
  await cleanAxe(page, "ready issue with preview");
  await screenshot(page, "newsletter-issue-ready-1280");
  // Page screenshots leave the sandboxed frame blank; the frame's own screenshot shows what it holds.
  await frame.screenshot({ path: `${ARTIFACTS}newsletter-preview-600.png` });
  await preview.getByText("Mobil (390 px)").click();
  await expect(preview.getByRole("radio", { name: "Mobil (390 px)" }).isChecked()).resolves.toBe(true);
  await expect
    .poll(() => frame.evaluate((element: HTMLIFrameElement) => element.getBoundingClientRect().width))
    .toBe(390);
  await preview.getByRole("tab", { name: "Textversion" }).click();
  const text = (await preview.locator("pre").textContent()) ?? "";
  // Plain text sets headings in capitals.
  expect(text).toContain(PARTNER_SECTION.toUpperCase());
  expect(text).toContain("Anmäl er senast den 15 april.");
  expect(text).toContain("Anmälan https://hoglandet.example/anmalan");
  expect(text.indexOf(PARTNER_SECTION.toUpperCase())).toBeLessThan(text.indexOf(OWNER_SECTION.toUpperCase()));
  await cleanAxe(page, "plain-text preview");
  expect(pageErrors(problems)).toEqual([]);
}

/** Confirmed subscribers, added through the API as an administrator attesting their consent. */
async function addSubscribers(page: Page, publicationId: string, emails: string[]): Promise<void> {
  for (const email of emails) {
    const response = await page.request.post(
      `${h.base}/v1/orgs/${halland}/newsletters/${publicationId}/subscribers`,
      {
        headers: { origin: h.base },
        data: { email, consentText: "Anmäld på förbundets frukostmöte.", attestConsent: true },
      },
    );
    expect(response.status(), await response.text()).toBe(201);
  }
}

/**
 * A test copy to oneself, then send now: the live bar and its numbers while the deliveries wait, pause and
 * resume, the sender let loose, and the figures once sent. A second issue is cancelled before it is sent.
 */
async function ownerSends(page: Page, problems: PageProblems, issueUrl: string, publicationUrl: string) {
  const publicationId = new URL(publicationUrl).pathname.split("/").at(-1) as string;
  await addSubscribers(page, publicationId, ["anna@example.se", "bo@example.se", "cilla@example.se"]);
  await page.goto(issueUrl);
  const sending = page.getByRole("region", { name: "Skicka" });
  await sending.getByRole("button", { name: "Skicka ett test till mig" }).click();
  await sending.getByText("Ett testutskick är på väg till admin.halland@demo.nns.se.").waitFor();

  await sending.getByRole("button", { name: "Skicka nu" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Skicka utskicket nu?" });
  await confirm.getByText(`alla bekräftade prenumeranter på ${PUBLICATION}`, { exact: false }).waitFor();
  await cleanAxe(page, "send confirmation");
  await confirm.getByRole("button", { name: "Skicka utskicket" }).click();
  await sending.getByText("Utskicket skickas nu.").waitFor();
  const bar = sending.getByRole("progressbar", { name: "Skickat hittills" });
  await expect.poll(() => bar.getAttribute("aria-valuetext"), SLOW).toBe("0 av 3");
  const figure = (term: string) =>
    sending.locator("dt", { hasText: term }).locator("xpath=following-sibling::dd[1]");
  await expect(figure("Skickade").textContent()).resolves.toBe("0");
  await expect(figure("Misslyckade").textContent()).resolves.toBe("0");
  await expect(figure("Återstår").textContent()).resolves.toBe("3");
  await page.getByRole("region", { name: "Status" }).getByText("Skickas", { exact: true }).waitFor();
  // Nothing can be written any more.
  await expect(page.getByRole("button", { name: "Skriv ett nytt avsnitt" }).count()).resolves.toBe(0);
  await cleanAxe(page, "sending");
  await screenshot(page, "newsletter-sending-1280");

  await sending.getByRole("button", { name: "Pausa" }).click();
  await sending.getByText("Utskicket är pausat.", { exact: false }).waitFor();
  await sending.getByRole("progressbar", { name: "Skickat hittills (pausat)" }).waitFor();
  await sending.getByRole("button", { name: "Fortsätt skicka" }).click();
  await sending.getByText("Utskicket skickas igen.").waitFor();

  // The sender works the queue; the page, asking every 2 s, follows it to the end by itself.
  const sender = newsletterSender(h.deps);
  await sender.start();
  try {
    await page
      .getByRole("region", { name: "Status" })
      .getByText("Skickad", { exact: true })
      .waitFor({ timeout: 20_000 });
    await sending.getByText("Utskicket är skickat.").waitFor();
    await expect.poll(() => figure("Levererade").textContent(), SLOW).toBe("3");
    await expect(figure("Mottagare").textContent()).resolves.toBe("3");
    await expect(figure("Studsade").textContent()).resolves.toBe("0");
    await expect(figure("Avregistrerade sedan utskicket").textContent()).resolves.toBe("0");
    await expect(sending.getByRole("progressbar").count()).resolves.toBe(0);
    await expect(sending.getByRole("button").count()).resolves.toBe(0);
    await cleanAxe(page, "sent");
    await screenshot(page, "newsletter-sent-1280");
  } finally {
    sender.close();
  }

  // A second issue, cancelled while still a draft: confirmed first, then final.
  await page.goto(publicationUrl);
  await page.getByRole("button", { name: "Nytt utskick" }).click();
  const dialog = page.getByRole("dialog", { name: "Nytt utskick" });
  await dialog.getByRole("textbox", { name: "Ämnesrad", exact: true }).fill("Sommarens nyheter");
  await dialog.getByRole("button", { name: "Skapa utskicket" }).click();
  await page.getByRole("heading", { level: 1, name: "Utskick 2: Sommarens nyheter" }).waitFor();
  await sending.getByRole("button", { name: "Avbryt utskicket" }).click();
  const cancel = page.getByRole("alertdialog", { name: "Avbryt utskicket?" });
  await cancel.getByRole("button", { name: "Avbryt utskicket" }).click();
  await sending.getByText("Utskicket är avbrutet.").waitFor();
  await page.getByRole("region", { name: "Status" }).getByText("Avbruten", { exact: true }).waitFor();
  await page.goto(publicationUrl);
  const issues = page.getByRole("table", { name: "Utskick" });
  await issues
    .getByRole("row", { name: /Utskick 1: Vårens nyheter/ })
    .getByText("Skickad")
    .waitFor();
  await issues
    .getByRole("row", { name: /Utskick 2: Sommarens nyheter/ })
    .getByText("Avbruten")
    .waitFor();
  expect(pageErrors(problems)).toEqual([]);
}

/** The same pages on a phone: axe-clean, and looked at. */
async function phoneScreenshots(issueUrl: string, publicationUrl: string): Promise<void> {
  const { page, problems } = await openPage(h, 390);
  await serveImages(page);
  await signIn(page, h.base, "admin.halland@demo.nns.se");
  await page.goto(`${h.base}/o/${halland}/nyhetsbrev`);
  await page.getByRole("heading", { level: 1, name: "Nyhetsbrev" }).waitFor();
  await page.getByRole("link", { name: PUBLICATION }).waitFor();
  await cleanAxe(page, "list on a phone");
  await screenshot(page, "newsletter-list-390");
  await page.goto(publicationUrl);
  await page.getByRole("heading", { level: 1, name: PUBLICATION }).waitFor();
  await page.getByRole("link", { name: /^Utskick 1: Vårens nyheter$/ }).waitFor();
  await cleanAxe(page, "publication on a phone");
  await screenshot(page, "newsletter-publication-390");
  await page.goto(issueUrl);
  await page.getByRole("heading", { level: 1, name: "Utskick 1: Vårens nyheter" }).waitFor();
  await page.frameLocator(".newsletter-preview-frame").getByText(OWNER_SECTION).first().waitFor();
  await cleanAxe(page, "issue on a phone");
  await screenshot(page, "newsletter-issue-390");
  expect(pageErrors(problems)).toEqual([]);
  await page.context().close();
}
