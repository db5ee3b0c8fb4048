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
  const report = expectData(
    await admin.PUT("/orgs/{orgId}/interventions/{interventionId}/results", {
      ...entry,
      body: RESAM_RESULTS,
    }),
  );
  expectData(await admin.POST("/orgs/{orgId}/interventions/{interventionId}/submit", { ...entry, body: {} }));
  expectData(await nns.POST("/orgs/{orgId}/interventions/{interventionId}/publish", { ...entry, body: {} }));
  expectData(
    await nns.POST("/orgs/{orgId}/interventions/{interventionId}/results/{resultId}/publish", {
      params: { path: { orgId, interventionId: published, resultId: report.id } },
    }),
  );
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
    expect(page).toMatch(/<legend>Län<\/legend>[\s\S]*Hallands län <span class="count">\(1\)/);
    expect(page).toMatch(/<label for="q">Sökord<\/label>/);
    expect(page).not.toContain("Hemligt utkast");
  });

  it("accepts repeated checkbox values and tells a bad filter apart with 400", async () => {
    expect(String((await get("/katalog?county=13&county=22")).body)).toContain(`/katalog/${published}`);
    expect((await get("/katalog?county=Halland")).status).toBe(400);
  });

  it("filters on the kind of link, and names a parameter the search does not know in Swedish", async () => {
    const page = String((await get("/katalog?linkKind=evaluation")).body);
    expect(page).toContain(`/katalog/${published}`);
    expect(page).toMatch(/<legend>Typ av länk<\/legend>[\s\S]*Utvärdering <span class="count">\(1\)/);
    expect(String((await get("/katalog?linkKind=study_visit")).body)).not.toContain(`/katalog/${published}`);
    const misspelt = await get("/katalog?q=resursteam&linkKnd=evaluation");
    expect(misspelt.status).toBe(400);
    expect(String(misspelt.body)).toContain("Något i adressen är fel (okänd parameter ”linkKnd”)");
    expect(String(misspelt.body)).toContain('<a href="/katalog?q=resursteam">Sök utan linkKnd</a>');
  });

  it("renders an entry's Markdown sanitised, and its results with derived shares", async () => {
    const res = await get(`/katalog/${published}`);
    expect(res.status).toBe(200);
    // The one script element is JSON-LD data (checked below); the description's Markdown brings none.
    const page = String(res.body).replace(/<script type="application\/ld\+json">[^<]*<\/script>/, "");
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

  it("shows the goals' time frame, throughput and budget, the totals and RESAM's report details", async () => {
    const page = String((await get(`/katalog/${published}`)).body);
    expect(page).toContain("40 % till arbete, studier eller rehabilitering inom ett år</dd>");
    expect(page).toContain("<dt>Genomströmning</dt><dd>6 månader per deltagare</dd>");
    expect(page).toMatch(/<dt>Budget<\/dt><dd>2024: 1\s500\s000 kr<\/dd>/);
    expect(page).toContain("<h2>Resultat totalt</h2>");
    expect(page).toContain("<dt>Deltagare</dt><dd>103: 56 kvinnor, 47 män</dd>");
    expect(page).toContain("<dt>Bedömda men inte inskrivna</dt><dd>25</dd>");
    expect(page).toContain('<th scope="row" class="sub">– varav Anställning inom kommunerna</th><td>8</td>');
    expect(page).toContain('<th scope="row">Personlig handläggare FK</th><td>70 %</td>');
    expect(page).toContain("<h3>Deltagarenkät</h3><p>21 svar.");
    expect(page).toMatch(/Återbetald efter 27 månader. Nettonytta 1\s600\s000 kr på 5 års sikt./);
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
    // The structured data is the page's only script element, and it is data, not code.
    expect(page.replace(/<script type="application\/ld\+json">[^<]*<\/script>/, "")).not.toMatch(/<script/i);
  });

  it("answers 404 for a draft, an unknown id and a malformed id", async () => {
    expect((await get(`/katalog/${draft}`)).status).toBe(404);
    expect((await get("/katalog/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await get("/katalog/not-an-id")).status).toBe(404);
  });
});

describe("what the public pages tell search engines", () => {
  it("lets crawlers read the public pages and the catalogue API but not the admin or the rest of the API", async () => {
    const res = await get("/robots.txt");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const lines = String(res.body).split("\n");
    for (const line of [
      "User-agent: *",
      "Allow: /katalog",
      "Allow: /v1/catalog/",
      "Disallow: /v1/",
      "Disallow: /o/",
    ]) {
      expect(lines).toContain(line);
    }
    expect(lines).toContain("Sitemap: http://localhost:3000/sitemap.xml");
  });

  it("lists published entries in the sitemap, never a draft", async () => {
    const res = await get("/sitemap.xml");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/xml/);
    const xml = String(res.body);
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/,
    );
    expect(xml).toMatch(
      new RegExp(
        `<loc>http://localhost:3000/katalog/${published}</loc><lastmod>\\d{4}-\\d{2}-\\d{2}</lastmod>`,
      ),
    );
    expect(xml).toContain("<loc>http://localhost:3000/tillganglighet</loc>");
    expect(xml).not.toContain(draft);
  });

  it("describes an entry as a GovernmentService in valid JSON-LD, with its description and canonical address", async () => {
    const page = String((await get(`/katalog/${published}`)).body);
    const blocks = [...page.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)];
    expect(blocks).toHaveLength(1);
    const data = JSON.parse(blocks[0]?.[1] ?? "");
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "GovernmentService",
      name: "RESAM – resursteam",
      url: `http://localhost:3000/katalog/${published}`,
      provider: { "@type": "GovernmentOrganization", name: env.orgA.name },
    });
    expect(page).toMatch(/<meta name="description" content="[^"]{20,160}">/);
    expect(page).toContain(`<link rel="canonical" href="http://localhost:3000/katalog/${published}">`);
  });

  it("gives the search page a description, and keeps filtered searches out of the index", async () => {
    const start = String((await get("/katalog")).body);
    expect(start).toMatch(
      /<meta name="description" content="Sök bland samordningsförbundens insatser[^"]*">/,
    );
    expect(start).not.toContain('name="robots"');
    const filtered = String((await get("/katalog?county=13")).body);
    expect(filtered).toContain('<meta name="robots" content="noindex, follow">');
    expect(filtered).toContain('<link rel="canonical" href="http://localhost:3000/katalog">');
  });
});

describe("the search page for people on phones", () => {
  it("puts the search box before the filters, and the filters in a disclosure", async () => {
    const page = String((await get("/katalog")).body);
    const search = page.indexOf('<input type="search" id="q"');
    const disclosure = page.indexOf('<details class="filters"');
    const firstCheckbox = page.indexOf('type="checkbox"');
    expect(search).toBeGreaterThan(0);
    expect(disclosure).toBeGreaterThan(search);
    expect(firstCheckbox).toBeGreaterThan(disclosure);
    // Closed even with a filter chosen, so results stay near the top: the chosen one is a chip above them.
    const filtered = String((await get("/katalog?county=13")).body);
    expect(filtered).toContain('<details class="filters">');
    expect(filtered).toContain("<summary>Filtrera på län, kommun, målgrupp och mer (1 valda)</summary>");
    expect(filtered).toMatch(
      /<a href="\/katalog" aria-label="Ta bort filtret Län: Hallands län">Hallands län/,
    );
  });

  it("announces the count, and when nothing matches offers ways out with the filters named, not coded", async () => {
    const hits = String((await get("/katalog?q=resursteam")).body);
    expect(hits).toMatch(/<h2 id="antal" aria-live="polite">1 insats för ”resursteam”<\/h2>/);
    const none = String((await get("/katalog?q=resursteam&county=01")).body);
    expect(none).toMatch(/<h2 id="antal" aria-live="polite">0 insatser för ”resursteam”<\/h2>/);
    expect(none).toContain("Inga insatser matchar sökningen.");
    expect(none).toContain(
      '<a href="/katalog?q=resursteam">ta bort alla filter och bara söka på ”resursteam”</a>',
    );
    expect(none).toContain('<a href="/katalog">visa alla insatser i katalogen</a>');
    // The chosen county keeps a checkbox to untick, from the whole catalogue's values.
    expect(none).toMatch(/<input type="checkbox" name="county" value="13" >/);
  });
});

describe("the accessibility statement", () => {
  it("is a server-rendered page after DIGG's model, readable without JavaScript", async () => {
    const res = await get("/tillganglighet");
    expect(res.status).toBe(200);
    const page = String(res.body);
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain("<h1>Tillgänglighetsredogörelse för NNS-plattformen</h1>");
    for (const section of [
      "Hur tillgänglig är tjänsten?",
      "Vad kan du göra om du inte kan använda delar av tjänsten?",
      "Rapportera brister i tjänstens tillgänglighet",
      "Tillsyn",
      "Teknisk information om tjänstens tillgänglighet",
      "Innehåll som inte är tillgängligt",
      "Hur vi testat tjänsten",
    ]) {
      expect(page).toMatch(new RegExp(`<h[234][^>]*>${section.replace("?", "\\?")}</h[234]>`));
    }
    expect(page).toContain("<strong>delvis förenlig</strong>");
    expect(page).toContain('href="https://www.digg.se/tdosanmalan"');
    expect(page).toContain("Myndigheten för digital förvaltning");
    expect(page).toMatch(/Vi svarar inom fem arbetsdagar/);
    expect(page).toMatch(/Senaste bedömningen gjordes den \d{1,2} \w+ \d{4}/);
    expect(page).toMatch(/<meta name="description" content="[^"]+">/);
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

  it("shares each caller's count between two app instances on the same database, as replicas do", async () => {
    const { createApp } = await import("../src/app.js");
    const pino = (await import("pino")).default;
    const replica = () =>
      createApp(env.deps, {
        cookieSecure: true,
        trustProxy: true,
        publicUrl: "http://localhost:3000",
        logger: pino({ level: "silent" }),
        catalogRateLimit: { anonymousPerMinute: 3, identifiedPerMinute: 6 },
      });
    const [a, b] = [replica(), replica()];
    const headers = { "x-forwarded-for": "198.51.100.30" };
    const call = (app: typeof a, path = "/v1/catalog/interventions") =>
      app.request(`http://localhost:3000${path}`, { headers });
    // The windows are whole minutes of the database's clock (this machine's): four requests started in
    // a minute's last seconds could straddle two windows, so they wait for the next one.
    const second = new Date().getSeconds();
    if (second > 50) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
    expect((await call(a)).status).toBe(200);
    expect((await call(b, "/katalog")).headers.get("ratelimit-remaining")).toBe("1");
    expect((await call(a)).headers.get("ratelimit-remaining")).toBe("0");
    const limited = await call(b);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe(limited.headers.get("ratelimit-reset"));
  }, 30_000);
});
