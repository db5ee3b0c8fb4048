import type { Schemas } from "@nns/api-client";
import { luhnCheckDigit } from "@nns/domain";
import { grantRole, systemContext } from "@nns/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, expectData, expectProblem, PASSWORD, signIn } from "./client.js";
import { freshTenant, setupTestApp, type TestEnv } from "./helpers.js";
import { hallandInput } from "./organization-fixtures.js";

let env: TestEnv;
let nnsAdmin: Client;
let adminA: Client;

beforeAll(async () => {
  env = await setupTestApp();
  nnsAdmin = await signIn(env, env.users.nnsAdmin.email);
  adminA = await signIn(env, env.users.adminA.email);
});
afterAll(async () => env?.close());

const ORG = "/orgs/{orgId}";
const org = (orgId: string) => ({ params: { path: { orgId } } });
const ifMatch = (orgId: string, etag: string) => ({
  params: { path: { orgId }, header: { "if-match": etag } },
});

let serial = 0;

/** Halland Syd registered by the NNS admin under a slug and organisationsnummer of the test's own. */
async function registeredHalland(): Promise<Schemas["Organization"]> {
  serial += 1;
  const nine = `22210${String(serial).padStart(4, "0")}`;
  const input = hallandInput({
    slug: `halland-syd-${serial}`,
    organizationNumber: `${nine}${luhnCheckDigit(nine)}`,
  });
  return expectData(await nnsAdmin.POST("/organizations", { body: input }), 201);
}

/** Renamed with the current If-Match: version 2, "Samordningsförbundet Södra Halland". */
async function renamed(halland: Schemas["Organization"]): Promise<Schemas["Organization"]> {
  return expectData(
    await nnsAdmin.PATCH(ORG, {
      ...ifMatch(halland.id, `"${halland.version}"`),
      body: { name: "Samordningsförbundet Södra Halland", email: "info@sodrahalland.se" },
    }),
  );
}

const staleRename = (halland: Schemas["Organization"]) =>
  nnsAdmin.PATCH(ORG, {
    ...ifMatch(halland.id, `"${halland.version - 1}"`),
    body: { name: "Ska Inte Sparas" },
  });

const reparty = (halland: Schemas["Organization"]) =>
  nnsAdmin.PATCH(ORG, {
    ...ifMatch(halland.id, `"${halland.version}"`),
    body: {
      memberParties: [
        { kind: "fk" },
        { kind: "af" },
        { kind: "region", countyCode: "13" },
        { kind: "kommun", municipalityCode: "1382" },
      ],
    },
  });

describe("reading one organization", () => {
  it("gives a member the organization with an ETag of its version", async () => {
    const viewer = await signIn(env, env.users.viewerA.email);
    const res = await viewer.GET(ORG, org(env.orgA.id));
    const body = expectData(res);
    expect(res.response.headers.get("etag")).toBe(`"${body.version}"`);
    expect(body).toMatchObject({
      id: env.orgA.id,
      slug: "alfa",
      organizationNumber: "222000-1016",
      vatNumber: "SE222000101601",
    });
    expect(body.memberParties.map((p) => p.name).sort()).toEqual(
      ["Arbetsförmedlingen", "Försäkringskassan", "Halmstad", "Region Halland"].sort(),
    );
  });

  it("hides another förbund behind 404", async () => {
    expectProblem(await adminA.GET(ORG, org(env.orgB.id)), 404, "not_found");
  });
});

describe("editing an organization", () => {
  it("lets an NNS admin edit with the current If-Match: 200, version + 1, new ETag", async () => {
    const halland = await registeredHalland();
    const read = await nnsAdmin.GET(ORG, org(halland.id));
    const etag = read.response.headers.get("etag") as string;
    expect(etag).toBe(`"${halland.version}"`);
    const res = await nnsAdmin.PATCH(ORG, {
      ...ifMatch(halland.id, etag),
      body: { name: "Samordningsförbundet Södra Halland", email: "info@sodrahalland.se" },
    });
    const edited = expectData(res);
    expect(edited).toMatchObject({
      name: "Samordningsförbundet Södra Halland",
      email: "info@sodrahalland.se",
      slug: halland.slug,
      version: halland.version + 1,
    });
    expect(res.response.headers.get("etag")).toBe(`"${halland.version + 1}"`);
    // A patch without memberParties leaves them as they were.
    expect(edited.memberParties).toHaveLength(5);
  });

  it("answers 412 to a stale If-Match and changes nothing", async () => {
    const halland = await renamed(await registeredHalland());
    const before = expectData(await nnsAdmin.GET(ORG, org(halland.id)));
    expectProblem(await staleRename(halland), 412, "precondition_failed");
    const after = await nnsAdmin.GET(ORG, org(halland.id));
    expect(expectData(after)).toEqual(before);
    expect(expectData(after).name).toBe("Samordningsförbundet Södra Halland");
    expect(after.response.headers.get("etag")).toBe(`"${halland.version}"`);
  });

  it("replaces the member parties when given", async () => {
    const halland = await registeredHalland();
    const res = expectData(await reparty(halland));
    expect(res.memberParties.map((p) => p.name).sort()).toEqual(
      ["Arbetsförmedlingen", "Falkenberg", "Försäkringskassan", "Region Halland"].sort(),
    );
  });

  it("answers 409 naming body.slug when the new slug is taken", async () => {
    const halland = await registeredHalland();
    const res = await nnsAdmin.PATCH(ORG, { ...org(halland.id), body: { slug: "beta" } });
    expect(expectProblem(res, 409, "already_exists").errors).toContainEqual(
      expect.objectContaining({ field: "body.slug" }),
    );
    expect(expectData(await nnsAdmin.GET(ORG, org(halland.id))).slug).toBe(halland.slug);
  });

  it("forbids an org_admin from editing their own förbund", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const read = await admin.GET(ORG, org(t.org.id));
    const res = await admin.PATCH(ORG, {
      ...ifMatch(t.org.id, read.response.headers.get("etag") as string),
      body: { name: "Egenmäktigt Namn" },
    });
    expectProblem(res, 403, "forbidden");
    const after = expectData(await admin.GET(ORG, org(t.org.id)));
    expect(after.name).toBe(t.org.name);
    expect(after.version).toBe(expectData(read).version);
  });

  it("treats a PATCH that changes nothing as no change: same version, no audit entry", async () => {
    const t = await freshTenant(env);
    const before = await nnsAdmin.GET(ORG, org(t.org.id));
    const res = await nnsAdmin.PATCH(ORG, { ...org(t.org.id), body: { name: expectData(before).name } });
    expect(expectData(res).version).toBe(expectData(before).version);
    expect(res.response.headers.get("etag")).toBe(before.response.headers.get("etag"));
    const updates = expectData(
      await nnsAdmin.GET("/orgs/{orgId}/audit-log", {
        params: { path: { orgId: t.org.id }, query: { action: "organization.updated" } },
      }),
    );
    expect(updates.data).toHaveLength(0);
  });
});

describe("audit trail of an organization", () => {
  type Snapshot = { name: string; memberParties: unknown[] };

  /** Registered, renamed, a stale rename refused, member parties replaced, a taken slug refused. */
  async function editedHalland(): Promise<Schemas["Organization"]> {
    const halland = await renamed(await registeredHalland());
    expectProblem(await staleRename(halland), 412, "precondition_failed");
    const reparted = expectData(await reparty(halland));
    const slugTaken = await nnsAdmin.PATCH(ORG, { ...org(halland.id), body: { slug: "beta" } });
    expectProblem(slugTaken, 409, "already_exists");
    return reparted;
  }

  it("records organization.created and organization.updated with before and after", async () => {
    const halland = await editedHalland();
    const res = expectData(
      await nnsAdmin.GET("/orgs/{orgId}/audit-log", {
        params: { path: { orgId: halland.id }, query: { entityType: "organization" } },
      }),
    );
    const actions = res.data.map((e) => e.action);
    // Newest first: two updates (name, member parties) on top of the creation.
    expect(actions).toEqual(["organization.updated", "organization.updated", "organization.created"]);
    for (const entry of res.data) {
      expect(entry).toMatchObject({
        actorType: "user",
        actorId: env.users.nnsAdmin.id,
        actorLabel: env.users.nnsAdmin.email,
        entityType: "organization",
        entityId: halland.id,
      });
    }
    const [reparted, renamedEntry, created] = res.data;
    expect(created?.before).toBeNull();
    expect(created?.after).toMatchObject({ name: "Samordningsförbundet Halland Syd", version: 1 });
    expect(renamedEntry?.before).toMatchObject({ name: "Samordningsförbundet Halland Syd", version: 1 });
    expect(renamedEntry?.after).toMatchObject({
      name: "Samordningsförbundet Södra Halland",
      email: "info@sodrahalland.se",
      version: 2,
    });
    expect((reparted?.before as Snapshot | undefined)?.memberParties).toHaveLength(5);
    expect((reparted?.after as Snapshot | undefined)?.memberParties).toHaveLength(4);
  });

  it("keeps the failed edits out of the log", async () => {
    const halland = await editedHalland();
    const res = expectData(
      await nnsAdmin.GET("/orgs/{orgId}/audit-log", {
        params: { path: { orgId: halland.id }, query: { action: "organization.updated" } },
      }),
    );
    const names = res.data.map((e) => (e.after as Snapshot).name);
    expect(names).not.toContain("Ska Inte Sparas");
    expect(res.data).toHaveLength(2);
  });
});

describe("an NNS admin who is also a member of a förbund", () => {
  it("keeps the national coordination rights there (org:write, audit:read) on top of the member role", async () => {
    const t = await freshTenant(env);
    const system = systemContext(env.deps, "organizations-test");
    const email = `nns.admin.${t.org.slug}@test.se`;
    await grantRole(system, {
      organizationSlug: "nns",
      email,
      name: "NNS admin",
      password: PASSWORD,
      role: "nns_admin",
    });
    await grantRole(system, {
      organizationSlug: t.org.slug,
      email,
      name: "NNS admin",
      password: null,
      role: "viewer",
    });
    const both = await signIn(env, email);
    const read = await both.GET(ORG, org(t.org.id));
    const version = expectData(read).version;
    // As a non-member the NNS admin could edit the förbund; also being a viewer there must not take that away.
    const res = await both.PATCH(ORG, {
      ...ifMatch(t.org.id, read.response.headers.get("etag") as string),
      body: { website: "https://beta.example.se" },
    });
    expect(expectData(res)).toMatchObject({ website: "https://beta.example.se", version: version + 1 });
    expectData(await both.GET("/orgs/{orgId}/audit-log", org(t.org.id)));
  });
});
