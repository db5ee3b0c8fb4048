import { describe, expect, it } from "vitest";
import { getTemplate, updateTemplate, upsertPriceItem } from "../src/index.js";
import { expectAudited, expectRefused } from "./audit.js";
import { freshTenant, nnsTenant, useServiceDatabase } from "./tenant.js";

const env = useServiceDatabase();
let n = 0;
const priceInput = () => {
  n += 1;
  return {
    code: `test_price_${n}`,
    name: `Pris ${n}`,
    unitPriceOre: 100_000,
    vatRateBasisPoints: 2500,
    maxParticipants: null,
    active: true,
  };
};

describe("the price list", () => {
  it("NNS adds a price and then changes it, each audited with the row", async () => {
    const nns = await nnsTenant(env.deps);
    const input = priceInput();
    const created = await upsertPriceItem(nns.admin, input, null);
    await expectAudited(env.deps, {
      organizationId: nns.organization.id,
      action: "price_item.created",
      entityType: "price_item",
      entityId: created.id,
      actor: nns.admin,
      before: null,
      after: { code: input.code, unitPriceOre: 100_000 },
      sameTransactionAs: { table: "price_list_items", where: { id: created.id } },
    });
    const changed = await upsertPriceItem(nns.admin, { ...input, unitPriceOre: 120_000 }, created.version);
    expect(changed.version).toBe(created.version + 1);
    await expectAudited(env.deps, {
      organizationId: nns.organization.id,
      action: "price_item.updated",
      entityType: "price_item",
      entityId: created.id,
      actor: nns.admin,
      before: { unitPriceOre: 100_000 },
      after: { unitPriceOre: 120_000 },
      sameTransactionAs: { table: "price_list_items", where: { id: created.id } },
    });
  });

  it("a förbund may not keep prices, and a stale version is refused; nothing is written", async () => {
    const nns = await nnsTenant(env.deps);
    const { admin } = await freshTenant(env.deps);
    await expectRefused(env.deps, () => upsertPriceItem(admin, priceInput(), null), "forbidden", [
      "price_list_items",
    ]);
    const input = priceInput();
    const created = await upsertPriceItem(nns.admin, input, null);
    await expectRefused(
      env.deps,
      () => upsertPriceItem(nns.admin, { ...input, name: "Sent" }, created.version + 3),
      "precondition_failed",
      ["price_list_items"],
    );
  });
});

describe("the BIP/SKAPA template", () => {
  it("NNS edits the steps, audited with the template before and after", async () => {
    const nns = await nnsTenant(env.deps);
    const before = await getTemplate(nns.admin);
    const steps = before.steps.map((s) => (s.key === "kickoff" ? { ...s, durationMinutes: 240 } : s));
    const after = await updateTemplate(nns.admin, { name: before.name, steps }, before.version);
    expect(after.version).toBe(before.version + 1);
    await expectAudited(env.deps, {
      organizationId: nns.organization.id,
      action: "training_template.updated",
      entityType: "training_template",
      entityId: before.id,
      actor: nns.admin,
      before: { version: before.version },
      after: {
        version: after.version,
        steps: expect.arrayContaining([expect.objectContaining({ key: "kickoff", durationMinutes: 240 })]),
      },
      sameTransactionAs: { table: "training_templates", where: { id: before.id } },
    });
  });

  it("a förbund may not edit it; duplicate step keys or a stale version are refused; nothing is written", async () => {
    const nns = await nnsTenant(env.deps);
    const { admin } = await freshTenant(env.deps);
    const template = await getTemplate(nns.admin);
    const input = { name: template.name, steps: template.steps };
    await expectRefused(env.deps, () => updateTemplate(admin, input, null), "forbidden", [
      "training_templates",
    ]);
    const first = template.steps[0];
    if (!first) throw new Error("the seeded template has steps");
    await expectRefused(
      env.deps,
      () => updateTemplate(nns.admin, { ...input, steps: [...template.steps, first] }, null),
      "validation_failed",
      ["training_templates"],
    );
    await expectRefused(
      env.deps,
      () => updateTemplate(nns.admin, input, template.version + 1),
      "precondition_failed",
      ["training_templates"],
    );
  });
});
