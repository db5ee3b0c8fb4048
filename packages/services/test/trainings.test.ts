import { describe, expect, it } from "vitest";
import {
  addSession,
  createTraining,
  moveTraining,
  registerParticipant,
  submitTrainingRequest,
  updateTraining,
} from "../src/index.js";
import { expectAudited, expectRefused, rowsOf } from "./audit.js";
import { freshTenant, nnsTenant, useServiceDatabase } from "./tenant.js";
import { plannedBipSkapa, plannedEvent, sessionTimes } from "./training-fixtures.js";

const env = useServiceDatabase();
const TRAINING_TABLES = ["trainings", "training_parties", "training_cost_lines", "training_requests"];
const trainingRow = (id: string) => ({ table: "trainings", where: { id } });

describe("createTraining", () => {
  it("a förbund's editor creates its own event day: the training, the förbund as its party, and the audit entry", async () => {
    const { organization, editor } = await freshTenant(env.deps);
    const created = await createTraining(editor, { kind: "event", title: "Inspirationsdag" });
    expect(created).toMatchObject({ status: "requested", owner: { id: organization.id } });
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "training.created",
      entityType: "training",
      entityId: created.id,
      actor: editor,
      after: { title: "Inspirationsdag", kind: "event", parties: [{ organizationId: organization.id }] },
      sameTransactionAs: trainingRow(created.id),
    });
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "training.created",
      entityType: "training",
      sameTransactionAs: {
        table: "training_parties",
        where: { training_id: created.id, organization_id: organization.id },
      },
    });
  });

  it("NNS creates a BIP/SKAPA training from a request: the request is scheduled, the price charged, the contact told", async () => {
    const tenant = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    const request = await submitTrainingRequest(tenant.admin, {
      periodStart: "2030-01-01",
      periodEnd: "2030-06-30",
      expectedParticipants: 20,
      deliveryPreference: "digital",
      openToSharing: true,
      contactName: "Kontakt",
      contactEmail: `kontakt.${tenant.organization.id}@example.se`,
    });
    const created = await createTraining(nns.admin, {
      kind: "bip_skapa",
      title: "BIP/SKAPA Halland",
      requestIds: [request.id],
    });
    expect(created.parties.map((p) => p.organizationId)).toEqual([tenant.organization.id]);
    const row = { organizationId: nns.organization.id, action: "training.created", entityType: "training" };
    await expectAudited(env.deps, {
      ...row,
      entityId: created.id,
      actor: nns.admin,
      sameTransactionAs: trainingRow(created.id),
    });
    for (const written of [
      { table: "training_requests", where: { id: request.id, status: "scheduled", training_id: created.id } },
      {
        table: "training_cost_lines",
        where: { training_id: created.id, price_item_code: "bip_skapa_training" },
      },
      {
        table: "emails",
        where: { to_address: request.contactEmail, template: "training_request_scheduled" },
      },
    ]) {
      await expectAudited(env.deps, { ...row, entityId: created.id, sameTransactionAs: written });
    }
  });

  it("a viewer may not create; a förbund may not create BIP/SKAPA, nor NNS an event day; nothing is written", async () => {
    const { viewer, editor } = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    await expectRefused(
      env.deps,
      () => createTraining(viewer, { kind: "event", title: "X" }),
      "forbidden",
      TRAINING_TABLES,
    );
    await expectRefused(
      env.deps,
      () => createTraining(editor, { kind: "bip_skapa", title: "X" }),
      "validation_failed",
      TRAINING_TABLES,
    );
    await expectRefused(
      env.deps,
      () => createTraining(nns.admin, { kind: "event", title: "X" }),
      "validation_failed",
      TRAINING_TABLES,
    );
  });

  it("a BIP/SKAPA training without any förbund, or for NNS itself, is refused and nothing is written", async () => {
    const nns = await nnsTenant(env.deps);
    await expectRefused(
      env.deps,
      () => createTraining(nns.admin, { kind: "bip_skapa", title: "Ingen" }),
      "validation_failed",
      TRAINING_TABLES,
    );
    await expectRefused(
      env.deps,
      () =>
        createTraining(nns.admin, {
          kind: "bip_skapa",
          title: "NNS själv",
          parties: [{ organizationId: nns.organization.id, seats: 5 }],
        }),
      "validation_failed",
      TRAINING_TABLES,
    );
  });
});

describe("updateTraining", () => {
  it("the owner edits: audited with the training before and after", async () => {
    const { organization, editor } = await freshTenant(env.deps);
    const created = await createTraining(editor, { kind: "event", title: "Före" });
    const updated = await updateTraining(editor, created.id, { title: "Efter" }, created.version);
    expect(updated.version).toBe(created.version + 1);
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "training.updated",
      entityType: "training",
      entityId: created.id,
      actor: editor,
      before: { title: "Före", version: created.version },
      after: { title: "Efter", version: updated.version },
      sameTransactionAs: trainingRow(created.id),
    });
  });

  it("a party may not edit NNS's training; another förbund does not find it; a stale version is refused", async () => {
    const party = await freshTenant(env.deps);
    const stranger = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    const { training } = await plannedBipSkapa(nns.admin, [
      { organizationId: party.organization.id, seats: 5 },
    ]);
    await expectRefused(
      env.deps,
      () => updateTraining(party.admin, training.id, { title: "Kapad" }, null),
      "forbidden",
      TRAINING_TABLES,
    );
    await expectRefused(
      env.deps,
      () => updateTraining(stranger.admin, training.id, { title: "Kapad" }, null),
      "not_found",
      TRAINING_TABLES,
    );
    await expectRefused(
      env.deps,
      () => updateTraining(nns.admin, training.id, { title: "Sent" }, training.version - 1),
      "precondition_failed",
      TRAINING_TABLES,
    );
  });
});

describe("moveTraining", () => {
  it("planning and confirming are audited with the status they left and reached", async () => {
    const { organization, editor } = await freshTenant(env.deps);
    const { training } = await plannedEvent(editor);
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "training.plan",
      entityType: "training",
      entityId: training.id,
      actor: editor,
      before: { status: "requested" },
      after: { status: "planned" },
    });
    await moveTraining(editor, training.id, "confirm", null);
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "training.confirm",
      entityType: "training",
      entityId: training.id,
      before: { status: "planned" },
      after: { status: "confirmed" },
      sameTransactionAs: trainingRow(training.id),
    });
  });

  it("cancelling records who and why, tells everyone registered, and audits it in the same transaction", async () => {
    const { organization, editor } = await freshTenant(env.deps);
    const { training, sessionId } = await plannedEvent(editor);
    const email = `deltagare.${training.id}@example.se`;
    await registerParticipant(editor, training.id, {
      name: "Deltagare",
      email,
      contactConsent: false,
      sessionIds: [sessionId],
    });
    const cancelled = await moveTraining(editor, training.id, "cancel", "För få anmälda");
    expect(cancelled).toMatchObject({ status: "cancelled", cancellationReason: "För få anmälda" });
    const audited = {
      organizationId: organization.id,
      action: "training.cancel",
      entityType: "training",
      entityId: training.id,
    };
    await expectAudited(env.deps, {
      ...audited,
      actor: editor,
      after: { status: "cancelled", cancelledBy: editor.actor.type === "user" ? editor.actor.email : "" },
      sameTransactionAs: trainingRow(training.id),
    });
    await expectAudited(env.deps, {
      ...audited,
      sameTransactionAs: { table: "emails", where: { to_address: email, template: "training_cancelled" } },
    });
  });

  it("planning without sessions, cancelling without a reason, or completing early is refused and nothing is written", async () => {
    const { editor } = await freshTenant(env.deps);
    const bare = await createTraining(editor, { kind: "event", title: "Tom" });
    await expectRefused(
      env.deps,
      () => moveTraining(editor, bare.id, "plan", null),
      "conflict",
      TRAINING_TABLES,
    );
    const { training } = await plannedEvent(editor);
    await expectRefused(
      env.deps,
      () => moveTraining(editor, training.id, "cancel", "  "),
      "validation_failed",
      TRAINING_TABLES,
    );
    await expectRefused(
      env.deps,
      () => moveTraining(editor, training.id, "complete", null),
      "conflict",
      TRAINING_TABLES,
    );
  });

  it("a BIP/SKAPA session without a trainer cannot be planned", async () => {
    const party = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    const created = await createTraining(nns.admin, {
      kind: "bip_skapa",
      title: "Utan utbildare",
      parties: [{ organizationId: party.organization.id, seats: null }],
    });
    await addSession(nns.admin, created.id, { title: "Steg", ...sessionTimes(30), mode: "digital" });
    await expectRefused(env.deps, () => moveTraining(nns.admin, created.id, "plan", null), "conflict", [
      ...TRAINING_TABLES,
    ]);
    expect(await rowsOf(env.deps, trainingRow(created.id))).toEqual([
      expect.objectContaining({ status: "requested" }),
    ]);
  });

  it("a viewer may not move a training; a party may not cancel NNS's training", async () => {
    const tenant = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    const { training: own } = await plannedEvent(tenant.editor);
    await expectRefused(
      env.deps,
      () => moveTraining(tenant.viewer, own.id, "cancel", "Nej"),
      "forbidden",
      TRAINING_TABLES,
    );
    const { training } = await plannedBipSkapa(nns.admin, [
      { organizationId: tenant.organization.id, seats: 5 },
    ]);
    await expectRefused(
      env.deps,
      () => moveTraining(tenant.admin, training.id, "cancel", "Nej"),
      "forbidden",
      TRAINING_TABLES,
    );
  });
});
