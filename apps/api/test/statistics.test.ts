import { finsamMemberParties, writeStatisticsFixture } from "@nns/services/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { Client, expectData, expectProblem } from "./client.js";
import { freshTenant, type Tenant, useTestApp } from "./helpers.js";

const env = useTestApp();
let forbund: Tenant;
const CACHED = "public, max-age=900";

beforeAll(async () => {
  await writeStatisticsFixture(env.t.db, { isDemo: true });
  forbund = await freshTenant(env, {
    countyCode: "22",
    memberParties: finsamMemberParties("22", ["2281"]),
  });
});

describe("GET /v1/statistics/periods", () => {
  it("lists the periods with their source and the dimensions with Swedish labels, cached for anyone", async () => {
    const res = await new Client(env).GET("/statistics/periods");
    const listing = expectData(res);
    expect(res.response.headers.get("cache-control")).toBe(CACHED);
    expect(listing.periods.map((p) => [p.period, p.kind, p.sourceTable, p.isDemo])).toEqual([
      ["2019", "year", "HE0000T02N2", true],
      ["2020", "year", "HE0000T02N2", true],
    ]);
    expect(Date.parse(listing.periods[0]?.importedAt ?? "")).not.toBeNaN();
    expect(listing.ageGroups).toEqual([
      { code: "20-64", label: "20–64 år" },
      { code: "20-29", label: "20–29 år" },
    ]);
    expect(listing.benefits.find((b) => b.code === "income_support")?.label).toBe("Ekonomiskt bistånd");
    expect(listing.genders.map((g) => g.label)).toEqual(["Totalt", "Kvinnor", "Män"]);
  });
});

describe("GET /v1/statistics/forbund/{slug}", () => {
  it("answers the förbund's view with the seed's Sundsvall figures and the demo marker", async () => {
    const res = await new Client(env).GET("/statistics/forbund/{slug}", {
      params: { path: { slug: forbund.org.slug } },
    });
    const view = expectData(res);
    expect(res.response.headers.get("cache-control")).toBe(CACHED);
    expect(view.subject).toEqual({ kind: "forbund", code: forbund.org.slug, name: forbund.org.name });
    expect(view.source).toMatchObject({ period: "2020", isDemo: true, sourceTable: "HE0000T02N2" });
    expect(view.municipalities.map((m) => m.code)).toEqual(["2281"]);
    const total = view.total.measures.find(
      (m) => m.benefit === "total" && m.gender === "total" && m.ageGroup === "20-64",
    );
    expect(total?.share).toBeCloseTo((7605 / 55000) * 100, 10);
    expect(total?.change).toBeCloseTo((7605 / 55000) * 100 - (7331 / 55000) * 100, 10);
    expect(view.summary[0]).toBe(
      "År 2020 försörjdes 13,8 % av befolkningen 20–64 år i Sundsvall av sociala ersättningar och bidrag (kvinnor 15,1 %, män 12,6 %).",
    );
    expect(view.summary[1]).toBe("Det är en ökning med 0,5 procentenheter jämfört med 2019.");
  });

  it("answers an earlier period when asked", async () => {
    const view = expectData(
      await new Client(env).GET("/statistics/forbund/{slug}", {
        params: { path: { slug: forbund.org.slug }, query: { period: "2019" } },
      }),
    );
    expect(view.source.period).toBe("2019");
    expect(view.previousPeriod).toBeNull();
  });

  it("answers 404 problems for an unknown förbund and a period without figures", async () => {
    const client = new Client(env);
    expectProblem(await client.raw("GET", "/v1/statistics/forbund/finns-inte"), 404, "not_found");
    const none = await client.raw("GET", `/v1/statistics/forbund/${forbund.org.slug}?period=2018M03`);
    expect(expectProblem(none, 404, "not_found").detail).toContain("2018M03");
    // NNS is an organisation but no förbund.
    expectProblem(await client.raw("GET", "/v1/statistics/forbund/nns"), 404, "not_found");
  });

  it("answers 400 naming the field for a malformed period or slug", async () => {
    const client = new Client(env);
    for (const bad of ["20", "2020M13", "2020-05", "år"]) {
      const res = await client.raw(
        "GET",
        `/v1/statistics/forbund/${forbund.org.slug}?period=${encodeURIComponent(bad)}`,
      );
      expect(expectProblem(res, 400, "validation_failed").errors?.[0]?.field).toBe("query.period");
    }
    const slug = await client.raw("GET", "/v1/statistics/forbund/Inte_Giltig");
    expect(expectProblem(slug, 400, "validation_failed").errors?.[0]?.field).toBe("path.slug");
  });
});

describe("GET /v1/statistics/municipalities/{code}", () => {
  it("answers one kommun's view, the kommun as its total", async () => {
    const res = await new Client(env).GET("/statistics/municipalities/{code}", {
      params: { path: { code: "1381" } },
    });
    const view = expectData(res);
    expect(res.response.headers.get("cache-control")).toBe(CACHED);
    expect(view.subject).toEqual({ kind: "municipality", code: "1381", name: "Laholm" });
    expect(view.total).toEqual(view.municipalities[0]);
    expect(view.counties.map((c) => c.name)).toEqual(["Hallands län"]);
    const cell = view.total.measures.find(
      (m) => m.benefit === "total" && m.gender === "total" && m.ageGroup === "20-64",
    );
    expect(cell).toMatchObject({ share: 10, previousShare: 9, change: 1, quartile: "low" });
  });

  it("answers 404 for a code of no kommun and 400 for a malformed one", async () => {
    const client = new Client(env);
    expectProblem(await client.raw("GET", "/v1/statistics/municipalities/9999"), 404, "not_found");
    const bad = await client.raw("GET", "/v1/statistics/municipalities/228");
    expect(expectProblem(bad, 400, "validation_failed").errors?.[0]?.field).toBe("path.code");
  });
});

describe("GET /v1/statistics/municipalities/{code}/trend", () => {
  it("follows one measure over the years with the län, riket and the spread", async () => {
    const res = await new Client(env).GET("/statistics/municipalities/{code}/trend", {
      params: { path: { code: "2281" }, query: { gender: "women" } },
    });
    const trend = expectData(res);
    expect(res.response.headers.get("cache-control")).toBe(CACHED);
    expect(trend).toMatchObject({ benefit: "total", gender: "women", ageGroup: "20-64" });
    expect(trend.points.map((p) => p.period)).toEqual(["2019", "2020"]);
    expect(trend.points[1]?.share).toBeCloseTo(15.1, 10);
    expect(trend.points[0]?.share).toBeCloseTo(14.5, 10);
    expect(trend.points.every((p) => p.isDemo)).toBe(true);
    const monthly = expectData(
      await new Client(env).GET("/statistics/municipalities/{code}/trend", {
        params: { path: { code: "2281" }, query: { kind: "month" } },
      }),
    );
    expect(monthly.points).toEqual([]);
  });

  it("answers 400 naming the query field for an unknown benefit, gender, kind or a malformed age group", async () => {
    const client = new Client(env);
    for (const [query, field] of [
      ["benefit=pension", "query.benefit"],
      ["gender=other", "query.gender"],
      ["kind=week", "query.kind"],
      ["ageGroup=20", "query.ageGroup"],
    ] as const) {
      const res = await client.raw("GET", `/v1/statistics/municipalities/2281/trend?${query}`);
      expect(expectProblem(res, 400, "validation_failed").errors?.[0]?.field).toBe(field);
    }
    expectProblem(await client.raw("GET", "/v1/statistics/municipalities/0000/trend"), 404, "not_found");
  });
});

describe("GET /v1/statistics/ranking", () => {
  it("ranks all kommuner on one measure", async () => {
    const res = await new Client(env).GET("/statistics/ranking", {
      params: { query: { period: "2020", gender: "men" } },
    });
    const ranking = expectData(res);
    expect(res.response.headers.get("cache-control")).toBe(CACHED);
    expect(ranking.municipalities).toHaveLength(290);
    expect(ranking.municipalities.slice(0, 6).map((m) => [m.name, m.rank])).toEqual([
      ["Varberg", 1],
      ["Sundsvall", 2],
      ["Falkenberg", 3],
      ["Laholm", 4],
      ["Timrå", 4],
      ["Halmstad", 6],
    ]);
    expect(ranking.source.isDemo).toBe(true);
  });

  it("answers 404 for a period without figures and 400 for a malformed one", async () => {
    const client = new Client(env);
    expectProblem(await client.raw("GET", "/v1/statistics/ranking?period=2017"), 404, "not_found");
    const bad = await client.raw("GET", "/v1/statistics/ranking?period=17");
    expect(expectProblem(bad, 400, "validation_failed").errors?.[0]?.field).toBe("query.period");
  });
});

describe("the CSV downloads", () => {
  async function bytesOf(path: string) {
    const response = await env.app.request(`http://localhost:3000/v1${path}`);
    return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
  }

  it("write the förbund's figures for Swedish Excel, marked as demo figures", async () => {
    const { response, bytes } = await bytesOf(
      `/statistics/forbund/${forbund.org.slug}/figures.csv?period=2020`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe(CACHED);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="statistik-${forbund.org.slug}-2020.csv"`,
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
    const [header, ...lines] = text.trimEnd().split("\n");
    expect(header?.split(";")).toEqual([
      '"Region"',
      '"Regionkod"',
      '"Nivå"',
      '"Period"',
      '"Ersättning"',
      '"Kön"',
      '"Ålder"',
      '"Helårsekvivalenter"',
      '"Befolkning"',
      '"Andel %"',
      '"Förändring procentenheter"',
      '"Kvartil"',
      '"Källa"',
      '"Demodata"',
    ]);
    // Förbund, Sundsvall, Västernorrland and riket; 7 benefits × 3 genders × 2 age groups each.
    expect(lines).toHaveLength(4 * 42);
    const sundsvall = lines.find((l) =>
      l.startsWith('"Sundsvall";"2281";"Kommun";"2020";"Helårsekvivalenter totalt";"Kvinnor";"20–64 år";'),
    );
    expect(sundsvall).toMatch(
      /;4077;27000;15,1;0,6;"Högsta fjärdedelen";"Demodata: påhittade siffror, inte SCB:s \(skapade \d{4}-\d{2}-\d{2}\)";"Ja"$/,
    );
    expect(lines.every((l) => l.endsWith(';"Ja"'))).toBe(true);
  });

  it("write one kommun's figures, and refuse what the views refuse", async () => {
    const { response, bytes } = await bytesOf("/statistics/municipalities/2262/figures.csv?period=2020");
    expect(response.status).toBe(200);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain(
      '"Timrå";"2262";"Kommun";"2020";"Helårsekvivalenter totalt";"Totalt";"20–64 år";;200;;;"Uppgift saknas"',
    );
    const missing = await new Client(env).raw("GET", "/v1/statistics/forbund/finns-inte/figures.csv");
    expectProblem(missing, 404, "not_found");
    const bad = await new Client(env).raw("GET", "/v1/statistics/municipalities/2281/figures.csv?period=x");
    expect(expectProblem(bad, 400, "validation_failed").errors?.[0]?.field).toBe("query.period");
  });
});
