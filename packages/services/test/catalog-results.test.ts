import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  applyWorkflowAction,
  catalogCsv,
  createIntervention,
  exportCatalog,
  getCatalogEntry,
  listResults,
  listResultsQueue,
  publishResults,
  recordResults,
  setSelfPublishing,
} from "../src/index.js";
import { RESAM_INTERIM_RESULTS, RESAM_RESULTS, sampleContent } from "../src/testing.js";
import { auditEntries, expectAudited, expectRefused, rowsOf } from "./audit.js";
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

  it("an editor's correction waits for NNS: the public keeps the published figures until NNS publishes it", async () => {
    const tenant = await freshTenant(env.deps);
    const draft = await createIntervention(tenant.editor, { content: sampleContent() });
    await applyWorkflowAction(tenant.editor, draft.id, "submit", {}, null);
    const nns = await (await nnsTenant(env.deps)).coordinating(tenant.organization.id);
    await applyWorkflowAction(nns, draft.id, "publish", {}, null);
    const first = await recordResults(tenant.editor, draft.id, RESAM_RESULTS);
    expect(first.state).toBe("submitted");
    expect((await getCatalogEntry(env.deps, draft.id)).results).toEqual([]);
    await publishResults(nns, draft.id, first.id);
    await expectAudited(env.deps, {
      organizationId: tenant.organization.id,
      action: "intervention.results_published",
      entityType: "intervention",
      entityId: draft.id,
      actor: nns,
      after: { resultId: first.id, state: "published" },
      sameTransactionAs: { table: "catalog_entries", where: { intervention_id: draft.id } },
    });
    await recordResults(tenant.editor, draft.id, { ...RESAM_RESULTS, participantsOther: 2 });
    expect(await rowsOf(env.deps, resultRow(draft.id))).toEqual([
      expect.objectContaining({ participants_other: 2, state: "submitted" }),
    ]);
    const audited = { organizationId: tenant.organization.id, action: "intervention.results_recorded" };
    const [recorded, corrected] = await auditEntries(env.deps, audited);
    expect(recorded?.after).toMatchObject({ participantsOther: 0, state: "submitted" });
    expect(corrected?.after).toMatchObject({ participantsOther: 2, state: "submitted" });
    // The public entry still shows the figures NNS published, not the correction waiting for review.
    const shown = () =>
      getCatalogEntry(env.deps, draft.id).then((e) => e.results as { participants: { total: number } }[]);
    expect((await shown()).map((r) => r.participants.total)).toEqual([103]);
    await publishResults(nns, draft.id, first.id);
    expect((await shown()).map((r) => r.participants.total)).toEqual([105]);
  });

  it("a self-publishing förbund's admin publishes at once; its editor may not publish a report", async () => {
    const tenant = await freshTenant(env.deps);
    const nns = await (await nnsTenant(env.deps)).coordinating(tenant.organization.id);
    await setSelfPublishing(nns, true);
    const draft = await createIntervention(tenant.admin, { content: sampleContent() });
    await applyWorkflowAction(tenant.admin, draft.id, "publish", {}, null);
    const direct = await recordResults(tenant.admin, draft.id, RESAM_RESULTS);
    expect(direct.state).toBe("published");
    expect((await getCatalogEntry(env.deps, draft.id)).results).toHaveLength(1);
    const pending = await recordResults(tenant.editor, draft.id, RESAM_INTERIM_RESULTS);
    expect(pending.state).toBe("submitted");
    await expectRefused(
      env.deps,
      () => publishResults(tenant.editor, draft.id, pending.id),
      "forbidden",
      RESULT_TABLES,
    );
    await publishResults(tenant.admin, draft.id, pending.id);
    await expectRefused(
      env.deps,
      () => publishResults(tenant.admin, draft.id, pending.id),
      "conflict",
      RESULT_TABLES,
    );
  });

  it("NNS's queue lists submitted reports of every förbund with the entry's public title, and only for editors", async () => {
    const tenant = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    const draft = await createIntervention(tenant.editor, { content: sampleContent() });
    await applyWorkflowAction(tenant.editor, draft.id, "submit", {}, null);
    await applyWorkflowAction(await nns.coordinating(tenant.organization.id), draft.id, "publish", {}, null);
    const pending = await recordResults(tenant.editor, draft.id, RESAM_RESULTS);
    const queue = await listResultsQueue(nns.admin, { limit: 100 });
    expect(queue.data).toContainEqual(
      expect.objectContaining({
        id: pending.id,
        interventionId: draft.id,
        organizationName: tenant.organization.name,
        interventionTitle: sampleContent().title,
        kind: "cumulative",
      }),
    );
    await expect(listResultsQueue(tenant.admin, { limit: 10 })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("RESAM's interim report of April 2009 and its final report: the export shows 103 participants, 60,2 %", async () => {
    const tenant = await freshTenant(env.deps);
    const nns = await (await nnsTenant(env.deps)).coordinating(tenant.organization.id);
    const draft = await createIntervention(tenant.editor, { content: sampleContent() });
    await applyWorkflowAction(tenant.editor, draft.id, "submit", {}, null);
    await applyWorkflowAction(nns, draft.id, "publish", {}, null);
    // Final first, then the interim: the order they arrive in must not matter.
    await recordResults(nns, draft.id, RESAM_RESULTS);
    await recordResults(nns, draft.id, RESAM_INTERIM_RESULTS);
    const entries = await exportCatalog(env.deps, { filters: {}, sort: "newest" });
    const entry = entries.find((e) => (e.document as { id: string }).id === draft.id);
    expect(entry).toBeDefined();
    const [header, row] = parse(catalogCsv([entry as (typeof entries)[number]]), {
      delimiter: ";",
      bom: true,
    }) as string[][];
    const cell = (name: string) => row?.[(header as string[]).indexOf(name)];
    expect(cell("deltagare")).toBe("103");
    expect(cell("positiv_andel_procent")).toBe("60,2");
    expect(cell("kvinnor")).toBe("56");
    expect(cell("senaste_period")).toBe("2007-09-01–2010-12-31");
    expect(cell("bedömda_ej_inskrivna")).toBe("25");
    expect(cell("återbetald_efter_månader")).toBe("27");
    expect(cell("nettonytta_kr")).toBe("1600000,00");
    expect(cell("resultatmål_inom_månader")).toBe(String(sampleContent().goals.resultGoalWithinMonths ?? ""));
  });

  it("budget lines decide cost and budget; a stated total that differs, or a bad line, names the field", async () => {
    const { editor } = await freshTenant(env.deps);
    const entry = await createIntervention(editor, { content: sampleContent() });
    const lines = [
      { description: "Läkare", sharePercent: 20, budgetOre: 30_000_000, costOre: 28_000_000 },
      { description: "Lokalhyra", sharePercent: null, budgetOre: 10_000_000, costOre: 9_000_000 },
    ];
    const saved = await recordResults(editor, entry.id, { ...RESAM_RESULTS, budgetLines: lines });
    expect(saved).toMatchObject({ costOre: 37_000_000, budgetOre: 40_000_000, costOfBudgetPercent: 92.5 });
    expect((await listResults(editor, entry.id))[0]?.budgetLines).toEqual(lines);
    for (const [input, field] of [
      [{ ...RESAM_RESULTS, budgetLines: lines, costOre: 1 }, "body.costOre"],
      [
        { ...RESAM_RESULTS, budgetLines: [{ ...lines[0], sharePercent: 0 }] },
        "body.budgetLines.0.sharePercent",
      ],
      [
        { ...RESAM_RESULTS, subOutcomes: [{ outcome: "back_to_fk", label: "Sjukersättning", count: 35 }] },
        "body.subOutcomes.0.count",
      ],
    ] as const) {
      await expect(recordResults(editor, entry.id, input as never)).rejects.toMatchObject({
        code: "validation_failed",
        errors: [expect.objectContaining({ field })],
      });
    }
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
