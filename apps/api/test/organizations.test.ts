import { grantRole, systemContext } from "@nns/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, expectProblem, setupTestApp, signIn, type TestEnv } from "./helpers.js";

let env: TestEnv;
let nnsAdmin: Client;
let adminA: Client;

beforeAll(async () => {
  env = await setupTestApp();
  nnsAdmin = await signIn(env, env.users.nnsAdmin.email);
  adminA = await signIn(env, env.users.adminA.email);
});
afterAll(async () => env?.close());

/** A valid registration of a förbund in Halland; organisationsnummer 222000-1032 passes Luhn. */
function hallandInput(overrides: Record<string, unknown> = {}) {
  return {
    name: "Samordningsförbundet Halland Syd",
    organizationNumber: "222000-1032",
    countyCode: "13",
    email: "kansli@halland-syd.se",
    website: "https://halland-syd.se",
    memberParties: [
      { kind: "fk" },
      { kind: "af" },
      { kind: "region", countyCode: "13" },
      { kind: "kommun", municipalityCode: "1380" },
      { kind: "kommun", municipalityCode: "1381" },
    ],
    ...overrides,
  };
}

async function organizationCount(): Promise<number> {
  const rows = await env.t.db.ownerSql("select count(*)::int as n from organizations");
  return Number(rows[0]?.n);
}

type Party = { kind: string; name: string; countyCode: string | null; municipalityCode: string | null };
const byName = (a: Party, b: Party) => a.name.localeCompare(b.name, "sv");

let halland: { id: string; version: number };

describe("registering a förbund", () => {
  it("lets an NNS admin register a förbund with its member parties: 201, Location, ETag, derived names", async () => {
    const res = await nnsAdmin.post("/v1/organizations", hallandInput());
    expect(res.status).toBe(201);
    const org = res.body;
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
    expect(res.headers.get("location")).toBe(`/v1/orgs/${org.id}`);
    expect(res.headers.get("etag")).toBe('"1"');
    expect([...org.memberParties].sort(byName)).toEqual(
      [
        { kind: "fk", name: "Försäkringskassan", countyCode: null, municipalityCode: null },
        { kind: "af", name: "Arbetsförmedlingen", countyCode: null, municipalityCode: null },
        { kind: "region", name: "Region Halland", countyCode: "13", municipalityCode: null },
        { kind: "kommun", name: "Halmstad", countyCode: null, municipalityCode: "1380" },
        { kind: "kommun", name: "Laholm", countyCode: null, municipalityCode: "1381" },
      ].sort(byName),
    );
    halland = { id: org.id, version: org.version };

    // What was stored is what the Location points to.
    const read = await nnsAdmin.get(`/v1/orgs/${org.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(org);
  });

  it("accepts ten digits without a dash and an explicit slug", async () => {
    const res = await nnsAdmin.post(
      "/v1/organizations",
      hallandInput({
        name: "Samordningsförbundet Kungsbacka",
        slug: "kungsbacka",
        organizationNumber: "2220001040",
        memberParties: [{ kind: "fk" }, { kind: "kommun", municipalityCode: "1384" }],
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      slug: "kungsbacka",
      organizationNumber: "222000-1040",
      vatNumber: "SE222000104001",
    });
    expect(res.body.memberParties).toContainEqual({
      kind: "kommun",
      name: "Kungsbacka",
      countyCode: null,
      municipalityCode: "1384",
    });
  });

  it("refuses an organisationsnummer with a wrong check digit (Luhn)", async () => {
    const before = await organizationCount();
    const res = await nnsAdmin.post(
      "/v1/organizations",
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
    const res = await nnsAdmin.post(
      "/v1/organizations",
      hallandInput({
        name: "Okänd Kommun",
        slug: "okand-kommun",
        organizationNumber: "2220001057",
        memberParties: [
          { kind: "fk" },
          { kind: "kommun", municipalityCode: "1380" },
          { kind: "kommun", municipalityCode: "1399" },
        ],
      }),
    );
    const problem = expectProblem(res, 400, "validation_failed");
    expect(problem.errors).toContainEqual(
      expect.objectContaining({ field: "body.memberParties.2.municipalityCode", rule: "municipality_code" }),
    );
    expect(problem.errors?.map((e: { field: string }) => e.field)).not.toContain(
      "body.memberParties.1.municipalityCode",
    );
  });

  it("refuses the same member party twice", async () => {
    const before = await organizationCount();
    const twiceFk = await nnsAdmin.post(
      "/v1/organizations",
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
    const twiceKommun = await nnsAdmin.post(
      "/v1/organizations",
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
    const res = await nnsAdmin.post(
      "/v1/organizations",
      hallandInput({ name: "Annan Alfa", slug: "alfa", organizationNumber: "2220001057" }),
    );
    const problem = expectProblem(res, 409, "already_exists");
    expect(problem.errors).toContainEqual(expect.objectContaining({ field: "body.slug", rule: "unique" }));
    expect(await organizationCount()).toBe(before);
  });

  it("answers 409 naming body.organizationNumber when the number is registered", async () => {
    const res = await nnsAdmin.post(
      "/v1/organizations",
      hallandInput({ name: "Samma Nummer", slug: "samma-nummer", organizationNumber: "222000-1016" }),
    );
    expect(expectProblem(res, 409, "already_exists").errors).toContainEqual(
      expect.objectContaining({ field: "body.organizationNumber", rule: "unique" }),
    );
  });

  it("forbids an org_admin of a förbund, and an NNS viewer, from registering one", async () => {
    const before = await organizationCount();
    const input = hallandInput({ name: "Obehörig", slug: "obehorig", organizationNumber: "2220001065" });
    expectProblem(await adminA.post("/v1/organizations", input), 403, "forbidden");
    const nnsViewer = await signIn(env, env.users.nnsViewer.email);
    expectProblem(await nnsViewer.post("/v1/organizations", input), 403, "forbidden");
    // Access is decided before the body is read: an invalid body still answers 403, not 400.
    expectProblem(await adminA.post("/v1/organizations", { name: "x" }), 403, "forbidden");
    expectProblem(await new Client(env).post("/v1/organizations", input), 401, "unauthenticated");
    expect(await organizationCount()).toBe(before);
  });

  it("refuses an unknown länskod of a region member party", async () => {
    const res = await nnsAdmin.post(
      "/v1/organizations",
      hallandInput({
        name: "Okänd Region",
        slug: "okand-region",
        organizationNumber: "2220001057",
        memberParties: [{ kind: "region", countyCode: "99" }],
      }),
    );
    expect(expectProblem(res, 400, "validation_failed").errors).toContainEqual(
      expect.objectContaining({ field: "body.memberParties.0.countyCode", rule: "county_code" }),
    );
  });

  it("replays a registration repeated with the same Idempotency-Key instead of creating it twice", async () => {
    const input = hallandInput({
      name: "Samordningsförbundet Varberg",
      slug: "varberg",
      organizationNumber: "2220001065",
      memberParties: [{ kind: "kommun", municipalityCode: "1383" }],
    });
    const first = await nnsAdmin.post("/v1/organizations", input, { "idempotency-key": "varberg-1" });
    expect(first.status).toBe(201);
    const again = await nnsAdmin.post("/v1/organizations", input, { "idempotency-key": "varberg-1" });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get("location")).toBe(`/v1/orgs/${first.body.id}`);
    const rows = await env.t.db.ownerSql(
      "select count(*)::int as n from organizations where slug = 'varberg'",
    );
    expect(rows[0]?.n).toBe(1);
  });
});

describe("listing organizations", () => {
  it("shows a förbund member only their own organizations", async () => {
    const res = await adminA.get("/v1/organizations");
    expect(res.status).toBe(200);
    expect(res.body.data.map((o: { id: string }) => o.id)).toEqual([env.orgA.id]);
    expect(res.body.nextCursor).toBeNull();
    const b = await (await signIn(env, env.users.adminB.email)).get("/v1/organizations");
    expect(b.body.data.map((o: { slug: string }) => o.slug)).toEqual(["beta"]);
  });

  it("shows an NNS admin every organization", async () => {
    const res = await nnsAdmin.get("/v1/organizations");
    expect(res.status).toBe(200);
    const slugs = res.body.data.map((o: { slug: string }) => o.slug).sort();
    expect(slugs).toEqual([
      "alfa",
      "beta",
      "kungsbacka",
      "nns",
      "samordningsforbundet-halland-syd",
      "varberg",
    ]);
    const rows = await env.t.db.ownerSql(
      "select count(*)::int as n from organizations where deleted_at is null",
    );
    expect(res.body.data).toHaveLength(Number(rows[0]?.n));
  });

  it("walks every page with limit=1 via nextCursor, without repeats", async () => {
    const all = (await nnsAdmin.get("/v1/organizations")).body.data.map((o: { id: string }) => o.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 20; page++) {
      const query: string = cursor ? `?limit=1&cursor=${encodeURIComponent(cursor)}` : "?limit=1";
      const res = await nnsAdmin.get(`/v1/organizations${query}`);
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(1);
      seen.push(...res.body.data.map((o: { id: string }) => o.id));
      cursor = res.body.nextCursor;
      if (!cursor) break;
    }
    expect(cursor).toBeNull();
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(all);
    expect(seen).toHaveLength(6);
  });

  it("refuses a cursor it did not issue", async () => {
    const res = await nnsAdmin.get("/v1/organizations?cursor=inte-en-markor");
    expect(expectProblem(res, 400, "validation_failed").errors?.[0]?.field).toBe("query.cursor");
  });
});

describe("reading one organization", () => {
  it("gives a member the organization with an ETag of its version", async () => {
    const viewer = await signIn(env, env.users.viewerA.email);
    const res = await viewer.get(`/v1/orgs/${env.orgA.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe(`"${res.body.version}"`);
    expect(res.body).toMatchObject({
      id: env.orgA.id,
      slug: "alfa",
      organizationNumber: "222000-1016",
      vatNumber: "SE222000101601",
    });
    expect(res.body.memberParties.map((p: Party) => p.name).sort()).toEqual(
      ["Arbetsförmedlingen", "Försäkringskassan", "Halmstad", "Region Halland"].sort(),
    );
  });

  it("hides another förbund behind 404", async () => {
    expectProblem(await adminA.get(`/v1/orgs/${env.orgB.id}`), 404, "not_found");
  });
});

describe("editing an organization", () => {
  it("lets an NNS admin edit with the current If-Match: 200, version + 1, new ETag", async () => {
    const read = await nnsAdmin.get(`/v1/orgs/${halland.id}`);
    const etag = read.headers.get("etag") as string;
    expect(etag).toBe(`"${halland.version}"`);
    const res = await nnsAdmin.patch(
      `/v1/orgs/${halland.id}`,
      { name: "Samordningsförbundet Södra Halland", email: "info@sodrahalland.se" },
      { "if-match": etag },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: "Samordningsförbundet Södra Halland",
      email: "info@sodrahalland.se",
      slug: "samordningsforbundet-halland-syd",
      version: halland.version + 1,
    });
    expect(res.headers.get("etag")).toBe(`"${halland.version + 1}"`);
    // A patch without memberParties leaves them as they were.
    expect(res.body.memberParties).toHaveLength(5);
    halland.version = res.body.version;
  });

  it("answers 412 to a stale If-Match and changes nothing", async () => {
    const before = (await nnsAdmin.get(`/v1/orgs/${halland.id}`)).body;
    const res = await nnsAdmin.patch(
      `/v1/orgs/${halland.id}`,
      { name: "Ska Inte Sparas" },
      { "if-match": `"${halland.version - 1}"` },
    );
    expectProblem(res, 412, "precondition_failed");
    const after = await nnsAdmin.get(`/v1/orgs/${halland.id}`);
    expect(after.body).toEqual(before);
    expect(after.body.name).toBe("Samordningsförbundet Södra Halland");
    expect(after.headers.get("etag")).toBe(`"${halland.version}"`);
  });

  it("replaces the member parties when given", async () => {
    const res = await nnsAdmin.patch(
      `/v1/orgs/${halland.id}`,
      {
        memberParties: [
          { kind: "fk" },
          { kind: "region", countyCode: "13" },
          { kind: "kommun", municipalityCode: "1382" },
        ],
      },
      { "if-match": `"${halland.version}"` },
    );
    expect(res.status).toBe(200);
    expect(res.body.memberParties.map((p: Party) => p.name).sort()).toEqual(
      ["Falkenberg", "Försäkringskassan", "Region Halland"].sort(),
    );
    halland.version = res.body.version;
  });

  it("answers 409 naming body.slug when the new slug is taken", async () => {
    const res = await nnsAdmin.patch(`/v1/orgs/${halland.id}`, { slug: "beta" });
    expect(expectProblem(res, 409, "already_exists").errors).toContainEqual(
      expect.objectContaining({ field: "body.slug" }),
    );
    expect((await nnsAdmin.get(`/v1/orgs/${halland.id}`)).body.slug).toBe("samordningsforbundet-halland-syd");
  });

  it("forbids an org_admin from editing their own förbund", async () => {
    const read = await adminA.get(`/v1/orgs/${env.orgA.id}`);
    const res = await adminA.patch(
      `/v1/orgs/${env.orgA.id}`,
      { name: "Egenmäktigt Namn" },
      { "if-match": read.headers.get("etag") as string },
    );
    expectProblem(res, 403, "forbidden");
    const after = await adminA.get(`/v1/orgs/${env.orgA.id}`);
    expect(after.body.name).toBe("Samordningsförbundet Alfa");
    expect(after.body.version).toBe(read.body.version);
  });
});

describe("audit trail of an organization", () => {
  it("records organization.created and organization.updated with before and after", async () => {
    const res = await nnsAdmin.get(`/v1/orgs/${halland.id}/audit-log?entityType=organization`);
    expect(res.status).toBe(200);
    const actions = res.body.data.map((e: { action: string }) => e.action);
    // Newest first: two updates (name, member parties) on top of the creation.
    expect(actions).toEqual(["organization.updated", "organization.updated", "organization.created"]);
    for (const entry of res.body.data) {
      expect(entry).toMatchObject({
        actorType: "user",
        actorId: env.users.nnsAdmin.id,
        actorLabel: env.users.nnsAdmin.email,
        entityType: "organization",
        entityId: halland.id,
      });
    }
    const created = res.body.data[2];
    expect(created.before).toBeNull();
    expect(created.after).toMatchObject({ name: "Samordningsförbundet Halland Syd", version: 1 });
    const renamed = res.body.data[1];
    expect(renamed.before).toMatchObject({ name: "Samordningsförbundet Halland Syd", version: 1 });
    expect(renamed.after).toMatchObject({
      name: "Samordningsförbundet Södra Halland",
      email: "info@sodrahalland.se",
      version: 2,
    });
    const reparted = res.body.data[0];
    expect(reparted.before.memberParties).toHaveLength(5);
    expect(reparted.after.memberParties).toHaveLength(3);
  });

  it("keeps the failed edits out of the log", async () => {
    const res = await nnsAdmin.get(`/v1/orgs/${halland.id}/audit-log?action=organization.updated`);
    const names = res.body.data.map((e: { after: { name: string } }) => e.after.name);
    expect(names).not.toContain("Ska Inte Sparas");
    expect(res.body.data).toHaveLength(2);
  });
});

describe("an NNS admin who is also a member of a förbund", () => {
  it("keeps the national coordination rights there (org:write, audit:read) on top of the member role", async () => {
    await grantRole(systemContext(env.deps, "organizations-test"), {
      organizationSlug: "beta",
      email: env.users.nnsAdmin.email,
      name: "NNS admin",
      password: null,
      role: "viewer",
    });
    const read = await nnsAdmin.get(`/v1/orgs/${env.orgB.id}`);
    expect(read.status).toBe(200);
    // As a non-member the NNS admin could edit Beta; also being a viewer there must not take that away.
    const res = await nnsAdmin.patch(
      `/v1/orgs/${env.orgB.id}`,
      { website: "https://beta.example.se" },
      { "if-match": read.headers.get("etag") as string },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ website: "https://beta.example.se", version: read.body.version + 1 });
    expect((await nnsAdmin.get(`/v1/orgs/${env.orgB.id}/audit-log`)).status).toBe(200);
  });
});

describe("details of the register", () => {
  it("names regions as they are officially called", async () => {
    const res = await nnsAdmin.post("/v1/organizations", {
      name: "Samordningsförbundet Väst",
      organizationNumber: "222000-9001",
      countyCode: "14",
      memberParties: [
        { kind: "region", countyCode: "14" },
        { kind: "kommun", municipalityCode: "1480" },
      ],
    });
    expect(res.status).toBe(201);
    const names = res.body.memberParties.map((p: { name: string }) => p.name).sort();
    expect(names).toEqual(["Göteborg", "Västra Götalandsregionen"]);
  });

  it("treats a PATCH that changes nothing as no change: same version, no audit entry", async () => {
    const before = await nnsAdmin.get(`/v1/orgs/${env.orgA.id}`);
    const res = await nnsAdmin.patch(`/v1/orgs/${env.orgA.id}`, { name: before.body.name });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(before.body.version);
    expect(res.headers.get("etag")).toBe(before.headers.get("etag"));
  });
});
