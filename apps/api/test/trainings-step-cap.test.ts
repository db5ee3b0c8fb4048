import { describe, expect, it } from "vitest";
import { expectData, expectProblem } from "./client.js";
import { useTestApp } from "./helpers.js";
import { at, inTraining, requestedTraining } from "./training-fixtures.js";

const env = useTestApp();
const SESSIONS = "/orgs/{orgId}/trainings/{trainingId}/sessions";

describe("the training step's cap of 25 seats", () => {
  it("answers 409 confirm_above_step_cap until NNS confirms, then charges the extra seats by the price list", async () => {
    const f = await requestedTraining(env);
    const body = { stepKey: "training", startsAt: at(20, 8), mode: "digital" as const, capacity: 30 };
    const refused = await f.nns.POST(SESSIONS, { ...inTraining(env.nns.id, f.trainingId), body });
    expect(expectProblem(refused, 409, "conflict").errors).toEqual([
      expect.objectContaining({ field: "body.capacity", rule: "confirm_above_step_cap" }),
    ]);
    const costs = () =>
      f.nns.GET("/orgs/{orgId}/trainings/{trainingId}/costs", inTraining(env.nns.id, f.trainingId));
    const before = expectData(await costs());
    const added = expectData(
      await f.nns.POST(SESSIONS, {
        ...inTraining(env.nns.id, f.trainingId),
        body: { ...body, confirmAboveCap: true },
      }),
      201,
    );
    expect(added.sessions.map((s) => s.capacity)).toEqual([30]);
    const after = expectData(await costs());
    // Five participants above 25 at 2 000 kr each, shared by the two förbund.
    expect(after.sharedNetOre - before.sharedNetOre).toBe(1_000_000);
  });
});
