import type { paths } from "@nns/api-client";
import { FACETS } from "@nns/services";
import { RESAM_RESULTS, sampleContent } from "@nns/services/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { act, createIntervention, intervention, publishNew, putContent } from "./catalog-fixtures.js";
import { Client, expectData, expectProblem, signIn, walk } from "./client.js";
import { freshTenant, setupTestApp, type TestEnv } from "./helpers.js";

type CatalogQuery = NonNullable<paths["/catalog/interventions"]["get"]["parameters"]["query"]>;

let env: TestEnv;
let adminA: Client;
let adminB: Client;
let nns: Client;
const anyone = () => new Client(env);
/** The shared, read-only catalogue: four published entries and five never public. */
const ids: Record<string, string> = {};

beforeAll(async () => {
  env = await setupTestApp();
  [adminA, adminB, nns] = await Promise.all([
    signIn(env, env.users.adminA.email),
    signIn(env, env.users.adminB.email),
    signIn(env, env.users.nnsAdmin.email),
  ]);
  const A = env.orgA.id;
  const B = env.orgB.id;
  ids.youth = await publishNew(adminA, nns, A, {
    title: "Stöd till ungdom med psykisk ohälsa",
    summary: "Individuellt stöd på vägen till arbete eller studier.",
    targetGroups: ["young_adults", "mental_ill_health"],
    methods: ["supported_employment_ips"],
    municipalityCodes: ["1380", "1381"],
    startDate: "2022-01-01",
    endDate: "2023-12-31",
    status: "ended",
  });
  ids.bikeTitle = await publishNew(adminA, nns, A, {
    title: "Cykelverkstad som arbetsträning",
    summary: "Praktisk verksamhet.",
    description: "Deltagarna reparerar begagnade saker.",
    municipalityCodes: ["1380"],
    startDate: "2025-03-01",
    methods: ["work_training"],
  });
  ids.bikeDescription = await publishNew(adminB, nns, B, {
    title: "Arbetsträning i Sundsvall",
    summary: "Praktisk verksamhet i grupp.",
    description: "Bland annat en cykelverkstad och ett café.",
    municipalityCodes: ["2281"],
    targetGroups: ["newly_arrived"],
    memberParties: ["af", "kommun"],
    orientation: "structural",
    focusArea: "methods_development",
    startDate: "2020-06-01",
  });
  ids.resam = await publishNew(adminA, nns, A, {
    title: "RESAM – ett samordnat resursteam",
    municipalityCodes: ["1380"],
    startDate: "2007-09-01",
    endDate: "2010-12-31",
    status: "ended",
  });
  const report = expectData(
    await adminA.PUT("/orgs/{orgId}/interventions/{interventionId}/results", {
      ...intervention(A, ids.resam),
      body: RESAM_RESULTS,
    }),
  );
  // The förbund does not self-publish: its report is public once NNS's editors publish it.
  expectData(
    await nns.POST("/orgs/{orgId}/interventions/{interventionId}/results/{resultId}/publish", {
      params: { path: { orgId: A, interventionId: ids.resam, resultId: report.id } },
    }),
  );

  // Never public: a draft, a submitted and a returned entry, an archived one, and the new draft of a
  // published one. They all carry the word "hemlighetsprojekt".
  const secret = { title: "Hemlighetsprojekt", municipalityCodes: ["1380"] };
  ids.draft = (await createIntervention(adminA, A, secret)).id;
  const submitted = await createIntervention(adminA, A, secret);
  expectData(await act(adminA, A, submitted.id, "submit"));
  const returned = await createIntervention(adminA, A, secret);
  expectData(await act(adminA, A, returned.id, "submit"));
  expectData(await act(nns, A, returned.id, "return", { comment: "Nej" }));
  ids.archived = await publishNew(adminA, nns, A, { title: "Hemlighetsprojekt arkiverat" });
  expectData(await act(adminA, A, ids.archived, "archive"));
  expectData(
    await putContent(
      adminA,
      A,
      ids.bikeTitle,
      sampleContent({ title: "Hemlighetsprojekt utkast", municipalityCodes: ["1380"] }),
    ),
  );
});
afterAll(async () => env?.close());

const search = async (query: CatalogQuery) =>
  expectData(await anyone().GET("/catalog/interventions", { params: { query } }));
const idsOf = (body: { data: { id: string }[] }) => body.data.map((d) => d.id);
const entry = async (interventionId: string) =>
  expectData(
    await anyone().GET("/catalog/interventions/{interventionId}", { params: { path: { interventionId } } }),
  );

describe("public search in Swedish", () => {
  it("finds the singular form from a plural query", async () => {
    expect(idsOf(await search({ q: "ungdomar" }))).toEqual([ids.youth]);
  });

  it("finds interventions covering a kommun by its name", async () => {
    const found = idsOf(await search({ q: "Halmstad" }));
    expect(found.sort()).toEqual([ids.youth, ids.bikeTitle, ids.resam].sort());
    expect(idsOf(await search({ q: "Laholm" }))).toEqual([ids.youth]);
  });

  it("ranks a match in the title above one in the description", async () => {
    expect(idsOf(await search({ q: "cykelverkstad" }))).toEqual([ids.bikeTitle, ids.bikeDescription]);
  });

  it("never shows a draft, a submission, a returned or archived entry, or a published entry's new draft", async () => {
    expect((await search({ q: "hemlighetsprojekt" })).total).toBe(0);
    const all = await search({ limit: 100 });
    expect(idsOf(all).sort()).toEqual([ids.youth, ids.bikeTitle, ids.bikeDescription, ids.resam].sort());
    // The published version of the re-drafted entry is still what the public sees.
    expect(all.data.find((d) => d.id === ids.bikeTitle)?.title).toBe("Cykelverkstad som arbetsträning");
    const hidden = (interventionId: string) =>
      anyone().GET("/catalog/interventions/{interventionId}", { params: { path: { interventionId } } });
    expectProblem(await hidden(ids.draft as string), 404, "not_found");
    expectProblem(await hidden(ids.archived as string), 404, "not_found");
  });
});

describe("filters and facets", () => {
  it("reports facet counts that match the results of filtering by each value", async () => {
    const all = await search({ limit: 100 });
    expect(all.total).toBe(4);
    for (const facet of FACETS) {
      for (const { value, count } of all.facets[facet] ?? []) {
        const filtered = await search({ [facet]: value, limit: 100 });
        expect(filtered.total, `${facet}=${value}`).toBe(count);
        expect(filtered.data).toHaveLength(count);
      }
    }
    expect(all.facets.county).toEqual(
      expect.arrayContaining([
        { value: "13", label: "Hallands län", count: 3 },
        { value: "22", label: "Västernorrlands län", count: 1 },
      ]),
    );
  });

  it("counts a filtered facet without its own filter, so its other values stay offered", async () => {
    const halland = await search({ county: "13" });
    expect(halland.total).toBe(3);
    // Filtered on Halland, the län facet still offers Västernorrland, with what choosing it instead returns.
    expect(halland.facets.county).toEqual([
      { value: "13", label: "Hallands län", count: 3 },
      { value: "22", label: "Västernorrlands län", count: 1 },
    ]);
    // Unfiltered facets count only the matches: Halland's kommuner, not Sundsvall.
    expect(halland.facets.municipality?.map((m) => m.value)).not.toContain("2281");
    // Two filtered facets: each is counted under the other's filter only.
    const structural = await search({ county: "13", orientation: "structural" });
    expect(structural.total).toBe(0);
    expect(structural.facets.county).toEqual([{ value: "22", label: "Västernorrlands län", count: 1 }]);
    expect(structural.facets.orientation).toEqual([
      { value: "individual", label: "Individinriktad", count: 3 },
    ]);
    // Ticking the second län widens the search by exactly its count.
    expect((await search({ county: "13,22" })).total).toBe(4);
  });

  it("combines a text query with two filters", async () => {
    const found = await search({ q: "arbetsträning", county: "13", method: "work_training" });
    expect(idsOf(found)).toEqual([ids.bikeTitle]);
    expect(found.facets.method?.find((m) => m.value === "work_training")?.count).toBe(1);
  });

  it("filters on period overlap, förbund and member party", async () => {
    expect(idsOf(await search({ from: "2011-01-01", to: "2021-12-31" }))).toEqual([ids.bikeDescription]);
    expect(idsOf(await search({ organization: env.orgB.id }))).toEqual([ids.bikeDescription]);
    expect((await search({ memberParty: "fk" })).total).toBe(3);
  });

  it("sorts by start date and pages with a cursor without gaps or repeats", async () => {
    expect(idsOf(await search({ sort: "start", limit: 100 }))).toEqual([
      ids.bikeTitle,
      ids.youth,
      ids.bikeDescription,
      ids.resam,
    ]);
    const orders: CatalogQuery[] = [
      { sort: "start" },
      { sort: "newest" },
      { sort: "relevance", q: "arbete" },
    ];
    for (const order of orders) {
      const first = await search({ ...order, limit: 100 });
      const seen = (
        await walk(1, (cursor) =>
          anyone().GET("/catalog/interventions", { params: { query: { ...order, limit: 1, cursor } } }),
        )
      ).map((d) => d.id);
      expect(seen, JSON.stringify(order)).toEqual(idsOf(first));
      expect(new Set(seen).size).toBe(first.total);
    }
  });

  it("answers an empty result, not an error, to queries of only punctuation or stop words", async () => {
    expect((await search({ q: "!!! & |" })).total).toBe(0);
    expect((await search({ q: "och" })).total).toBe(0);
  });

  it("names the parameter and rule of bad input", async () => {
    const get = (query: CatalogQuery) => anyone().GET("/catalog/interventions", { params: { query } });
    const bad = expectProblem(await get({ county: "1" }), 400, "validation_failed");
    expect(bad.errors?.[0]?.field).toBe("query.county");
    // A sort order the contract does not have.
    expectProblem(
      await anyone().raw("GET", "/v1/catalog/interventions?sort=popular"),
      400,
      "validation_failed",
    );
    const cursor = expectProblem(await get({ cursor: "nonsense" }), 400, "validation_failed");
    expect(cursor.errors?.[0]).toMatchObject({ field: "query.cursor", rule: "invalid_cursor" });
    // A cursor from one sort order is not valid for another.
    const byStart = await search({ sort: "start", limit: 1 });
    const crossed = await get({ sort: "newest", cursor: byStart.nextCursor ?? undefined });
    expect(expectProblem(crossed, 400, "validation_failed").errors?.[0]?.rule).toBe("invalid_cursor");
    const forged = Buffer.from(JSON.stringify({ k: "2025-02-30", id: ids.youth })).toString("base64url");
    expectProblem(await get({ sort: "start", cursor: forged }), 400, "validation_failed");
  });
});

describe("one entry, exports and feed", () => {
  it("links a published delprojekt and its project both ways, never to an unpublished part", async () => {
    const parent = ids.youth as string;
    const part = await createIntervention(adminA, env.orgA.id, { title: "Delprojekt Laholm" }, parent);
    const hidden = await createIntervention(adminA, env.orgA.id, { title: "Delprojekt utkast" }, parent);
    expectData(await act(adminA, env.orgA.id, part.id, "submit"));
    expectData(await act(nns, env.orgA.id, part.id, "publish"));
    try {
      const parentEntry = await entry(parent);
      expect(parentEntry.related).toEqual({
        parent: null,
        parts: [{ id: part.id, title: "Delprojekt Laholm" }],
      });
      expect(JSON.stringify(parentEntry)).not.toContain(hidden.id);
      expect((await entry(part.id)).related.parent).toEqual({
        id: parent,
        title: "Stöd till ungdom med psykisk ohälsa",
      });
      const page = String((await anyone().raw("GET", `/katalog/${part.id}`)).body);
      expect(page).toContain(`Delprojekt i <a href="/katalog/${parent}">`);
    } finally {
      // The other tests count the shared catalogue: archive the part again.
      expectData(await act(adminA, env.orgA.id, part.id, "archive"));
    }
  });

  it("shows an entry with its published results and derived shares", async () => {
    const res = await entry(ids.resam as string);
    expect(res.document).toMatchObject({
      title: "RESAM – ett samordnat resursteam",
      organization: { id: env.orgA.id, name: env.orgA.name },
      area: { counties: [{ code: "13", name: "Hallands län" }] },
    });
    expect(res.results[0]?.positiveSharePercent).toBe(60.2);
    expect(res.results[0]?.outcomes.map((o) => o.sharePercent)).toEqual([9.7, 1.9, 48.5, 33.0, 2.9, 3.9]);
  });

  it("exports a search as CSV and JSON without anything unpublished", async () => {
    const csv = await anyone().GET("/catalog/export", {
      params: { query: { format: "csv", county: "13" } },
      parseAs: "arrayBuffer",
    });
    expect(csv.response.headers.get("content-type")).toMatch(/^text\/csv/);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(expectData(csv) as ArrayBuffer);
    const lines = text.trim().split("\n");
    // Swedish Excel: a BOM, semicolons, decimal commas, codes in words.
    expect(text.startsWith("\uFEFF")).toBe(true);
    // (trim() above took the BOM away with the whitespace.)
    expect(lines[0]).toMatch(/^"id";"titel";"sammanfattning";"förbund";/);
    expect(lines).toHaveLength(4);
    expect(text).not.toMatch(/Hemlighetsprojekt/);
    expect(text).toContain(";60,2");
    expect(text).toMatch(/;"(Individinriktad|Strukturövergripande)";/);
    expect(text).not.toMatch(/"(individual|structural)"/);
    const json = expectData(await anyone().GET("/catalog/export", { params: { query: { format: "json" } } }));
    if (typeof json === "string") throw new Error(`the JSON export came as text: ${json.slice(0, 80)}`);
    expect(json.data).toHaveLength(4);
    expect(JSON.stringify(json)).not.toMatch(/Hemlighetsprojekt/);
  });

  it("exports a published formula as text, never as a live formula", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const id = await publishNew(admin, nns, t.org.id, {
      title: '=HYPERLINK("http://x","y")',
      summary: "@SUM(1+1) och -2+3",
    });
    try {
      const csv = expectData(
        await anyone().GET("/catalog/export", { params: { query: { format: "csv" } }, parseAs: "text" }),
      );
      expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
      expect(csv).toContain(`"'@SUM(1+1) och -2+3"`);
      // No cell, quoted or not, starts with a formula character.
      expect(csv).not.toMatch(/(^|;)"?[=+\-@\t\r]/m);
    } finally {
      expectData(await act(admin, t.org.id, id, "archive"));
    }
  });

  it("lists published entries in the Atom feed, and nothing unpublished", async () => {
    const feed = await anyone().GET("/catalog/feed", { parseAs: "text" });
    expect(feed.response.headers.get("content-type")).toMatch(/^application\/atom\+xml/);
    const xml = expectData(feed);
    expect(xml.match(/<entry>/g)).toHaveLength(4);
    expect(xml).toContain(`urn:uuid:${ids.resam}`);
    expect(xml).not.toMatch(/Hemlighetsprojekt/);
  });

  it("serves the vocabularies, with seed 002's outcome categories in order", async () => {
    const res = expectData(await anyone().GET("/catalog/vocabularies"));
    expect(res.outcomeCategories.map((c) => c.positive)).toEqual([true, true, true, false, false, false]);
  });
});

describe("the search cache", () => {
  const rename = (id: string, title: string) =>
    env.t.db.ownerSql(
      "update catalog_entries set title = $2, document = jsonb_set(document, '{title}', to_jsonb($2::text)) where intervention_id = $1",
      [id, title],
    );
  const titles = async (q: string) => (await search({ q })).data.map((d) => d.title);

  it("answers a repeated search from the cache until the catalogue's generation changes", async () => {
    const id = ids.resam as string;
    expect(await titles("resursteam")).toEqual(["RESAM – ett samordnat resursteam"]);
    // A write that skips the generation trigger is invisible to a cached search: the answer is cached…
    await env.t.db.ownerSql("alter table catalog_entries disable trigger catalog_entries_generation");
    try {
      await rename(id, "RESAM – ett nytt resursteam");
      expect(await titles("resursteam")).toEqual(["RESAM – ett samordnat resursteam"]);
      // …and a new generation, as any write by any process makes, is seen at once.
      await env.t.db.ownerSql("update catalog_generation set generation = generation + 1");
      expect(await titles("resursteam")).toEqual(["RESAM – ett nytt resursteam"]);
    } finally {
      await env.t.db.ownerSql("alter table catalog_entries enable trigger catalog_entries_generation");
    }
    // A write made outside this process, directly in the database, is seen by the next search.
    await rename(id, "RESAM – ett samordnat resursteam");
    expect(await titles("resursteam")).toEqual(["RESAM – ett samordnat resursteam"]);
  });

  it("shows a renamed target group's label at once, and a newly published entry at once", async () => {
    const label = async () =>
      (await search({ county: "13" })).facets.targetGroup?.find((v) => v.value === "young_adults")?.label;
    const before = await label();
    const rename = (labelSv: string) =>
      nns.PUT("/nns/catalog/target-groups/{code}", {
        params: { path: { code: "young_adults" } },
        body: { labelSv, retired: false },
      });
    expectData(await rename("Unga vuxna 16–29 år"));
    try {
      expect(await label()).toBe("Unga vuxna 16–29 år");
    } finally {
      await rename(before as string);
    }
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const total = (await search({ q: "cykelverkstad" })).total;
    const id = await publishNew(admin, nns, t.org.id, { title: "Cykelverkstad i Timrå" });
    try {
      expect((await search({ q: "cykelverkstad" })).total).toBe(total + 1);
    } finally {
      expectData(await act(admin, t.org.id, id, "archive"));
    }
    expect((await search({ q: "cykelverkstad" })).total).toBe(total);
  });
});
