import { BENEFIT_TYPES, type BenefitType } from "@nns/domain";
import { describe, expect, it } from "vitest";
import { createOrganization, systemContext } from "../src/index.js";
import { forbundBoardReport } from "../src/statistics/board-report-file.js";
import {
  activateImport,
  createImportRecord,
  type FigureRow,
  writeImportFigures,
} from "../src/statistics/figures.js";
import { finsamMemberParties } from "../src/testing.js";
import { pagesText } from "./pdf-text.js";
import { uniqueOrganizationNumber, useServiceDatabase } from "./tenant.js";

const env = useServiceDatabase();

const SIX = BENEFIT_TYPES.filter((b): b is Exclude<BenefitType, "total"> => b !== "total");

/**
 * Helårsekvivalenter per benefit for women and men of 1 000 each: six benefits of `women` and `men`
 * make a share of 6 × (women + men) / 2 000 × 100, so 23 for both is 13,8 % (seed 003's Sundsvall).
 */
const FIGURES: Record<string, Record<string, [number, number]>> = {
  "2019": { "2281": [21.5, 21.5], "2262": [18, 15] },
  "2020": { "2281": [23, 23], "2262": [18, 15] },
  "2021": { "2281": [23, 23], "2262": [18, 15] },
};
/** Other kommuner, the same both years, so all eight are ranked; 2260 Ånge … 0180 Stockholm. */
const OTHERS: Record<string, number> = {
  "2260": 25,
  "2280": 20,
  "2283": 27,
  "2284": 17,
  "1380": 19,
  "0180": 14,
};

function rows(period: string): FigureRow[] {
  const perKommun = {
    ...Object.fromEntries(Object.entries(OTHERS).map(([c, v]) => [c, [v, v]])),
    ...FIGURES[period],
  };
  return Object.entries(perKommun).flatMap(([municipalityCode, [women, men]]) =>
    SIX.flatMap((benefit) =>
      (["women", "men"] as const).map((gender) => ({
        period,
        municipalityCode,
        gender,
        ageGroup: "20-64",
        benefit,
        fullYearEquivalents: gender === "women" ? women : men,
        population: 1000,
      })),
    ),
  );
}

async function importPeriods(periods: string[], isDemo = false): Promise<void> {
  const id = await createImportRecord(env.deps.db, {
    sourceTable: "HE0000T02N2",
    fileName: "he.csv",
    fileFormat: "csv",
    isDemo,
  });
  await writeImportFigures(env.deps.db, id, periods.flatMap(rows));
  await activateImport(env.deps.db, id);
}

async function forbund(): Promise<string> {
  const organizationNumber = uniqueOrganizationNumber();
  const slug = `vasternorrland-${organizationNumber}`;
  await createOrganization(systemContext(env.deps, "test"), {
    name: "Samordningsförbundet Test Västernorrland",
    slug,
    organizationNumber,
    countyCode: "22",
    memberParties: finsamMemberParties("22", ["2281", "2262"]),
  });
  return slug;
}

const words = async (pdf: Buffer) =>
  (await pagesText(pdf)).map((text) => ` ${text.replace(/\s+/g, " ").trim()} `);

describe("a förbund's board report from the imported figures", () => {
  it("prints its kommuner ranked against all kommuner, with the change against a year earlier", async () => {
    await importPeriods(["2019", "2020"]);
    const slug = await forbund();
    const file = await forbundBoardReport(env.deps, slug, "2020");
    expect(file.fileName).toBe("Behovsanalys Samordningsförbundet Test Västernorrland 2020.pdf");
    expect(file.asciiFileName).toBe(`behovsanalys-${slug}-2020.pdf`);
    const pages = await words(file.body);
    const all = pages.join("");
    expect(pages[0]).toContain("Samordningsförbundet Test Västernorrland, 2020");
    expect(pages[0]).toContain("Förändringar jämförs med 2019.");
    // Eight kommuner with values: p25 of the totals 10,125 %, p75 14,1 %; of men's 9,9 % and 14,1 %.
    expect(all).toContain(" Sundsvall 13,8 % +0,9 Medel 13,8 % +0,9 Medel 13,8 % +0,9 Medel ");
    expect(all).toContain(" Timrå 9,9 % 0,0 Låg 10,8 % 0,0 Medel 9,0 % 0,0 Låg ");
    expect(all).toContain(" Västernorrlands län ");
    expect(all).toContain(" Riket ");
    expect(all).toContain("(lägst 8,4 %, högst 16,2 %, 8 kommuner)");
    // The summary is the one the view writes.
    expect(pages[0]).toContain("Sammanfattning");
    const sundsvall = pages.find((p) => p.includes(" Sundsvall: utveckling över tid ")) ?? "";
    expect(sundsvall).toContain(" 2019 12,9 % Medel ");
    expect(sundsvall).toContain(" 2020 13,8 % Medel ");
    expect(pages.find((p) => p.includes(" Timrå: utveckling över tid "))).toBeDefined();
    expect(all).not.toContain("Demodata");
    for (const [i, page] of pages.entries()) expect(page).toContain(`Sida ${i + 1} av ${pages.length}`);
  });

  it("answers the latest year without a period, and 404 for an unknown förbund or period", async () => {
    const slug = await forbund();
    expect((await forbundBoardReport(env.deps, slug)).asciiFileName).toBe(`behovsanalys-${slug}-2020.pdf`);
    await expect(forbundBoardReport(env.deps, "finns-inte")).rejects.toMatchObject({ code: "not_found" });
    await expect(forbundBoardReport(env.deps, slug, "2018")).rejects.toMatchObject({ code: "not_found" });
  });

  it("marks a demo period on every page, and charts only up to the period asked for", async () => {
    await importPeriods(["2021"], true);
    const slug = await forbund();
    const demo = await words((await forbundBoardReport(env.deps, slug)).body);
    for (const page of demo) expect(page).toContain("Demodata – påhittade siffror");
    expect(demo.find((p) => p.includes(" Sundsvall: utveckling över tid "))).toContain(" 2021 13,8 % Medel ");
    const earlier = (await words((await forbundBoardReport(env.deps, slug, "2020")).body)).join("");
    expect(earlier).not.toContain("Demodata");
    expect(earlier).not.toContain(" 2021 ");
  });
});
