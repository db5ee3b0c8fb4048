import { describe, expect, it } from "vitest";
import { expectData, expectProblem, signIn } from "./client.js";
import { freshTenant, lastEmailTo, roleIn, tokenFromEmail, useTestApp } from "./helpers.js";

const env = useTestApp();

const INVITATIONS = "/orgs/{orgId}/invitations";
const INVITATION = "/orgs/{orgId}/invitations/{invitationId}";
const inOrg = (orgId: string) => ({ params: { path: { orgId } } });
const invitation = (orgId: string, invitationId: string) => ({ params: { path: { orgId, invitationId } } });

describe("invitations", () => {
  it("refuses to invite someone who is already a member (409), whatever the case of the address", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    for (const email of [t.viewer.email, t.viewer.email.toUpperCase()]) {
      const res = await admin.POST(INVITATIONS, { ...inOrg(t.org.id), body: { email, role: "editor" } });
      expect(expectProblem(res, 409, "already_exists").errors).toContainEqual(
        expect.objectContaining({ field: "body.email", rule: "already_member" }),
      );
    }
    const rows = await env.t.db.ownerSql("select 1 from invitations where email = $1", [t.viewer.email]);
    expect(rows).toHaveLength(0);
  });

  it("refuses to invite as nns_admin into a förbund (400 naming body.role)", async () => {
    const t = await freshTenant(env);
    const res = await (await t.signIn("admin")).POST(INVITATIONS, {
      ...inOrg(t.org.id),
      body: { email: "blivande@test.se", role: "nns_admin" },
    });
    expect(expectProblem(res, 400, "validation_failed").errors).toContainEqual(
      expect.objectContaining({ field: "body.role", rule: "assignable_role" }),
    );
  });

  it("lists pending invitations, and revoked ones too with status=all", async () => {
    const [t, other] = await Promise.all([freshTenant(env), freshTenant(env)]);
    const admin = await t.signIn("admin");
    const otherAdmin = await other.signIn("admin");
    const keep = expectData(
      await admin.POST(INVITATIONS, {
        ...inOrg(t.org.id),
        body: { email: "kommer@test.se", role: "viewer" },
      }),
      201,
    );
    expect(keep).toMatchObject({ email: "kommer@test.se", role: "viewer", status: "pending" });
    const drop = expectData(
      await admin.POST(INVITATIONS, {
        ...inOrg(t.org.id),
        body: { email: "angras@test.se", role: "editor" },
      }),
      201,
    );
    const revoked = expectData(await admin.DELETE(INVITATION, invitation(t.org.id, drop.id)));
    expect(revoked).toMatchObject({ id: drop.id, status: "revoked" });

    // Viewers may read the list (members:read).
    const pending = expectData(await (await t.signIn("viewer")).GET(INVITATIONS, inOrg(t.org.id)));
    const pendingIds = pending.data.map((i) => i.id);
    expect(pendingIds).toContain(keep.id);
    expect(pendingIds).not.toContain(drop.id);
    expect(pending.data.every((i) => i.status === "pending")).toBe(true);

    const all = expectData(
      await admin.GET(INVITATIONS, { params: { path: { orgId: t.org.id }, query: { status: "all" } } }),
    );
    expect(all.data).toContainEqual(expect.objectContaining({ id: keep.id, status: "pending" }));
    expect(all.data).toContainEqual(expect.objectContaining({ id: drop.id, status: "revoked" }));

    // A status the contract does not have.
    expectProblem(
      await admin.raw("GET", `/v1/orgs/${t.org.id}/invitations?status=gone`),
      400,
      "validation_failed",
    );
    // Another förbund's invitations are not reachable.
    expectProblem(await otherAdmin.DELETE(INVITATION, invitation(t.org.id, keep.id)), 404, "not_found");
    expectProblem(await otherAdmin.DELETE(INVITATION, invitation(other.org.id, keep.id)), 404, "not_found");
  });

  it("lets an NNS admin who is not a member of a förbund list its members and invite an org_admin there", async () => {
    const t = await freshTenant(env);
    const nnsAdmin = await signIn(env, env.users.nnsAdmin.email);
    const newAdmin = `ny.admin.${t.org.slug}@test.se`;
    expect(await roleIn(env, t.org.id, env.users.nnsAdmin.id)).toBeNull();
    const members = expectData(await nnsAdmin.GET("/orgs/{orgId}/members", inOrg(t.org.id)));
    expect(members.data.map((m) => m.email)).toContain(t.admin.email);
    const invited = expectData(
      await nnsAdmin.POST(INVITATIONS, { ...inOrg(t.org.id), body: { email: newAdmin, role: "org_admin" } }),
      201,
    );
    expect(invited).toMatchObject({ email: newAdmin, role: "org_admin", status: "pending" });
    const mail = await lastEmailTo(env, newAdmin);
    expect(mail.subject).toContain(t.org.name);
    expect(tokenFromEmail(mail.text)).toMatch(/^[a-z2-7]+$/);
    // Seeing the förbund from outside does not make the NNS admin a member.
    expect(await roleIn(env, t.org.id, env.users.nnsAdmin.id)).toBeNull();
  });
});
