import { sampleContent } from "@nns/services/testing";
import { describe, expect, it } from "vitest";
import {
  act,
  createIntervention,
  INTERVENTION,
  INTERVENTIONS,
  intervention,
  putContent,
} from "./catalog-fixtures.js";
import { Client, expectData, expectProblem, signIn } from "./client.js";
import { freshTenant, type Tenant, useTestApp } from "./helpers.js";

const env = useTestApp();

const CO_OWNERS = "/orgs/{orgId}/interventions/{interventionId}/co-owners";
const CO_OWNER = "/orgs/{orgId}/interventions/{interventionId}/co-owners/{coOwnerId}";
const ACCEPT = "/orgs/{orgId}/interventions/{interventionId}/co-ownership/accept";
const INVITATIONS = "/orgs/{orgId}/co-ownership-invitations";
const coOwner = (orgId: string, interventionId: string, coOwnerId: string) => ({
  params: { path: { orgId, interventionId, coOwnerId } },
});
const invite = (owner: Client, t: Tenant, interventionId: string, other: Tenant) =>
  owner.POST(CO_OWNERS, {
    ...intervention(t.org.id, interventionId),
    body: { organizationId: other.org.id },
  });

/** Two förbund of the test's own with their admins, and NNS's admin. */
async function owners() {
  const [t, other] = await Promise.all([freshTenant(env), freshTenant(env)]);
  const [owner, coOwnerAdmin, nns] = [
    await t.signIn("admin"),
    await other.signIn("admin"),
    await signIn(env, env.users.nnsAdmin.email),
  ];
  return { t, other, owner, coOwnerAdmin, nns };
}

/** An intervention of `t`'s, submitted and published by NNS. */
async function published(f: Awaited<ReturnType<typeof owners>>, title: string) {
  const created = await createIntervention(f.owner, f.t.org.id, { title });
  expectData(await act(f.owner, f.t.org.id, created.id, "submit"));
  expectData(await act(f.nns, f.t.org.id, created.id, "publish"));
  return created;
}

describe("co-ownership", () => {
  it("lets an accepting co-owner edit, and a third förbund not even see it", async () => {
    const f = await owners();
    const { t, other, owner, coOwnerAdmin } = f;
    const created = await createIntervention(owner, t.org.id, { title: "Gemensam insats" });
    const asCoOwner = intervention(other.org.id, created.id);
    // Before accepting, the other förbund cannot see it.
    expectProblem(await coOwnerAdmin.GET(INTERVENTION, asCoOwner), 404, "not_found");
    expectData(await invite(owner, t, created.id, other), 201);
    expectProblem(await coOwnerAdmin.GET(INTERVENTION, asCoOwner), 404, "not_found");
    const open = expectData(
      await coOwnerAdmin.GET(INVITATIONS, { params: { path: { orgId: other.org.id } } }),
    );
    expect(open.data).toContainEqual(
      expect.objectContaining({
        interventionId: created.id,
        ownerOrganizationName: t.org.name,
        publishedTitle: null,
      }),
    );
    expectData(await coOwnerAdmin.POST(ACCEPT, asCoOwner));
    const stillOpen = expectData(
      await coOwnerAdmin.GET(INVITATIONS, { params: { path: { orgId: other.org.id } } }),
    );
    expect(stillOpen.data.map((i) => i.interventionId)).not.toContain(created.id);
    const listed = expectData(
      await coOwnerAdmin.GET(INTERVENTIONS, {
        params: { path: { orgId: other.org.id }, query: { limit: 200 } },
      }),
    );
    expect(listed.data.map((i) => i.id)).toContain(created.id);

    const edited = await putContent(
      coOwnerAdmin,
      other.org.id,
      created.id,
      sampleContent({ title: "Gemensam insats, reviderad" }),
    );
    expectData(edited);
    expect(expectData(await owner.GET(INTERVENTION, intervention(t.org.id, created.id))).content.title).toBe(
      "Gemensam insats, reviderad",
    );
    const versions = expectData(
      await owner.GET(
        "/orgs/{orgId}/interventions/{interventionId}/versions",
        intervention(t.org.id, created.id),
      ),
    );
    expect(versions.data[1]?.authorOrganizationId).toBe(other.org.id);

    // The co-owner neither invites others nor archives.
    expectProblem(
      await coOwnerAdmin.POST(CO_OWNERS, { ...asCoOwner, body: { organizationId: t.org.id } }),
      403,
      "forbidden",
    );
    expectProblem(await act(coOwnerAdmin, other.org.id, created.id, "archive"), 403, "forbidden");
  });

  it("names an accepted co-owner on the published entry and finds the entry under its förbund", async () => {
    const f = await owners();
    const { t, other, owner, coOwnerAdmin } = f;
    const anyone = new Client(env);
    const created = await published(f, "Publicerad samverkan");
    expectData(await invite(owner, t, created.id, other), 201);
    const search = () =>
      anyone.GET("/catalog/interventions", { params: { query: { organization: other.org.id, limit: 100 } } });
    expect(expectData(await search()).data.map((d) => d.id)).not.toContain(created.id);
    expectData(await coOwnerAdmin.POST(ACCEPT, intervention(other.org.id, created.id)));
    const entry = expectData(
      await anyone.GET("/catalog/interventions/{interventionId}", {
        params: { path: { interventionId: created.id } },
      }),
    );
    expect(entry.document.coOwners).toEqual([
      { id: other.org.id, name: other.org.name, slug: other.org.slug },
    ]);
    expect(expectData(await search()).data.map((d) => d.id)).toContain(created.id);
  });

  it("ends a co-ownership when the owner removes the co-owner or it leaves, and the entry stops naming it", async () => {
    const f = await owners();
    const { t, other, owner, coOwnerAdmin } = f;
    const anyone = new Client(env);
    const created = await published(f, "Tidsbegränsad samverkan");
    const asCoOwner = intervention(other.org.id, created.id);
    expectData(await invite(owner, t, created.id, other), 201);
    expectData(await coOwnerAdmin.POST(ACCEPT, asCoOwner));
    const left = await coOwnerAdmin.DELETE(CO_OWNER, coOwner(other.org.id, created.id, other.org.id));
    expect(left.response.status).toBe(204);
    expectProblem(await coOwnerAdmin.GET(INTERVENTION, asCoOwner), 404, "not_found");
    const entry = expectData(
      await anyone.GET("/catalog/interventions/{interventionId}", {
        params: { path: { interventionId: created.id } },
      }),
    );
    expect(entry.document.coOwners).toEqual([]);
    expectProblem(
      await owner.DELETE(CO_OWNER, coOwner(t.org.id, created.id, other.org.id)),
      404,
      "not_found",
    );

    expectData(await invite(owner, t, created.id, other), 201);
    expectData(await coOwnerAdmin.POST(ACCEPT, asCoOwner));
    expectData(await coOwnerAdmin.GET(INTERVENTION, asCoOwner));
    const removed = await owner.DELETE(CO_OWNER, coOwner(t.org.id, created.id, other.org.id));
    expect(removed.response.status).toBe(204);
    expectProblem(
      await putContent(coOwnerAdmin, other.org.id, created.id, sampleContent()),
      404,
      "not_found",
    );
  });

  it("keeps a third förbund out, in the API and in the database", async () => {
    const f = await owners();
    const { t, other, owner, coOwnerAdmin } = f;
    const third = await freshTenant(env);
    const created = await createIntervention(owner, t.org.id, { title: "Bara för två förbund" });
    expectData(await invite(owner, t, created.id, other), 201);
    expectData(await coOwnerAdmin.POST(ACCEPT, intervention(other.org.id, created.id)));
    expectProblem(
      await (await third.signIn("admin")).GET(INTERVENTION, intervention(third.org.id, created.id)),
      404,
      "not_found",
    );
    const rows = await env.t.db.appTransaction(async (q) => {
      await q("select set_config('app.org_id', $1, true)", [third.org.id]);
      const seen = await q("select id from interventions where id = $1", [created.id]);
      const updated = await q("update interventions set content = '{}' where id = $1 returning id", [
        created.id,
      ]);
      return { seen, updated };
    });
    expect(rows).toEqual({ seen: [], updated: [] });
  });
});
