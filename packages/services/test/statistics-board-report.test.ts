import { BENEFIT_LABELS_SV, BENEFIT_TYPES, type RegionMeasures } from "@nns/domain";
import { describe, expect, it } from "vitest";
import { renderBoardReport } from "../src/statistics/board-report.js";
import { openPdf, pageRoles, pagesText } from "./pdf-text.js";
import {
  CENTRALA_OSTERGOTLAND,
  fixtureTrends,
  fixtureView,
  OSTERGOTLAND,
  SUNDSVALL,
  VASTERNORRLAND,
} from "./statistics-view-fixture.js";

const CENTRALA = { code: "centrala-ostergotland", name: "Samordningsförbundet Centrala Östergötland" };

function centrala(isDemo = true) {
  const view = fixtureView({
    forbund: CENTRALA,
    kommuner: CENTRALA_OSTERGOTLAND,
    county: OSTERGOTLAND,
    isDemo,
  });
  return renderBoardReport(view, fixtureTrends(CENTRALA_OSTERGOTLAND, OSTERGOTLAND, "05"));
}

function sundsvall() {
  const view = fixtureView({
    forbund: { code: "sundsvall", name: "Samordningsförbundet Sundsvall" },
    kommuner: [SUNDSVALL],
    county: VASTERNORRLAND,
    isDemo: false,
    summary: ["Andelen i Sundsvall ökade med 0,5 procentenheter till 13,8 procent."],
  });
  return renderBoardReport(view, fixtureTrends([SUNDSVALL], VASTERNORRLAND, "22"));
}

/**
 * Each page's words in reading order with single spaces between them: pdfjs splits lines and cells into
 * items as the layout happens to wrap them, and the order is what a reader gets.
 */
async function pagesWords(pdf: Buffer): Promise<string[]> {
  return (await pagesText(pdf)).map((text) => ` ${text.replace(/\s+/g, " ").trim()} `);
}

/** The text between a heading and the next of `headings`, across pages, as one string. */
function sectionOf(all: string, heading: string, headings: string[]): string {
  const start = all.indexOf(` ${heading} `);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const ends = headings.map((h) => all.indexOf(` ${h} `, start + heading.length)).filter((i) => i > start);
  return all.slice(start, ends.length > 0 ? Math.min(...ends) : undefined);
}

describe("board report PDF", () => {
  it("prints seed 003's Sundsvall figures: 13,8 %, women 15,1, men 12,6, +0,5 procentenheter, all yellow", async () => {
    const pages = await pagesWords(await sundsvall());
    const [first = ""] = pages;
    expect(first).toContain("Behovsanalys – offentlig försörjning");
    expect(first).toContain("Samordningsförbundet Sundsvall, 2020");
    expect(first).toContain(
      "Källa: SCB, tabell HE0000T02N2 (helårsekvivalenter), 2020, importerad 2026-11-20",
    );
    expect(first).toContain("Förändringar jämförs med 2019.");
    expect(first).toContain("Andelen i Sundsvall ökade med 0,5 procentenheter till 13,8 procent.");
    const total = sectionOf(first, BENEFIT_LABELS_SV.total, [BENEFIT_LABELS_SV.sickness_benefit]);
    // Kommun, then share, change and quartile for all, women and men; the förbund, län and riket uncoloured.
    expect(total).toContain(
      "Sundsvall 13,8 % +0,5 Medel 15,1 % +0,5 Medel 12,6 % +0,5 Medel " +
        "Samordningsförbundet Sundsvall 13,8 % +0,5 ",
    );
    expect(total).toContain("Västernorrlands län 14,2 % +0,1 ");
    expect(total).toContain("Riket 12,9 % -0,2 ");
    expect(total).toContain("totalt 11,0 % och 14,5 % (lägst 6,0 %, högst 24,0 %, 290 kommuner)");
    const all = pages.join(" ");
    expect(all).not.toContain("Demodata");
    expect(all).not.toContain("påhittade");
    for (const [i, text] of pages.entries()) expect(text).toContain(`Sida ${i + 1} av ${pages.length}`);
  });

  it("lists every kommun of the förbund with its shares, signed changes and quartile words", async () => {
    const pages = await pagesWords(await centrala());
    const all = pages.join(" ");
    expect(pages[0]).toContain("Samordningsförbundet Centrala Östergötland, 2020");
    const labels = BENEFIT_TYPES.map((b) => BENEFIT_LABELS_SV[b]);
    const total = sectionOf(all, BENEFIT_LABELS_SV.total, labels);
    for (const row of [
      "Kinda 10,4 % -0,3 Låg 11,4 % -0,3 Låg 9,5 % -0,3 Låg ",
      "Boxholm 12,2 % 0,0 Medel 13,3 % 0,0 Medel 11,1 % 0,0 Medel ",
      "Åtvidaberg 13,3 % +0,4 Medel ",
      "Linköping 9,6 % -0,6 Låg ",
      "Norrköping 16,9 % +1,2 Hög 18,5 % +1,3 Hög 15,4 % +1,1 Hög ",
      "Söderköping 11,8 % +0,1 Medel ",
      "Motala 15,7 % -0,8 Hög ",
      "Östergötlands län 13,1 % -0,1 14,3 % -0,1 12,0 % -0,1 ",
    ]) {
      expect(total).toContain(row);
    }
    // The förbund's own row carries figures but no quartile: only kommuner are ranked.
    expect(total).toMatch(/Samordningsförbundet Centrala Östergötland 12,8 % 0,0 (?!Låg|Medel|Hög)/);
    // Each benefit's table is whole: every kommun and the comparison rows under its heading.
    for (const label of labels) {
      const table = sectionOf(all, label, labels);
      for (const kommun of [...CENTRALA_OSTERGOTLAND.map((k) => k.name), "Östergötlands län", "Riket"]) {
        expect(table, `${label}: ${kommun}`).toContain(` ${kommun} `);
      }
    }
  });

  it("shows a missing figure as a dash with no colour and no quartile word", async () => {
    const all = (await pagesWords(await centrala())).join(" ");
    const labels = BENEFIT_TYPES.map((b) => BENEFIT_LABELS_SV[b]);
    const establishment = sectionOf(all, BENEFIT_LABELS_SV.establishment_benefit, labels);
    const boxholm = establishment.slice(
      establishment.indexOf("Boxholm"),
      establishment.indexOf("Åtvidaberg"),
    );
    expect(boxholm.split("–")).toHaveLength(7);
    expect(boxholm).not.toMatch(/Låg|Medel|Hög|%/);
    expect(all).toContain("– Uppgift saknas: inget värde och ingen färg.");
  });

  it("leaves out a benefit no region has a figure for, rather than print a table of dashes", async () => {
    const view = fixtureView({
      forbund: CENTRALA,
      kommuner: CENTRALA_OSTERGOTLAND,
      county: OSTERGOTLAND,
      isDemo: false,
    });
    const blank = (region: RegionMeasures): RegionMeasures => ({
      ...region,
      measures: region.measures.map((m) =>
        m.benefit === "establishment_benefit" ? { ...m, share: null, change: null, quartile: null } : m,
      ),
    });
    const without = {
      ...view,
      total: blank(view.total),
      municipalities: view.municipalities.map(blank),
      counties: view.counties.map(blank),
      country: blank(view.country),
    };
    const all = (await pagesWords(await renderBoardReport(without, []))).join("");
    expect(all).toContain(` ${BENEFIT_LABELS_SV.income_support} `);
    expect(all).not.toContain(BENEFIT_LABELS_SV.establishment_benefit);
  });

  it("explains the colours in words with the cut points", async () => {
    const [first = ""] = await pagesWords(await centrala());
    expect(first).toContain("Låg (grön) – lägsta fjärdedelen: högst 25:e percentilen.");
    expect(first).toContain("Medel (gul) – mittersta hälften: över 25:e men högst 75:e percentilen.");
    expect(first).toContain("Hög (röd) – högsta fjärdedelen: över 75:e percentilen.");
    expect(first).toContain("Brytpunkter (25:e och 75:e percentilen): totalt 11,0 % och 14,5 %");
  });

  it("marks every page as demo data when the figures are made up, and numbers the pages", async () => {
    const pages = await pagesWords(await centrala());
    expect(pages.length).toBeGreaterThan(2);
    expect(pages[0]).toContain("Demodata – påhittade siffror. Siffrorna är skapade för att visa");
    pages.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain("Demodata – påhittade siffror");
      expect(text, `page ${i + 1}`).toContain(`Sida ${i + 1} av ${pages.length}`);
    });
    const plain = await pagesWords(await centrala(false));
    expect(plain.join(" ")).not.toContain("Demodata");
  });

  it("gives each kommun its trend charts with the figures beside them in a table", async () => {
    const pages = await pagesWords(await centrala());
    for (const kommun of CENTRALA_OSTERGOTLAND) {
      const page = pages.find((text) => text.includes(`${kommun.name}: utveckling över tid`));
      expect(page, kommun.name).toBeDefined();
      expect(page).toContain("Helårsekvivalenter totalt, 20–64 år ");
      expect(page).toContain("Helårsekvivalenter totalt, 20–64 år, kvinnor och män ");
      expect(page).toContain(`Period ${kommun.name} Kvartil Östergötlands län Riket Lägst Högst `);
      expect(page).toContain("Period Kvinnor Kvartil Män Kvartil Kvinnor, riket Män, riket ");
    }
    const kinda = pages.find((text) => text.includes("Kinda: utveckling över tid")) ?? "";
    // 2014: 10,4 − (−0,3 − 5 × 0,3) in the fixture; the län 13,1 − 0,6, riket 12,9 + 0,9.
    expect(kinda).toContain("2014 12,2 % Medel 12,5 % 13,8 % 6,0 % 24,0 % ");
    expect(kinda).toContain("2020 10,4 % Låg 13,1 % 12,9 % 6,0 % 24,0 % ");
    expect(kinda).toContain("2020 11,4 % Låg 9,5 % Låg 14,1 % 11,8 % ");
    // The axes and the lines' names are drawn as text, not pictures.
    for (const label of [
      "0 %",
      "25 %",
      "2014",
      "2020",
      "Östergötlands län",
      "Riket",
      "Kinda",
      "Kvinnor, riket",
    ]) {
      expect(kinda).toContain(`${label} `);
    }
  });

  it("keeps every word inside the page's margins", async () => {
    const pdf = await openPdf(await centrala());
    for (let n = 1; n <= pdf.numPages; n++) {
      const { items } = await (await pdf.getPage(n)).getTextContent();
      for (const item of items) {
        if (!("str" in item) || item.str.trim() === "") continue;
        const [, , , , x = 0, y = 0] = item.transform as number[];
        expect(x, `${item.str} on page ${n}`).toBeGreaterThanOrEqual(49);
        expect(x + item.width, `${item.str} on page ${n}`).toBeLessThanOrEqual(546);
        expect(y, `${item.str} on page ${n}`).toBeGreaterThan(25);
        expect(y, `${item.str} on page ${n}`).toBeLessThan(812);
      }
    }
    await pdf.destroy();
  });

  it("is tagged in Swedish with a title, headings, tables, a list and figures with alternative text", async () => {
    const bytes = await centrala();
    expect(bytes.toString("latin1")).toContain("/Lang (sv-SE)");
    const pdf = await openPdf(bytes);
    const info = (await pdf.getMetadata()).info as Record<string, unknown>;
    expect(info.Title).toBe(
      "Behovsanalys – offentlig försörjning, Samordningsförbundet Centrala Östergötland, 2020",
    );
    const trees: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++)
      trees.push(JSON.stringify(await (await pdf.getPage(n)).getStructTree()));
    await pdf.destroy();
    expect(trees.join("").replace(/\u00a0/g, " ")).toContain(
      '"alt":"Linjediagram: Helårsekvivalenter totalt, 20–64 år i Kinda 2014–2020. Från 12,2 % till 10,4 %. ' +
        'Siffrorna står i tabellen under diagrammet."',
    );
    const roles = await pageRoles(bytes);
    const first = roles[0] ?? [];
    expect(first.filter((r) => r === "H1")).toHaveLength(1);
    for (const role of ["H2", "H3", "Table", "TR", "TH", "TD", "L", "LI"]) expect(first).toContain(role);
    expect(roles.flat().filter((r) => r === "Figure")).toHaveLength(2 * CENTRALA_OSTERGOTLAND.length);
  });

  it("is byte-identical for the same view", async () => {
    const [a, b] = await Promise.all([centrala(), centrala()]);
    expect(a.equals(b)).toBe(true);
  });
});
