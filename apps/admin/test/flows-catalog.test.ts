import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
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
    await page.getByRole("heading", { level: 1, name: "Granska Jobbspåret Kungsbacka" }).waitFor();
    await page.getByRole("button", { name: "Returnera med kommentar" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Returnera" }).click();
    await dialog.getByText("Skriv vad som behöver ändras.").first().waitFor();
    await dialog.getByLabel("Vad behöver ändras?").fill("Beskriv målgruppen och hur deltagarna kommer in.");
    await dialog.getByRole("button", { name: "Returnera" }).click();
    await page.getByText("Jobbspåret Kungsbacka är returnerad till förbundet.").waitFor();
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
    // The second review compares with nothing published: the whole entry, with the förbund's new wording.
    await page
      .getByRole("region", { name: "Hela insatsen" })
      .getByRole("row", { name: /Målgruppen med egna ord\s*Unga vuxna 18–29 år/ })
      .waitFor();
    await page.getByRole("button", { name: "Publicera" }).click();
    await page.getByText("Jobbspåret Kungsbacka är publicerad i katalogen.").waitFor();
    await page.goto(`${h.base}/katalog/${interventionId}`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Jobbspåret Kungsbacka");
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("reports RESAM's results and shows the shares the API derived", async () => {
    const vocab = await vocabularies();
    const resam = String(
      (await h.t.db.ownerSql("select id from interventions where content->>'title' like 'RESAM%'"))[0]?.id,
    );
    const vastmanland = await organizationId(h, "norra-vastmanland");
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
    await form.getByLabel("Bedömda men inte inskrivna").fill("25");
    await form.getByRole("button", { name: "Lägg till budgetrad" }).click();
    await form.getByLabel("Post, rad 1").fill("Läkare");
    await form.getByLabel("Andel av tjänst i %, rad 1").fill("20");
    await form.getByRole("button", { name: "Spara resultat" }).click();
    // The förbund does not self-publish: the report waits for NNS's editors.
    await page.getByText("Rapporten är sparad och skickad till NNS redaktion för granskning.").waitFor();
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
    await expect(saved.textContent()).resolves.toContain("Period för sig · Väntar på granskning hos NNS");
    await expect(saved.textContent()).resolves.toMatch(/Bedömda men inte inskrivna\s*25/);
    await expect(saved.textContent()).resolves.toMatch(/Läkare 20 %: budget –, utfall –/);
    await screenshot(page, "intervention-results-saved-1280");
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it("shows a changed title in the version history's diff", async () => {
    const hoglandet = await organizationId(h, "hoglandet");
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
    const umea = await organizationId(h, "umearegionen");
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
