import { OUTCOME_CATEGORY_CODES, percentOneDecimal } from "@nns/domain";
import { describe, expect, it } from "vitest";
import {
  addVocabularyTerm,
  applyWorkflowAction,
  createIntervention,
  getCatalogEntry,
  publishResults,
  readVocabularies,
  recordResults,
  searchCatalog,
  updateIntervention,
  updateVocabularyTerm,
} from "../src/index.js";
import { RESAM_RESULTS, sampleContent } from "../src/testing.js";
import { expectAudited, expectRefused, rowsOf } from "./audit.js";
import { addPerson, contextFor, freshTenant, nnsTenant, useServiceDatabase } from "./tenant.js";

const env = useServiceDatabase();
let counter = 0;
/** A label no other test in the file uses, so each test's codes are its own. */
const uniqueLabel = (label: string) => `${label} ${++counter}`;

const generation = async () =>
  Number((await env.t.db.ownerSql("select generation from catalog_generation"))[0]?.generation);

async function publishedWith(content: Parameters<typeof sampleContent>[0]) {
  const tenant = await freshTenant(env.deps);
  const draft = await createIntervention(tenant.editor, { content: sampleContent(content) });
  await applyWorkflowAction(tenant.editor, draft.id, "submit", {}, null);
  const nns = await nnsTenant(env.deps);
  await applyWorkflowAction(await nns.coordinating(tenant.organization.id), draft.id, "publish", {}, null);
  return { tenant, draft };
}

describe("the migrated vocabularies", () => {
  it("keep RESAM's categories in order with the boolean turned into classes, and seed 004's methods", async () => {
    const vocab = await readVocabularies(env.t.db.owner);
    expect(vocab.outcomeCategories.map((c) => [c.code, c.outcomeClass, c.position])).toEqual(
      OUTCOME_CATEGORY_CODES.map((code, i) => [code, i < 3 ? "positive" : "negative", i + 1]),
    );
    expect(vocab.methods.map((m) => m.labelSv)).toEqual(
      expect.arrayContaining(["Suggestopedi", "Basal kroppskännedom", "Språkpraktik", "Hälsosamtal"]),
    );
    expect(vocab.focusAreas[0]).toMatchObject({ code: "pre_rehabilitation", position: 1, retired: false });
  });
});

describe("addVocabularyTerm and updateVocabularyTerm", () => {
  it("an NNS admin adds a method with a code made from the label; the code survives a rename; both audited", async () => {
    const nns = await nnsTenant(env.deps);
    const label = uniqueLabel("Individuell plan & stöd");
    const added = await addVocabularyTerm(nns.admin, "methods", { labelSv: label });
    expect(added.code).toBe(`individuell_plan_stod_${counter}`);
    expect(added).toMatchObject({ labelSv: label, retired: false });
    const row = { table: "catalog_methods", where: { code: added.code } };
    await expectAudited(env.deps, {
      organizationId: nns.organization.id,
      action: "catalog.vocabulary_term_added",
      entityType: "catalog_vocabulary_term",
      entityId: `methods:${added.code}`,
      actor: nns.admin,
      before: null,
      after: { kind: "methods", code: added.code, labelSv: label },
      sameTransactionAs: row,
    });
    // A förbund can use it at once.
    const { editor } = await freshTenant(env.deps);
    await createIntervention(editor, { content: sampleContent({ methods: [added.code] }) });

    const renamed = await updateVocabularyTerm(nns.admin, "methods", added.code, { labelSv: "Ny benämning" });
    expect(renamed).toMatchObject({ code: added.code, labelSv: "Ny benämning" });
    await expectAudited(env.deps, {
      organizationId: nns.organization.id,
      action: "catalog.vocabulary_term_changed",
      entityType: "catalog_vocabulary_term",
      entityId: `methods:${added.code}`,
      actor: nns.admin,
      before: { labelSv: label },
      after: { labelSv: "Ny benämning", code: added.code },
      sameTransactionAs: row,
    });
    // The same label again makes a new code, not the old one.
    const again = await addVocabularyTerm(nns.admin, "methods", { labelSv: label });
    expect(again.code).toBe(`${added.code}_2`);
    expect(
      (await readVocabularies(env.t.db.owner)).methods.filter((m) => m.code.startsWith(added.code)),
    ).toHaveLength(2);
  });

  it("a retired term is refused for new content, kept by content that has it, and usable again once reinstated", async () => {
    const nns = await nnsTenant(env.deps);
    const term = await addVocabularyTerm(nns.admin, "target-groups", {
      labelSv: uniqueLabel("Unga föräldrar"),
    });
    const { editor } = await freshTenant(env.deps);
    const existing = await createIntervention(editor, {
      content: sampleContent({ targetGroups: [term.code] }),
    });

    const retired = await updateVocabularyTerm(nns.admin, "target-groups", term.code, { retired: true });
    expect(retired.retired).toBe(true);
    await expectAudited(env.deps, {
      organizationId: nns.organization.id,
      action: "catalog.vocabulary_term_retired",
      entityType: "catalog_vocabulary_term",
      entityId: `target-groups:${term.code}`,
      actor: nns.admin,
      before: { retired: false },
      after: { retired: true },
      sameTransactionAs: { table: "catalog_target_groups", where: { code: term.code } },
    });
    const refusal = await expectRefused(
      env.deps,
      () => createIntervention(editor, { content: sampleContent({ targetGroups: [term.code] }) }),
      "validation_failed",
      ["interventions"],
    );
    expect(refusal.errors).toEqual([
      expect.objectContaining({ field: "body.content.targetGroups", rule: "active_target_group" }),
    ]);
    // The entry that already names it may still be saved with it.
    const kept = await updateIntervention(
      editor,
      existing.id,
      { content: sampleContent({ title: "Ändrad", targetGroups: [term.code] }) },
      existing.version,
    );
    expect(kept.content.targetGroups).toEqual([term.code]);
    // Its label is still known.
    const vocab = await readVocabularies(env.t.db.owner);
    expect(vocab.targetGroups.find((g) => g.code === term.code)).toMatchObject({ retired: true });

    await updateVocabularyTerm(nns.admin, "target-groups", term.code, { retired: false });
    await createIntervention(editor, { content: sampleContent({ targetGroups: [term.code] }) });
  });

  it("an unknown code is refused naming the field; a term moves to the place asked for", async () => {
    const { editor } = await freshTenant(env.deps);
    const refusal = await expectRefused(
      env.deps,
      () => createIntervention(editor, { content: sampleContent({ methods: ["no_such_method"] }) }),
      "validation_failed",
      ["interventions"],
    );
    expect(refusal.errors).toEqual([
      expect.objectContaining({ field: "body.content.methods", rule: "known_method" }),
    ]);
    const nns = await nnsTenant(env.deps);
    const term = await addVocabularyTerm(nns.admin, "focus-areas", {
      labelSv: uniqueLabel("Arbetsgivarsamverkan"),
      orientation: "structural",
    });
    const moved = await updateVocabularyTerm(nns.admin, "focus-areas", term.code, { position: 1 });
    expect(moved).toMatchObject({ position: 1, orientation: "structural" });
    const vocab = await readVocabularies(env.t.db.owner);
    expect(vocab.focusAreas.map((f) => f.code).slice(0, 2)).toEqual([term.code, "pre_rehabilitation"]);
    expect(vocab.focusAreas.map((f) => f.position)).toEqual(vocab.focusAreas.map((_, i) => i + 1));
  });

  it("refuses a taken label, a missing class, and a positive category turned negative; nothing written", async () => {
    const nns = await nnsTenant(env.deps);
    await expectRefused(
      env.deps,
      () => addVocabularyTerm(nns.admin, "methods", { labelSv: "motiverande SAMTAL" }),
      "validation_failed",
      ["catalog_methods"],
    );
    await expectRefused(
      env.deps,
      () => addVocabularyTerm(nns.admin, "outcome-categories", { labelSv: uniqueLabel("Flyttat") }),
      "validation_failed",
      ["catalog_outcome_categories"],
    );
    await expectRefused(
      env.deps,
      () =>
        addVocabularyTerm(nns.admin, "methods", { labelSv: uniqueLabel("Metod"), orientation: "individual" }),
      "validation_failed",
      ["catalog_methods"],
    );
    await expectRefused(
      env.deps,
      () =>
        updateVocabularyTerm(nns.admin, "outcome-categories", "reduced_sick_leave", {
          outcomeClass: "negative",
        }),
      "validation_failed",
      ["catalog_outcome_categories"],
    );
    const neutral = await updateVocabularyTerm(nns.admin, "outcome-categories", "dropped_out", {
      outcomeClass: "neutral",
    });
    expect(neutral.outcomeClass).toBe("neutral");
    await updateVocabularyTerm(nns.admin, "outcome-categories", "dropped_out", { outcomeClass: "negative" });
    await expect(
      updateVocabularyTerm(nns.admin, "methods", "no_such_code", { retired: true }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("a förbund's admin, an NNS viewer and operations may not change a vocabulary; nothing is written", async () => {
    const nns = await nnsTenant(env.deps);
    const { admin, system } = await freshTenant(env.deps);
    const nnsViewer = await contextFor(
      env.deps,
      await addPerson(env.deps, nns.organization, "viewer", "nns-vocabulary-viewer"),
      nns.organization.id,
    );
    const label = uniqueLabel("Obehörig");
    for (const ctx of [admin, nnsViewer, system]) {
      await expectRefused(
        env.deps,
        () => addVocabularyTerm(ctx, "methods", { labelSv: label }),
        "forbidden",
        ["catalog_methods"],
      );
      await expectRefused(
        env.deps,
        () => updateVocabularyTerm(ctx, "methods", "bip_skapa", { labelSv: label }),
        "forbidden",
        ["catalog_methods"],
      );
    }
    expect(
      (await readVocabularies(env.t.db.owner)).methods.find((m) => m.code === "bip_skapa")?.labelSv,
    ).toBe("BIP/SKAPA");
  });
});

describe("outcome categories NNS adds", () => {
  it("a förbund reports one; a positive one counts in the positive share; once retired, a new period may not use it but a correction keeps it", async () => {
    const nns = await nnsTenant(env.deps);
    const category = await addVocabularyTerm(nns.admin, "outcome-categories", {
      labelSv: uniqueLabel("Till eget företag"),
      outcomeClass: "positive",
    });
    const { editor } = await freshTenant(env.deps);
    const entry = await createIntervention(editor, { content: sampleContent() });
    // Three of RESAM's four to social services went to the new category instead.
    const period = {
      ...RESAM_RESULTS,
      outcomes: { ...RESAM_RESULTS.outcomes, social_services: 1, [category.code]: 3 },
    };
    const result = await recordResults(editor, entry.id, period);
    expect(result.outcomes.find((o) => o.code === category.code)).toMatchObject({
      label: category.labelSv,
      positive: true,
      count: 3,
    });
    expect(result.positiveSharePercent).toBe(percentOneDecimal(10 + 2 + 50 + 3, 103));

    await updateVocabularyTerm(nns.admin, "outcome-categories", category.code, { retired: true });
    // Correcting the period that already counts it is allowed.
    await recordResults(editor, entry.id, { ...period, participantsOther: 1 });
    const refusal = await expectRefused(
      env.deps,
      () =>
        recordResults(editor, entry.id, { ...period, periodStart: "2012-01-01", periodEnd: "2012-12-31" }),
      "validation_failed",
      ["intervention_results"],
    );
    expect(refusal.errors).toEqual([
      expect.objectContaining({ field: `body.outcomes.${category.code}`, rule: "active_outcome_category" }),
    ]);
    await expect(
      recordResults(editor, entry.id, { ...RESAM_RESULTS, outcomes: { not_a_category: 1 } }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      errors: [expect.objectContaining({ field: "body.outcomes.not_a_category" })],
    });
  });
});

describe("renaming a term refreshes the public catalogue", () => {
  it("the published entry, its results, its facets and a repeated search show the new labels", async () => {
    const nns = await nnsTenant(env.deps);
    const method = await addVocabularyTerm(nns.admin, "methods", { labelSv: uniqueLabel("Trädgårdsterapi") });
    const category = await addVocabularyTerm(nns.admin, "outcome-categories", {
      labelSv: uniqueLabel("Till studier"),
      outcomeClass: "positive",
    });
    const { tenant, draft } = await publishedWith({ methods: [method.code, "bip_skapa"] });
    const report = await recordResults(tenant.editor, draft.id, {
      ...RESAM_RESULTS,
      outcomes: { [category.code]: 5 },
      subOutcomes: [],
    });
    // The editor's report waits for NNS's editors, like content, before the public sees it.
    await publishResults(await nns.coordinating(tenant.organization.id), draft.id, report.id);
    const query = { filters: { method: [method.code] }, sort: "newest" as const };
    const before = await searchCatalog(env.deps, query, { limit: 5 });
    expect(before.facets.method.find((f) => f.value === method.code)?.label).toBe(method.labelSv);
    const generationBefore = await generation();

    await updateVocabularyTerm(nns.admin, "methods", method.code, {
      labelSv: uniqueLabel("Grön rehabilitering"),
    });
    const newMethodLabel = `Grön rehabilitering ${counter}`;
    await updateVocabularyTerm(nns.admin, "outcome-categories", category.code, {
      labelSv: "Till högskolestudier",
    });
    await updateVocabularyTerm(nns.admin, "focus-areas", "vocational_rehabilitation", {
      labelSv: "Arbetslivsinriktad rehabilitering (ALR)",
    });

    expect(await generation()).toBeGreaterThan(generationBefore);
    const entry = await getCatalogEntry(env.deps, draft.id);
    expect(entry.document.methods).toEqual([
      { code: method.code, label: newMethodLabel },
      { code: "bip_skapa", label: "BIP/SKAPA" },
    ]);
    expect(entry.document.focusArea).toEqual({
      code: "vocational_rehabilitation",
      label: "Arbetslivsinriktad rehabilitering (ALR)",
    });
    expect(entry.results[0]?.outcomes.find((o) => o.code === category.code)?.label).toBe(
      "Till högskolestudier",
    );
    const after = await searchCatalog(env.deps, query, { limit: 5 });
    expect(after.data.map((d) => d.id)).toEqual([draft.id]);
    expect(after.facets.method.find((f) => f.value === method.code)?.label).toBe(newMethodLabel);
    // Other entries' stored documents were not touched.
    expect(
      await rowsOf(env.deps, { table: "catalog_entries", where: { intervention_id: draft.id } }),
    ).toHaveLength(1);
    await updateVocabularyTerm(nns.admin, "focus-areas", "vocational_rehabilitation", {
      labelSv: "Arbetslivsinriktad rehabilitering",
    });
  });
});
