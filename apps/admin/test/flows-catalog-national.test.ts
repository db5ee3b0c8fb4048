import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chooseOption,
  cleanAxe,
  type Harness,
  menuLink,
  openPage,
  organizationId,
  screenshot,
  signIn,
  startHarness,
} from "./harness.js";

let h: Harness;
let nns: string;

beforeAll(async () => {
  h = await startHarness();
  nns = await organizationId(h, "nns");
});
afterAll(async () => h?.close());

describe("national projects", () => {
  it("NNS adds a delprojekt run by a kommun to its national project, and the project lists it with the others and their totals", async () => {
    const vocab = (await (await fetch(`${h.base}/v1/catalog/vocabularies`)).json()) as {
      focusAreas: { orientation: string; labelSv: string }[];
    };
    const focus = vocab.focusAreas.find((f) => f.orientation === "individual")?.labelSv as string;
    const { page, problems } = await openPage(h);
    await signIn(page, h.base, "nns.admin@demo.nns.se");
    await page.goto(`${h.base}/o/${nns}`);
    await menuLink(page, "Mina insatser").click();
    await page.getByRole("heading", { level: 1, name: "Mina insatser" }).waitFor();
    await page.getByRole("link", { name: "Ny insats" }).click();
    await page.getByRole("heading", { level: 1, name: "Ny insats" }).waitFor();
    await page.getByLabel("Namn på insatsen").fill("Delprojekt Eskilstuna: basal kroppskännedom");
    await page.getByLabel("Sammanfattning").fill("Gruppaktiviteter med hälsofokus och basal kroppskännedom.");
    await chooseOption(page, /Preciserad inriktning/, focus);
    await chooseOption(page, /Delprojekt av/, "Hälsofrämjande etablering");
    await chooseOption(page, /Drivs av/, "Kommun");
    await chooseOption(page, /Län där den verkar/, "Södermanlands län");
    await chooseOption(page, /Kommun där den verkar/, "Eskilstuna");
    // The name follows the choices until it is typed over.
    await expect(page.getByLabel("Namn som visas i katalogen").inputValue()).resolves.toBe(
      "Eskilstuna kommun",
    );
    await cleanAxe(page, "new delprojekt with a running body, 1280");
    await screenshot(page, "delprojekt-running-body-form-1280");
    await page.getByRole("button", { name: "Skapa utkast" }).click();
    await page
      .getByRole("heading", { level: 1, name: "Delprojekt Eskilstuna: basal kroppskännedom" })
      .waitFor();
    const overview = page.getByRole("region", { name: "Översikt" });
    await overview.getByText("Eskilstuna kommun", { exact: true }).waitFor();

    const project = String(
      (
        await h.t.db.ownerSql(
          "select id from interventions where content->>'title' = 'Hälsofrämjande etablering' and organization_id = $1",
          [nns],
        )
      )[0]?.id,
    );
    await page.goto(`${h.base}/o/${nns}/interventions/${project}`);
    const section = page.getByRole("region", { name: "Delprojekt" });
    await section
      .getByRole("row", { name: /Delprojekt Gävle.*Arbetsförmedlingen i Gävle.*Gävle.*26/ })
      .waitFor();
    await section.getByRole("row", { name: /Delprojekt Malmö.*Malmö stad.*Malmö.*38/ }).waitFor();
    await section.getByRole("row", { name: /Delprojekt Växjö.*Växjö kommun.*Växjö.*20/ }).waitFor();
    await section.getByRole("row", { name: /Delprojekt Eskilstuna.*Eskilstuna kommun.*–.*0/ }).waitFor();
    // Umeåregionen's own delprojekt (a co-owner's) is listed as the public sees it, run by its owner.
    await section.getByRole("row", { name: /Delprojekt Umeå.*Umeåregionen \(ägare\)/ }).waitFor();
    await section.getByText(/Sammanlagt 84 deltagare i 3 av 5 delprojekt: 44 kvinnor, 40 män/).waitFor();
    await cleanAxe(page, "project with delprojekt, 1280");
    await screenshot(page, "national-project-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await section.getByText(/Sammanlagt 84 deltagare/).waitFor();
    await cleanAxe(page, "project with delprojekt, 390");
    await screenshot(page, "national-project-390");

    await page.goto(`${h.base}/katalog/${project}`);
    await page.getByText("Samordnas nationellt av").waitFor();
    await page.getByText("Drivs av Arbetsförmedlingen i Gävle, Gävle · 26 deltagare").waitFor();
    await cleanAxe(page, "public project page, 390");
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });
});
