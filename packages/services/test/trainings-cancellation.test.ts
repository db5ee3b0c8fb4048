import { describe, expect, it } from "vitest";
import {
  createTraining,
  listTrainingRequests,
  moveTraining,
  pairingSuggestions,
  submitTrainingRequest,
  type TrainingRequestInput,
} from "../src/index.js";
import { expectAudited, expectRefused, rowsOf } from "./audit.js";
import { freshTenant, nnsTenant, useServiceDatabase } from "./tenant.js";

const env = useServiceDatabase();
const REASON = "Utbildaren är sjuk och ingen annan certifierad utbildare kan ta tillfällena.";

const request = (contactEmail: string, periodStart: string): TrainingRequestInput => ({
  periodStart,
  periodEnd: "2031-06-30",
  expectedParticipants: 12,
  deliveryPreference: "either",
  openToSharing: true,
  contactName: "Kontaktperson",
  contactEmail,
});

/** Two förbund in Halland whose requests NNS has turned into one shared BIP/SKAPA training. */
async function sharedTraining() {
  const nns = await nnsTenant(env.deps);
  const a = await freshTenant(env.deps);
  const b = await freshTenant(env.deps);
  const ra = await submitTrainingRequest(a.admin, request(`a.${a.organization.id}@example.se`, "2031-01-01"));
  const rb = await submitTrainingRequest(b.admin, request(`b.${b.organization.id}@example.se`, "2031-02-01"));
  const training = await createTraining(nns.admin, {
    kind: "bip_skapa",
    title: "BIP/SKAPA Halland, gemensam",
    requestIds: [ra.id, rb.id],
  });
  return { nns, a, b, ra, rb, training };
}

describe("cancelling a training reopens its intresseanmälningar", () => {
  it("puts each request back to submitted without the training, keeps it on record, audits and e-mails in the cancellation's transaction", async () => {
    const { nns, ra, rb, training } = await sharedTraining();
    const cancelled = await moveTraining(nns.admin, training.id, "cancel", REASON);
    expect(cancelled.status).toBe("cancelled");
    for (const req of [ra, rb]) {
      const [row] = await rowsOf(env.deps, { table: "training_requests", where: { id: req.id } });
      expect(row).toMatchObject({ status: "submitted", training_id: null, version: req.version + 2 });
      expect(row?.cancelled_trainings).toEqual([
        {
          trainingId: training.id,
          title: "BIP/SKAPA Halland, gemensam",
          cancelledAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          reason: REASON,
        },
      ]);
      const audited = { organizationId: nns.organization.id, action: "training_request.reopened" };
      await expectAudited(env.deps, {
        ...audited,
        entityType: "training_request",
        entityId: req.id,
        actor: nns.admin,
        before: { status: "scheduled", trainingId: training.id, cancelledTrainings: [] },
        after: { status: "submitted", trainingId: null, cancelledTrainings: [{ trainingId: training.id }] },
        sameTransactionAs: { table: "trainings", where: { id: training.id, status: "cancelled" } },
      });
      await expectAudited(env.deps, {
        ...audited,
        entityType: "training_request",
        entityId: req.id,
        sameTransactionAs: {
          table: "emails",
          where: { to_address: req.contactEmail, template: "training_request_reopened" },
        },
      });
      const [email] = await rowsOf(env.deps, {
        table: "emails",
        where: { to_address: req.contactEmail, template: "training_request_reopened" },
      });
      expect(email?.subject).toBe(
        "Er intresseanmälan är öppen igen: BIP/SKAPA Halland, gemensam ställdes in",
      );
    }
  });

  it("the förbund sees its request open again with the cancelled training, and NNS can pair and schedule it anew", async () => {
    const { nns, a, ra, rb, training } = await sharedTraining();
    await moveTraining(nns.admin, training.id, "cancel", REASON);

    const own = await listTrainingRequests(a.admin);
    expect(own.find((r) => r.id === ra.id)).toMatchObject({
      status: "submitted",
      trainingId: null,
      cancelledTrainings: [{ trainingId: training.id, reason: REASON }],
    });
    const inbox = await listTrainingRequests(nns.admin, { status: "submitted" });
    expect(inbox.map((r) => r.id)).toEqual(expect.arrayContaining([ra.id, rb.id]));
    const pairs = (await pairingSuggestions(nns.admin)).map((s) => [...s.requestIds].sort().join());
    expect(pairs).toContain([ra.id, rb.id].sort().join());

    const again = await createTraining(nns.admin, {
      kind: "bip_skapa",
      title: "BIP/SKAPA Halland, nytt försök",
      requestIds: [ra.id, rb.id],
    });
    const [row] = await rowsOf(env.deps, { table: "training_requests", where: { id: ra.id } });
    expect(row).toMatchObject({ status: "scheduled", training_id: again.id });
    // The earlier, cancelled scheduling stays on record.
    expect(row?.cancelled_trainings).toMatchObject([{ trainingId: training.id }]);
  });

  it("a cancellation refused for want of a reason leaves the requests scheduled", async () => {
    const { nns, ra, training } = await sharedTraining();
    await expectRefused(
      env.deps,
      () => moveTraining(nns.admin, training.id, "cancel", "  "),
      "validation_failed",
      ["trainings", "training_requests"],
    );
    const [row] = await rowsOf(env.deps, { table: "training_requests", where: { id: ra.id } });
    expect(row).toMatchObject({ status: "scheduled", training_id: training.id, cancelled_trainings: [] });
  });
});
