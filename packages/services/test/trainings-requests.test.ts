import { describe, expect, it } from "vitest";
import { closeTrainingRequest, submitTrainingRequest, type TrainingRequestInput } from "../src/index.js";
import { expectAudited, expectRefused } from "./audit.js";
import { freshTenant, nnsTenant, useServiceDatabase } from "./tenant.js";

const env = useServiceDatabase();
const REQUEST: TrainingRequestInput = {
  periodStart: "2030-02-01",
  periodEnd: "2030-05-31",
  expectedParticipants: 18,
  deliveryPreference: "either",
  openToSharing: true,
  contactName: "Kontaktperson",
  contactEmail: "kontakt@example.se",
};
const requestRow = (id: string) => ({ table: "training_requests", where: { id } });

describe("submitTrainingRequest", () => {
  it("a förbund's admin sends a request to NNS: the row and the audit entry in one transaction", async () => {
    const { organization, admin } = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    const request = await submitTrainingRequest(admin, REQUEST);
    expect(request).toMatchObject({ status: "submitted", organization: { id: organization.id } });
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "training_request.submitted",
      entityType: "training_request",
      entityId: request.id,
      actor: admin,
      after: { status: "submitted", expectedParticipants: 18 },
      sameTransactionAs: {
        table: "training_requests",
        where: { id: request.id, coordinator_organization_id: nns.organization.id },
      },
    });
  });

  it("an editor or viewer may not book, NNS does not request from itself, a period must not end first", async () => {
    const { editor, viewer, admin } = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    for (const ctx of [editor, viewer, nns.admin]) {
      await expectRefused(env.deps, () => submitTrainingRequest(ctx, REQUEST), "forbidden", [
        "training_requests",
      ]);
    }
    await expectRefused(
      env.deps,
      () => submitTrainingRequest(admin, { ...REQUEST, periodEnd: "2029-01-01" }),
      "validation_failed",
      ["training_requests"],
    );
  });
});

describe("closeTrainingRequest", () => {
  it("the förbund withdraws its request, audited in its own log with before and after", async () => {
    const { organization, admin } = await freshTenant(env.deps);
    await nnsTenant(env.deps);
    const request = await submitTrainingRequest(admin, REQUEST);
    const closed = await closeTrainingRequest(admin, request.id, "withdrawn", "Inte längre aktuellt");
    expect(closed.status).toBe("withdrawn");
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "training_request.withdrawn",
      entityType: "training_request",
      entityId: request.id,
      actor: admin,
      before: { status: "submitted", version: request.version },
      after: { status: "withdrawn", decisionNote: "Inte längre aktuellt" },
      sameTransactionAs: requestRow(request.id),
    });
  });

  it("NNS declines a request addressed to it, audited in the NNS log", async () => {
    const { admin } = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    const request = await submitTrainingRequest(admin, REQUEST);
    await closeTrainingRequest(nns.admin, request.id, "declined", "Inga utbildare lediga");
    await expectAudited(env.deps, {
      organizationId: nns.organization.id,
      action: "training_request.declined",
      entityType: "training_request",
      entityId: request.id,
      actor: nns.admin,
      after: { status: "declined", decisionNote: "Inga utbildare lediga" },
      sameTransactionAs: requestRow(request.id),
    });
  });

  it("only the sender withdraws and only NNS declines; another förbund finds nothing; closed stays closed", async () => {
    const sender = await freshTenant(env.deps);
    const stranger = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    const request = await submitTrainingRequest(sender.admin, REQUEST);
    const attempts = [
      [() => closeTrainingRequest(nns.admin, request.id, "withdrawn", null), "forbidden"],
      [() => closeTrainingRequest(sender.admin, request.id, "declined", null), "forbidden"],
      [() => closeTrainingRequest(sender.viewer, request.id, "withdrawn", null), "forbidden"],
      [() => closeTrainingRequest(stranger.admin, request.id, "withdrawn", null), "not_found"],
    ] as const;
    for (const [attempt, code] of attempts) {
      await expectRefused(env.deps, attempt, code, ["training_requests"]);
    }
    await closeTrainingRequest(sender.admin, request.id, "withdrawn", null);
    await expectRefused(
      env.deps,
      () => closeTrainingRequest(nns.admin, request.id, "declined", null),
      "conflict",
      ["training_requests"],
    );
  });
});
