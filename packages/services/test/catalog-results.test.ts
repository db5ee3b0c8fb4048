import { describe, expect, it } from "vitest";
import { applyWorkflowAction, createIntervention, recordResults } from "../src/index.js";
import { RESAM_RESULTS, sampleContent } from "../src/testing.js";
import { auditEntries, expectAudited, expectRefused, rowsOf, rowTransactionId } from "./audit.js";
import { freshTenant, nnsTenant, useServiceDatabase } from "./tenant.js";

const env = useServiceDatabase();
const RESULT_TABLES = ["intervention_results", "catalog_entries"];

const resultRow = (interventionId: string) => ({
  table: "intervention_results",
  where: { intervention_id: interventionId, period_start: RESAM_RESULTS.periodStart },
});

describe("recordResults", () => {
  it("the editor records a period: the result row and the audit entry in one transaction", async () => {
    const { organization, editor } = await freshTenant(env.deps);
    const entry = await createIntervention(editor, { content: sampleContent() });
    const result = await recordResults(editor, entry.id, RESAM_RESULTS);
    expect(result).toMatchObject({ periodStart: RESAM_RESULTS.periodStart, participants: { total: 103 } });
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "intervention.results_recorded",
      entityType: "intervention",
      entityId: entry.id,
      actor: editor,
      after: { periodStart: RESAM_RESULTS.periodStart, participantsWomen: 56, participantsMen: 47 },
      sameTransactionAs: resultRow(entry.id),
    });
  });

  it("correcting a period updates the row and audits the correction; a published entry shows it at once", async () => {
    const tenant = await freshTenant(env.deps);
    const draft = await createIntervention(tenant.editor, { content: sampleContent() });
    await applyWorkflowAction(tenant.editor, draft.id, "submit", {}, null);
    const nns = await nnsTenant(env.deps);
    await applyWorkflowAction(await nns.coordinating(tenant.organization.id), draft.id, "publish", {}, null);
    await recordResults(tenant.editor, draft.id, RESAM_RESULTS);
    await recordResults(tenant.editor, draft.id, { ...RESAM_RESULTS, participantsOther: 2 });
    expect(await rowsOf(env.deps, resultRow(draft.id))).toEqual([
      expect.objectContaining({ participants_other: 2 }),
    ]);
    const audited = { organizationId: tenant.organization.id, action: "intervention.results_recorded" };
    const [first, second] = await auditEntries(env.deps, audited);
    expect(first?.after).toMatchObject({ participantsOther: 0 });
    expect(second?.after).toMatchObject({ participantsOther: 2 });
    // The public entry was refreshed in the correcting transaction.
    expect(
      await rowTransactionId(env.deps, { table: "catalog_entries", where: { intervention_id: draft.id } }),
    ).toBe(second?.transactionId);
  });

  it("a viewer may not record; another förbund does not find the intervention; nothing is written", async () => {
    const a = await freshTenant(env.deps);
    const b = await freshTenant(env.deps);
    const entry = await createIntervention(a.editor, { content: sampleContent() });
    await expectRefused(
      env.deps,
      () => recordResults(a.viewer, entry.id, RESAM_RESULTS),
      "forbidden",
      RESULT_TABLES,
    );
    await expectRefused(
      env.deps,
      () => recordResults(b.admin, entry.id, RESAM_RESULTS),
      "not_found",
      RESULT_TABLES,
    );
  });

  it("a period that ends before it starts, or an unknown outcome, is refused and nothing is written", async () => {
    const { editor } = await freshTenant(env.deps);
    const entry = await createIntervention(editor, { content: sampleContent() });
    for (const input of [
      { ...RESAM_RESULTS, periodEnd: "2006-01-01" },
      { ...RESAM_RESULTS, outcomes: { ...RESAM_RESULTS.outcomes, astrology: 1 } },
    ]) {
      await expectRefused(
        env.deps,
        () => recordResults(editor, entry.id, input),
        "validation_failed",
        RESULT_TABLES,
      );
    }
  });
});
