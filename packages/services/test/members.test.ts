import { describe, expect, it } from "vitest";
import { changeMemberRole, enterOrganization, removeMember, systemContext } from "../src/index.js";
import { expectAudited, expectRefused, rowsOf } from "./audit.js";
import { addPerson, freshTenant, nnsTenant, useServiceDatabase } from "./tenant.js";

const env = useServiceDatabase();

const membership = (organizationId: string, userId: string) => ({
  table: "memberships",
  where: { organization_id: organizationId, user_id: userId },
});

describe("changeMemberRole", () => {
  it("the förbund's admin changes a role: the membership and the audit entry in one transaction", async () => {
    const { organization, admin, people } = await freshTenant(env.deps);
    const changed = await changeMemberRole(admin, people.viewer.userId, "editor", null);
    expect(changed.role).toBe("editor");
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "member.role_changed",
      entityType: "membership",
      entityId: people.viewer.userId,
      actor: admin,
      before: { role: "viewer", version: 1 },
      after: { role: "editor", version: 2 },
      sameTransactionAs: membership(organization.id, people.viewer.userId),
    });
  });

  it("an NNS admin coordinating the förbund may bring in its administrators", async () => {
    const { organization, people } = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    const ctx = await nns.coordinating(organization.id);
    await changeMemberRole(ctx, people.editor.userId, "org_admin", null);
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "member.role_changed",
      entityType: "membership",
      entityId: people.editor.userId,
      actor: ctx,
      after: { role: "org_admin" },
      sameTransactionAs: membership(organization.id, people.editor.userId),
    });
  });

  it("an editor or viewer may not change roles, and nothing is written", async () => {
    const { editor, viewer, people } = await freshTenant(env.deps);
    for (const ctx of [editor, viewer]) {
      await expectRefused(
        env.deps,
        () => changeMemberRole(ctx, people.viewer.userId, "org_admin", null),
        "forbidden",
        ["memberships"],
      );
    }
  });

  it("another förbund's admin does not find the member, and nothing is written", async () => {
    const a = await freshTenant(env.deps);
    const b = await freshTenant(env.deps);
    await expectRefused(
      env.deps,
      () => changeMemberRole(b.admin, a.people.viewer.userId, "org_admin", null),
      "not_found",
      ["memberships"],
    );
  });

  it("a förbund cannot hand out NNS roles", async () => {
    const { admin, people } = await freshTenant(env.deps);
    await expectRefused(
      env.deps,
      () => changeMemberRole(admin, people.viewer.userId, "nns_admin", null),
      "validation_failed",
      ["memberships"],
    );
  });

  it("a stale version is refused and nothing changes", async () => {
    const { admin, people } = await freshTenant(env.deps);
    await expectRefused(
      env.deps,
      () => changeMemberRole(admin, people.viewer.userId, "editor", 7),
      "precondition_failed",
      ["memberships"],
    );
  });

  it("the last administrator cannot step down, and nothing is written", async () => {
    const { admin, people } = await freshTenant(env.deps);
    await expectRefused(
      env.deps,
      () => changeMemberRole(admin, people.admin.userId, "viewer", null),
      "conflict",
      ["memberships"],
    );
  });

  it("with a second administrator, the first may step down", async () => {
    const { organization, admin, people } = await freshTenant(env.deps);
    await addPerson(env.deps, organization, "org_admin", "second-admin");
    await changeMemberRole(admin, people.admin.userId, "viewer", null);
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "member.role_changed",
      entityType: "membership",
      entityId: people.admin.userId,
      before: { role: "org_admin" },
      after: { role: "viewer" },
      sameTransactionAs: membership(organization.id, people.admin.userId),
    });
  });

  it("giving the role a member already has writes nothing", async () => {
    const { admin, people } = await freshTenant(env.deps);
    const same = await changeMemberRole(admin, people.editor.userId, "editor", null);
    expect(same.version).toBe(1);
    const [row] = await rowsOf(env.deps, membership(admin.organization.id, people.editor.userId));
    expect(row?.version).toBe(1);
  });
});

describe("removeMember", () => {
  it("the admin removes a member: the membership goes and the entry records who it was", async () => {
    const { organization, admin, people } = await freshTenant(env.deps);
    await removeMember(admin, people.editor.userId);
    expect(await rowsOf(env.deps, membership(organization.id, people.editor.userId))).toEqual([]);
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "member.removed",
      entityType: "membership",
      entityId: people.editor.userId,
      actor: admin,
      before: { userId: people.editor.userId, email: people.editor.email, role: "editor" },
      after: null,
    });
    // The person's account stays; only the membership went.
    expect(await rowsOf(env.deps, { table: "users", where: { id: people.editor.userId } })).toHaveLength(1);
  });

  it("a viewer may not remove anyone, and nothing is written", async () => {
    const { viewer, people } = await freshTenant(env.deps);
    await expectRefused(env.deps, () => removeMember(viewer, people.editor.userId), "forbidden", [
      "memberships",
    ]);
  });

  it("another förbund's admin does not find the member", async () => {
    const a = await freshTenant(env.deps);
    const b = await freshTenant(env.deps);
    await expectRefused(env.deps, () => removeMember(b.admin, a.people.editor.userId), "not_found", [
      "memberships",
    ]);
  });

  it("the last administrator cannot be removed, even by operations", async () => {
    const { organization, people } = await freshTenant(env.deps);
    const operations = await enterOrganization(systemContext(env.deps, "test"), organization.id);
    await expectRefused(env.deps, () => removeMember(operations, people.admin.userId), "conflict", [
      "memberships",
    ]);
  });

  it("one administrator may remove another while one remains", async () => {
    const { organization, admin } = await freshTenant(env.deps);
    const second = await addPerson(env.deps, organization, "org_admin", "second-admin");
    await removeMember(admin, second.userId);
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "member.removed",
      entityType: "membership",
      entityId: second.userId,
      actor: admin,
      before: { role: "org_admin" },
    });
    expect(await rowsOf(env.deps, membership(organization.id, second.userId))).toEqual([]);
  });
});
