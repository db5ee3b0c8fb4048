import { describe, expect, it } from "vitest";
import {
  addSession,
  createTrainer,
  createTraining,
  moveTraining,
  registerParticipant,
  removeSession,
  updateSession,
} from "../src/index.js";
import { expectAudited, expectRefused, rowsOf } from "./audit.js";
import { freshTenant, nnsTenant, useServiceDatabase } from "./tenant.js";
import { certifiedTrainer, plannedBipSkapa, plannedEvent, sessionTimes } from "./training-fixtures.js";

const env = useServiceDatabase();
const SESSION_TABLES = ["training_sessions", "training_session_trainers", "session_registrations"];
const sessionRow = (id: string) => ({ table: "training_sessions", where: { id } });

describe("addSession", () => {
  it("the owner adds a session: the session row and the audit entry in one transaction", async () => {
    const { organization, editor } = await freshTenant(env.deps);
    const training = await createTraining(editor, { kind: "event", title: "Dag" });
    const after = await addSession(editor, training.id, {
      title: "Förmiddag",
      ...sessionTimes(10),
      mode: "on_site",
      location: "Kommunhuset",
      capacity: 30,
    });
    const session = after.sessions[0];
    expect(session).toMatchObject({ title: "Förmiddag", capacity: 30 });
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "training.session_added",
      entityType: "training",
      entityId: training.id,
      actor: editor,
      after: { id: session?.id, title: "Förmiddag", capacity: 30 },
      sameTransactionAs: sessionRow(session?.id as string),
    });
  });

  it("NNS fills a session from the template step and assigns a certified trainer, in the same transaction", async () => {
    const party = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    const trainerId = await certifiedTrainer(nns.admin);
    const training = await createTraining(nns.admin, {
      kind: "bip_skapa",
      title: "BIP/SKAPA",
      parties: [{ organizationId: party.organization.id, seats: null }],
    });
    const after = await addSession(nns.admin, training.id, {
      stepKey: "training",
      startsAt: sessionTimes(30).startsAt,
      mode: "digital",
      trainerIds: [trainerId],
    });
    const session = after.sessions[0];
    expect(session).toMatchObject({ title: "Utbildning i progressionsmätning", capacity: 25 });
    await expectAudited(env.deps, {
      organizationId: nns.organization.id,
      action: "training.session_added",
      entityType: "training",
      entityId: training.id,
      after: { trainers: [{ id: trainerId }] },
      sameTransactionAs: {
        table: "training_session_trainers",
        where: { session_id: session?.id, trainer_id: trainerId },
      },
    });
  });

  it("a viewer may not add, a party may not add to NNS's training, an uncertified trainer is refused", async () => {
    const tenant = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    const own = await createTraining(tenant.editor, { kind: "event", title: "Dag" });
    const input = { title: "X", ...sessionTimes(5), mode: "digital" as const };
    await expectRefused(
      env.deps,
      () => addSession(tenant.viewer, own.id, input),
      "forbidden",
      SESSION_TABLES,
    );
    const { training } = await plannedBipSkapa(nns.admin, [
      { organizationId: tenant.organization.id, seats: 5 },
    ]);
    await expectRefused(
      env.deps,
      () => addSession(tenant.admin, training.id, input),
      "forbidden",
      SESSION_TABLES,
    );
    const trainer = await createTrainer(nns.admin, {
      name: "Ej certifierad",
      email: `ej.${training.id}@example.se`,
      countyCodes: [],
      deliveryModes: ["digital"],
    });
    await expectRefused(
      env.deps,
      () => addSession(nns.admin, training.id, { ...input, trainerIds: [trainer.id] }),
      "validation_failed",
      SESSION_TABLES,
    );
  });

  it("a session that ends before it starts, or on site without a place, is refused", async () => {
    const { editor } = await freshTenant(env.deps);
    const training = await createTraining(editor, { kind: "event", title: "Dag" });
    const { startsAt, endsAt } = sessionTimes(5);
    for (const input of [
      { title: "Baklänges", startsAt: endsAt, endsAt: startsAt, mode: "digital" as const },
      { title: "Ingenstans", startsAt, endsAt, mode: "on_site" as const },
    ]) {
      await expectRefused(
        env.deps,
        () => addSession(editor, training.id, input),
        "validation_failed",
        SESSION_TABLES,
      );
    }
  });
});

describe("updateSession", () => {
  it("the owner changes a session: audited with the session before and after", async () => {
    const { organization, editor } = await freshTenant(env.deps);
    const { training, sessionId } = await plannedEvent(editor, 20);
    const session = training.sessions[0];
    const after = await updateSession(
      editor,
      training.id,
      sessionId,
      { capacity: 40, location: "Aulan" },
      null,
    );
    expect(after.sessions[0]).toMatchObject({ capacity: 40, location: "Aulan" });
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "training.session_updated",
      entityType: "training",
      entityId: training.id,
      actor: editor,
      before: { id: sessionId, capacity: 20, location: "Stadshuset", version: session?.version },
      after: { id: sessionId, capacity: 40, location: "Aulan" },
      sameTransactionAs: sessionRow(sessionId),
    });
  });

  it("more seats move the waiting list up in the same transaction, audited in the promoted förbund", async () => {
    const { organization, editor } = await freshTenant(env.deps);
    const { training, sessionId } = await plannedEvent(editor, 1);
    const register = (name: string) =>
      registerParticipant(editor, training.id, {
        name,
        email: `${name}.${training.id}@example.se`,
        contactConsent: false,
        sessionIds: [sessionId],
      });
    await register("forst");
    const waiting = await register("sedan");
    const registrationId = waiting.registrations[0]?.id as string;
    expect(waiting.registrations[0]?.status).toBe("waitlisted");
    await updateSession(editor, training.id, sessionId, { capacity: 2 }, null);
    const updated = await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "training.session_updated",
      entityType: "training",
      entityId: training.id,
    });
    const promoted = await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "registration.promoted",
      entityType: "session_registration",
      entityId: registrationId,
      actor: editor,
      after: { sessionId, status: "confirmed" },
      sameTransactionAs: {
        table: "session_registrations",
        where: { id: registrationId, status: "confirmed" },
      },
    });
    expect(promoted.transactionId).toBe(updated.transactionId);
  });

  it("fewer seats than are taken, a stale version, or a viewer are refused and nothing is written", async () => {
    const { editor, viewer } = await freshTenant(env.deps);
    const { training, sessionId } = await plannedEvent(editor, 5);
    for (const name of ["a", "b"]) {
      await registerParticipant(editor, training.id, {
        name,
        email: `${name}.${training.id}@example.se`,
        contactConsent: false,
        sessionIds: [sessionId],
      });
    }
    await expectRefused(
      env.deps,
      () => updateSession(editor, training.id, sessionId, { capacity: 1 }, null),
      "validation_failed",
      SESSION_TABLES,
    );
    await expectRefused(
      env.deps,
      () => updateSession(editor, training.id, sessionId, { title: "Sent" }, 99),
      "precondition_failed",
      SESSION_TABLES,
    );
    await expectRefused(
      env.deps,
      () => updateSession(viewer, training.id, sessionId, { title: "Nej" }, null),
      "forbidden",
      SESSION_TABLES,
    );
  });

  it("another förbund does not find the training; a cancelled training no longer changes", async () => {
    const a = await freshTenant(env.deps);
    const b = await freshTenant(env.deps);
    const { training, sessionId } = await plannedEvent(a.editor);
    await expectRefused(
      env.deps,
      () => updateSession(b.editor, training.id, sessionId, { title: "Kapad" }, null),
      "not_found",
      SESSION_TABLES,
    );
    await moveTraining(a.editor, training.id, "cancel", "Inställd");
    await expectRefused(
      env.deps,
      () => updateSession(a.editor, training.id, sessionId, { title: "Sent" }, null),
      "conflict",
      SESSION_TABLES,
    );
  });
});

describe("removeSession", () => {
  it("the owner removes an empty session: the row goes, the entry keeps what it was", async () => {
    const { organization, editor } = await freshTenant(env.deps);
    const { training, sessionId } = await plannedEvent(editor);
    await removeSession(editor, training.id, sessionId);
    expect(await rowsOf(env.deps, sessionRow(sessionId))).toEqual([]);
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "training.session_removed",
      entityType: "training",
      entityId: training.id,
      actor: editor,
      before: { id: sessionId, title: "Inspirationsdag" },
      after: null,
    });
  });

  it("a session people registered for cannot be removed; a viewer or stranger may not; nothing is written", async () => {
    const a = await freshTenant(env.deps);
    const b = await freshTenant(env.deps);
    const { training, sessionId } = await plannedEvent(a.editor);
    await registerParticipant(a.editor, training.id, {
      name: "Anmäld",
      email: `anmald.${training.id}@example.se`,
      contactConsent: false,
      sessionIds: [sessionId],
    });
    await expectRefused(
      env.deps,
      () => removeSession(a.editor, training.id, sessionId),
      "conflict",
      SESSION_TABLES,
    );
    await expectRefused(
      env.deps,
      () => removeSession(a.viewer, training.id, sessionId),
      "forbidden",
      SESSION_TABLES,
    );
    await expectRefused(
      env.deps,
      () => removeSession(b.editor, training.id, sessionId),
      "not_found",
      SESSION_TABLES,
    );
  });
});
