import { AppError, isValidOrganizationNumber } from "@nns/domain";
import { describe, expect, it } from "vitest";
import { changeMemberRole, enterOrganization } from "../src/index.js";
import { auditEntries, expectAudited, expectNotAudited, expectRefused } from "./audit.js";
import {
  contextFor,
  freshTenant,
  nnsTenant,
  uniqueOrganizationNumber,
  useServiceDatabase,
} from "./tenant.js";

/** The fixtures and assertions the other service tests stand on: if these are wrong, so are they. */
const env = useServiceDatabase();

describe("freshTenant", () => {
  it("creates a förbund of its own per call, with an admin, an editor and a viewer", async () => {
    const a = await freshTenant(env.deps);
    const b = await freshTenant(env.deps);
    expect(a.organization.kind).toBe("forbund");
    expect(a.organization.id).not.toBe(b.organization.id);
    expect(a.organization.slug).not.toBe(b.organization.slug);
    expect(a.organization.name).not.toBe(b.organization.name);
    expect(a.organization.organizationNumber).not.toBe(b.organization.organizationNumber);
    expect(a.organization.memberParties.map((p) => p.kind).sort()).toEqual(["af", "fk", "kommun", "region"]);
    expect([a.admin.access, a.editor.access, a.viewer.access, a.system.access]).toEqual([
      "org_admin",
      "editor",
      "viewer",
      "system",
    ]);
    expect(a.admin.organization.id).toBe(a.organization.id);
    expect(a.viewer.permissions.has("members:manage")).toBe(false);
    expect(a.admin.requestId).not.toBe(a.editor.requestId);
  });

  it("keeps förbund apart: a person of one is not let into another", async () => {
    const a = await freshTenant(env.deps);
    const b = await freshTenant(env.deps);
    await expect(contextFor(env.deps, b.people.admin, a.organization.id)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("records the förbund's creation in its own audit log, with the organization row", async () => {
    const { organization, system } = await freshTenant(env.deps);
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "organization.created",
      entityType: "organization",
      entityId: organization.id,
      after: { id: organization.id, slug: organization.slug },
      sameTransactionAs: { table: "organizations", where: { id: organization.id } },
    });
    expect(system.organization.id).toBe(organization.id);
  });

  it("hands out valid, distinct organisationsnummer", () => {
    const numbers = Array.from({ length: 50 }, uniqueOrganizationNumber);
    expect(new Set(numbers).size).toBe(50);
    for (const n of numbers) expect(isValidOrganizationNumber(n), n).toBe(true);
  });
});

describe("nnsTenant", () => {
  it("reuses the one NNS organization and gives each call a new NNS admin", async () => {
    const first = await nnsTenant(env.deps);
    const second = await nnsTenant(env.deps);
    expect(first.organization.id).toBe(second.organization.id);
    expect(first.organization.kind).toBe("nns");
    expect(first.person.userId).not.toBe(second.person.userId);
    expect(first.admin.access).toBe("nns_admin");
    const { organization } = await freshTenant(env.deps);
    expect((await first.coordinating(organization.id)).access).toBe("nns_admin_elsewhere");
  });
});

describe("the audit assertions", () => {
  it("expectAudited fails when the entry is missing, and names what the organization has", async () => {
    const { organization } = await freshTenant(env.deps);
    await expect(
      expectAudited(env.deps, {
        organizationId: organization.id,
        action: "organization.updated",
        entityType: "organization",
      }),
    ).rejects.toThrow(/organization\.created/);
  });

  it("expectAudited fails on the wrong actor, the wrong after or another transaction's row", async () => {
    const { organization, admin, people } = await freshTenant(env.deps);
    const created = {
      organizationId: organization.id,
      action: "organization.created",
      entityType: "organization",
      entityId: organization.id,
    };
    await expect(expectAudited(env.deps, { ...created, actor: admin })).rejects.toThrow(/actor/);
    await expect(expectAudited(env.deps, { ...created, after: { slug: "other" } })).rejects.toThrow();
    // The admin's membership was granted in a later transaction than the organization's creation.
    await expect(
      expectAudited(env.deps, {
        ...created,
        sameTransactionAs: {
          table: "memberships",
          where: { organization_id: organization.id, user_id: people.admin.userId },
        },
      }),
    ).rejects.toThrow(/transaction/);
  });

  it("expectNotAudited fails when an entry matches", async () => {
    const { organization } = await freshTenant(env.deps);
    await expect(
      expectNotAudited(env.deps, { organizationId: organization.id, action: "organization.created" }),
    ).rejects.toThrow();
    await expectNotAudited(env.deps, { organizationId: organization.id, action: "organization.updated" });
  });

  it("expectRefused fails when the call succeeds, fails otherwise, or writes anything", async () => {
    const { organization, admin, people } = await freshTenant(env.deps);
    const entries = (await auditEntries(env.deps, { organizationId: organization.id })).length;
    await expect(expectRefused(env.deps, async () => "fine", "forbidden")).rejects.toThrow(/returned/);
    await expect(
      expectRefused(
        env.deps,
        async () => {
          throw new AppError("conflict");
        },
        "forbidden",
      ),
    ).rejects.toThrow();
    // A call that writes and then fails: the watched table and the audit log changed.
    await expect(
      expectRefused(
        env.deps,
        async () => {
          await changeMemberRole(admin, people.editor.userId, "viewer", null);
          throw new AppError("forbidden");
        },
        "forbidden",
        ["memberships"],
      ),
    ).rejects.toThrow(/unchanged/);
    expect(await auditEntries(env.deps, { organizationId: organization.id })).toHaveLength(entries + 1);
  });

  it("expectRefused passes for a refusal that wrote nothing", async () => {
    const { organization, viewer } = await freshTenant(env.deps);
    const entries = await auditEntries(env.deps, { organizationId: organization.id });
    const error = await expectRefused(
      env.deps,
      () => enterOrganization(viewer, crypto.randomUUID()),
      "not_found",
    );
    expect(error.message).toMatch(/organization/);
    expect(await auditEntries(env.deps, { organizationId: organization.id })).toEqual(entries);
  });
});
