import { describe, expect, it } from "vitest";
import { addPrintCost, moveTraining, removePrintCost } from "../src/index.js";
import { expectAudited, expectRefused, rowsOf } from "./audit.js";
import { freshTenant, nnsTenant, useServiceDatabase } from "./tenant.js";
import { plannedBipSkapa } from "./training-fixtures.js";

const env = useServiceDatabase();
const PRINT = { description: "Tryckta arbetsböcker", amountOre: 125_000, vatRateBasisPoints: 2500 };

async function bipWithParties() {
  const party = await freshTenant(env.deps);
  const other = await freshTenant(env.deps);
  const nns = await nnsTenant(env.deps);
  const { training } = await plannedBipSkapa(nns.admin, [
    { organizationId: party.organization.id, seats: 5 },
    { organizationId: other.organization.id, seats: 5 },
  ]);
  return { party, other, nns, training };
}

describe("addPrintCost", () => {
  it("a party's admin adds print costs: the row and the audit entry in one transaction, its own share only", async () => {
    const { party, training } = await bipWithParties();
    const costs = await addPrintCost(party.admin, training.id, PRINT);
    const printCost = costs.printCosts[0];
    expect(costs.printCosts).toHaveLength(1);
    expect(costs.parties.map((p) => p.organizationId)).toEqual([party.organization.id]);
    await expectAudited(env.deps, {
      organizationId: party.organization.id,
      action: "training.print_cost_added",
      entityType: "training",
      entityId: training.id,
      actor: party.admin,
      after: { id: printCost?.id, amountOre: PRINT.amountOre, organizationId: party.organization.id },
      sameTransactionAs: { table: "training_print_costs", where: { id: printCost?.id } },
    });
  });

  it("an editor may not book costs, nor NNS (no party), nor a förbund taking no part; nothing is written", async () => {
    const { party, nns, training } = await bipWithParties();
    const outsider = await freshTenant(env.deps);
    for (const [ctx, code] of [
      [party.editor, "forbidden"],
      [nns.admin, "forbidden"],
      [outsider.admin, "not_found"],
    ] as const) {
      await expectRefused(env.deps, () => addPrintCost(ctx, training.id, PRINT), code, [
        "training_print_costs",
      ]);
    }
  });

  it("no amount, or a cancelled training, is refused", async () => {
    const { party, nns, training } = await bipWithParties();
    await expectRefused(
      env.deps,
      () => addPrintCost(party.admin, training.id, { ...PRINT, amountOre: 0 }),
      "validation_failed",
      ["training_print_costs"],
    );
    await moveTraining(nns.admin, training.id, "cancel", "Inställd");
    await expectRefused(env.deps, () => addPrintCost(party.admin, training.id, PRINT), "conflict", [
      "training_print_costs",
    ]);
  });
});

describe("removePrintCost", () => {
  it("the party removes its print cost by marking it, audited with what it was", async () => {
    const { party, training } = await bipWithParties();
    const id = (await addPrintCost(party.admin, training.id, PRINT)).printCosts[0]?.id as string;
    const costs = await removePrintCost(party.admin, training.id, id);
    expect(costs.printCosts).toEqual([]);
    const [row] = await rowsOf(env.deps, { table: "training_print_costs", where: { id } });
    expect(row?.removed_at).not.toBeNull();
    await expectAudited(env.deps, {
      organizationId: party.organization.id,
      action: "training.print_cost_removed",
      entityType: "training",
      entityId: training.id,
      actor: party.admin,
      before: { id, amountOre: PRINT.amountOre },
      sameTransactionAs: { table: "training_print_costs", where: { id } },
    });
  });

  it("another party, a viewer, or a second removal is refused and nothing is written", async () => {
    const { party, other, training } = await bipWithParties();
    const id = (await addPrintCost(party.admin, training.id, PRINT)).printCosts[0]?.id as string;
    await expectRefused(env.deps, () => removePrintCost(other.admin, training.id, id), "not_found", [
      "training_print_costs",
    ]);
    await expectRefused(env.deps, () => removePrintCost(party.viewer, training.id, id), "forbidden", [
      "training_print_costs",
    ]);
    await removePrintCost(party.admin, training.id, id);
    await expectRefused(env.deps, () => removePrintCost(party.admin, training.id, id), "not_found", [
      "training_print_costs",
    ]);
  });
});
