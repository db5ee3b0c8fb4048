import { describe, expect, it } from "vitest";
import { Client, expectData, expectProblem, signIn } from "./client.js";
import { freshTenant, useTestApp } from "./helpers.js";
import { at, inOrg, plannedTraining, trainingRequest } from "./training-fixtures.js";

const env = useTestApp();
const DASHBOARD = "/orgs/{orgId}/dashboard";

describe("GET /orgs/{orgId}/dashboard", () => {
  it("asks for a session, and another förbund's dashboard does not exist for the caller", async () => {
    expectProblem(await new Client(env).GET(DASHBOARD, inOrg(env.orgA.id)), 401, "unauthenticated");
    const adminA = await signIn(env, env.users.adminA.email);
    expectProblem(await adminA.GET(DASHBOARD, inOrg(env.orgB.id)), 404, "not_found");
    expectProblem(await adminA.GET(DASHBOARD, inOrg(env.nns.id)), 404, "not_found");
  });

  it("gives each party of a shared training its sessions and own share, and NNS, the trainer and a viewer theirs", async () => {
    const f = await plannedTraining(env);
    const outsider = await freshTenant(env);
    const forA = expectData(await (await f.a.signIn("admin")).GET(DASHBOARD, inOrg(f.a.org.id)));
    expect(forA.audience).toBe("forbund");
    expect(forA.upcomingSessions?.map((s) => s.sessionId)).toEqual([f.kickoff, f.trainingSession]);
    expect(forA.upcomingSessions?.[1]).toMatchObject({ capacity: 25, confirmed: 0, waitlisted: 0 });
    expect(forA.requests).toEqual({ waiting: 0, oldestCreatedAt: null, paired: null, suggestions: null });
    expect(forA.catalog?.byState.draft).toBe(0);
    expect(forA).toMatchObject({ term: null, reviewQueue: null, overdueInvoices: null, trainer: null });

    const forOutsider = expectData(
      await (await outsider.signIn("admin")).GET(DASHBOARD, inOrg(outsider.org.id)),
    );
    expect(forOutsider.upcomingSessions).toEqual([]);
    expect(forOutsider.costs?.trainings).toEqual([]);
    await trainingRequest(await outsider.signIn("admin"), outsider.org.id);
    const afterRequest = expectData(
      await (await outsider.signIn("admin")).GET(DASHBOARD, inOrg(outsider.org.id)),
    );
    expect(afterRequest.requests?.waiting).toBe(1);

    const forNns = expectData(await f.nns.GET(DASHBOARD, inOrg(env.nns.id)));
    expect(forNns.audience).toBe("nns");
    expect(forNns.requests?.waiting).toBeGreaterThanOrEqual(1);
    // The training runs from 10 days ahead: in this term's timeline unless the term ends before that.
    const meetsTerm = at(10, 8).slice(0, 10) <= (forNns.term?.end ?? "");
    expect(forNns.term?.trainings.some((t) => t.id === f.trainingId)).toBe(meetsTerm);
    expect(forNns).toMatchObject({ upcomingSessions: null, costs: null, catalog: null, trainer: null });

    const forTrainer = expectData(await f.trainer.client.GET(DASHBOARD, inOrg(env.nns.id)));
    expect(forTrainer.audience).toBe("trainer");
    expect(forTrainer.trainer?.next.map((s) => s.sessionId)).toEqual([f.kickoff, f.trainingSession]);
    expect(forTrainer).toMatchObject({ requests: null, term: null, overdueInvoices: null });

    const forViewer = expectData(await (await f.a.signIn("viewer")).GET(DASHBOARD, inOrg(f.a.org.id)));
    expect(forViewer.audience).toBe("basic");
    expect(Object.values(forViewer).filter((card) => card !== null)).toEqual(["basic"]);
  });
});
