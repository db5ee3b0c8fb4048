import { describe, expect, it } from "vitest";
import { addSession, createTraining, removeSession, trainingCosts, updateSession } from "../src/index.js";
import { expectAudited, expectRefused, rowsOf } from "./audit.js";
import { freshTenant, nnsTenant, useServiceDatabase } from "./tenant.js";
import { sessionTimes } from "./training-fixtures.js";

const env = useServiceDatabase();
const EXTRA = "bip_skapa_extra_participant";

/** A BIP/SKAPA training shared by two förbund, with one training-step session of the template's 25. */
async function sharedTraining() {
  const nns = await nnsTenant(env.deps);
  const [a, b] = [await freshTenant(env.deps), await freshTenant(env.deps)];
  const training = await createTraining(nns.admin, {
    kind: "bip_skapa",
    title: "BIP/SKAPA, delad",
    parties: [
      { organizationId: a.organization.id, seats: null },
      { organizationId: b.organization.id, seats: null },
    ],
  });
  const withSession = await addSession(nns.admin, training.id, {
    stepKey: "training",
    ...sessionTimes(30),
    mode: "digital",
  });
  const session = withSession.sessions[0];
  expect(session?.capacity).toBe(25);
  return { nns, training, sessionId: session?.id as string, version: session?.version as number };
}

const extraLine = async (trainingId: string) =>
  rowsOf(env.deps, {
    table: "training_cost_lines",
    where: { training_id: trainingId, price_item_code: EXTRA },
  });

describe("the training step's cap of 25", () => {
  it("refuses raising it without confirmation, naming the rule, and writes nothing", async () => {
    const { nns, training, sessionId } = await sharedTraining();
    const error = await expectRefused(
      env.deps,
      () => updateSession(nns.admin, training.id, sessionId, { capacity: 30 }, null),
      "conflict",
      ["training_sessions", "training_cost_lines"],
    );
    expect(error.errors).toEqual([
      expect.objectContaining({ field: "body.capacity", rule: "confirm_above_step_cap" }),
    ]);
    await expectRefused(
      env.deps,
      () =>
        addSession(nns.admin, training.id, {
          stepKey: "training",
          ...sessionTimes(40),
          mode: "digital",
          capacity: 26,
        }),
      "conflict",
      ["training_sessions", "training_cost_lines"],
    );
  });

  it("a confirmed raise prices the extra seats from the price list, split between the förbund", async () => {
    const { nns, training, sessionId } = await sharedTraining();
    const before = await trainingCosts(nns.admin, training.id);
    await updateSession(nns.admin, training.id, sessionId, { capacity: 30, confirmAboveCap: true }, null);
    const [line] = await extraLine(training.id);
    // bigint arrives as text from PostgreSQL and as a number from PGlite.
    expect({ ...line, unit_price_ore: Number(line?.unit_price_ore) }).toMatchObject({
      quantity: 5,
      unit_price_ore: 200_000,
      vat_rate_basis_points: 2500,
    });
    await expectAudited(env.deps, {
      organizationId: nns.organization.id,
      action: "training.extra_seats_priced",
      entityType: "training",
      entityId: training.id,
      actor: nns.admin,
      before: null,
      after: { quantity: 5, unitPriceOre: 200_000 },
      sameTransactionAs: { table: "training_sessions", where: { id: sessionId, capacity: 30 } },
    });
    const after = await trainingCosts(nns.admin, training.id);
    expect(after.sharedNetOre - before.sharedNetOre).toBe(1_000_000);
    expect(after.parties.map((p) => p.sharedNetOre)).toEqual([3_000_000, 3_000_000]);

    // A second training-step session above the cap adds its extra seats; lowering one takes them off.
    await addSession(nns.admin, training.id, {
      stepKey: "training",
      ...sessionTimes(45),
      mode: "digital",
      capacity: 27,
      confirmAboveCap: true,
    });
    const [raised] = await extraLine(training.id);
    expect({ quantity: raised?.quantity, unit_price_ore: Number(raised?.unit_price_ore) }).toEqual({
      quantity: 7,
      unit_price_ore: 200_000,
    });
    await updateSession(nns.admin, training.id, sessionId, { capacity: 25 }, null);
    expect((await extraLine(training.id))[0]).toMatchObject({ quantity: 2 });
  });

  it("keeps other steps and a förbund's own event days free of the cap", async () => {
    const { nns, training } = await sharedTraining();
    await addSession(nns.admin, training.id, {
      stepKey: "kickoff",
      ...sessionTimes(10),
      mode: "digital",
      capacity: 80,
    });
    expect(await extraLine(training.id)).toEqual([]);
    const tenant = await freshTenant(env.deps);
    const event = await createTraining(tenant.editor, { kind: "event", title: "Inspirationsdag" });
    const withSession = await addSession(tenant.editor, event.id, {
      title: "Inspirationsdag",
      ...sessionTimes(14),
      mode: "on_site",
      location: "Stadshuset",
      capacity: 120,
    });
    expect(withSession.sessions[0]?.capacity).toBe(120);
  });

  it("removing the last session above the cap removes the extra cost", async () => {
    const { nns, training } = await sharedTraining();
    const added = await addSession(nns.admin, training.id, {
      stepKey: "training",
      ...sessionTimes(50),
      mode: "digital",
      capacity: 28,
      confirmAboveCap: true,
    });
    expect((await extraLine(training.id))[0]).toMatchObject({ quantity: 3 });
    const extraSession = added.sessions.find((s) => s.capacity === 28);
    await removeSession(nns.admin, training.id, extraSession?.id as string);
    expect(await extraLine(training.id)).toEqual([]);
  });
});
