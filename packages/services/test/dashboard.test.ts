import { describe, expect, it } from "vitest";
import {
  applyWorkflowAction,
  costsCard,
  createIntervention,
  orgDashboard,
  submitTrainingRequest,
  type TrainingRequestInput,
  termTrainings,
  trainerCard,
} from "../src/index.js";
import { sampleContent } from "../src/testing.js";
import { stockholmDate } from "../src/trainings/scope.js";
import { addPerson, contextFor, freshTenant, nnsTenant, useServiceDatabase } from "./tenant.js";
import { certifiedTrainer, plannedBipSkapa, plannedEvent } from "./training-fixtures.js";

const env = useServiceDatabase();
const REQUEST: TrainingRequestInput = {
  periodStart: "2030-02-01",
  periodEnd: "2030-05-31",
  expectedParticipants: 12,
  deliveryPreference: "either",
  openToSharing: true,
  contactName: "Kontaktperson",
  contactEmail: "kontakt@example.se",
};

describe("orgDashboard for a förbund", () => {
  it("shows the förbund its own sessions, requests, costs and entries, and none of another förbund's", async () => {
    const nns = await nnsTenant(env.deps);
    const a = await freshTenant(env.deps);
    const b = await freshTenant(env.deps);
    const { training, sessionId } = await plannedBipSkapa(nns.admin, [
      { organizationId: a.organization.id, seats: 10 },
    ]);
    const own = await plannedEvent(b.admin);
    await submitTrainingRequest(a.admin, REQUEST);
    const returned = await createIntervention(a.editor, {
      content: sampleContent({ title: "Vägen vidare" }),
    });
    await applyWorkflowAction(a.editor, returned.id, "submit", {}, null);
    await applyWorkflowAction(
      await nns.coordinating(a.organization.id),
      returned.id,
      "return",
      { comment: "Lägg till målgruppen." },
      null,
    );
    await createIntervention(a.editor, { content: sampleContent({ title: "Utkastet" }) });

    const dashboard = await orgDashboard(a.admin);
    expect(dashboard.audience).toBe("forbund");
    expect(dashboard.upcomingSessions).toEqual([
      expect.objectContaining({
        trainingId: training.id,
        sessionId,
        capacity: 25,
        confirmed: 0,
        waitlisted: 0,
      }),
    ]);
    expect(dashboard.requests).toMatchObject({ waiting: 1, paired: null, suggestions: null });
    expect(dashboard.catalog?.byState).toMatchObject({ draft: 1, returned: 1, submitted: 0, published: 0 });
    expect(dashboard.catalog?.returned).toEqual([
      expect.objectContaining({
        id: returned.id,
        title: "Vägen vidare",
        reviewComment: "Lägg till målgruppen.",
      }),
    ]);
    expect(dashboard.costs?.year).toBe(Number(stockholmDate().slice(0, 4)));
    // NNS's cards are not the förbund's.
    expect(dashboard).toMatchObject({ term: null, reviewQueue: null, overdueInvoices: null, trainer: null });

    const other = await orgDashboard(b.admin);
    expect(other.upcomingSessions?.map((s) => s.trainingId)).toEqual([own.training.id]);
    expect(other.requests?.waiting).toBe(0);
    expect(other.catalog?.byState).toMatchObject({ draft: 0, returned: 0 });
    expect(other.catalog?.returned).toEqual([]);
  });

  it("counts the förbund's share of trainings from this year on, and nothing for others", async () => {
    const nns = await nnsTenant(env.deps);
    const a = await freshTenant(env.deps);
    const b = await freshTenant(env.deps);
    const { training } = await plannedBipSkapa(nns.admin, [
      { organizationId: a.organization.id, seats: 10 },
      { organizationId: b.organization.id, seats: 10 },
    ]);
    const year = stockholmDate(training.sessions[0]?.startsAt);
    const costs = await costsCard(a.admin, year);
    // Two förbund share the 50 000 kr training: each pays 25 000 kr and its VAT.
    expect(costs).toMatchObject({
      sharedNetOre: 2_500_000,
      printNetOre: 0,
      vatOre: 625_000,
      totalOre: 3_125_000,
    });
    expect(costs.trainings).toEqual([{ id: training.id, title: training.title, totalOre: 3_125_000 }]);
    // From the following year on, the training is behind: not counted.
    const nextYear = `${Number(year.slice(0, 4)) + 1}-01-01`;
    expect((await costsCard(a.admin, nextYear)).trainings).toEqual([]);
    const outsider = await freshTenant(env.deps);
    expect((await costsCard(outsider.admin, year)).trainings).toEqual([]);
  });

  it("gives an editor the drafts and returned entries only, and a viewer the organization's facts only", async () => {
    const a = await freshTenant(env.deps);
    const draft = await createIntervention(a.editor, { content: sampleContent({ title: "Mitt utkast" }) });
    const editor = await orgDashboard(a.editor);
    expect(editor.audience).toBe("editor");
    expect(editor.catalog?.drafts.map((d) => d.id)).toEqual([draft.id]);
    expect(editor).toMatchObject({ upcomingSessions: null, requests: null, costs: null });
    const viewer = await orgDashboard(a.viewer);
    expect(viewer.audience).toBe("basic");
    expect(Object.values(viewer).filter((card) => card !== null)).toEqual(["basic"]);
  });
});

describe("orgDashboard for NNS", () => {
  it("counts waiting requests and those a pairing suggestion covers, the review queue and the term", async () => {
    const nns = await nnsTenant(env.deps);
    const before = await orgDashboard(nns.admin);
    // In a län of their own, so that no other test's requests pair with theirs.
    const a = await freshTenant(env.deps, { countyCode: "25" });
    const b = await freshTenant(env.deps, { countyCode: "25" });
    await submitTrainingRequest(a.admin, REQUEST);
    await submitTrainingRequest(b.admin, { ...REQUEST, periodStart: "2030-03-01" });
    const entry = await createIntervention(a.editor, { content: sampleContent() });
    await applyWorkflowAction(a.editor, entry.id, "submit", {}, null);
    const { training } = await plannedBipSkapa(nns.admin, [{ organizationId: a.organization.id, seats: 5 }]);

    const after = await orgDashboard(nns.admin);
    expect(after.audience).toBe("nns");
    expect(after.requests?.waiting).toBe((before.requests?.waiting ?? 0) + 2);
    expect(after.requests?.paired).toBe((before.requests?.paired ?? 0) + 2);
    expect(after.reviewQueue?.waiting).toBe((before.reviewQueue?.waiting ?? 0) + 1);
    expect(after.reviewQueue?.oldestSubmittedAt).toBeInstanceOf(Date);
    expect(after.overdueInvoices).toMatchObject({ count: 0, balanceOre: 0 });
    expect(after.expiringCertifications).toEqual(expect.any(Array));
    expect(after).toMatchObject({ upcomingSessions: null, costs: null, catalog: null, trainer: null });
    const term = await termTrainings(nns.admin, stockholmDate(training.sessions[0]?.startsAt));
    expect(term.trainings.map((t) => t.id)).toContain(training.id);
  });
});

describe("orgDashboard for a trainer", () => {
  it("lists the trainer's own sessions, today's apart from the next, and no one else's", async () => {
    const nns = await nnsTenant(env.deps);
    const a = await freshTenant(env.deps);
    const person = await addPerson(env.deps, nns.organization, "trainer");
    const mine = await plannedBipSkapa(nns.admin, [{ organizationId: a.organization.id, seats: 5 }], {
      trainerId: await certifiedTrainer(nns.admin, person.email),
    });
    const theirs = await plannedBipSkapa(nns.admin, [{ organizationId: a.organization.id, seats: 5 }]);
    const trainer = await contextFor(env.deps, person, nns.organization.id);

    const dashboard = await orgDashboard(trainer);
    expect(dashboard.audience).toBe("trainer");
    expect(dashboard.trainer?.next.map((s) => s.sessionId)).toEqual([mine.sessionId]);
    expect(dashboard.trainer?.today).toEqual([]);
    expect(dashboard).toMatchObject({ requests: null, term: null, reviewQueue: null });
    // On the day of the session it is today's, one tap from attendance.
    const onTheDay = await trainerCard(trainer, mine.training.sessions[0]?.startsAt);
    expect(onTheDay.today.map((s) => s.sessionId)).toEqual([mine.sessionId]);
    expect(onTheDay.today.map((s) => s.sessionId)).not.toContain(theirs.sessionId);
  });
});
