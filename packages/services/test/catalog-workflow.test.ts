import { describe, expect, it } from "vitest";
import {
  applyWorkflowAction,
  createIntervention,
  type InterventionView,
  type OrgContext,
  setSelfPublishing,
} from "../src/index.js";
import { sampleContent } from "../src/testing.js";
import { expectAudited, expectNotAudited, expectRefused, rowsOf } from "./audit.js";
import { type FreshTenant, freshTenant, nnsTenant, useServiceDatabase } from "./tenant.js";

const env = useServiceDatabase();
const WORKFLOW_TABLES = [
  "interventions",
  "intervention_versions",
  "catalog_entries",
  "catalog_self_publishing",
];

const interventionRow = (id: string) => ({ table: "interventions", where: { id } });

async function submitted(tenant: FreshTenant): Promise<InterventionView> {
  const draft = await createIntervention(tenant.editor, { content: sampleContent() });
  return applyWorkflowAction(tenant.editor, draft.id, "submit", {}, null);
}

/** NNS's editorial team, working in the förbund. */
async function editorialIn(tenant: FreshTenant): Promise<OrgContext> {
  return (await nnsTenant(env.deps)).coordinating(tenant.organization.id);
}

describe("submit and withdraw", () => {
  it("the editor submits, then withdraws: each step audited with the state it left and reached", async () => {
    const tenant = await freshTenant(env.deps);
    const draft = await createIntervention(tenant.editor, { content: sampleContent() });
    const sent = await applyWorkflowAction(tenant.editor, draft.id, "submit", {}, draft.version);
    expect(sent.state).toBe("submitted");
    await expectAudited(env.deps, {
      organizationId: tenant.organization.id,
      action: "intervention.submitted",
      entityType: "intervention",
      entityId: draft.id,
      actor: tenant.editor,
      before: { state: "draft" },
      after: { state: "submitted" },
      sameTransactionAs: interventionRow(draft.id),
    });
    await applyWorkflowAction(tenant.editor, draft.id, "withdraw", {}, sent.version);
    await expectAudited(env.deps, {
      organizationId: tenant.organization.id,
      action: "intervention.withdrawn",
      entityType: "intervention",
      entityId: draft.id,
      before: { state: "submitted" },
      after: { state: "draft" },
      sameTransactionAs: interventionRow(draft.id),
    });
  });

  it("a viewer may not submit; another förbund does not find the intervention; nothing is written", async () => {
    const a = await freshTenant(env.deps);
    const b = await freshTenant(env.deps);
    const draft = await createIntervention(a.editor, { content: sampleContent() });
    await expectRefused(
      env.deps,
      () => applyWorkflowAction(a.viewer, draft.id, "submit", {}, null),
      "forbidden",
      WORKFLOW_TABLES,
    );
    await expectRefused(
      env.deps,
      () => applyWorkflowAction(b.admin, draft.id, "submit", {}, null),
      "not_found",
      WORKFLOW_TABLES,
    );
  });
});

describe("publish", () => {
  it("NNS publishes: state, public entry, published revision, the author's email and the audit entry together", async () => {
    const tenant = await freshTenant(env.deps);
    const entry = await submitted(tenant);
    const nns = await editorialIn(tenant);
    const published = await applyWorkflowAction(nns, entry.id, "publish", {}, null);
    expect(published).toMatchObject({ state: "published", publishedRevision: 1 });
    await expectAudited(env.deps, {
      organizationId: tenant.organization.id,
      action: "intervention.published",
      entityType: "intervention",
      entityId: entry.id,
      actor: nns,
      before: { state: "submitted", publishedRevision: null },
      after: { state: "published", publishedRevision: 1 },
      sameTransactionAs: interventionRow(entry.id),
    });
    for (const row of [
      { table: "catalog_entries", where: { intervention_id: entry.id } },
      { table: "intervention_versions", where: { intervention_id: entry.id, revision: 1 } },
      {
        table: "emails",
        where: { to_address: tenant.people.editor.email, template: "intervention_published" },
      },
    ]) {
      await expectAudited(env.deps, {
        organizationId: tenant.organization.id,
        action: "intervention.published",
        entityType: "intervention",
        sameTransactionAs: row,
      });
    }
  });

  it("the förbund's editor and admin may not publish without self-publishing, and nothing is written", async () => {
    const tenant = await freshTenant(env.deps);
    const entry = await submitted(tenant);
    for (const ctx of [tenant.editor, tenant.admin]) {
      await expectRefused(
        env.deps,
        () => applyWorkflowAction(ctx, entry.id, "publish", {}, null),
        "forbidden",
        WORKFLOW_TABLES,
      );
    }
  });

  it("a draft that was never submitted cannot be published by NNS", async () => {
    const tenant = await freshTenant(env.deps);
    const draft = await createIntervention(tenant.editor, { content: sampleContent() });
    const nns = await editorialIn(tenant);
    await expectRefused(
      env.deps,
      () => applyWorkflowAction(nns, draft.id, "publish", {}, null),
      "conflict",
      WORKFLOW_TABLES,
    );
  });
});

describe("return", () => {
  it("NNS returns with a comment: the comment is stored, audited and sent to the author", async () => {
    const tenant = await freshTenant(env.deps);
    const entry = await submitted(tenant);
    const nns = await editorialIn(tenant);
    const returned = await applyWorkflowAction(
      nns,
      entry.id,
      "return",
      { comment: "  Förtydliga målen. " },
      null,
    );
    expect(returned).toMatchObject({ state: "returned", reviewComment: "Förtydliga målen." });
    await expectAudited(env.deps, {
      organizationId: tenant.organization.id,
      action: "intervention.returned",
      entityType: "intervention",
      entityId: entry.id,
      actor: nns,
      before: { state: "submitted" },
      after: { state: "returned", comment: "Förtydliga målen." },
      sameTransactionAs: interventionRow(entry.id),
    });
    await expectAudited(env.deps, {
      organizationId: tenant.organization.id,
      action: "intervention.returned",
      entityType: "intervention",
      sameTransactionAs: {
        table: "emails",
        where: { to_address: tenant.people.editor.email, template: "intervention_returned" },
      },
    });
  });

  it("returning without a comment is refused and nothing is written", async () => {
    const tenant = await freshTenant(env.deps);
    const entry = await submitted(tenant);
    const nns = await editorialIn(tenant);
    await expectRefused(
      env.deps,
      () => applyWorkflowAction(nns, entry.id, "return", { comment: "   " }, null),
      "validation_failed",
      WORKFLOW_TABLES,
    );
    await expectNotAudited(env.deps, {
      organizationId: tenant.organization.id,
      action: "intervention.returned",
    });
  });
});

describe("archive", () => {
  it("the owner archives a published intervention: the public entry goes in the same transaction", async () => {
    const tenant = await freshTenant(env.deps);
    const entry = await submitted(tenant);
    await applyWorkflowAction(await editorialIn(tenant), entry.id, "publish", {}, null);
    const archived = await applyWorkflowAction(tenant.editor, entry.id, "archive", {}, null);
    expect(archived.state).toBe("archived");
    expect(
      await rowsOf(env.deps, { table: "catalog_entries", where: { intervention_id: entry.id } }),
    ).toEqual([]);
    await expectAudited(env.deps, {
      organizationId: tenant.organization.id,
      action: "intervention.archived",
      entityType: "intervention",
      entityId: entry.id,
      actor: tenant.editor,
      before: { state: "published", publishedRevision: 1 },
      after: { state: "archived" },
      sameTransactionAs: interventionRow(entry.id),
    });
  });

  it("an archived intervention cannot be archived again", async () => {
    const tenant = await freshTenant(env.deps);
    const draft = await createIntervention(tenant.editor, { content: sampleContent() });
    await applyWorkflowAction(tenant.editor, draft.id, "archive", {}, null);
    await expectRefused(
      env.deps,
      () => applyWorkflowAction(tenant.editor, draft.id, "archive", {}, null),
      "conflict",
      WORKFLOW_TABLES,
    );
  });
});

describe("self-publishing", () => {
  it("NNS grants it: the grant is audited, and then the förbund's admin publishes a draft directly", async () => {
    const tenant = await freshTenant(env.deps);
    const nns = await editorialIn(tenant);
    expect(await setSelfPublishing(nns, true)).toEqual({ selfPublishing: true });
    await expectAudited(env.deps, {
      organizationId: tenant.organization.id,
      action: "catalog.self_publishing_granted",
      entityType: "organization",
      entityId: tenant.organization.id,
      actor: nns,
      before: { selfPublishing: false },
      after: { selfPublishing: true },
      sameTransactionAs: {
        table: "catalog_self_publishing",
        where: { organization_id: tenant.organization.id },
      },
    });
    const draft = await createIntervention(tenant.editor, { content: sampleContent() });
    await applyWorkflowAction(tenant.admin, draft.id, "publish", {}, null);
    await expectAudited(env.deps, {
      organizationId: tenant.organization.id,
      action: "intervention.published",
      entityType: "intervention",
      entityId: draft.id,
      actor: tenant.admin,
      before: { state: "draft" },
      sameTransactionAs: { table: "catalog_entries", where: { intervention_id: draft.id } },
    });
    // Self-publishing is the admin's; the editor still cannot publish.
    const other = await createIntervention(tenant.editor, { content: sampleContent() });
    await expectRefused(
      env.deps,
      () => applyWorkflowAction(tenant.editor, other.id, "publish", {}, null),
      "forbidden",
      WORKFLOW_TABLES,
    );
  });

  it("withdrawing it is audited; granting what is already granted writes nothing", async () => {
    const tenant = await freshTenant(env.deps);
    const nns = await editorialIn(tenant);
    await setSelfPublishing(nns, true);
    await setSelfPublishing(nns, true);
    await setSelfPublishing(nns, false);
    await expectAudited(env.deps, {
      organizationId: tenant.organization.id,
      action: "catalog.self_publishing_granted",
      entityType: "organization",
    });
    await expectAudited(env.deps, {
      organizationId: tenant.organization.id,
      action: "catalog.self_publishing_withdrawn",
      entityType: "organization",
      entityId: tenant.organization.id,
      actor: nns,
      before: { selfPublishing: true },
      after: { selfPublishing: false },
    });
    expect(
      await rowsOf(env.deps, {
        table: "catalog_self_publishing",
        where: { organization_id: tenant.organization.id },
      }),
    ).toEqual([]);
  });

  it("a förbund may not grant it to itself", async () => {
    const tenant = await freshTenant(env.deps);
    await expectRefused(env.deps, () => setSelfPublishing(tenant.admin, true), "forbidden", WORKFLOW_TABLES);
  });
});
