import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../src/testing.js";

/** Row-level security of the insatskatalog, in SQL as the application role. */
let t: TestDatabase;
const [orgA, orgB, orgC] = [randomUUID(), randomUUID(), randomUUID()];
const [draft, submitted, shared] = [randomUUID(), randomUUID(), randomUUID()];

function asApp<T>(
  settings: Record<string, string>,
  fn: (q: (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>) => Promise<T>,
) {
  return t.db.appTransaction(async (query) => {
    for (const [key, value] of Object.entries(settings))
      await query("select set_config($1, $2, true)", [key, value]);
    return fn(query);
  });
}
const ids = (rows: Record<string, unknown>[]) => rows.map((r) => r.id).sort();

beforeAll(async () => {
  t = await createTestDatabase();
  const sql = t.db.ownerSql;
  await sql(
    `insert into organizations (id, kind, name, slug, organization_number) values
      ($1, 'forbund', 'A', 'a', '2220001016'), ($2, 'forbund', 'B', 'b', '2220001024'), ($3, 'forbund', 'C', 'c', '2220001032')`,
    [orgA, orgB, orgC],
  );
  await sql(
    `insert into interventions (id, organization_id, state, content) values
      ($1, $4, 'draft', '{}'), ($2, $4, 'submitted', '{}'), ($3, $4, 'published', '{}')`,
    [draft, submitted, shared, orgA],
  );
  await sql(
    `insert into catalog_entries (intervention_id, organization_id, revision, title, summary, description, place_names,
       orientation, focus_area, status, organization_ids, county_codes, municipality_codes, target_groups, methods,
       member_parties, document, results, first_published_at, updated_at)
     values ($1, $2, 1, 'Publicerad', '', '', '', 'individual', 'x', 'ongoing', array[$2::uuid], '{}', '{}', '{}', '{}', '{}',
       '{}', '[]', now(), now())`,
    [shared, orgA],
  );
  await sql(
    `insert into resource_shares (resource_type, resource_id, owner_organization_id, organization_id, permission, accepted_at)
     values ('intervention', $1, $2, $3, 'write', now()), ('intervention', $1, $2, $4, 'write', null)`,
    [shared, orgA, orgB, orgC],
  );
}, 60_000);
afterAll(async () => t?.destroy());

describe("catalogue row-level security", () => {
  it("lets anyone read the published catalogue, but nobody without the owner's scope write it", async () => {
    await asApp({}, async (q) => {
      expect(await q("select title from catalog_entries")).toEqual([{ title: "Publicerad" }]);
      expect(await q("update catalog_entries set title = 'Hackad' returning 1")).toEqual([]);
      expect(await q("delete from catalog_entries returning 1")).toEqual([]);
    });
  });

  it("hides interventions without an organization, and shows NNS's capability only the submitted ones", async () => {
    await asApp({}, async (q) => expect(await q("select id from interventions")).toEqual([]));
    await asApp({ "app.catalog_editorial": "on" }, async (q) => {
      expect(ids(await q("select id from interventions"))).toEqual([submitted]);
      expect(await q("update interventions set state = 'published' returning 1")).toEqual([]);
    });
  });

  it("shows an accepted co-owner the shared intervention only, and an invited one nothing", async () => {
    await asApp({ "app.org_id": orgB }, async (q) => {
      expect(ids(await q("select id from interventions"))).toEqual([shared]);
      expect(
        await q("update interventions set review_comment = 'ok' where id = $1 returning 1", [shared]),
      ).toHaveLength(1);
    });
    await asApp({ "app.org_id": orgC }, async (q) => {
      expect(await q("select id from interventions")).toEqual([]);
      expect(await q("update interventions set review_comment = 'x' returning 1")).toEqual([]);
    });
  });

  it("never lets a co-owner move an intervention into its own organization", async () => {
    await expect(
      asApp({ "app.org_id": orgB }, (q) =>
        q("update interventions set organization_id = $1 where id = $2", [orgB, shared]),
      ),
    ).rejects.toThrow(/organization_id cannot change|row-level security/);
  });

  it("keeps versions and the vocabularies' terms out of the app role's reach for deletes", async () => {
    await expect(
      asApp({ "app.org_id": orgA }, (q) => q("delete from intervention_versions")),
    ).rejects.toThrow(/permission denied/);
    for (const table of [
      "catalog_outcome_categories",
      "catalog_methods",
      "catalog_focus_areas",
      "catalog_target_groups",
    ])
      await expect(asApp({}, (q) => q(`delete from ${table}`))).rejects.toThrow(/permission denied/);
  });

  it("moves the catalogue generation with every committed write a search reads, and only then", async () => {
    const generation = async () =>
      Number((await t.db.ownerSql("select generation from catalog_generation"))[0]?.generation);
    const before = await generation();
    await asApp({ "app.org_id": orgA }, async (q) => {
      await q("update catalog_entries set title = 'Publicerad' where intervention_id = $1", [shared]);
      // The app role reads it, but cannot set it, add a second row or remove it.
      expect(await q("update catalog_generation set generation = 0 returning 1")).toEqual([]);
      expect(await q("delete from catalog_generation returning 1")).toEqual([]);
    });
    expect(await generation()).toBe(before + 1);
    await expect(
      asApp({ "app.org_id": orgA }, async (q) => {
        await q("update catalog_entries set title = 'Ångrad' where intervention_id = $1", [shared]);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await generation()).toBe(before + 1);
    await expect(asApp({}, (q) => q("insert into catalog_generation values (false, 0)"))).rejects.toThrow(
      /row-level security|check constraint/,
    );
  });
});
