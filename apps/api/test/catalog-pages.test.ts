import { RESAM_RESULTS, sampleContent } from "@nns/services/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, expectData, signIn } from "./client.js";
import { freshTenant, setupTestApp, type TestEnv } from "./helpers.js";

let env: TestEnv;
let published: string;
let draft: string;

beforeAll(async () => {
  env = await setupTestApp();
  const admin = await signIn(env, env.users.adminA.email);
  const nns = await signIn(env, env.users.nnsAdmin.email);
  const orgId = env.orgA.id;
  const created = await admin.POST("/orgs/{orgId}/interventions", {
    params: { path: { orgId } },
    body: {
      content: sampleContent({
        title: "RESAM – resursteam",
        description:
          "## Arbetssätt\n\nVi arbetar **lösningsfokuserat**.\n\n<script>alert(1)</script><img src=x onerror=alert(2)>\n\n[klick](javascript:alert(3)) och [rapporten](https://example.se/r.pdf)",
        links: [{ kind: "evaluation", title: "Slutrapport", url: "https://example.se/resam.pdf" }],
      }),
    },
  });
  published = expectData(created, 201).id;
  const entry = { params: { path: { orgId, interventionId: published } } };
  expectData(
    await admin.PUT("/orgs/{orgId}/interventions/{interventionId}/results", {
      ...entry,
      body: RESAM_RESULTS,
    }),
  );
  expectData(await admin.POST("/orgs/{orgId}/interventions/{interventionId}/submit", { ...entry, body: {} }));
  expectData(await nns.POST("/orgs/{orgId}/interventions/{interventionId}/publish", { ...entry, body: {} }));
  const hidden = await admin.POST("/orgs/{orgId}/interventions", {
    params: { path: { orgId } },
    body: { content: sampleContent({ title: "Hemligt utkast" }) },
  });
  draft = expectData(hidden, 201).id;
});
afterAll(async () => env?.close());

/** The pages are HTML outside the API contract. */
const get = (path: string) => new Client(env).raw("GET", path);

describe("the public catalogue pages", () => {
  it("renders a Swedish search page without scripts, with hits and facets as a form", async () => {
    const res = await get("/katalog?q=resursteam");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const page = String(res.body);
    expect(page).toContain('<html lang="sv">');
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain(`href="/katalog/${published}"`);
    expect(page).toMatch(/<legend>Län<\/legend>[\s\S]*Hallands län \(1\)/);
    expect(page).toMatch(/<label for="q">Sökord<\/label>/);
    expect(page).not.toContain("Hemligt utkast");
  });

  it("accepts repeated checkbox values and tells a bad filter apart with 400", async () => {
    expect(String((await get("/katalog?county=13&county=22")).body)).toContain(`/katalog/${published}`);
    expect((await get("/katalog?county=Halland")).status).toBe(400);
  });

  it("renders an entry's Markdown sanitised, and its results with derived shares", async () => {
    const res = await get(`/katalog/${published}`);
    expect(res.status).toBe(200);
    const page = String(res.body);
    expect(page).toContain("<h1>RESAM – resursteam</h1>");
    expect(page).toContain("<dt>Period</dt><dd>från 2024-01-01, tills vidare</dd>");
    expect(page).toContain("<strong>lösningsfokuserat</strong>");
    expect(page).toContain("<h3>Arbetssätt</h3>");
    expect(page).not.toMatch(/<script|<img|onerror|href="javascript/i);
    expect(page).toContain('<a href="https://example.se/r.pdf" rel="noopener nofollow">rapporten</a>');
    expect(page).toContain("48,5 %");
    expect(page).toMatch(/Positivt utfall: <strong>60,2 %<\/strong>/);
    expect(page).toContain('<th scope="row">Till arbetslivsinriktad rehabilitering (positivt)</th>');
  });

  it("draws RESAM's results as an accessible SVG chart with the same figures as a table, and no script", async () => {
    const page = String((await get(`/katalog/${published}`)).body);
    const svg =
      /<svg role="img" aria-labelledby="resultat-diagram-titel resultat-diagram-text"[\s\S]*?<\/svg>\n<figcaption>/.exec(
        page,
      )?.[0];
    expect(svg).toBeDefined();
    expect(svg).toContain(
      '<title id="resultat-diagram-titel">Utfall per period, andel av deltagarna</title>',
    );
    expect(svg).toContain(
      '<desc id="resultat-diagram-text">2007-09-01 – 2010-12-31: 103 deltagare, 60,2 % positivt utfall. Resultatmål 40,0 %.</desc>',
    );
    // Positive outcomes first: the first segment starts at 0 and the three positive ones end at 60,2 % of the width.
    const rects = [...(svg ?? "").matchAll(/<rect x="([\d.]+)" y="\d+" width="([\d.]+)"/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(rects).toHaveLength(6);
    expect(rects[0]?.[0]).toBe(0);
    expect((rects[2]?.[0] ?? 0) + (rects[2]?.[1] ?? 0)).toBeCloseTo((400 * 62) / 103, 0);
    expect(svg).toMatch(/stroke-dasharray="6 4"\/><text [^>]*>Resultatmål 40,0 %<\/text>/);
    const table = /<summary>Diagrammet som tabell<\/summary>[\s\S]*?<\/table>/.exec(page)?.[0] ?? "";
    expect(table).toContain('<th scope="col">2007-09-01 – 2010-12-31</th>');
    expect(table).toContain(
      '<tr><th scope="row">Till Arbetsförmedlingen som arbetssökande, studier, arbete eller eget företag (positivt)</th><td>50 (48,5 %)</td></tr>',
    );
    expect(table).toContain('<tr><th scope="row">Andel positivt utfall</th><td>60,2 %</td></tr>');
    expect(page).not.toMatch(/<script/i);
  });

  it("answers 404 for a draft, an unknown id and a malformed id", async () => {
    expect((await get(`/katalog/${draft}`)).status).toBe(404);
    expect((await get("/katalog/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await get("/katalog/not-an-id")).status).toBe(404);
  });
});

describe("rate limits of the public catalogue", () => {
  it("gives anonymous callers a per-address limit and API keys a higher one, with 429 and Retry-After", async () => {
    const { createApp } = await import("../src/app.js");
    const { createApiKey } = await import("@nns/services");
    const pino = (await import("pino")).default;
    const app = createApp(env.deps, {
      cookieSecure: true,
      trustProxy: true,
      publicUrl: "http://localhost:3000",
      logger: pino({ level: "silent" }),
      catalogRateLimit: { anonymousPerMinute: 2, identifiedPerMinute: 4 },
    });
    const { secret } = await createApiKey((await freshTenant(env)).ctx, {
      name: "portal",
      scopes: ["interventions:read"],
      expiresAt: null,
    });
    const call = (headers: Record<string, string>) =>
      app.request("http://localhost:3000/v1/catalog/interventions", { headers });
    const anon = { "x-forwarded-for": "198.51.100.7" };
    expect((await call(anon)).status).toBe(200);
    expect((await call(anon)).headers.get("ratelimit-remaining")).toBe("0");
    const limited = await call(anon);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited.json()) as { code: string }).code).toBe("rate_limited");
    // Another address, and a key from the same address, are counted apart.
    expect((await call({ "x-forwarded-for": "198.51.100.8" })).status).toBe(200);
    const keyed = { ...anon, authorization: `Bearer ${secret}` };
    for (let i = 0; i < 4; i++) expect((await call(keyed)).status).toBe(200);
    expect((await call(keyed)).status).toBe(429);
  });
});
