import { describe, expect, it } from "vitest";
import {
  addSession,
  createTraining,
  eventFollowUp,
  memberPartyChoices,
  moveTraining,
  recordEventFigures,
  recordPastAttendee,
  registerParticipant,
} from "../src/index.js";
import { expectAudited, expectRefused } from "./audit.js";
import { freshTenant, useServiceDatabase } from "./tenant.js";
import { pastEvent, plannedEvent, sessionTimes } from "./training-fixtures.js";

const env = useServiceDatabase();
const FIGURE_TABLES = ["event_figures", "training_participants", "session_registrations"];
const seed000 = {
  registered: 132,
  attended: 118,
  attendedWomen: 97,
  attendedMen: 19,
  attendedOther: 2,
  surveyResponses: 74,
  satisfaction: 4.4,
};

describe("an event held in the past, entered afterwards with its figures", () => {
  it("a förbund creates last year's day with a past session, closes it and records seed 000's counts", async () => {
    const { admin, organization } = await freshTenant(env.deps);
    const { training } = await pastEvent(admin, 300);
    expect(training.status).toBe("completed");
    const view = await recordEventFigures(
      admin,
      training.id,
      { ...seed000, note: "Efterenkät i Forms" },
      null,
    );
    expect(view).toMatchObject({ source: "recorded", registered: 132, attended: 118, satisfaction: 4.4 });
    expect(view.recorded).toMatchObject({ attendedWomen: 97, attendedMen: 19, version: 1 });
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "training.figures_recorded",
      entityType: "training",
      entityId: training.id,
      actor: admin,
      before: null,
      after: { registered: 132, satisfaction: 4.4 },
      sameTransactionAs: {
        table: "event_figures",
        where: { training_id: training.id, satisfaction_tenths: 44 },
      },
    });
    const again = await recordEventFigures(admin, training.id, { ...seed000, registered: 133 }, 1);
    expect(again.recorded?.version).toBe(2);
    expect((await eventFollowUp(admin, training.id)).registered).toBe(133);
  });

  it("refuses figures that do not add up, before the day, for a cancelled day, from a viewer, or over a newer change", async () => {
    const { admin, viewer } = await freshTenant(env.deps);
    const { training } = await pastEvent(admin);
    const wrong = await expectRefused(
      env.deps,
      () => recordEventFigures(admin, training.id, { ...seed000, attendedMen: 30 }, null),
      "validation_failed",
      FIGURE_TABLES,
    );
    expect(wrong.errors?.[0]).toMatchObject({
      field: "body.attendedWomen",
      rule: "gender_exceeds_attended",
    });
    await expectRefused(
      env.deps,
      () => recordEventFigures(viewer, training.id, seed000, null),
      "forbidden",
      FIGURE_TABLES,
    );
    const upcoming = await plannedEvent(admin);
    await expectRefused(
      env.deps,
      () => recordEventFigures(admin, upcoming.training.id, seed000, null),
      "conflict",
      FIGURE_TABLES,
    );
    await recordEventFigures(admin, training.id, seed000, null);
    await expectRefused(
      env.deps,
      () => recordEventFigures(admin, training.id, seed000, 0),
      "precondition_failed",
      FIGURE_TABLES,
    );
    const cancelled = await createTraining(admin, { kind: "event", title: "Inspirationsdag 2020" });
    await moveTraining(admin, cancelled.id, "cancel", "Covid-19");
    await expectRefused(
      env.deps,
      () => recordEventFigures(admin, cancelled.id, seed000, null),
      "conflict",
      FIGURE_TABLES,
    );
  });
});

describe("people recorded afterwards, tied to a member party", () => {
  it("the host records who came to a past day; the follow-up counts them by member party and gender, hiding small groups", async () => {
    const { admin, organization } = await freshTenant(env.deps);
    const [af, fk, kommun] = await memberPartyChoices(admin);
    const { training, sessionId } = await pastEvent(admin);
    const record = (n: number, memberPartyId: string, gender: "woman" | "man", attended = true) =>
      recordPastAttendee(admin, training.id, {
        name: `Handläggare ${n}`,
        email: `h${n}.${training.id}@example.se`,
        employer: "Fri text",
        gender,
        memberPartyId,
        sessionIds: [sessionId],
        attended,
      });
    const first = await record(1, fk?.id as string, "woman");
    for (let n = 2; n <= 6; n++) await record(n, fk?.id as string, n % 2 ? "man" : "woman");
    await record(7, af?.id as string, "woman");
    await record(8, af?.id as string, "man", false);
    for (let n = 9; n <= 13; n++) await record(n, kommun?.id as string, "woman");
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "training.attendee_recorded",
      entityType: "training_participant",
      entityId: first.participantId,
      after: { attended: true, memberPartyId: fk?.id as string },
      sameTransactionAs: { table: "session_registrations", where: { participant_id: first.participantId } },
    });
    const view = await eventFollowUp(admin, training.id);
    expect(view).toMatchObject({
      source: "registrations",
      registered: 13,
      attended: 12,
      attendedWomen: 10,
      attendedMen: 2,
    });
    const fkRow = view.byMemberParty.find((r) => r.memberPartyId === fk?.id);
    const afRow = view.byMemberParty.find((r) => r.memberPartyId === af?.id);
    expect(fkRow).toMatchObject({
      registered: 6,
      attended: 6,
      name: fk?.name,
      organizationName: organization.name,
    });
    // Two from AF would identify people: hidden, and the next smallest group (the kommun's five) with it,
    // so that the total minus the groups shown cannot give AF away.
    expect(afRow).toMatchObject({ registered: null, attended: null });
    const kommunRow = view.byMemberParty.find((r) => r.memberPartyId === kommun?.id);
    expect(kommunRow).toMatchObject({ registered: null, attended: null, attendedWomen: 10 - 4 - 1 });
    expect(fkRow?.attendedWomen).toBeNull();
  });

  it("refuses a session still to come, another förbund's member party, and a repeat; the usual registration still refuses a past day", async () => {
    const { admin } = await freshTenant(env.deps);
    const other = await freshTenant(env.deps);
    const { training, sessionId } = await pastEvent(admin);
    const upcoming = await addSession(admin, (await plannedEvent(admin)).training.id, {
      title: "Uppföljning",
      ...sessionTimes(20),
      mode: "digital",
    });
    const person = {
      name: "Anna Berg",
      email: `anna.${training.id}@example.se`,
      sessionIds: [sessionId],
      attended: true,
    };
    const future = await expectRefused(
      env.deps,
      () =>
        recordPastAttendee(admin, upcoming.id, {
          ...person,
          sessionIds: [upcoming.sessions[1]?.id as string],
        }),
      "validation_failed",
      ["training_participants", "session_registrations"],
    );
    expect(future.errors?.[0]?.rule).toBe("session_not_over");
    const otherParty = (await memberPartyChoices(other.admin))[0]?.id as string;
    const foreign = await expectRefused(
      env.deps,
      () => recordPastAttendee(admin, training.id, { ...person, memberPartyId: otherParty }),
      "validation_failed",
      ["training_participants", "session_registrations"],
    );
    expect(foreign.errors?.[0]).toMatchObject({
      field: "body.memberPartyId",
      rule: "unknown_member_party",
    });
    await recordPastAttendee(admin, training.id, {
      ...person,
      memberPartyId: (await memberPartyChoices(admin))[2]?.id as string,
    });
    await expectRefused(env.deps, () => recordPastAttendee(admin, training.id, person), "already_exists", [
      "session_registrations",
    ]);
    // BIP/SKAPA and upcoming days keep the rule: the usual registration (which emails a confirmation) is
    // for days still to come.
    const open = await plannedEvent(admin);
    await addSession(admin, open.training.id, {
      title: "Förra veckan",
      ...sessionTimes(-7),
      mode: "digital",
    });
    const past = (await eventFollowUp(admin, open.training.id)) && open.training.id;
    const sessions = (await addSession(admin, past, { title: "Igår", ...sessionTimes(-1), mode: "digital" }))
      .sessions;
    const over = await expectRefused(
      env.deps,
      () =>
        registerParticipant(admin, past, {
          name: "Sen anmälan",
          email: "sen@example.se",
          contactConsent: false,
          sessionIds: [sessions[0]?.id as string],
        }),
      "validation_failed",
      ["training_participants"],
    );
    expect(over.errors?.[0]?.rule).toBe("session_over");
  });
});
