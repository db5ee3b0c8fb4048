import { describe, expect, it } from "vitest";
import { expectData } from "./client.js";
import { useTestApp } from "./helpers.js";
import { inTraining, plannedTraining, setSeats } from "./training-fixtures.js";

const env = useTestApp();

const COSTS = "/orgs/{orgId}/trainings/{trainingId}/costs";

describe("the costs of a shared training", () => {
  it("splits 50 000 kr equally between the two förbund, adds a förbund's own print costs to it alone", async () => {
    const f = await plannedTraining(env);
    const { a, b, nns, trainingId } = f;
    const [adminA, adminB] = [await a.signIn("admin"), await b.signIn("admin")];
    expectData(await setSeats(env, f, a, 2));
    const print = await adminA.POST("/orgs/{orgId}/trainings/{trainingId}/print-costs", {
      ...inTraining(a.org.id, trainingId),
      body: { description: "Tryck av skattningsformulär", amountOre: 180_000 },
    });
    expectData(print, 201);
    const ofA = expectData(await adminA.GET(COSTS, inTraining(a.org.id, trainingId)));
    expect(ofA).toMatchObject({ rule: "equal", sharedNetOre: 5_000_000, partyCount: 2 });
    expect(ofA.parties).toHaveLength(1);
    expect(ofA.parties[0]).toMatchObject({
      organizationId: a.org.id,
      sharedNetOre: 2_500_000,
      printNetOre: 180_000,
      vatOre: 670_000,
      totalOre: 3_350_000,
    });
    const ofB = expectData(await adminB.GET(COSTS, inTraining(b.org.id, trainingId)));
    expect(ofB.parties).toEqual([
      expect.objectContaining({ organizationId: b.org.id, printNetOre: 0, totalOre: 3_125_000 }),
    ]);
    expect(ofB.printCosts).toEqual([]);
    const all = expectData(await nns.GET(COSTS, inTraining(env.nns.id, trainingId)));
    expect(all.totalOre).toBe(3_350_000 + 3_125_000);
    expectData(await setSeats(env, f, b, 3));
    expectData(
      await nns.PATCH("/orgs/{orgId}/trainings/{trainingId}", {
        ...inTraining(env.nns.id, trainingId),
        body: { costSplitRule: "seats" },
      }),
    );
    const bySeats = expectData(await nns.GET(COSTS, inTraining(env.nns.id, trainingId)));
    expect(bySeats.parties.map((p) => p.sharedNetOre)).toEqual([2_000_000, 3_000_000]);
  });
});
