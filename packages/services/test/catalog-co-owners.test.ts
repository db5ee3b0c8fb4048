import { describe, expect, it } from "vitest";
import {
  acceptCoOwnership,
  applyWorkflowAction,
  createIntervention,
  inviteCoOwner,
  removeCoOwner,
  updateIntervention,
} from "../src/index.js";
import { sampleContent } from "../src/testing.js";
import { expectAudited, expectRefused, rowsOf } from "./audit.js";
import { freshTenant, nnsTenant, useServiceDatabase } from "./tenant.js";

const env = useServiceDatabase();
const SHARE_TABLES = ["resource_shares", "interventions", "catalog_entries"];

const share = (interventionId: string, organizationId: string) => ({
  table: "resource_shares",
  where: { resource_type: "intervention", resource_id: interventionId, organization_id: organizationId },
});

describe("co-ownership", () => {
  it("the owner invites, the other förbund accepts: each step audited in its own förbund with the share", async () => {
    const owner = await freshTenant(env.deps);
    const partner = await freshTenant(env.deps);
    const entry = await createIntervention(owner.editor, { content: sampleContent() });
    const invited = await inviteCoOwner(owner.editor, entry.id, partner.organization.id);
    expect(invited).toMatchObject({ organizationId: partner.organization.id, acceptedAt: null });
    await expectAudited(env.deps, {
      organizationId: owner.organization.id,
      action: "intervention.co_owner_invited",
      entityType: "intervention",
      entityId: entry.id,
      actor: owner.editor,
      after: { organizationId: partner.organization.id },
      sameTransactionAs: share(entry.id, partner.organization.id),
    });
    const accepted = await acceptCoOwnership(partner.editor, entry.id);
    expect(accepted.acceptedAt).not.toBeNull();
    await expectAudited(env.deps, {
      organizationId: partner.organization.id,
      action: "intervention.co_ownership_accepted",
      entityType: "intervention",
      entityId: entry.id,
      actor: partner.editor,
      after: { ownerOrganizationId: owner.organization.id },
      sameTransactionAs: share(entry.id, partner.organization.id),
    });
    // From now on the co-owner edits, and its edit is audited in its own log.
    await updateIntervention(
      partner.editor,
      entry.id,
      { content: sampleContent({ title: "Gemensam" }) },
      null,
    );
    await expectAudited(env.deps, {
      organizationId: partner.organization.id,
      action: "intervention.edited",
      entityType: "intervention",
      entityId: entry.id,
      actor: partner.editor,
      sameTransactionAs: { table: "interventions", where: { id: entry.id } },
    });
  });

  it("a co-owner may neither invite others nor archive, and nothing is written", async () => {
    const owner = await freshTenant(env.deps);
    const partner = await freshTenant(env.deps);
    const third = await freshTenant(env.deps);
    const entry = await createIntervention(owner.editor, { content: sampleContent() });
    await inviteCoOwner(owner.editor, entry.id, partner.organization.id);
    await acceptCoOwnership(partner.editor, entry.id);
    await expectRefused(
      env.deps,
      () => inviteCoOwner(partner.admin, entry.id, third.organization.id),
      "forbidden",
      SHARE_TABLES,
    );
    await expectRefused(
      env.deps,
      () => applyWorkflowAction(partner.admin, entry.id, "archive", {}, null),
      "forbidden",
      SHARE_TABLES,
    );
  });

  it("a viewer may not invite; NNS and the owner itself cannot be invited; a stranger finds nothing", async () => {
    const owner = await freshTenant(env.deps);
    const stranger = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    const entry = await createIntervention(owner.editor, { content: sampleContent() });
    await expectRefused(
      env.deps,
      () => inviteCoOwner(owner.viewer, entry.id, stranger.organization.id),
      "forbidden",
      SHARE_TABLES,
    );
    for (const target of [nns.organization.id, owner.organization.id]) {
      await expectRefused(
        env.deps,
        () => inviteCoOwner(owner.editor, entry.id, target),
        "validation_failed",
        SHARE_TABLES,
      );
    }
    await expectRefused(
      env.deps,
      () => inviteCoOwner(stranger.editor, entry.id, stranger.organization.id),
      "not_found",
      SHARE_TABLES,
    );
  });

  it("accepting without an invitation is refused and writes nothing", async () => {
    const owner = await freshTenant(env.deps);
    const stranger = await freshTenant(env.deps);
    const entry = await createIntervention(owner.editor, { content: sampleContent() });
    await expectRefused(
      env.deps,
      () => acceptCoOwnership(stranger.editor, entry.id),
      "not_found",
      SHARE_TABLES,
    );
  });

  it("the owner removes a co-owner: the share is revoked, not deleted, and the removal audited", async () => {
    const owner = await freshTenant(env.deps);
    const partner = await freshTenant(env.deps);
    const entry = await createIntervention(owner.editor, { content: sampleContent() });
    await inviteCoOwner(owner.editor, entry.id, partner.organization.id);
    await acceptCoOwnership(partner.editor, entry.id);
    await removeCoOwner(owner.admin, entry.id, partner.organization.id);
    const [row] = await rowsOf(env.deps, share(entry.id, partner.organization.id));
    expect(row?.revoked_at).not.toBeNull();
    await expectAudited(env.deps, {
      organizationId: owner.organization.id,
      action: "intervention.co_owner_removed",
      entityType: "intervention",
      entityId: entry.id,
      actor: owner.admin,
      before: { organizationId: partner.organization.id },
      sameTransactionAs: share(entry.id, partner.organization.id),
    });
    // Without its share the former co-owner no longer finds the intervention.
    await expectRefused(
      env.deps,
      () => updateIntervention(partner.editor, entry.id, { content: sampleContent() }, null),
      "not_found",
      SHARE_TABLES,
    );
  });

  it("a co-owner leaves of its own accord, audited in its own log; it may not remove others", async () => {
    const owner = await freshTenant(env.deps);
    const partner = await freshTenant(env.deps);
    const other = await freshTenant(env.deps);
    const entry = await createIntervention(owner.editor, { content: sampleContent() });
    for (const tenant of [partner, other]) {
      await inviteCoOwner(owner.editor, entry.id, tenant.organization.id);
      await acceptCoOwnership(tenant.editor, entry.id);
    }
    await expectRefused(
      env.deps,
      () => removeCoOwner(partner.editor, entry.id, other.organization.id),
      "forbidden",
      SHARE_TABLES,
    );
    await removeCoOwner(partner.editor, entry.id, partner.organization.id);
    await expectAudited(env.deps, {
      organizationId: partner.organization.id,
      action: "intervention.co_ownership_left",
      entityType: "intervention",
      entityId: entry.id,
      actor: partner.editor,
      sameTransactionAs: share(entry.id, partner.organization.id),
    });
  });
});
