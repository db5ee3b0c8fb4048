import { openDatabase } from "@nns/db";
import { createTestDatabase, seedBulkCatalog, type TestDatabase } from "@nns/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTsQuery, rankKeyText, rankMicros } from "../src/catalog/tsquery.js";
import {
  type CatalogQuery,
  type CatalogSearchResult,
  type Deps,
  searchCatalog,
  searchCatalogInDatabase,
} from "../src/index.js";
import { testDeps } from "./deps.js";

let t: TestDatabase;
let deps: Deps;

beforeAll(async () => {
  t = await createTestDatabase();
  deps = // No answer cache: every search here is computed by the index.
    testDeps(t.db, { config: { catalogSearchCacheEntries: 0 } });
  await seedBulkCatalog(t.db, { forbund: 4, perForbund: 90, seed: 7 });
});
afterAll(async () => {
  deps?.mailer.close();
  await t?.destroy();
});

const query = (q: string | undefined, rest: Partial<CatalogQuery> = {}): CatalogQuery => ({
  q,
  filters: {},
  sort: "relevance",
  ...rest,
});

/** Up to `pages` pages of a search through the index and through SQL; they must be equal, cursors too. */
async function compareWithSql(q: CatalogQuery, limit: number, pages: number) {
  let cursor: string | undefined;
  const seen: CatalogSearchResult[] = [];
  for (let i = 0; i < pages; i++) {
    const fromIndex = await searchCatalog(deps, q, { cursor, limit });
    const fromSql = await searchCatalogInDatabase(deps, q, { cursor, limit });
    expect(fromIndex, `${JSON.stringify(q)} page ${i + 1}`).toEqual(fromSql);
    seen.push(fromIndex);
    if (!fromIndex.nextCursor) break;
    cursor = fromIndex.nextCursor;
  }
  return seen;
}

const TEXTS = [
  "arbetsträning",
  "ungdomar",
  "arbetsträning ungdomar",
  "stöd or coachning",
  '"motiverande samtal"',
  '"arbetsträning för unga"',
  "samverkan -kommunen",
  '-"unga vuxna"',
  "-stöd",
  "praktik grupp nyanlända",
  "arbets-träning",
  "Försäkringskassan regionen kommunen",
  '"vägen mot arbete" or "privata arbetsgivare"',
  "skapa progression",
  "och",
  "!!! & |",
  "kalle@example.se 2024",
];

describe("the in-memory catalogue index answers as the SQL search", () => {
  it("for text queries in every sort order, over several pages", async () => {
    let withHits = 0;
    for (const q of TEXTS)
      for (const sort of ["relevance", "newest", "start"] as const) {
        const [first] = await compareWithSql(query(q, { sort }), 9, 3);
        if ((first?.total ?? 0) > 0) withHits++;
      }
    // The comparison means something only if most queries find entries.
    expect(withHits).toBeGreaterThan(30);
  });

  it("with filters, periods and disjunctive facet counts", async () => {
    const filters: Partial<CatalogQuery>[] = [
      { filters: { county: ["01"] } },
      { filters: { county: ["01", "03"], targetGroup: ["young_adults"] } },
      { filters: { targetGroup: ["young_adults", "newly_arrived"], method: ["work_training"] } },
      { filters: { status: ["ongoing"], orientation: ["structural"], memberParty: ["fk"] } },
      { filters: { municipality: ["0114", "0180"] } },
      { filters: { county: ["99"] } },
      { from: "2020-01-01", to: "2022-12-31" },
      { from: "2024-06-01", filters: { method: ["bip_skapa"] } },
    ];
    for (const rest of filters)
      for (const q of [undefined, "arbetsträning", "stöd or praktik"])
        for (const sort of ["relevance", "start"] as const)
          await compareWithSql(query(q, { ...rest, sort }), 6, 2);
  });

  it("with cursors of one path accepted by the other, and the same 400 for a foreign cursor", async () => {
    const q = query("arbete", { sort: "relevance" });
    const first = await searchCatalog(deps, q, { limit: 5 });
    expect(first.nextCursor).not.toBeNull();
    const next = { cursor: first.nextCursor as string, limit: 5 };
    expect(await searchCatalog(deps, q, next)).toEqual(await searchCatalogInDatabase(deps, q, next));
    const newest = query(undefined, { sort: "newest" });
    await expect(searchCatalog(deps, newest, next)).rejects.toMatchObject({ code: "validation_failed" });
    await expect(searchCatalogInDatabase(deps, newest, next)).rejects.toMatchObject({
      code: "validation_failed",
    });
  });
});

describe("Swedish stemming, as PostgreSQL's", () => {
  it("finds the same entries from plural and definite forms", async () => {
    const total = async (q: string) => (await searchCatalog(deps, query(q), { limit: 1 })).total;
    const base = await total("arbetsträning");
    expect(base).toBeGreaterThan(0);
    expect(await total("arbetsträningen")).toBe(base);
    expect(await total("arbetsträningar")).toBe(base);
    expect(await total("ungdomarna")).toBe(await total("ungdom"));
    expect(await total("kommunens")).toBe(await total("kommun"));
    // A stop word alone finds nothing, rather than everything.
    expect(await total("och")).toBe(0);
  });
});

describe("coherence with the database", () => {
  it("shows a publish, an archive and a label change made by another connection at the next search", async () => {
    // On PostgreSQL a second pool stands in for another API process; PGlite has only one connection.
    const other = t.urls
      ? await openDatabase({
          mode: "server",
          url: t.urls.owner,
          appUrl: t.urls.app,
          appPassword: null,
          poolMax: 1,
        })
      : t.db;
    try {
      const q = query("cykelverkstad");
      expect((await searchCatalog(deps, q, { limit: 5 })).total).toBe(0);
      const [copy] = await other.ownerSql(
        `insert into interventions (organization_id, state, content, published_revision)
         select organization_id, 'published', content, 1 from interventions limit 1 returning id`,
      );
      await other.ownerSql(
        `insert into catalog_entries (intervention_id, organization_id, revision, title, summary, description,
           place_names, orientation, focus_area, status, start_date, end_date, organization_ids, county_codes,
           municipality_codes, target_groups, methods, member_parties, document, results, first_published_at,
           updated_at)
         select $1, organization_id, 1, 'Cykelverkstad', summary, description, place_names, orientation, focus_area,
           status, start_date, end_date, organization_ids, county_codes, municipality_codes, array['young_adults'],
           methods, member_parties, jsonb_set(document, '{title}', '"Cykelverkstad"'), results, now(), now()
         from catalog_entries limit 1`,
        [copy?.id],
      );
      const published = await searchCatalog(deps, q, { limit: 5 });
      expect(published.data.map((d) => [d.id, d.title])).toEqual([[copy?.id, "Cykelverkstad"]]);

      await other.ownerSql(
        "update catalog_target_groups set label_sv = 'Unga (16–29)' where code = 'young_adults'",
      );
      const relabelled = await searchCatalog(deps, q, { limit: 5 });
      expect(relabelled.facets.targetGroup).toContainEqual({
        value: "young_adults",
        label: "Unga (16–29)",
        count: 1,
      });

      await other.ownerSql("delete from catalog_entries where intervention_id = $1", [copy?.id]);
      expect((await searchCatalog(deps, q, { limit: 5 })).total).toBe(0);
      expect(await searchCatalog(deps, query(undefined), { limit: 3 })).toEqual(
        await searchCatalogInDatabase(deps, query(undefined), { limit: 3 }),
      );
    } finally {
      if (other !== t.db) await other.close();
    }
  });
});

describe("a catalogue generation that goes back", () => {
  it("reloads the index when the database is restored to an older generation", async () => {
    const q = query(undefined, { sort: "newest" });
    const [newest] = (await searchCatalog(deps, q, { limit: 1 })).data;
    const [{ generation } = {}] = await t.db.ownerSql("select generation from catalog_generation");
    // A restore from backup: other content under a generation number this process has seen before.
    await t.db.ownerSql("alter table catalog_entries disable trigger catalog_entries_generation");
    try {
      await t.db.ownerSql(
        `update catalog_entries set title = 'Återställd', document = jsonb_set(document, '{title}', '"Återställd"')
         where intervention_id = $1`,
        [newest?.id],
      );
      await t.db.ownerSql("update catalog_generation set generation = $1", [Number(generation) - 1]);
    } finally {
      await t.db.ownerSql("alter table catalog_entries enable trigger catalog_entries_generation");
    }
    expect((await searchCatalog(deps, q, { limit: 1 })).data[0]?.title).toBe("Återställd");
  });
});

describe("the tsquery and rank helpers", () => {
  it("round a float4 rank to six decimals exactly as PostgreSQL's numeric cast and round do", async () => {
    // Ties at the seventh significant digit (0.5078125 is exact in binary), tiny and boundary values.
    const values = [
      0.5078125, 0.0607927, 1e-20, 4.9999999e-7, 5e-7, 0.9999995, 0.25, 0.1, 0.3041, 0.000012345,
    ];
    const rows = await t.db.ownerSql(
      "select v::text as v, round(v::float4::numeric, 6)::text as r from unnest($1::float8[]) v",
      [values],
    );
    const expected = rows.map((row) => row.r);
    expect(values.map((v) => rankKeyText(rankMicros(Math.fround(v))))).toEqual(expected);
  });

  it("leaves a query shape it does not evaluate to PostgreSQL", () => {
    expect(parseTsQuery("'a' <-> !'b'")).toBeNull();
    expect(parseTsQuery("'a':*")).toBeNull();
    expect(parseTsQuery("")).toEqual({ root: null, items: [] });
    expect(parseTsQuery("'ö' & 'a' & 'a'")?.items).toEqual(["a", "ö"]);
    expect(parseTsQuery("'it''s' | 'c:\\\\x'")?.items).toEqual(["c:\\x", "it's"]);
  });
});
