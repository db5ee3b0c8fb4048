import { grantRole, systemContext } from "@nns/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  expectProblem,
  lastEmailTo,
  PASSWORD,
  setupTestApp,
  signIn,
  type TestEnv,
  type TestUser,
  tokenFromEmail,
} from "./helpers.js";

let env: TestEnv;
let adminA: Client;
let editorA: Client;
let viewerA: Client;
let adminB: Client;
let nnsAdmin: Client;
/** Viewer in Alfa and in Beta: the one removed from Alfa. */
let both: TestUser;
/** Editor in Beta: becomes Beta's second administrator. */
let secondB: TestUser;

interface Member {
  userId: string;
  email: string;
  role: string;
  version: number;
}
/** The entity as the audit log recorded it. */
type Snapshot = { email?: string; role?: string; status?: string } & Record<string, unknown>;
interface AuditEntry {
  id: string;
  action: string;
  entityType: string;
  entityId: string | null;
  actorId: string | null;
  before: Snapshot | null;
  after: Snapshot | null;
  createdAt: string;
}

const membersOf = (orgId: string) => `/v1/orgs/${orgId}/members`;
const memberPath = (orgId: string, userId: string) => `/v1/orgs/${orgId}/members/${userId}`;
const invitationsOf = (orgId: string) => `/v1/orgs/${orgId}/invitations`;
const auditOf = (orgId: string) => `/v1/orgs/${orgId}/audit-log`;

async function roleIn(orgId: string, userId: string): Promise<string | null> {
  const rows = await env.t.db.ownerSql(
    "select role from memberships where organization_id = $1 and user_id = $2",
    [orgId, userId],
  );
  return rows[0] ? String(rows[0].role) : null;
}

async function auditCount(orgId: string, action: string): Promise<number> {
  const rows = await env.t.db.ownerSql(
    "select count(*)::int as n from audit_log where organization_id = $1 and action = $2",
    [orgId, action],
  );
  return Number(rows[0]?.n);
}

/** Every page of a listing, following nextCursor, failing on a repeated id. */
async function walk<T extends { id?: string; userId?: string }>(
  client: Client,
  path: string,
  limit: number,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const sep = path.includes("?") ? "&" : "?";
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const res = await client.get(`${path}${sep}limit=${limit}${query}`);
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeLessThanOrEqual(limit);
    items.push(...res.body.data);
    cursor = res.body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error(`more than 100 pages at ${path}`);
}

beforeAll(async () => {
  env = await setupTestApp();
  const ctx = systemContext(env.deps, "members-test");
  const grant = async (slug: string, email: string, role: "org_admin" | "editor" | "viewer") => {
    const { userId } = await grantRole(ctx, {
      organizationSlug: slug,
      email,
      name: email,
      password: PASSWORD,
      role,
    });
    return { id: userId, email };
  };
  both = await grant("alfa", "both@test.se", "viewer");
  await grant("beta", "both@test.se", "viewer");
  secondB = await grant("beta", "second.b@test.se", "editor");
  adminA = await signIn(env, env.users.adminA.email);
  editorA = await signIn(env, env.users.editorA.email);
  viewerA = await signIn(env, env.users.viewerA.email);
  adminB = await signIn(env, env.users.adminB.email);
  nnsAdmin = await signIn(env, env.users.nnsAdmin.email);
});
afterAll(async () => env?.close());

describe("reading members", () => {
  it("lets a viewer list the members with their roles", async () => {
    const res = await viewerA.get(membersOf(env.orgA.id));
    expect(res.status).toBe(200);
    const roles = Object.fromEntries(res.body.data.map((m: Member) => [m.email, m.role]));
    expect(roles).toEqual({
      "admin.a@test.se": "org_admin",
      "editor.a@test.se": "editor",
      "viewer.a@test.se": "viewer",
      "both@test.se": "viewer",
    });
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.data[0]).toEqual(
      expect.objectContaining({ userId: expect.any(String), name: expect.any(String), version: 1 }),
    );
  });

  it("pages the member list with limit and nextCursor", async () => {
    const all = (await viewerA.get(membersOf(env.orgA.id))).body.data.map((m: Member) => m.userId);
    const walked = (await walk<Member>(viewerA, membersOf(env.orgA.id), 1)).map((m) => m.userId);
    expect(walked).toEqual(all);
    expect(new Set(walked).size).toBe(4);
  });

  it("gives one member with an ETag of the membership's version", async () => {
    const res = await viewerA.get(memberPath(env.orgA.id, env.users.editorA.id));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email: "editor.a@test.se", role: "editor", version: 1 });
    expect(res.headers.get("etag")).toBe('"1"');
  });

  it("answers 404 for a person who is not a member, and hides other förbund", async () => {
    expectProblem(await viewerA.get(memberPath(env.orgA.id, env.users.adminB.id)), 404, "not_found");
    expectProblem(await adminB.get(membersOf(env.orgA.id)), 404, "not_found");
  });
});

describe("changing a member's role", () => {
  it("changes the role with the current If-Match and refuses a stale one with 412", async () => {
    const path = memberPath(env.orgA.id, env.users.editorA.id);
    const read = await adminA.get(path);
    const etag = read.headers.get("etag") as string;
    const changed = await adminA.patch(path, { role: "viewer" }, { "if-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      userId: env.users.editorA.id,
      role: "viewer",
      version: read.body.version + 1,
    });
    expect(changed.headers.get("etag")).toBe(`"${read.body.version + 1}"`);
    expect(await roleIn(env.orgA.id, env.users.editorA.id)).toBe("viewer");

    const stale = await adminA.patch(path, { role: "org_admin" }, { "if-match": etag });
    expectProblem(stale, 412, "precondition_failed");
    expect(await roleIn(env.orgA.id, env.users.editorA.id)).toBe("viewer");

    const back = await adminA.patch(
      path,
      { role: "editor" },
      { "if-match": changed.headers.get("etag") as string },
    );
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ role: "editor", version: read.body.version + 2 });
    // The editor's own session sees the new role at once.
    expect((await editorA.get(path)).body.role).toBe("editor");
  });

  it("refuses nns_admin in a förbund with 400 naming body.role", async () => {
    const path = memberPath(env.orgA.id, env.users.viewerA.id);
    const byAdmin = await adminA.patch(path, { role: "nns_admin" });
    expect(expectProblem(byAdmin, 400, "validation_failed").errors).toContainEqual(
      expect.objectContaining({ field: "body.role", rule: "assignable_role" }),
    );
    const byNnsAdmin = await nnsAdmin.patch(path, { role: "nns_admin" });
    expect(expectProblem(byNnsAdmin, 400, "validation_failed").errors?.[0]?.field).toBe("body.role");
    const unknownRole = await adminA.patch(path, { role: "superuser" });
    expect(expectProblem(unknownRole, 400, "validation_failed").errors?.[0]?.field).toBe("body.role");
    expect(await roleIn(env.orgA.id, env.users.viewerA.id)).toBe("viewer");
  });

  it("forbids viewers and editors from changing roles, removing members or inviting", async () => {
    const target = memberPath(env.orgA.id, env.users.viewerA.id);
    for (const client of [viewerA, editorA]) {
      expectProblem(await client.patch(target, { role: "org_admin" }), 403, "forbidden");
      expectProblem(await client.delete(memberPath(env.orgA.id, both.id)), 403, "forbidden");
      expectProblem(
        await client.post(invitationsOf(env.orgA.id), { email: "smuggel@test.se", role: "viewer" }),
        403,
        "forbidden",
      );
    }
    expect(await roleIn(env.orgA.id, env.users.viewerA.id)).toBe("viewer");
    expect(await roleIn(env.orgA.id, both.id)).toBe("viewer");
    const invited = await env.t.db.ownerSql("select 1 from invitations where email = 'smuggel@test.se'");
    expect(invited).toHaveLength(0);
  });

  it("keeps the last administrator: no demotion, no removal (409)", async () => {
    const self = memberPath(env.orgB.id, env.users.adminB.id);
    expectProblem(await adminB.patch(self, { role: "editor" }), 409, "conflict");
    expectProblem(await adminB.delete(self), 409, "conflict");
    expect(await roleIn(env.orgB.id, env.users.adminB.id)).toBe("org_admin");
    // An NNS admin coordinating from outside is held to the same rule.
    expectProblem(await nnsAdmin.patch(self, { role: "viewer" }), 409, "conflict");
    expectProblem(await nnsAdmin.delete(self), 409, "conflict");
    expect(await roleIn(env.orgB.id, env.users.adminB.id)).toBe("org_admin");
    // And the NNS organization keeps its last nns_admin.
    expectProblem(
      await nnsAdmin.patch(memberPath(env.nns.id, env.users.nnsAdmin.id), { role: "viewer" }),
      409,
      "conflict",
    );
    expect(await roleIn(env.nns.id, env.users.nnsAdmin.id)).toBe("nns_admin");
  });

  it("lets the former last administrator step down or be removed once there is a second one", async () => {
    const promoted = await adminB.patch(memberPath(env.orgB.id, secondB.id), { role: "org_admin" });
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe("org_admin");

    const stepDown = await adminB.patch(memberPath(env.orgB.id, env.users.adminB.id), { role: "editor" });
    expect(stepDown.status).toBe(200);
    expect(stepDown.body.role).toBe("editor");
    // Beta's administrator is now second.b, alone again: the rule applies to them.
    const second = await signIn(env, secondB.email);
    expectProblem(
      await second.patch(memberPath(env.orgB.id, secondB.id), { role: "viewer" }),
      409,
      "conflict",
    );
    // The stepped-down admin lost the right to manage members.
    expectProblem(
      await adminB.patch(memberPath(env.orgB.id, env.users.adminB.id), { role: "org_admin" }),
      403,
      "forbidden",
    );
    // Restore admin.b, then an administrator is removed while another remains.
    expect(
      (await second.patch(memberPath(env.orgB.id, env.users.adminB.id), { role: "org_admin" })).status,
    ).toBe(200);
    expect((await second.delete(memberPath(env.orgB.id, secondB.id))).status).toBe(204);
    expect(await roleIn(env.orgB.id, secondB.id)).toBeNull();
    expect(await roleIn(env.orgB.id, env.users.adminB.id)).toBe("org_admin");
  });
});

describe("invitations", () => {
  it("refuses to invite someone who is already a member (409), whatever the case of the address", async () => {
    for (const email of [env.users.viewerA.email, "Viewer.A@Test.SE"]) {
      const res = await adminA.post(invitationsOf(env.orgA.id), { email, role: "editor" });
      expect(expectProblem(res, 409, "already_exists").errors).toContainEqual(
        expect.objectContaining({ field: "body.email", rule: "already_member" }),
      );
    }
    const rows = await env.t.db.ownerSql("select 1 from invitations where email = 'viewer.a@test.se'");
    expect(rows).toHaveLength(0);
  });

  it("refuses to invite as nns_admin into a förbund (400 naming body.role)", async () => {
    const res = await adminA.post(invitationsOf(env.orgA.id), {
      email: "blivande@test.se",
      role: "nns_admin",
    });
    expect(expectProblem(res, 400, "validation_failed").errors).toContainEqual(
      expect.objectContaining({ field: "body.role", rule: "assignable_role" }),
    );
  });

  it("lists pending invitations, and revoked ones too with status=all", async () => {
    const keep = await adminA.post(invitationsOf(env.orgA.id), { email: "kommer@test.se", role: "viewer" });
    expect(keep.status).toBe(201);
    expect(keep.body).toMatchObject({ email: "kommer@test.se", role: "viewer", status: "pending" });
    const drop = await adminA.post(invitationsOf(env.orgA.id), { email: "angras@test.se", role: "editor" });
    expect(drop.status).toBe(201);
    const revoked = await adminA.delete(`${invitationsOf(env.orgA.id)}/${drop.body.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: drop.body.id, status: "revoked" });

    // Viewers may read the list (members:read).
    const pending = await viewerA.get(invitationsOf(env.orgA.id));
    expect(pending.status).toBe(200);
    const pendingIds = pending.body.data.map((i: { id: string }) => i.id);
    expect(pendingIds).toContain(keep.body.id);
    expect(pendingIds).not.toContain(drop.body.id);
    expect(pending.body.data.every((i: { status: string }) => i.status === "pending")).toBe(true);

    const all = await adminA.get(`${invitationsOf(env.orgA.id)}?status=all`);
    expect(all.status).toBe(200);
    expect(all.body.data).toContainEqual(expect.objectContaining({ id: keep.body.id, status: "pending" }));
    expect(all.body.data).toContainEqual(expect.objectContaining({ id: drop.body.id, status: "revoked" }));

    expectProblem(await adminA.get(`${invitationsOf(env.orgA.id)}?status=gone`), 400, "validation_failed");
    // Another förbund's invitations are not reachable.
    expectProblem(await adminB.delete(`${invitationsOf(env.orgA.id)}/${keep.body.id}`), 404, "not_found");
    expectProblem(await adminB.delete(`${invitationsOf(env.orgB.id)}/${keep.body.id}`), 404, "not_found");
  });

  it("lets an NNS admin who is not a member of a förbund list its members and invite an org_admin there", async () => {
    expect(await roleIn(env.orgA.id, env.users.nnsAdmin.id)).toBeNull();
    const members = await nnsAdmin.get(membersOf(env.orgA.id));
    expect(members.status).toBe(200);
    expect(members.body.data.map((m: Member) => m.email)).toContain("admin.a@test.se");
    const invited = await nnsAdmin.post(invitationsOf(env.orgA.id), {
      email: "ny.admin@test.se",
      role: "org_admin",
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ email: "ny.admin@test.se", role: "org_admin", status: "pending" });
    const mail = await lastEmailTo(env, "ny.admin@test.se");
    expect(mail.subject).toContain("Samordningsförbundet Alfa");
    expect(tokenFromEmail(mail.text)).toMatch(/^[a-z2-7]+$/);
    // Seeing the förbund from outside does not make the NNS admin a member.
    expect(await roleIn(env.orgA.id, env.users.nnsAdmin.id)).toBeNull();
  });
});

describe("removing a member", () => {
  it("answers 204 and shuts the member out of that organization only", async () => {
    const member = await signIn(env, both.email);
    expect((await member.get(`/v1/orgs/${env.orgA.id}`)).status).toBe(200);

    const res = await adminA.delete(memberPath(env.orgA.id, both.id));
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
    expect(await roleIn(env.orgA.id, both.id)).toBeNull();

    expectProblem(await member.get(`/v1/orgs/${env.orgA.id}`), 404, "not_found");
    expectProblem(await member.get(membersOf(env.orgA.id)), 404, "not_found");
    // The same session still works for the organization they still belong to.
    const beta = await member.get(`/v1/orgs/${env.orgB.id}`);
    expect(beta.status).toBe(200);
    expect(beta.body.slug).toBe("beta");
    const me = await member.get("/v1/auth/me");
    expect(me.status).toBe(200);
    const orgs = await member.get("/v1/organizations");
    expect(orgs.body.data.map((o: { slug: string }) => o.slug)).toEqual(["beta"]);

    expectProblem(await adminA.get(memberPath(env.orgA.id, both.id)), 404, "not_found");
    expectProblem(await adminA.delete(memberPath(env.orgA.id, both.id)), 404, "not_found");
  });
});

describe("audit log of member changes", () => {
  let entries: AuditEntry[];

  beforeAll(async () => {
    entries = await walk<AuditEntry>(adminA, auditOf(env.orgA.id), 200);
  });

  it("records a role change with the role before and after", async () => {
    const res = await adminA.get(`${auditOf(env.orgA.id)}?action=member.role_changed`);
    expect(res.status).toBe(200);
    // Only the two successful changes: the 412, 400 and 403 attempts left no trace.
    expect(res.body.data).toHaveLength(2);
    const [toEditor, toViewer] = res.body.data as AuditEntry[];
    expect(toViewer).toMatchObject({
      actorType: "user",
      actorId: env.users.adminA.id,
      actorLabel: env.users.adminA.email,
      entityType: "membership",
      entityId: env.users.editorA.id,
      before: { role: "editor" },
      after: { role: "viewer" },
    });
    expect(toEditor).toMatchObject({ before: { role: "viewer" }, after: { role: "editor" } });
    expect(await auditCount(env.orgA.id, "member.role_changed")).toBe(2);
    // The two changes in Beta went to Beta's log, not Alfa's.
    expect(await auditCount(env.orgB.id, "member.role_changed")).toBe(3);
  });

  it("records a removal with the member before and nothing after", async () => {
    const res = await adminA.get(`${auditOf(env.orgA.id)}?action=member.removed`);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0]).toMatchObject({
      entityType: "membership",
      entityId: both.id,
      actorId: env.users.adminA.id,
      before: { email: "both@test.se", role: "viewer" },
      after: null,
    });
  });

  it("records invitations created and revoked, without the token", async () => {
    const created = await adminA.get(`${auditOf(env.orgA.id)}?action=invitation.created`);
    const emails = created.body.data.map((e: AuditEntry) => e.after?.email);
    expect(emails.sort()).toEqual(["angras@test.se", "kommer@test.se", "ny.admin@test.se"]);
    for (const entry of created.body.data as AuditEntry[]) {
      expect(entry.entityType).toBe("invitation");
      expect(entry.before).toBeNull();
      expect(entry.after?.status).toBe("pending");
    }
    const revoked = await adminA.get(`${auditOf(env.orgA.id)}?action=invitation.revoked`);
    expect(revoked.body.data).toHaveLength(1);
    expect(revoked.body.data[0]).toMatchObject({
      entityType: "invitation",
      before: { email: "angras@test.se", status: "pending" },
      after: { email: "angras@test.se", status: "revoked" },
    });
    const token = tokenFromEmail((await lastEmailTo(env, "kommer@test.se")).text);
    expect(JSON.stringify(entries)).not.toContain(token);
  });

  it("filters by entityType and actorId", async () => {
    const invitations = await adminA.get(`${auditOf(env.orgA.id)}?entityType=invitation`);
    expect(invitations.body.data.length).toBe(4);
    expect(invitations.body.data.every((e: AuditEntry) => e.entityType === "invitation")).toBe(true);

    const byNns = await adminA.get(`${auditOf(env.orgA.id)}?actorId=${env.users.nnsAdmin.id}`);
    expect(byNns.body.data).toHaveLength(1);
    expect(byNns.body.data[0]).toMatchObject({
      action: "invitation.created",
      after: { email: "ny.admin@test.se" },
    });

    const combined = await adminA.get(
      `${auditOf(env.orgA.id)}?actorId=${env.users.adminA.id}&entityType=membership`,
    );
    expect(combined.body.data.map((e: AuditEntry) => e.action).sort()).toEqual([
      "member.removed",
      "member.role_changed",
      "member.role_changed",
    ]);
    const none = await adminA.get(`${auditOf(env.orgA.id)}?action=no.such.action`);
    expect(none.body).toEqual({ data: [], nextCursor: null });
  });

  it("filters by time: from inclusive, to exclusive, so the two halves partition the log", async () => {
    expect(entries.length).toBeGreaterThan(4);
    const pivot = entries[Math.floor(entries.length / 2)] as AuditEntry;
    const at = encodeURIComponent(pivot.createdAt);
    const later = await walk<AuditEntry>(adminA, `${auditOf(env.orgA.id)}?from=${at}`, 200);
    const earlier = await walk<AuditEntry>(adminA, `${auditOf(env.orgA.id)}?to=${at}`, 200);
    expect(later.map((e) => e.id)).toContain(pivot.id);
    expect(earlier.map((e) => e.id)).not.toContain(pivot.id);
    expect(later.every((e) => e.createdAt >= pivot.createdAt)).toBe(true);
    expect(earlier.every((e) => e.createdAt < pivot.createdAt)).toBe(true);
    expect([...later, ...earlier].map((e) => e.id)).toEqual(entries.map((e) => e.id));

    const future = encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString());
    expect((await adminA.get(`${auditOf(env.orgA.id)}?from=${future}`)).body.data).toEqual([]);
    const window = await adminA.get(`${auditOf(env.orgA.id)}?from=${at}&to=${future}&action=member.removed`);
    // The removal was the latest change, so it lies inside [pivot, future).
    expect(entries[0]?.action).toBe("member.removed");
    expect(window.body.data.map((e: AuditEntry) => e.entityId)).toEqual([both.id]);
    const before = await adminA.get(`${auditOf(env.orgA.id)}?to=${at}&action=member.removed`);
    expect(before.body.data).toEqual([]);
    const bad = await adminA.get(`${auditOf(env.orgA.id)}?from=yesterday`);
    expect(expectProblem(bad, 400, "validation_failed").errors?.[0]?.field).toBe("query.from");
  });

  it("pages newest first with limit, without repeats or gaps", async () => {
    for (let i = 1; i < entries.length; i++) {
      expect((entries[i - 1] as AuditEntry).createdAt >= (entries[i] as AuditEntry).createdAt).toBe(true);
    }
    const first = await adminA.get(`${auditOf(env.orgA.id)}?limit=2`);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const paged = await walk<AuditEntry>(adminA, auditOf(env.orgA.id), 2);
    expect(paged.map((e) => e.id)).toEqual(entries.map((e) => e.id));
    expect(new Set(paged.map((e) => e.id)).size).toBe(paged.length);
    const rows = await env.t.db.ownerSql(
      "select count(*)::int as n from audit_log where organization_id = $1",
      [env.orgA.id],
    );
    expect(paged).toHaveLength(Number(rows[0]?.n));
  });

  it("is for administrators: a viewer or editor gets 403, another förbund 404", async () => {
    expectProblem(await viewerA.get(auditOf(env.orgA.id)), 403, "forbidden");
    expectProblem(await editorA.get(auditOf(env.orgA.id)), 403, "forbidden");
    expectProblem(await adminB.get(auditOf(env.orgA.id)), 404, "not_found");
    expect((await nnsAdmin.get(auditOf(env.orgA.id))).status).toBe(200);
  });
});

describe("who may manage whom", () => {
  it("keeps an org_admin of the NNS organization away from its nns_admins", async () => {
    const system = systemContext(env.deps, "test");
    const { userId } = await grantRole(system, {
      organizationSlug: "nns",
      email: "nns.kansli@test.se",
      name: "Kansli",
      password: PASSWORD,
      role: "org_admin",
    });
    const kansli = await signIn(env, "nns.kansli@test.se");
    expectProblem(
      await kansli.patch(`/v1/orgs/${env.nns.id}/members/${env.users.nnsAdmin.id}`, { role: "viewer" }),
      403,
      "forbidden",
    );
    expectProblem(
      await kansli.delete(`/v1/orgs/${env.nns.id}/members/${env.users.nnsAdmin.id}`),
      403,
      "forbidden",
    );
    expect(
      (await kansli.patch(`/v1/orgs/${env.nns.id}/members/${env.users.nnsViewer.id}`, { role: "editor" }))
        .status,
    ).toBe(200);
    expect(userId).toBeTruthy();
  });
});
