import { describe, expect, it } from "vitest";
import {
  addSession,
  cancelRegistration,
  createTraining,
  moveTraining,
  type RegistrationInput,
  recordAttendance,
  registerParticipant,
  updateSession,
} from "../src/index.js";
import { expectAudited, expectRefused, rowsOf } from "./audit.js";
import { addPerson, contextFor, freshTenant, nnsTenant, useServiceDatabase } from "./tenant.js";
import { certifiedTrainer, plannedBipSkapa, plannedEvent } from "./training-fixtures.js";

const env = useServiceDatabase();
const REGISTRATION_TABLES = ["training_participants", "session_registrations"];

let n = 0;
function person(sessionIds: string[], name = "Deltagare"): RegistrationInput {
  n += 1;
  return {
    name: `${name} ${n}`,
    email: `deltagare.${n}.${Date.now()}@example.se`,
    contactConsent: true,
    sessionIds,
  };
}

describe("registerParticipant", () => {
  it("a party registers a person: participant, seat, confirmation email and audit entry in one transaction", async () => {
    const party = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    const { training, sessionId } = await plannedBipSkapa(nns.admin, [
      { organizationId: party.organization.id, seats: 5 },
    ]);
    const input = person([sessionId]);
    const participant = await registerParticipant(party.editor, training.id, input);
    expect(participant.registrations).toEqual([expect.objectContaining({ sessionId, status: "confirmed" })]);
    const audited = {
      organizationId: party.organization.id,
      action: "registration.created",
      entityType: "training_participant",
      entityId: participant.id,
    };
    await expectAudited(env.deps, {
      ...audited,
      actor: party.editor,
      after: { id: participant.id, email: input.email, registrations: [{ sessionId, status: "confirmed" }] },
      sameTransactionAs: { table: "training_participants", where: { id: participant.id } },
    });
    for (const row of [
      { table: "session_registrations", where: { participant_id: participant.id, session_id: sessionId } },
      { table: "emails", where: { to_address: input.email, template: "training_registration" } },
    ]) {
      await expectAudited(env.deps, { ...audited, sameTransactionAs: row });
    }
  });

  it("past the förbund's seats the person joins the waiting list, still audited", async () => {
    const party = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    const { training, sessionId } = await plannedBipSkapa(nns.admin, [
      { organizationId: party.organization.id, seats: 1 },
    ]);
    await registerParticipant(party.editor, training.id, person([sessionId]));
    const second = await registerParticipant(party.editor, training.id, person([sessionId]));
    expect(second.registrations).toEqual([
      expect.objectContaining({ status: "waitlisted", waitingPosition: 1 }),
    ]);
    await expectAudited(env.deps, {
      organizationId: party.organization.id,
      action: "registration.created",
      entityType: "training_participant",
      entityId: second.id,
      after: { registrations: [{ status: "waitlisted" }] },
      sameTransactionAs: { table: "session_registrations", where: { participant_id: second.id } },
    });
  });

  it("a viewer may not register; a förbund that takes no part does not find the training; nothing is written", async () => {
    const party = await freshTenant(env.deps);
    const outsider = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    const { training, sessionId } = await plannedBipSkapa(nns.admin, [
      { organizationId: party.organization.id, seats: 5 },
    ]);
    await expectRefused(
      env.deps,
      () => registerParticipant(party.viewer, training.id, person([sessionId])),
      "forbidden",
      REGISTRATION_TABLES,
    );
    await expectRefused(
      env.deps,
      () => registerParticipant(outsider.editor, training.id, person([sessionId])),
      "not_found",
      REGISTRATION_TABLES,
    );
    // NNS runs the training but takes no seats of its own.
    await expectRefused(
      env.deps,
      () => registerParticipant(nns.admin, training.id, person([sessionId])),
      "forbidden",
      REGISTRATION_TABLES,
    );
  });

  it("registration before planning, twice for the same session, or for an unknown session is refused", async () => {
    const { editor } = await freshTenant(env.deps);
    const draft = await createTraining(editor, { kind: "event", title: "Inte planerad" });
    const withSession = await addSession(editor, draft.id, {
      title: "Dag",
      startsAt: new Date(Date.now() + 5 * 86_400_000),
      endsAt: new Date(Date.now() + 5 * 86_400_000 + 3_600_000),
      mode: "digital",
    });
    const draftSession = withSession.sessions[0]?.id as string;
    await expectRefused(
      env.deps,
      () => registerParticipant(editor, draft.id, person([draftSession])),
      "conflict",
      REGISTRATION_TABLES,
    );
    const { training, sessionId } = await plannedEvent(editor);
    const input = person([sessionId]);
    await registerParticipant(editor, training.id, input);
    await expectRefused(
      env.deps,
      () => registerParticipant(editor, training.id, { ...input, email: input.email.toUpperCase() }),
      "already_exists",
      REGISTRATION_TABLES,
    );
    await expectRefused(
      env.deps,
      () => registerParticipant(editor, training.id, person([draftSession])),
      "validation_failed",
      REGISTRATION_TABLES,
    );
  });
});

describe("cancelRegistration", () => {
  it("cancelling a seat hands it to the next in line, another förbund's person, in the same transaction", async () => {
    const first = await freshTenant(env.deps);
    const second = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    const { training, sessionId } = await plannedBipSkapa(
      nns.admin,
      [
        { organizationId: first.organization.id, seats: null },
        { organizationId: second.organization.id, seats: null },
      ],
      { capacity: 1 },
    );
    const holder = await registerParticipant(first.editor, training.id, person([sessionId]));
    const waiting = await registerParticipant(second.editor, training.id, person([sessionId]));
    const seat = holder.registrations[0]?.id as string;
    const next = waiting.registrations[0]?.id as string;
    const after = await cancelRegistration(first.editor, training.id, seat);
    expect(after.registrations[0]?.status).toBe("cancelled");
    const cancelled = await expectAudited(env.deps, {
      organizationId: first.organization.id,
      action: "registration.cancelled",
      entityType: "session_registration",
      entityId: seat,
      actor: first.editor,
      before: { status: "confirmed" },
      after: { status: "cancelled" },
      sameTransactionAs: { table: "session_registrations", where: { id: seat, status: "cancelled" } },
    });
    const promoted = await expectAudited(env.deps, {
      organizationId: second.organization.id,
      action: "registration.promoted",
      entityType: "session_registration",
      entityId: next,
      actor: first.editor,
      after: { sessionId, trainingId: training.id, status: "confirmed" },
      sameTransactionAs: { table: "session_registrations", where: { id: next, status: "confirmed" } },
    });
    expect(promoted.transactionId).toBe(cancelled.transactionId);
    expect(
      await rowsOf(env.deps, {
        table: "emails",
        where: { template: "training_waitlist_promoted", organization_id: second.organization.id },
      }),
    ).toHaveLength(1);
  });

  it("another party's registration is not found; a viewer may not cancel; a cancelled one cannot be again", async () => {
    const first = await freshTenant(env.deps);
    const second = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    const { training, sessionId } = await plannedBipSkapa(nns.admin, [
      { organizationId: first.organization.id, seats: 5 },
      { organizationId: second.organization.id, seats: 5 },
    ]);
    const participant = await registerParticipant(first.editor, training.id, person([sessionId]));
    const registrationId = participant.registrations[0]?.id as string;
    await expectRefused(
      env.deps,
      () => cancelRegistration(second.editor, training.id, registrationId),
      "not_found",
      REGISTRATION_TABLES,
    );
    await expectRefused(
      env.deps,
      () => cancelRegistration(first.viewer, training.id, registrationId),
      "forbidden",
      REGISTRATION_TABLES,
    );
    // The owner may cancel anyone's registration.
    await cancelRegistration(nns.admin, training.id, registrationId);
    await expectAudited(env.deps, {
      organizationId: nns.organization.id,
      action: "registration.cancelled",
      entityType: "session_registration",
      entityId: registrationId,
      actor: nns.admin,
    });
    await expectRefused(
      env.deps,
      () => cancelRegistration(first.editor, training.id, registrationId),
      "conflict",
      REGISTRATION_TABLES,
    );
  });
});

/** An event whose only session starts in ten minutes: attendance opens half an hour before the start. */
async function startingEvent(editor: Parameters<typeof createTraining>[0]) {
  const created = await createTraining(editor, { kind: "event", title: "Pågående dag" });
  const startsAt = new Date(Date.now() + 10 * 60_000);
  const withSession = await addSession(editor, created.id, {
    title: "Dag",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3_600_000),
    mode: "digital",
  });
  const training = await moveTraining(editor, created.id, "plan", null);
  return { training, sessionId: withSession.sessions[0]?.id as string };
}

describe("recordAttendance", () => {
  it("the organizer records attendance: the registrations and the audit entry in one transaction", async () => {
    const { organization, editor } = await freshTenant(env.deps);
    const { training, sessionId } = await startingEvent(editor);
    const participant = await registerParticipant(editor, training.id, person([sessionId]));
    const registrationId = participant.registrations[0]?.id as string;
    const roster = await recordAttendance(editor, training.id, sessionId, [
      { registrationId, attended: true },
    ]);
    expect(roster).toEqual([{ registrationId, attended: true }]);
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "training.attendance_recorded",
      entityType: "training_session",
      entityId: sessionId,
      actor: editor,
      after: [{ registrationId, attended: true }],
      sameTransactionAs: { table: "session_registrations", where: { id: registrationId, attended: true } },
    });
  });

  it("an NNS trainer assigned to the session records it; the attendance then gates the follow-up survey", async () => {
    const party = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    const trainerPerson = await addPerson(env.deps, nns.organization, "trainer");
    const trainerId = await certifiedTrainer(nns.admin, trainerPerson.email);
    const { training, sessionId } = await plannedBipSkapa(
      nns.admin,
      [{ organizationId: party.organization.id, seats: 5 }],
      { trainerId },
    );
    const input = person([sessionId]);
    const participant = await registerParticipant(party.editor, training.id, input);
    const registrationId = participant.registrations[0]?.id as string;
    // The session moves to the past so that attendance can be taken and the training completed.
    const startsAt = new Date(Date.now() - 3 * 3_600_000);
    await updateSession(
      nns.admin,
      training.id,
      sessionId,
      { startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) },
      null,
    );
    const trainer = await contextFor(env.deps, trainerPerson, nns.organization.id);
    await recordAttendance(trainer, training.id, sessionId, [{ registrationId, attended: true }]);
    await expectAudited(env.deps, {
      organizationId: nns.organization.id,
      action: "training.attendance_recorded",
      entityType: "training_session",
      entityId: sessionId,
      actor: trainer,
      sameTransactionAs: { table: "session_registrations", where: { id: registrationId, attended: true } },
    });
    await moveTraining(nns.admin, training.id, "confirm", null);
    await moveTraining(nns.admin, training.id, "complete", null);
    const completed = {
      organizationId: nns.organization.id,
      action: "training.complete",
      entityType: "training",
      entityId: training.id,
    };
    await expectAudited(env.deps, {
      ...completed,
      actor: nns.admin,
      before: { status: "confirmed" },
      after: { status: "completed" },
      sameTransactionAs: { table: "trainings", where: { id: training.id } },
    });
    for (const row of [
      { table: "survey_responses", where: { training_id: training.id, participant_id: participant.id } },
      { table: "emails", where: { to_address: input.email, template: "training_survey" } },
    ]) {
      await expectAudited(env.deps, { ...completed, sameTransactionAs: row });
    }
    // Completed: attendance is frozen.
    await expectRefused(
      env.deps,
      () => recordAttendance(trainer, training.id, sessionId, [{ registrationId, attended: false }]),
      "conflict",
      [...REGISTRATION_TABLES, "survey_responses"],
    );
  });

  it("before the session, for someone not on its roster, by a viewer or by a party: refused, nothing written", async () => {
    const { editor, viewer } = await freshTenant(env.deps);
    const { training, sessionId } = await plannedEvent(editor, 1);
    const seated = await registerParticipant(editor, training.id, person([sessionId]));
    const seat = seated.registrations[0]?.id as string;
    await expectRefused(
      env.deps,
      () => recordAttendance(editor, training.id, sessionId, [{ registrationId: seat, attended: true }]),
      "conflict",
      REGISTRATION_TABLES,
    );
    const started = await startingEvent(editor);
    await registerParticipant(editor, started.training.id, person([started.sessionId]));
    await expectRefused(
      env.deps,
      () =>
        recordAttendance(viewer, started.training.id, started.sessionId, [
          { registrationId: seat, attended: true },
        ]),
      "forbidden",
      REGISTRATION_TABLES,
    );
    // A registration for another session is not on this one's roster.
    await expectRefused(
      env.deps,
      () =>
        recordAttendance(editor, started.training.id, started.sessionId, [
          { registrationId: seat, attended: true },
        ]),
      "validation_failed",
      REGISTRATION_TABLES,
    );
    const party = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    const bip = await plannedBipSkapa(nns.admin, [{ organizationId: party.organization.id, seats: 5 }]);
    await expectRefused(
      env.deps,
      () => recordAttendance(party.editor, bip.training.id, bip.sessionId, []),
      "not_found",
      REGISTRATION_TABLES,
    );
  });
});
