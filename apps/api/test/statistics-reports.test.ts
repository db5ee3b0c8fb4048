import * as services from "@nns/services";
import { describe, expect, it } from "vitest";
import { Client, expectProblem, PUBLIC_URL } from "./client.js";
import { useTestApp } from "./helpers.js";

const env = useTestApp();

const SIX = [
  "sickness_benefit",
  "sickness_activity_compensation",
  "unemployment_benefit",
  "labour_market_programmes",
  "income_support",
  "establishment_benefit",
] as const;

/** Five kommuner, women and men of 1 000 each, the same helårsekvivalenter for every benefit. */
function rows(period: string, sundsvall: number): services.FigureRow[] {
  const perKommun: Record<string, number> = {
    "2281": sundsvall,
    "2262": 16,
    "2260": 25,
    "1380": 19,
    "0180": 14,
  };
  return Object.entries(perKommun).flatMap(([municipalityCode, fye]) =>
    SIX.flatMap((benefit) =>
      (["women", "men"] as const).map((gender) => ({
        period,
        municipalityCode,
        gender,
        ageGroup: "20-64",
        benefit,
        fullYearEquivalents: fye,
        population: 1000,
      })),
    ),
  );
}

let imported: Promise<void> | undefined;
/** 2019 and 2020, once for the file. */
function importFigures(): Promise<void> {
  imported ??= (async () => {
    const { db } = env.deps;
    const id = await services.createImportRecord(db, {
      sourceTable: "HE0000T02N2",
      fileName: "he.csv",
      fileFormat: "csv",
    });
    await services.writeImportFigures(db, id, [...rows("2019", 21.5), ...rows("2020", 23)]);
    await services.activateImport(db, id);
  })();
  return imported;
}

/** The response as bytes: a PDF is not text. */
async function get(path: string): Promise<Response> {
  return env.app.request(`${PUBLIC_URL}/v1${path}`, { headers: { "x-forwarded-for": "192.0.2.10" } });
}

describe("GET /statistics/forbund/{slug}/report.pdf", () => {
  it("serves the förbund's board report to anyone, cacheable, named in Swedish with an ASCII fallback", async () => {
    await importFigures();
    const response = await get("/statistics/forbund/beta/report.pdf?period=2020");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("cache-control")).toBe("public, max-age=900");
    expect(response.headers.get("content-disposition")).toBe(
      "inline; filename=\"behovsanalys-beta-2020.pdf\"; filename*=UTF-8''Behovsanalys%20Samordningsf%C3%B6rbundet%20Beta%202020.pdf",
    );
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.subarray(0, 8).toString("latin1")).toBe("%PDF-1.7");
    // The service's report for the same förbund and period, byte for byte (its text is tested there).
    const expected = await services.forbundBoardReport(env.deps, "beta", "2020");
    expect(body.equals(expected.body)).toBe(true);
  });

  it("answers the latest year when no period is given", async () => {
    await importFigures();
    const response = await get("/statistics/forbund/beta/report.pdf");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain('filename="behovsanalys-beta-2020.pdf"');
  });

  it("answers 404 for an unknown förbund or a period without figures, 400 for a malformed period", async () => {
    await importFigures();
    const client = new Client(env);
    expectProblem(await client.raw("GET", "/v1/statistics/forbund/finns-inte/report.pdf"), 404, "not_found");
    // NNS is an organization but not a förbund.
    expectProblem(await client.raw("GET", "/v1/statistics/forbund/nns/report.pdf"), 404, "not_found");
    expectProblem(
      await client.raw("GET", "/v1/statistics/forbund/beta/report.pdf?period=2018"),
      404,
      "not_found",
    );
    const malformed = expectProblem(
      await client.raw("GET", "/v1/statistics/forbund/beta/report.pdf?period=2020M13"),
      400,
      "validation_failed",
    );
    expect(JSON.stringify(malformed)).toContain("period");
  });
});
