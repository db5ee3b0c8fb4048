// Longer than 400 lines: the progression pages as the demo's handledare, administrator and NNS use them, at both widths, with the helpers they share.
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chooseOption,
  cleanAxe,
  type Harness,
  menuLink,
  openPage,
  organizationId,
  type PageProblems,
  screenshot,
  signIn,
  startHarness,
} from "./harness.js";

let h: Harness;
let halland: string;
let nns: string;

const COACH = "handledare.halland@demo.nns.se";
const COACH_NAME = "Elin Ekström";
const ADMIN = "admin.halland@demo.nns.se";
const NNS_ADMIN = "nns.admin@demo.nns.se";
/** The handledare's insats in the demo, and the administrator's own smaller one. */
const COACH_INSATS = "Arbetsträning i Halmstad med individuellt stöd";
const ADMIN_INSATS = "Samtalsstöd för föräldralediga i Varberg";

beforeAll(async () => {
  h = await startHarness();
  halland = await organizationId(h, "halland");
  nns = await organizationId(h, "nns");
});
afterAll(async () => {
  await h?.close();
});

/** A write is answered and the page refetched before what it shows changes: allow for a slow machine. */
const SLOW = { timeout: 10_000 };

const hasFocus = (target: Locator) => target.evaluate((element) => element === document.activeElement);

/** Presses Tab until `target` has focus: proves it is reachable by keyboard, in at most `limit` steps. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press("Tab");
    if (await hasFocus(target)) return;
  }
  throw new Error(`not reached by Tab in ${limit} steps`);
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  return Number((await h.t.db.ownerSql(sql, params))[0]?.n);
}

/** The participants table's rows (the header row left out). */
function participantRows(page: Page): Locator {
  return page.getByRole("table", { name: "Deltagare" }).locator("tbody tr");
}

function noProblems(problems: PageProblems): void {
  expect(problems.errors).toEqual([]);
}

describe("progression as a handledare", () => {
  it("lists only their own participants, shows one with charts, and records a measurement by keyboard", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, COACH);
    // A handledare measures but does not keep instruments.
    await expect.poll(() => menuLink(page, "Progression").count()).toBe(1);
    expect(await menuLink(page, "Instrument").count()).toBe(0);
    await menuLink(page, "Deltagare").click();
    await page.getByRole("heading", { level: 1, name: "Deltagare" }).waitFor();
    await participantRows(page).first().waitFor();

    // Their own participants only: none of the administrator's insats, and as many as the database holds.
    const own = await count(
      `select count(*) as n from progression_participants p join users u on u.id = p.coach_user_id
       where u.email = $1 and p.end_date is null`,
      [COACH],
    );
    expect(own).toBeGreaterThan(5);
    await expect.poll(() => participantRows(page).count(), SLOW).toBe(own);
    expect(await page.getByRole("cell", { name: ADMIN_INSATS }).count()).toBe(0);
    await page.getByRole("cell", { name: COACH_INSATS }).first().waitFor();
    // The demo has occasions due today and overdue ones.
    await page.getByText(/deltagare har en mätning att göra nu eller en försenad mätning/).waitFor();
    expect(
      (await page.getByText("Dags att mäta").count()) + (await page.getByText("Försenad mätning").count()),
    ).toBeGreaterThan(0);
    await cleanAxe(page, "coach's participants");
    await screenshot(page, "progression-participants-coach-1280");

    // A participant with readings: details, occasions, measurements, and the charts loaded on demand.
    const withReadings = String(
      (
        await h.t.db.ownerSql(
          `select p.code from progression_participants p join users u on u.id = p.coach_user_id
           where u.email = $1 and p.end_date is null
             and (select count(*) from progression_measurements m
                  where m.participant_id = p.id and m.respondent = 'participant') >= 2
           order by p.code limit 1`,
          [COACH],
        )
      )[0]?.code,
    );
    await page.getByRole("link", { name: withReadings }).click();
    await page.getByRole("heading", { level: 1, name: `Deltagare ${withReadings}` }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Mättillfällen" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Mätningar" }).waitFor();
    await page.getByText("Platshållare").first().waitFor();
    await page.getByRole("heading", { level: 3, name: "Jämförelse mellan två mätningar" }).waitFor();
    // Each chart is an SVG reachable by keyboard (recharts' accessibility layer) with a table beneath.
    const radar = page.locator(".progression-chart-radar svg[role=application]");
    await radar.waitFor();
    await radar.focus();
    await page.keyboard.press("ArrowRight");
    await page.locator(".recharts-tooltip-wrapper").first().waitFor();
    await page.getByRole("table", { name: /^Svaren per fråga/ }).waitFor();
    await page.getByRole("table", { name: /^Svaren på .* över tid$/ }).waitFor();
    // No personal data or ids on the page: only the code names the participant.
    expect(await page.locator("main").textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    // A handledare neither exports nor erases.
    expect(await page.getByRole("button", { name: "Radera deltagaren" }).count()).toBe(0);
    await cleanAxe(page, "participant page");
    await screenshot(page, "progression-participant-coach-1280");

    // Recording by keyboard only: open the dialog, answer every item with the arrow keys, save.
    const before = await count(
      "select count(*) as n from progression_measurements m join progression_participants p on p.id = m.participant_id where p.code = $1",
      [withReadings],
    );
    const open = page.getByRole("button", { name: "Registrera mätning" });
    await tabTo(page, open);
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: `Registrera mätning för ${withReadings}` });
    await dialog.waitFor();
    const groups = dialog.getByRole("radiogroup").filter({ hasText: "[Platshållare]" });
    await expect.poll(() => groups.count(), SLOW).toBe(9);
    await cleanAxe(page, "record dialog");
    // Saving with nothing answered names every unanswered item, beside it and in the summary, which takes
    // focus; the keyboard goes on from there to the first item.
    await tabTo(page, dialog.getByRole("button", { name: "Spara mätningen" }), 120);
    await page.keyboard.press("Enter");
    await expect.poll(() => groups.filter({ hasText: "Välj ett svar." }).count(), SLOW).toBe(9);
    const summary = dialog.getByRole("alert").filter({ hasText: "Välj ett svar." });
    await expect.poll(() => hasFocus(summary), SLOW).toBe(true);
    await expect(summary.getByRole("listitem").count()).resolves.toBe(9);
    await tabTo(page, groups.first().getByRole("radio").first(), 10);
    for (let i = 0; i < 9; i++) {
      const group = groups.nth(i);
      // Focus is in the group: Space picks the step under focus, an arrow moves to and picks the next.
      if (i > 0) await tabTo(page, group.getByRole("radio").first(), 3);
      await page.keyboard.press("Space");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      expect(await group.getByRole("radio", { name: /^3/ }).isChecked()).toBe(true);
    }
    // A personnummer in the comment is refused, beside the field.
    const comment = dialog.getByRole("textbox", { name: "Kommentar (valfritt)" });
    await tabTo(page, comment, 3);
    await page.keyboard.type("Pratade med 19900101-1234 i dag.");
    await tabTo(page, dialog.getByRole("button", { name: "Spara mätningen" }), 3);
    await page.keyboard.press("Enter");
    await dialog.locator(".field-error").first().waitFor(SLOW);
    await cleanAxe(page, "record dialog refusing a personnummer");
    await screenshot(page, "progression-record-refused-1280");
    await comment.fill("Bättre ork än vid start.");
    await dialog.getByRole("button", { name: "Spara mätningen" }).press("Enter");
    await page.getByText(/^Mätningen \d{4}-\d\d-\d\d är sparad\.$/).waitFor(SLOW);
    await dialog.waitFor({ state: "detached" });
    expect(
      await count(
        "select count(*) as n from progression_measurements m join progression_participants p on p.id = m.participant_id where p.code = $1",
        [withReadings],
      ),
    ).toBe(before + 1);
    // The answers were stored as chosen, the comment without the number.
    const [stored] = await h.t.db.ownerSql(
      `select m.comment, m.source from progression_measurements m join progression_participants p on p.id = m.participant_id
       where p.code = $1 order by m.created_at desc limit 1`,
      [withReadings],
    );
    expect(stored).toMatchObject({ comment: "Bättre ork än vid start.", source: "coach" });
    await cleanAxe(page, "participant page after recording");

    // A self-rating link is shown once.
    await page.getByRole("button", { name: "Skapa självskattningslänk" }).click();
    const linkDialog = page.getByRole("dialog", { name: `Självskattningslänk för ${withReadings}` });
    await linkDialog.getByRole("button", { name: "Skapa länken" }).click();
    await linkDialog.getByText("Länken visas bara nu.", { exact: false }).waitFor();
    expect(await linkDialog.locator(".secret code").textContent()).toMatch(
      /\/skattning\/[A-Za-z0-9_-]{40,}$/,
    );
    await cleanAxe(page, "self-rating link shown");
    await linkDialog.getByRole("button", { name: "Stäng" }).click();
    noProblems(problems);
    await page.context().close();
  });

  it("works on a phone", async () => {
    const { page, problems } = await openPage(h, 390);
    await signIn(page, h.base, COACH);
    await page.goto(`${h.base}/o/${halland}/deltagare`);
    await participantRows(page).first().waitFor();
    await cleanAxe(page, "participants at 390");
    await screenshot(page, "progression-participants-coach-390");
    await participantRows(page).first().getByRole("link").click();
    await page.getByRole("heading", { level: 2, name: "Mätningar" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Utveckling" }).waitFor();
    await cleanAxe(page, "participant at 390");
    await screenshot(page, "progression-participant-coach-390");
    await page.getByRole("button", { name: "Registrera mätning" }).click();
    await page.getByRole("dialog").getByRole("radiogroup").nth(1).waitFor();
    await cleanAxe(page, "record dialog at 390");
    await screenshot(page, "progression-record-390");
    noProblems(problems);
    await page.context().close();
  });
});

describe("progression as the förbund's administrator", () => {
  it("sees every participant, registers, exports and erases one, and keeps settings and the access log", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, ADMIN);
    await menuLink(page, "Deltagare").click();
    await participantRows(page).first().waitFor();
    const all = await count(
      "select count(*) as n from progression_participants where organization_id = $1 and end_date is null",
      [halland],
    );
    await expect.poll(() => participantRows(page).count(), SLOW).toBe(all);
    await page.getByRole("cell", { name: ADMIN_INSATS }).first().waitFor();
    await chooseOption(page, /Handledare$/, COACH_NAME);
    await expect.poll(() => page.getByRole("cell", { name: ADMIN_INSATS }).count(), SLOW).toBe(0);
    await cleanAxe(page, "all participants, filtered by coach");

    // A new participant: a code, never a name.
    await page.getByRole("button", { name: "Ny deltagare" }).click();
    const form = page.getByRole("dialog", { name: "Ny deltagare" });
    // Within the dialog: the page's own filters carry the same labels.
    await form.getByRole("button", { name: /Insats$/ }).click();
    await page.getByRole("option", { name: COACH_INSATS, exact: true }).click();
    await form.getByRole("button", { name: /Handledare$/ }).click();
    await page.getByRole("option", { name: COACH_NAME, exact: true }).click();
    await form.getByText("Kvinna", { exact: true }).click();
    expect(await form.getByRole("radio", { name: "Kvinna" }).isChecked()).toBe(true);
    await form.getByRole("textbox", { name: "Födelseår" }).fill("1991");
    await cleanAxe(page, "new participant form");
    await screenshot(page, "progression-new-participant-1280");
    await form.getByRole("button", { name: "Registrera deltagaren" }).click();
    const heading = page.getByRole("heading", { level: 1, name: /^Deltagare [A-Z0-9-]+$/ });
    await heading.waitFor(SLOW);
    const code = String(await heading.textContent()).replace("Deltagare ", "");
    await page.getByText(`Deltagaren är registrerad med koden ${code}.`).waitFor();
    await page.getByText("30–39").waitFor();

    // Export links for the manager; erasing asks first and returns to the list.
    expect(await page.getByRole("link", { name: "Exportera som CSV (Excel)" }).getAttribute("href")).toMatch(
      /\/export\?format=csv$/,
    );
    await cleanAxe(page, "participant page as manager");
    await page.getByRole("button", { name: "Radera deltagaren" }).click();
    await page.getByRole("alertdialog", { name: `Radera deltagaren ${code}?` }).waitFor();
    await cleanAxe(page, "erase confirmation");
    await page.getByRole("alertdialog").getByRole("button", { name: "Radera deltagaren" }).click();
    await page.getByText(`Deltagaren ${code} är raderad.`).waitFor(SLOW);
    expect(await count("select count(*) as n from progression_participants where code = $1", [code])).toBe(0);

    // The access log names the erasure by code only.
    await page.getByRole("link", { name: "Åtkomstlogg" }).click();
    await page.getByRole("heading", { level: 1, name: "Åtkomstlogg" }).waitFor();
    await page.getByRole("row", { name: new RegExp(`Raderade.*${code}`) }).waitFor();
    await cleanAxe(page, "access log");
    await screenshot(page, "progression-access-log-1280");

    // Settings: retention within 1–120 months, and the insatser's instruments.
    await page.goto(`${h.base}/o/${halland}/progression/installningar`);
    const retention = page.getByRole("textbox", { name: "Spara deltagare i antal månader efter avslut" });
    await retention.fill("200");
    await page.getByRole("button", { name: "Spara gallringen" }).click();
    await page.locator(".field-error").first().waitFor(SLOW);
    await retention.fill("24");
    await page.getByRole("button", { name: "Spara gallringen" }).click();
    await page.getByText("Gallringen är sparad: 24 månader.").waitFor(SLOW);
    await page.getByRole("group", { name: `Instrument för ${COACH_INSATS}` }).waitFor();
    expect(
      await page
        .getByRole("group", { name: `Instrument för ${COACH_INSATS}` })
        .getByRole("checkbox", { name: /SKAPA/ })
        .isChecked(),
    ).toBe(true);
    await cleanAxe(page, "progression settings");
    await screenshot(page, "progression-settings-1280");
    noProblems(problems);
    await page.context().close();
  });

  it("reads the förbund's report with small groups withheld, at both widths", async () => {
    for (const width of [1280, 390]) {
      const { page, problems } = await openPage(h, width);
      await signIn(page, h.base, ADMIN);
      await page.goto(`${h.base}/o/${halland}/progression`);
      await page.getByRole("heading", { level: 1, name: "Progression" }).waitFor();
      await page.getByRole("table", { name: "Deltagare och mätningar" }).waitFor(SLOW);
      await chooseOption(page, /Dela upp efter$/, "Kön");
      const activity = page.getByRole("table", { name: "Deltagare och mätningar" });
      await activity.getByRole("rowheader", { name: "Kvinnor" }).waitFor(SLOW);
      // "Annat" and "Ej angivet" are too few in the demo: withheld, and said so.
      await expect.poll(() => activity.getByText("för få").count(), SLOW).toBeGreaterThan(0);
      expect(
        await page.getByRole("link", { name: "Ladda ner som CSV (Excel)" }).getAttribute("href"),
      ).toMatch(/\/progression\/reports\/export\?.*dimension=gender/);
      await page.locator(".progression-chart svg").first().waitFor(SLOW);
      await cleanAxe(page, `report at ${width}`);
      await screenshot(page, `progression-report-${width}`);
      noProblems(problems);
      await page.context().close();
    }
  });
});

describe("progression for NNS", () => {
  it("keeps the national instruments: versions, a draft edited and published, a mapping, an import with errors", async () => {
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, NNS_ADMIN);
    await page.goto(`${h.base}/o/${nns}`);
    // NNS never reaches individual data: no participants in its menu.
    await menuLink(page, "Instrument").waitFor();
    expect(await menuLink(page, "Deltagare").count()).toBe(0);
    await menuLink(page, "Instrument").click();
    await page.getByRole("heading", { level: 1, name: "Instrument" }).waitFor();
    const row = page.getByRole("row", { name: /SKAPA \(platshållare\)/ });
    await row.getByText("Platshållare", { exact: true }).waitFor();
    await row.getByText("Nationellt").waitFor();
    await cleanAxe(page, "instruments");
    await screenshot(page, "progression-instruments-1280");

    await row.getByRole("link", { name: "SKAPA (platshållare)" }).click();
    await page.getByRole("heading", { level: 1, name: "SKAPA (platshållare)" }).waitFor();
    await page.getByRole("link", { name: "Version 1" }).waitFor();
    await cleanAxe(page, "instrument");

    // An import with a mistake names its row; nothing is created.
    await page.getByRole("button", { name: "Importera version" }).click();
    const importDialog = page.getByRole("dialog", { name: "Importera en ny version" });
    await importDialog.getByLabel("Fil (CSV eller JSON)").setInputFiles({
      name: "skapa.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "kod;grupp;etikett;fråga_deltagare;fråga_handledare;min;max;ankare;riktning\n" +
          "S1;Arbete;Söka arbete;Jag vet hur jag söker arbete.;;1;5;1=Inte alls|5=Helt;högre_bättre\n" +
          "S2;Arbete;Mål;Jag har ett mål.;;1;fem;1=Inte alls|5=Helt;högre_bättre\n",
      ),
    });
    await importDialog.getByRole("button", { name: "Importera" }).click();
    await importDialog.getByText(/^Rad 3/).waitFor(SLOW);
    await cleanAxe(page, "import with errors");
    await screenshot(page, "progression-import-errors-1280");
    await importDialog.getByRole("button", { name: "Avbryt" }).click();

    // A new version as a copy of version 1: a draft, edited, saved, mapped and published.
    await page.getByRole("button", { name: "Ny version som kopia av version 1" }).click();
    await page.getByRole("heading", { level: 1, name: "SKAPA (platshållare), version 2" }).waitFor(SLOW);
    await page.getByRole("heading", { level: 2, name: "Redigera utkastet" }).waitFor();
    const first = page.getByRole("group", { name: "Fråga 1", exact: true });
    await first.getByRole("textbox", { name: "Etikett" }).fill("Söka arbete, version 2 (platshållare)");
    await page.getByRole("textbox", { name: "Ändringsnotering" }).fill("Ny etikett på fråga 1.");
    await page.getByRole("button", { name: "Spara utkastet" }).click();
    await page.getByText("Utkastet är sparat.").waitFor(SLOW);
    await cleanAxe(page, "draft editor");
    await screenshot(page, "progression-draft-1280");

    await page.getByRole("heading", { level: 2, name: "Koppling till en tidigare version" }).waitFor();
    await page.getByRole("button", { name: "Spara kopplingen" }).click();
    await page.getByText("Kopplingen är sparad.").waitFor(SLOW);
    expect(await count("select count(*) as n from progression_item_mappings")).toBeGreaterThan(0);

    await page.getByRole("button", { name: "Publicera" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Publicera" }).click();
    await page.getByText("Version 2 är publicerad.").waitFor(SLOW);
    await page
      .getByRole("table", { name: "Frågor" })
      .getByText("Söka arbete, version 2 (platshållare)")
      .waitFor();
    await cleanAxe(page, "published version");
    noProblems(problems);
    await page.context().close();
  });

  it("reads the national report, at both widths", async () => {
    for (const width of [1280, 390]) {
      const { page, problems } = await openPage(h, width);
      await signIn(page, h.base, NNS_ADMIN);
      await page.goto(`${h.base}/o/${nns}/progression`);
      await page.getByRole("table", { name: "Deltagare och mätningar" }).waitFor(SLOW);
      await chooseOption(page, /Dela upp efter$/, "Förbund");
      await page
        .getByRole("table", { name: "Deltagare och mätningar" })
        .getByRole("rowheader", { name: "Samordningsförbundet Halland" })
        .waitFor(SLOW);
      await cleanAxe(page, `national report at ${width}`);
      await screenshot(page, `progression-national-report-${width}`);
      noProblems(problems);
      await page.context().close();
    }
  });
});
