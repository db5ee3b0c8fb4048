import type { InterventionContent } from "@nns/domain";
import { describe, expect, it } from "vitest";
import { createIntervention, importInterventions, updateIntervention } from "../src/index.js";
import { sampleContent } from "../src/testing.js";
import { auditEntries, expectAudited, expectRefused, rowsOf } from "./audit.js";
import { freshTenant, nnsTenant, useServiceDatabase } from "./tenant.js";

const env = useServiceDatabase();
const INTERVENTION_TABLES = ["interventions", "intervention_versions"];

const version = (interventionId: string, revision: number) => ({
  table: "intervention_versions",
  where: { intervention_id: interventionId, revision },
});

describe("createIntervention", () => {
  it("an editor creates a draft: the row, its first revision and the audit entry in one transaction", async () => {
    const { organization, editor, people } = await freshTenant(env.deps);
    const created = await createIntervention(editor, { content: sampleContent({ title: "Steget vidare" }) });
    expect(created).toMatchObject({ state: "draft", revision: 1, organizationId: organization.id });
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "intervention.created",
      entityType: "intervention",
      entityId: created.id,
      actor: editor,
      after: { state: "draft", revision: 1, title: "Steget vidare" },
      sameTransactionAs: { table: "interventions", where: { id: created.id } },
    });
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "intervention.created",
      entityType: "intervention",
      entityId: created.id,
      sameTransactionAs: version(created.id, 1),
    });
    const [revision] = await rowsOf(env.deps, version(created.id, 1));
    expect(revision).toMatchObject({
      author_user_id: people.editor.userId,
      author_label: people.editor.email,
    });
  });

  it("a viewer may not create, and nothing is written", async () => {
    const { viewer } = await freshTenant(env.deps);
    await expectRefused(
      env.deps,
      () => createIntervention(viewer, { content: sampleContent() }),
      "forbidden",
      [...INTERVENTION_TABLES],
    );
  });

  it("content outside the national vocabularies is refused and nothing is written", async () => {
    const { editor } = await freshTenant(env.deps);
    // As the CSV import hands it over: not yet checked against the vocabularies.
    const focusArea = "astrology" as InterventionContent["focusArea"];
    await expectRefused(
      env.deps,
      () => createIntervention(editor, { content: sampleContent({ focusArea }) }),
      "validation_failed",
      INTERVENTION_TABLES,
    );
  });

  it("another förbund's intervention cannot be the parent", async () => {
    const a = await freshTenant(env.deps);
    const b = await freshTenant(env.deps);
    const theirs = await createIntervention(b.editor, { content: sampleContent() });
    await expectRefused(
      env.deps,
      () => createIntervention(a.editor, { parentId: theirs.id, content: sampleContent() }),
      "validation_failed",
      INTERVENTION_TABLES,
    );
  });
});

describe("updateIntervention", () => {
  it("an edit is the next revision, audited with the fields that changed", async () => {
    const { organization, editor } = await freshTenant(env.deps);
    const created = await createIntervention(editor, { content: sampleContent({ title: "Före" }) });
    const updated = await updateIntervention(
      editor,
      created.id,
      { content: sampleContent({ title: "Efter" }) },
      created.version,
    );
    expect(updated).toMatchObject({ revision: 2, version: created.version + 1 });
    const entry = await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "intervention.edited",
      entityType: "intervention",
      entityId: created.id,
      actor: editor,
      before: { state: "draft", revision: 1 },
      after: { state: "draft", revision: 2 },
      sameTransactionAs: { table: "interventions", where: { id: created.id } },
    });
    expect(entry.after).toMatchObject({
      changes: [expect.objectContaining({ field: "title", before: "Före", after: "Efter" })],
    });
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "intervention.edited",
      entityType: "intervention",
      sameTransactionAs: version(created.id, 2),
    });
  });

  it("a viewer may not edit; another förbund does not find the intervention; nothing is written", async () => {
    const a = await freshTenant(env.deps);
    const b = await freshTenant(env.deps);
    const created = await createIntervention(a.editor, { content: sampleContent() });
    await expectRefused(
      env.deps,
      () => updateIntervention(a.viewer, created.id, { content: sampleContent({ title: "X" }) }, null),
      "forbidden",
      INTERVENTION_TABLES,
    );
    await expectRefused(
      env.deps,
      () => updateIntervention(b.admin, created.id, { content: sampleContent({ title: "X" }) }, null),
      "not_found",
      INTERVENTION_TABLES,
    );
  });

  it("a stale version or a self-parent is refused and nothing is written", async () => {
    const { editor } = await freshTenant(env.deps);
    const created = await createIntervention(editor, { content: sampleContent() });
    await expectRefused(
      env.deps,
      () => updateIntervention(editor, created.id, { content: sampleContent() }, created.version + 1),
      "precondition_failed",
      INTERVENTION_TABLES,
    );
    await expectRefused(
      env.deps,
      () => updateIntervention(editor, created.id, { parentId: created.id, content: sampleContent() }, null),
      "validation_failed",
      INTERVENTION_TABLES,
    );
  });
});

describe("importInterventions", () => {
  const header = "title,summary,orientation,focusArea,status,targetGroups,municipalityCodes";

  it("imports every row as a draft, each audited as created, plus one entry for the import", async () => {
    const { organization, editor } = await freshTenant(env.deps);
    const csv = [
      header,
      "Första,En sammanfattning,individual,vocational_rehabilitation,ongoing,long_term_sick,1380",
      "Andra,En annan,individual,vocational_rehabilitation,planned,,",
    ].join("\n");
    const { ids } = await importInterventions(editor, csv);
    expect(ids).toHaveLength(2);
    const entry = await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "intervention.imported",
      entityType: "intervention",
      entityId: null,
      actor: editor,
      after: { count: 2, ids },
    });
    for (const id of ids) {
      const created = await expectAudited(env.deps, {
        organizationId: organization.id,
        action: "intervention.created",
        entityType: "intervention",
        entityId: id,
        actor: editor,
      });
      // Each row is written in a savepoint of the import's transaction: the same moment, the same commit.
      expect(created.createdAt).toEqual(entry.createdAt);
      expect(await rowsOf(env.deps, { table: "interventions", where: { id } })).toHaveLength(1);
    }
  });

  it("NNS imports its national entries like a förbund, owned by NNS", async () => {
    const nns = await nnsTenant(env.deps);
    const csv = [header, "Nationellt,En sammanfattning,structural,collaboration_structures,ongoing,,"].join(
      "\n",
    );
    const { ids } = await importInterventions(nns.admin, csv);
    const rows = await rowsOf(env.deps, { table: "interventions", where: { id: ids[0] } });
    expect(rows.map((r) => r.organization_id)).toEqual([nns.organization.id]);
  });

  it("one bad row imports nothing: no intervention, no audit entry", async () => {
    const { organization, editor } = await freshTenant(env.deps);
    const before = await auditEntries(env.deps, { organizationId: organization.id });
    const csv = [
      header,
      "Bra,En sammanfattning,individual,vocational_rehabilitation,ongoing,,",
      "Dålig,En sammanfattning,individual,astrology,ongoing,,",
    ].join("\n");
    const error = await expectRefused(
      env.deps,
      () => importInterventions(editor, csv),
      "validation_failed",
      INTERVENTION_TABLES,
    );
    expect(error.errors?.map((e) => e.field)).toEqual(["csv.row3.focusArea"]);
    expect(await auditEntries(env.deps, { organizationId: organization.id })).toEqual(before);
  });

  it("a viewer may not import", async () => {
    const { viewer } = await freshTenant(env.deps);
    await expectRefused(
      env.deps,
      () => importInterventions(viewer, `${header}\nA,B,individual,vocational_rehabilitation,ongoing,,`),
      "forbidden",
      INTERVENTION_TABLES,
    );
  });
});
