import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, expectData, expectProblem, signIn, walk } from "./client.js";
import { freshTenant, setupTestApp, type TestEnv } from "./helpers.js";
import { byName, hallandInput } from "./organization-fixtures.js";

let env: TestEnv;
let nnsAdmin: Client;
let adminA: Client;

beforeAll(async () => {
  env = await setupTestApp();
  nnsAdmin = await signIn(env, env.users.nnsAdmin.email);
  adminA = await signIn(env, env.users.adminA.email);
});
afterAll(async () => env?.close());

async function organizationCount(): Promise<number> {
  const rows = await env.t.db.ownerSql("select count(*)::int as n from organizations");
  return Number(rows[0]?.n);
}

/** Every organization not deleted, by slug: what an NNS admin's list must hold. */
async function liveSlugs(): Promise<string[]> {
  const rows = await env.t.db.ownerSql("select slug from organizations where deleted_at is null");
  return rows.map((r) => String(r.slug)).sort();
}

const register = (client: Client, body: ReturnType<typeof hallandInput>) =>
  client.POST("/organizations", { body });

describe("registering a förbund", () => {
  it("lets an NNS admin register a förbund with its member parties: 201, Location, ETag, derived names", async () => {
    const res = await register(nnsAdmin, hallandInput());
    const org = expectData(res, 201);
    expect(org).toMatchObject({
      kind: "forbund",
      name: "Samordningsförbundet Halland Syd",
      slug: "samordningsforbundet-halland-syd",
      organizationNumber: "222000-1032",
      vatNumber: "SE222000103201",
      countyCode: "13",
      email: "kansli@halland-syd.se",
      website: "https://halland-syd.se",
      version: 1,
    });
    expect(org.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.response.headers.get("location")).toBe(`/v1/orgs/${org.id}`);
    expect(res.response.headers.get("etag")).toBe('"1"');
    expect([...org.memberParties].sort(byName)).toEqual(
      [
        { kind: "fk", name: "Försäkringskassan", countyCode: null, municipalityCode: null },
        { kind: "af", name: "Arbetsförmedlingen", countyCode: null, municipalityCode: null },
        { kind: "region", name: "Region Halland", countyCode: "13", municipalityCode: null },
        { kind: "kommun", name: "Halmstad", countyCode: null, municipalityCode: "1380" },
        { kind: "kommun", name: "Laholm", countyCode: null, municipalityCode: "1381" },
      ].sort(byName),
    );

    // What was stored is what the Location points to.
    const read = await nnsAdmin.GET("/orgs/{orgId}", { params: { path: { orgId: org.id } } });
    expect(expectData(read)).toEqual(org);
  });

  it("accepts ten digits without a dash and an explicit slug", async () => {
    const res = await register(
      nnsAdmin,
      hallandInput({
        name: "Samordningsförbundet Kungsbacka",
        slug: "kungsbacka",
        organizationNumber: "2220001040",
        memberParties: [
          { kind: "fk" },
          { kind: "af" },
          { kind: "region", countyCode: "13" },
          { kind: "kommun", municipalityCode: "1384" },
        ],
      }),
    );
    const org = expectData(res, 201);
    expect(org).toMatchObject({
      slug: "kungsbacka",
      organizationNumber: "222000-1040",
      vatNumber: "SE222000104001",
    });
    expect(org.memberParties).toContainEqual({
      kind: "kommun",
      name: "Kungsbacka",
      countyCode: null,
      municipalityCode: "1384",
    });
  });

  it("refuses an organisationsnummer with a wrong check digit (Luhn)", async () => {
    const before = await organizationCount();
    const res = await register(
      nnsAdmin,
      hallandInput({
        name: "Fel Kontrollsiffra",
        slug: "fel-kontrollsiffra",
        organizationNumber: "222000-1033",
      }),
    );
    const problem = expectProblem(res, 400, "validation_failed");
    expect(problem.errors).toContainEqual(
      expect.objectContaining({ field: "body.organizationNumber", rule: "organization_number" }),
    );
    expect(await organizationCount()).toBe(before);
  });

  it("refuses an unknown kommunkod and names the member party", async () => {
    const res = await register(
      nnsAdmin,
      hallandInput({
        name: "Okänd Kommun",
        slug: "okand-kommun",
        organizationNumber: "2220001057",
        memberParties: [
          { kind: "fk" },
          { kind: "kommun", municipalityCode: "1380" },
          { kind: "kommun", municipalityCode: "1399" },
          { kind: "af" },
          { kind: "region", countyCode: "13" },
        ],
      }),
    );
    const problem = expectProblem(res, 400, "validation_failed");
    expect(problem.errors).toContainEqual(
      expect.objectContaining({ field: "body.memberParties.2.municipalityCode", rule: "municipality_code" }),
    );
    expect(problem.errors?.map((e) => e.field)).not.toContain("body.memberParties.1.municipalityCode");
  });

  it("refuses the same member party twice", async () => {
    const before = await organizationCount();
    const twiceFk = await register(
      nnsAdmin,
      hallandInput({
        name: "Dubbel Huvudman",
        slug: "dubbel-huvudman",
        organizationNumber: "2220001057",
        memberParties: [{ kind: "fk" }, { kind: "af" }, { kind: "fk" }],
      }),
    );
    expect(expectProblem(twiceFk, 400, "validation_failed").errors).toContainEqual(
      expect.objectContaining({ field: "body.memberParties.2", rule: "duplicate" }),
    );
    const twiceKommun = await register(
      nnsAdmin,
      hallandInput({
        name: "Dubbel Kommun",
        slug: "dubbel-kommun",
        organizationNumber: "2220001057",
        memberParties: [
          { kind: "kommun", municipalityCode: "1383" },
          { kind: "kommun", municipalityCode: "1383" },
        ],
      }),
    );
    expect(expectProblem(twiceKommun, 400, "validation_failed").errors).toContainEqual(
      expect.objectContaining({ field: "body.memberParties.1", rule: "duplicate" }),
    );
    expect(await organizationCount()).toBe(before);
  });

  it("answers 409 naming body.slug when the slug is taken", async () => {
    const before = await organizationCount();
    const res = await register(
      nnsAdmin,
      hallandInput({ name: "Annan Alfa", slug: "alfa", organizationNumber: "2220001057" }),
    );
    const problem = expectProblem(res, 409, "already_exists");
    expect(problem.errors).toContainEqual(expect.objectContaining({ field: "body.slug", rule: "unique" }));
    expect(await organizationCount()).toBe(before);
  });

  it("answers 409 naming body.organizationNumber when the number is registered", async () => {
    const res = await register(
      nnsAdmin,
      hallandInput({ name: "Samma Nummer", slug: "samma-nummer", organizationNumber: "222000-1016" }),
    );
    expect(expectProblem(res, 409, "already_exists").errors).toContainEqual(
      expect.objectContaining({ field: "body.organizationNumber", rule: "unique" }),
    );
  });

  it("forbids an org_admin of a förbund, and an NNS viewer, from registering one", async () => {
    const before = await organizationCount();
    const input = hallandInput({ name: "Obehörig", slug: "obehorig", organizationNumber: "2220001065" });
    expectProblem(await register(adminA, input), 403, "forbidden");
    const nnsViewer = await signIn(env, env.users.nnsViewer.email);
    expectProblem(await register(nnsViewer, input), 403, "forbidden");
    // Access is decided before the body is read: an invalid body still answers 403, not 400.
    expectProblem(await adminA.raw("POST", "/v1/organizations", { body: { name: "x" } }), 403, "forbidden");
    expectProblem(await register(new Client(env), input), 401, "unauthenticated");
    expect(await organizationCount()).toBe(before);
  });

  it("refuses an unknown länskod of a region member party", async () => {
    // Outside the typed client: the contract's enum of län has no 99.
    const res = await nnsAdmin.raw("POST", "/v1/organizations", {
      body: {
        ...hallandInput({ name: "Okänd Region", slug: "okand-region", organizationNumber: "2220001057" }),
        memberParties: [{ kind: "region", countyCode: "99" }],
      },
    });
    expect(expectProblem(res, 400, "validation_failed").errors).toContainEqual(
      expect.objectContaining({ field: "body.memberParties.0.countyCode", rule: "invalid_value" }),
    );
  });

  it("replays a registration repeated with the same Idempotency-Key instead of creating it twice", async () => {
    const input = hallandInput({
      name: "Samordningsförbundet Varberg",
      slug: "varberg",
      organizationNumber: "2220001065",
    });
    const post = () =>
      nnsAdmin.POST("/organizations", {
        params: { header: { "idempotency-key": "varberg-1" } },
        body: input,
      });
    const first = expectData(await post(), 201);
    const again = await post();
    expect(expectData(again, 201).id).toBe(first.id);
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    expect(again.response.headers.get("location")).toBe(`/v1/orgs/${first.id}`);
    const rows = await env.t.db.ownerSql(
      "select count(*)::int as n from organizations where slug = 'varberg'",
    );
    expect(rows[0]?.n).toBe(1);
  });

  it("names regions as they are officially called", async () => {
    const res = await register(nnsAdmin, {
      name: "Samordningsförbundet Väst",
      organizationNumber: "222000-9001",
      countyCode: "14",
      memberParties: [
        { kind: "fk" },
        { kind: "af" },
        { kind: "region", countyCode: "14" },
        { kind: "kommun", municipalityCode: "1480" },
      ],
    });
    const names = expectData(res, 201)
      .memberParties.map((p) => p.name)
      .sort();
    expect(names).toEqual([
      "Arbetsförmedlingen",
      "Försäkringskassan",
      "Göteborg",
      "Västra Götalandsregionen",
    ]);
  });

  it("refuses a förbund that breaks lag (2003:1210), naming body.memberParties and the rule", async () => {
    const before = await organizationCount();
    const refused = async (overrides: Parameters<typeof hallandInput>[0]) =>
      expectProblem(
        await register(
          nnsAdmin,
          hallandInput({
            name: "Ofullständigt",
            slug: "ofullstandigt",
            organizationNumber: "2220001057",
            ...overrides,
          }),
        ),
        400,
        "validation_failed",
      ).errors?.map((e) => `${e.field} ${e.rule}`);
    expect(await refused({ memberParties: [] })).toEqual([
      "body.memberParties finsam_fk_required",
      "body.memberParties finsam_af_required",
      "body.memberParties finsam_region_required",
      "body.memberParties finsam_kommun_required",
    ]);
    expect(await refused({ memberParties: [{ kind: "kommun", municipalityCode: "1380" }] })).toEqual([
      "body.memberParties finsam_fk_required",
      "body.memberParties finsam_af_required",
      "body.memberParties finsam_region_required",
    ]);
    // Nacka with Region Skåne: Region Stockholm is missing, and Skåne has no kommun in the förbund.
    expect(
      await refused({
        countyCode: "01",
        memberParties: [
          { kind: "fk" },
          { kind: "af" },
          { kind: "region", countyCode: "12" },
          { kind: "kommun", municipalityCode: "0182" },
        ],
      }),
    ).toEqual([
      "body.memberParties.2.countyCode finsam_kommun_for_region",
      "body.memberParties.3.municipalityCode finsam_region_for_kommun",
    ]);
    expect(await organizationCount()).toBe(before);
  });
});

describe("listing organizations", () => {
  it("shows a förbund member only their own organizations", async () => {
    const res = expectData(await adminA.GET("/organizations"));
    expect(res.data.map((o) => o.id)).toEqual([env.orgA.id]);
    expect(res.nextCursor).toBeNull();
    const b = expectData(await (await signIn(env, env.users.adminB.email)).GET("/organizations"));
    expect(b.data.map((o) => o.slug)).toEqual(["beta"]);
  });

  it("shows an NNS admin every organization", async () => {
    const t = await freshTenant(env);
    const res = expectData(await nnsAdmin.GET("/organizations"));
    const slugs = res.data.map((o) => o.slug).sort();
    expect(slugs).toEqual(expect.arrayContaining(["alfa", "beta", "nns", t.org.slug]));
    expect(slugs).toEqual(await liveSlugs());
    expect(res.data).toHaveLength((await liveSlugs()).length);
  });

  it("walks every page with limit=1 via nextCursor, without repeats", async () => {
    await freshTenant(env);
    const all = expectData(await nnsAdmin.GET("/organizations")).data.map((o) => o.id);
    const seen = (
      await walk(1, (cursor) => nnsAdmin.GET("/organizations", { params: { query: { limit: 1, cursor } } }))
    ).map((o) => o.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(all);
    expect(seen).toHaveLength((await liveSlugs()).length);
    expect(seen.length).toBeGreaterThanOrEqual(4);
  });

  it("refuses a cursor it did not issue", async () => {
    const res = await nnsAdmin.GET("/organizations", { params: { query: { cursor: "inte-en-markor" } } });
    expect(expectProblem(res, 400, "validation_failed").errors?.[0]?.field).toBe("query.cursor");
  });
});
