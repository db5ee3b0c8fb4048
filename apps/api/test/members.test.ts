import { grantRole, systemContext } from "@nns/services";
import { describe, expect, it } from "vitest";
import { expectData, expectProblem, PASSWORD, signIn, walk } from "./client.js";
import { freshTenant, roleIn, useTestApp } from "./helpers.js";

const env = useTestApp();

const MEMBERS = "/orgs/{orgId}/members";
const MEMBER = "/orgs/{orgId}/members/{userId}";
const INVITATIONS = "/orgs/{orgId}/invitations";
const inOrg = (orgId: string) => ({ params: { path: { orgId } } });
const member = (orgId: string, userId: string) => ({ params: { path: { orgId, userId } } });
const role = (orgId: string, userId: string, newRole: "org_admin" | "editor" | "viewer" | "nns_admin") => ({
  params: { path: { orgId, userId } },
  body: { role: newRole },
});

describe("reading members", () => {
  it("lets a viewer list the members with their roles", async () => {
    const t = await freshTenant(env);
    const viewer = await t.signIn("viewer");
    const page = expectData(await viewer.GET(MEMBERS, inOrg(t.org.id)));
    const roles = Object.fromEntries(page.data.map((m) => [m.email, m.role]));
    expect(roles).toEqual({
      [t.admin.email]: "org_admin",
      [t.editor.email]: "editor",
      [t.viewer.email]: "viewer",
    });
    expect(page.nextCursor).toBeNull();
    expect(page.data[0]).toEqual(
      expect.objectContaining({ userId: expect.any(String), name: expect.any(String), version: 1 }),
    );
  });

  it("pages the member list with limit and nextCursor", async () => {
    const t = await freshTenant(env);
    await t.addPerson("viewer", "fjarde");
    const viewer = await t.signIn("viewer");
    const all = expectData(await viewer.GET(MEMBERS, inOrg(t.org.id))).data.map((m) => m.userId);
    const walked = (
      await walk(1, (cursor) =>
        viewer.GET(MEMBERS, { params: { path: { orgId: t.org.id }, query: { limit: 1, cursor } } }),
      )
    ).map((m) => m.userId);
    expect(walked).toEqual(all);
    expect(new Set(walked).size).toBe(4);
  });

  it("gives one member with an ETag of the membership's version", async () => {
    const t = await freshTenant(env);
    const res = await (await t.signIn("viewer")).GET(MEMBER, member(t.org.id, t.editor.id));
    expect(expectData(res)).toMatchObject({ email: t.editor.email, role: "editor", version: 1 });
    expect(res.response.headers.get("etag")).toBe('"1"');
  });

  it("answers 404 for a person who is not a member, and hides other förbund", async () => {
    const [t, other] = await Promise.all([freshTenant(env), freshTenant(env)]);
    const viewer = await t.signIn("viewer");
    expectProblem(await viewer.GET(MEMBER, member(t.org.id, other.admin.id)), 404, "not_found");
    expectProblem(await (await other.signIn("admin")).GET(MEMBERS, inOrg(t.org.id)), 404, "not_found");
  });
});

describe("changing a member's role", () => {
  it("changes the role with the current If-Match and refuses a stale one with 412", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const target = member(t.org.id, t.editor.id);
    const read = await admin.GET(MEMBER, target);
    const version = expectData(read).version;
    const etag = read.response.headers.get("etag") as string;
    const changed = await admin.PATCH(MEMBER, {
      params: { ...target.params, header: { "if-match": etag } },
      body: { role: "viewer" },
    });
    expect(expectData(changed)).toMatchObject({ userId: t.editor.id, role: "viewer", version: version + 1 });
    expect(changed.response.headers.get("etag")).toBe(`"${version + 1}"`);
    expect(await roleIn(env, t.org.id, t.editor.id)).toBe("viewer");

    const stale = await admin.PATCH(MEMBER, {
      params: { ...target.params, header: { "if-match": etag } },
      body: { role: "org_admin" },
    });
    expectProblem(stale, 412, "precondition_failed");
    expect(await roleIn(env, t.org.id, t.editor.id)).toBe("viewer");

    const back = await admin.PATCH(MEMBER, {
      params: { ...target.params, header: { "if-match": changed.response.headers.get("etag") as string } },
      body: { role: "editor" },
    });
    expect(expectData(back)).toMatchObject({ role: "editor", version: version + 2 });
    // The editor's own session sees the new role at once.
    expect(expectData(await (await t.signIn("editor")).GET(MEMBER, target)).role).toBe("editor");
  });

  it("refuses nns_admin in a förbund with 400 naming body.role", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const nnsAdmin = await signIn(env, env.users.nnsAdmin.email);
    const byAdmin = await admin.PATCH(MEMBER, role(t.org.id, t.viewer.id, "nns_admin"));
    expect(expectProblem(byAdmin, 400, "validation_failed").errors).toContainEqual(
      expect.objectContaining({ field: "body.role", rule: "assignable_role" }),
    );
    const byNnsAdmin = await nnsAdmin.PATCH(MEMBER, role(t.org.id, t.viewer.id, "nns_admin"));
    expect(expectProblem(byNnsAdmin, 400, "validation_failed").errors?.[0]?.field).toBe("body.role");
    // Not a role at all: outside what the contract lets the typed client send.
    const unknownRole = await admin.raw("PATCH", `/v1/orgs/${t.org.id}/members/${t.viewer.id}`, {
      body: { role: "superuser" },
    });
    expect(expectProblem(unknownRole, 400, "validation_failed").errors?.[0]?.field).toBe("body.role");
    expect(await roleIn(env, t.org.id, t.viewer.id)).toBe("viewer");
  });

  it("forbids viewers and editors from changing roles, removing members or inviting", async () => {
    const t = await freshTenant(env);
    const both = await t.addPerson("viewer", "both");
    const smuggled = `smuggel.${t.org.slug}@test.se`;
    for (const client of [await t.signIn("viewer"), await t.signIn("editor")]) {
      expectProblem(await client.PATCH(MEMBER, role(t.org.id, t.viewer.id, "org_admin")), 403, "forbidden");
      expectProblem(await client.DELETE(MEMBER, member(t.org.id, both.id)), 403, "forbidden");
      expectProblem(
        await client.POST(INVITATIONS, { ...inOrg(t.org.id), body: { email: smuggled, role: "viewer" } }),
        403,
        "forbidden",
      );
    }
    expect(await roleIn(env, t.org.id, t.viewer.id)).toBe("viewer");
    expect(await roleIn(env, t.org.id, both.id)).toBe("viewer");
    const invited = await env.t.db.ownerSql("select 1 from invitations where email = $1", [smuggled]);
    expect(invited).toHaveLength(0);
  });

  it("keeps the last administrator: no demotion, no removal (409)", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const nnsAdmin = await signIn(env, env.users.nnsAdmin.email);
    const self = member(t.org.id, t.admin.id);
    expectProblem(await admin.PATCH(MEMBER, role(t.org.id, t.admin.id, "editor")), 409, "conflict");
    expectProblem(await admin.DELETE(MEMBER, self), 409, "conflict");
    expect(await roleIn(env, t.org.id, t.admin.id)).toBe("org_admin");
    // An NNS admin coordinating from outside is held to the same rule.
    expectProblem(await nnsAdmin.PATCH(MEMBER, role(t.org.id, t.admin.id, "viewer")), 409, "conflict");
    expectProblem(await nnsAdmin.DELETE(MEMBER, self), 409, "conflict");
    expect(await roleIn(env, t.org.id, t.admin.id)).toBe("org_admin");
    // And the NNS organization keeps its last nns_admin.
    expectProblem(
      await nnsAdmin.PATCH(MEMBER, role(env.nns.id, env.users.nnsAdmin.id, "viewer")),
      409,
      "conflict",
    );
    expect(await roleIn(env, env.nns.id, env.users.nnsAdmin.id)).toBe("nns_admin");
  });

  it("lets the former last administrator step down or be removed once there is a second one", async () => {
    const t = await freshTenant(env);
    const secondUser = await t.addPerson("editor", "second");
    const admin = await t.signIn("admin");
    const promoted = await admin.PATCH(MEMBER, role(t.org.id, secondUser.id, "org_admin"));
    expect(expectData(promoted).role).toBe("org_admin");

    const stepDown = await admin.PATCH(MEMBER, role(t.org.id, t.admin.id, "editor"));
    expect(expectData(stepDown).role).toBe("editor");
    // The förbund's administrator is now the second, alone again: the rule applies to them.
    const second = await signIn(env, secondUser.email);
    expectProblem(await second.PATCH(MEMBER, role(t.org.id, secondUser.id, "viewer")), 409, "conflict");
    // The stepped-down admin lost the right to manage members.
    expectProblem(await admin.PATCH(MEMBER, role(t.org.id, t.admin.id, "org_admin")), 403, "forbidden");
    // Restore the first admin, then an administrator is removed while another remains.
    expectData(await second.PATCH(MEMBER, role(t.org.id, t.admin.id, "org_admin")));
    expectData(await second.DELETE(MEMBER, member(t.org.id, secondUser.id)), 204);
    expect(await roleIn(env, t.org.id, secondUser.id)).toBeNull();
    expect(await roleIn(env, t.org.id, t.admin.id)).toBe("org_admin");
  });
});

describe("removing a member", () => {
  it("answers 204 and shuts the member out of that organization only", async () => {
    const [t, other] = await Promise.all([freshTenant(env), freshTenant(env)]);
    const both = await t.addPerson("viewer", "both");
    await grantRole(systemContext(env.deps, "members-test"), {
      organizationSlug: other.org.slug,
      email: both.email,
      name: "both",
      password: PASSWORD,
      role: "viewer",
    });
    const admin = await t.signIn("admin");
    const person = await signIn(env, both.email);
    expectData(await person.GET("/orgs/{orgId}", inOrg(t.org.id)));

    const res = await admin.DELETE(MEMBER, member(t.org.id, both.id));
    expect(res.response.status).toBe(204);
    expect(await res.response.text()).toBe("");
    expect(await roleIn(env, t.org.id, both.id)).toBeNull();

    expectProblem(await person.GET("/orgs/{orgId}", inOrg(t.org.id)), 404, "not_found");
    expectProblem(await person.GET(MEMBERS, inOrg(t.org.id)), 404, "not_found");
    // The same session still works for the organization they still belong to.
    const stillMember = expectData(await person.GET("/orgs/{orgId}", inOrg(other.org.id)));
    expect(stillMember.slug).toBe(other.org.slug);
    expectData(await person.GET("/auth/me"));
    const orgs = expectData(await person.GET("/organizations"));
    expect(orgs.data.map((o) => o.slug)).toEqual([other.org.slug]);

    expectProblem(await admin.GET(MEMBER, member(t.org.id, both.id)), 404, "not_found");
    expectProblem(await admin.DELETE(MEMBER, member(t.org.id, both.id)), 404, "not_found");
  });
});

describe("who may manage whom", () => {
  it("keeps an org_admin of the NNS organization away from its nns_admins", async () => {
    const system = systemContext(env.deps, "test");
    const grant = (email: string, nnsRole: "org_admin" | "viewer") =>
      grantRole(system, { organizationSlug: "nns", email, name: email, password: PASSWORD, role: nnsRole });
    const { userId } = await grant("nns.kansli@test.se", "org_admin");
    const colleague = await grant("nns.kollega@test.se", "viewer");
    const kansli = await signIn(env, "nns.kansli@test.se");
    expectProblem(
      await kansli.PATCH(MEMBER, role(env.nns.id, env.users.nnsAdmin.id, "viewer")),
      403,
      "forbidden",
    );
    expectProblem(await kansli.DELETE(MEMBER, member(env.nns.id, env.users.nnsAdmin.id)), 403, "forbidden");
    expectData(await kansli.PATCH(MEMBER, role(env.nns.id, colleague.userId, "editor")));
    expect(userId).toBeTruthy();
  });
});
