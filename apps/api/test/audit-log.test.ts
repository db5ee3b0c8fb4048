import type { Schemas } from "@nns/api-client";
import { describe, expect, it } from "vitest";
import { type Client, expectData, expectProblem, signIn, walk } from "./client.js";
import {
  freshTenant,
  lastEmailTo,
  type Tenant,
  type TestUser,
  tokenFromEmail,
  useTestApp,
} from "./helpers.js";

const env = useTestApp();

type AuditEntry = Schemas["AuditEntry"];
type AuditQuery = {
  action?: string;
  family?: "member" | "api_key" | "training";
  entityType?: string;
  actorId?: string;
  from?: string;
  to?: string;
};
/** The entity as the audit log recorded it; the contract leaves its shape to each entity type. */
type Snapshot = { email?: string; role?: string; status?: string } | null;

const MEMBER = "/orgs/{orgId}/members/{userId}";
const INVITATIONS = "/orgs/{orgId}/invitations";

const audit = (client: Client, orgId: string, query: AuditQuery & { limit?: number; cursor?: string } = {}) =>
  client.GET("/orgs/{orgId}/audit-log", { params: { path: { orgId }, query } });
const everything = (client: Client, orgId: string, limit: number, query: AuditQuery = {}) =>
  walk(limit, (cursor) => audit(client, orgId, { ...query, limit, cursor }));

async function auditCount(orgId: string, action: string): Promise<number> {
  const rows = await env.t.db.ownerSql(
    "select count(*)::int as n from audit_log where organization_id = $1 and action = $2",
    [orgId, action],
  );
  return Number(rows[0]?.n);
}

interface History {
  t: Tenant;
  admin: Client;
  /** The viewer who was removed, last of all. */
  removed: TestUser;
  invited: { kommer: string; angras: string; nyAdmin: string };
}

/**
 * A förbund's history of member changes, the same for every test here: the editor made viewer and back
 * (with a stale If-Match, an unassignable role and a viewer's attempt refused in between), two
 * invitations by the admin of which one revoked, one by an NNS admin, and last a viewer removed.
 */
async function memberHistory(): Promise<History> {
  const t = await freshTenant(env);
  const removed = await t.addPerson("viewer", "both");
  const admin = await t.signIn("admin");
  const editorPath = { orgId: t.org.id, userId: t.editor.id };
  const read = await admin.GET(MEMBER, { params: { path: editorPath } });
  const etag = read.response.headers.get("etag") as string;
  const toViewer = await admin.PATCH(MEMBER, {
    params: { path: editorPath, header: { "if-match": etag } },
    body: { role: "viewer" },
  });
  expectData(toViewer);
  expectProblem(
    await admin.PATCH(MEMBER, {
      params: { path: editorPath, header: { "if-match": etag } },
      body: { role: "org_admin" },
    }),
    412,
    "precondition_failed",
  );
  expectProblem(
    await admin.PATCH(MEMBER, { params: { path: editorPath }, body: { role: "nns_admin" } }),
    400,
    "validation_failed",
  );
  expectProblem(
    await (await t.signIn("viewer")).PATCH(MEMBER, {
      params: { path: editorPath },
      body: { role: "org_admin" },
    }),
    403,
    "forbidden",
  );
  expectData(await admin.PATCH(MEMBER, { params: { path: editorPath }, body: { role: "editor" } }));

  const invited = {
    kommer: `kommer.${t.org.slug}@test.se`,
    angras: `angras.${t.org.slug}@test.se`,
    nyAdmin: `ny.admin.${t.org.slug}@test.se`,
  };
  const orgPath = { params: { path: { orgId: t.org.id } } };
  expectData(
    await admin.POST(INVITATIONS, { ...orgPath, body: { email: invited.kommer, role: "viewer" } }),
    201,
  );
  const drop = expectData(
    await admin.POST(INVITATIONS, { ...orgPath, body: { email: invited.angras, role: "editor" } }),
    201,
  );
  expectData(
    await admin.DELETE("/orgs/{orgId}/invitations/{invitationId}", {
      params: { path: { orgId: t.org.id, invitationId: drop.id } },
    }),
  );
  const nnsAdmin = await signIn(env, env.users.nnsAdmin.email);
  expectData(
    await nnsAdmin.POST(INVITATIONS, { ...orgPath, body: { email: invited.nyAdmin, role: "org_admin" } }),
    201,
  );

  expectData(await admin.DELETE(MEMBER, { params: { path: { orgId: t.org.id, userId: removed.id } } }), 204);
  return { t, admin, removed, invited };
}

describe("audit log of member changes", () => {
  it("records a role change with the role before and after", async () => {
    const { t, admin } = await memberHistory();
    const other = await freshTenant(env);
    expectData(
      await (await other.signIn("admin")).PATCH(MEMBER, {
        params: { path: { orgId: other.org.id, userId: other.editor.id } },
        body: { role: "viewer" },
      }),
    );
    const res = expectData(await audit(admin, t.org.id, { action: "member.role_changed" }));
    // Only the two successful changes: the 412, 400 and 403 attempts left no trace.
    expect(res.data).toHaveLength(2);
    const [toEditor, toViewer] = res.data;
    expect(toViewer).toMatchObject({
      actorType: "user",
      actorId: t.admin.id,
      actorLabel: t.admin.email,
      entityType: "membership",
      entityId: t.editor.id,
      before: { role: "editor" },
      after: { role: "viewer" },
    });
    expect(toEditor).toMatchObject({ before: { role: "viewer" }, after: { role: "editor" } });
    expect(await auditCount(t.org.id, "member.role_changed")).toBe(2);
    // The change in the other förbund went to its log, not this one's.
    expect(await auditCount(other.org.id, "member.role_changed")).toBe(1);
  });

  it("records a removal with the member before and nothing after", async () => {
    const { t, admin, removed } = await memberHistory();
    const res = expectData(await audit(admin, t.org.id, { action: "member.removed" }));
    expect(res.data).toHaveLength(1);
    expect(res.data[0]).toMatchObject({
      entityType: "membership",
      entityId: removed.id,
      actorId: t.admin.id,
      before: { email: removed.email, role: "viewer" },
      after: null,
    });
  });

  it("records invitations created and revoked, without the token", async () => {
    const { t, admin, invited } = await memberHistory();
    const entries = await everything(admin, t.org.id, 200);
    const created = expectData(await audit(admin, t.org.id, { action: "invitation.created" }));
    const emails = created.data.map((e) => (e.after as Snapshot)?.email);
    expect(emails.sort()).toEqual([invited.angras, invited.kommer, invited.nyAdmin]);
    for (const entry of created.data) {
      expect(entry.entityType).toBe("invitation");
      expect(entry.before).toBeNull();
      expect((entry.after as Snapshot)?.status).toBe("pending");
    }
    const revoked = expectData(await audit(admin, t.org.id, { action: "invitation.revoked" }));
    expect(revoked.data).toHaveLength(1);
    expect(revoked.data[0]).toMatchObject({
      entityType: "invitation",
      before: { email: invited.angras, status: "pending" },
      after: { email: invited.angras, status: "revoked" },
    });
    const token = tokenFromEmail((await lastEmailTo(env, invited.kommer)).text);
    expect(JSON.stringify(entries)).not.toContain(token);
  });

  it("filters by entityType and actorId", async () => {
    const { t, admin, invited } = await memberHistory();
    const invitations = expectData(await audit(admin, t.org.id, { entityType: "invitation" }));
    expect(invitations.data.length).toBe(4);
    expect(invitations.data.every((e) => e.entityType === "invitation")).toBe(true);

    const byNns = expectData(await audit(admin, t.org.id, { actorId: env.users.nnsAdmin.id }));
    expect(byNns.data).toHaveLength(1);
    expect(byNns.data[0]).toMatchObject({ action: "invitation.created", after: { email: invited.nyAdmin } });

    const combined = expectData(
      await audit(admin, t.org.id, { actorId: t.admin.id, entityType: "membership" }),
    );
    expect(combined.data.map((e) => e.action).sort()).toEqual([
      "member.removed",
      "member.role_changed",
      "member.role_changed",
    ]);
    const none = expectData(await audit(admin, t.org.id, { action: "no.such.action" }));
    expect(none).toEqual({ data: [], nextCursor: null });
  });

  it("filters by family of actions and names the object where it has a name", async () => {
    const { t, admin } = await memberHistory();
    expectData(
      await admin.POST("/orgs/{orgId}/api-keys", {
        params: { path: { orgId: t.org.id } },
        body: { name: "Kommunens system", scopes: ["members:read"] },
      }),
      201,
    );
    const all = await everything(admin, t.org.id, 200);
    const members = await everything(admin, t.org.id, 200, { family: "member" });
    const memberFamily = ["member", "invitation", "user"];
    expect(members.map((e) => e.id)).toEqual(
      all.filter((e) => memberFamily.includes(e.action.split(".")[0] as string)).map((e) => e.id),
    );
    expect(members.filter((e) => e.action === "invitation.created")).toHaveLength(3);
    expect(members.length).toBeLessThan(all.length);
    const keys = expectData(await audit(admin, t.org.id, { family: "api_key" }));
    expect(keys.data).toHaveLength(1);
    expect(keys.data[0]).toMatchObject({ action: "api_key.created", entityName: "Kommunens system" });
    expect(expectData(await audit(admin, t.org.id, { family: "training" })).data).toEqual([]);
    // A membership's name is in its before/after view, not looked up.
    expect(members.every((e) => e.entityName === null)).toBe(true);
  });

  it("filters by time: from inclusive, to exclusive, so the two halves partition the log", async () => {
    const { t, admin, removed } = await memberHistory();
    const entries = await everything(admin, t.org.id, 200);
    expect(entries.length).toBeGreaterThan(4);
    const pivot = entries[Math.floor(entries.length / 2)] as AuditEntry;
    const at = pivot.createdAt;
    const later = await everything(admin, t.org.id, 200, { from: at });
    const earlier = await everything(admin, t.org.id, 200, { to: at });
    expect(later.map((e) => e.id)).toContain(pivot.id);
    expect(earlier.map((e) => e.id)).not.toContain(pivot.id);
    expect(later.every((e) => e.createdAt >= pivot.createdAt)).toBe(true);
    expect(earlier.every((e) => e.createdAt < pivot.createdAt)).toBe(true);
    expect([...later, ...earlier].map((e) => e.id)).toEqual(entries.map((e) => e.id));

    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(expectData(await audit(admin, t.org.id, { from: future })).data).toEqual([]);
    const window = expectData(
      await audit(admin, t.org.id, { from: at, to: future, action: "member.removed" }),
    );
    // The removal was the latest change, so it lies inside [pivot, future).
    expect(entries[0]?.action).toBe("member.removed");
    expect(window.data.map((e) => e.entityId)).toEqual([removed.id]);
    const before = expectData(await audit(admin, t.org.id, { to: at, action: "member.removed" }));
    expect(before.data).toEqual([]);
    const bad = await audit(admin, t.org.id, { from: "yesterday" });
    expect(expectProblem(bad, 400, "validation_failed").errors?.[0]?.field).toBe("query.from");
  });

  it("pages newest first with limit, without repeats or gaps", async () => {
    const { t, admin } = await memberHistory();
    const entries = await everything(admin, t.org.id, 200);
    for (let i = 1; i < entries.length; i++) {
      expect((entries[i - 1] as AuditEntry).createdAt >= (entries[i] as AuditEntry).createdAt).toBe(true);
    }
    const first = expectData(await audit(admin, t.org.id, { limit: 2 }));
    expect(first.data).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const paged = await everything(admin, t.org.id, 2);
    expect(paged.map((e) => e.id)).toEqual(entries.map((e) => e.id));
    expect(new Set(paged.map((e) => e.id)).size).toBe(paged.length);
    const rows = await env.t.db.ownerSql(
      "select count(*)::int as n from audit_log where organization_id = $1",
      [t.org.id],
    );
    expect(paged).toHaveLength(Number(rows[0]?.n));
  });

  it("is for administrators: a viewer or editor gets 403, another förbund 404", async () => {
    const [t, other] = await Promise.all([freshTenant(env), freshTenant(env)]);
    expectProblem(await audit(await t.signIn("viewer"), t.org.id), 403, "forbidden");
    expectProblem(await audit(await t.signIn("editor"), t.org.id), 403, "forbidden");
    expectProblem(await audit(await other.signIn("admin"), t.org.id), 404, "not_found");
    expectData(await audit(await signIn(env, env.users.nnsAdmin.email), t.org.id));
  });
});
