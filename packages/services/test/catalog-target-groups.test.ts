import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createIntervention, saveTargetGroup } from "../src/index.js";
import { sampleContent } from "../src/testing.js";
import { expectAudited, expectRefused, rowsOf } from "./audit.js";
import { addPerson, contextFor, freshTenant, nnsTenant, useServiceDatabase } from "./tenant.js";

const env = useServiceDatabase();
const newCode = () => `test_group_${randomBytes(4).toString("hex")}`;
const groupRow = (code: string) => ({ table: "catalog_target_groups", where: { code } });

describe("saveTargetGroup", () => {
  it("an NNS admin adds a group, audited in the NNS organization with the vocabulary row", async () => {
    const nns = await nnsTenant(env.deps);
    const code = newCode();
    const saved = await saveTargetGroup(nns.admin, { code, labelSv: "Unga vuxna", retired: false });
    expect(saved).toEqual({ code, labelSv: "Unga vuxna", retired: false });
    await expectAudited(env.deps, {
      organizationId: nns.organization.id,
      action: "catalog.target_group_added",
      entityType: "catalog_target_group",
      entityId: code,
      actor: nns.admin,
      before: null,
      after: { code, labelSv: "Unga vuxna", retired: false },
      sameTransactionAs: groupRow(code),
    });
    // The new group is offered for content at once.
    const { editor } = await freshTenant(env.deps);
    await createIntervention(editor, { content: sampleContent({ targetGroups: [code] }) });
  });

  it("renaming and retiring are audited as changes with before and after; a retired group is refused for content", async () => {
    const nns = await nnsTenant(env.deps);
    const code = newCode();
    await saveTargetGroup(nns.admin, { code, labelSv: "Före", retired: false });
    await saveTargetGroup(nns.admin, { code, labelSv: "Efter", retired: true });
    await expectAudited(env.deps, {
      organizationId: nns.organization.id,
      action: "catalog.target_group_changed",
      entityType: "catalog_target_group",
      entityId: code,
      actor: nns.admin,
      before: { labelSv: "Före", retired: false },
      after: { labelSv: "Efter", retired: true },
      sameTransactionAs: groupRow(code),
    });
    const { editor } = await freshTenant(env.deps);
    await expectRefused(
      env.deps,
      () => createIntervention(editor, { content: sampleContent({ targetGroups: [code] }) }),
      "validation_failed",
      ["interventions"],
    );
  });

  it("a förbund's admin, an NNS viewer and operations may not change the vocabulary, and nothing is written", async () => {
    const nns = await nnsTenant(env.deps);
    const { admin, system } = await freshTenant(env.deps);
    const nnsViewer = await contextFor(
      env.deps,
      await addPerson(env.deps, nns.organization, "viewer", "nns-viewer"),
      nns.organization.id,
    );
    const code = newCode();
    for (const ctx of [admin, nnsViewer, system]) {
      await expectRefused(
        env.deps,
        () => saveTargetGroup(ctx, { code, labelSv: "Obehörig", retired: false }),
        "forbidden",
        ["catalog_target_groups"],
      );
    }
    expect(await rowsOf(env.deps, groupRow(code))).toEqual([]);
  });
});
