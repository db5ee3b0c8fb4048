import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { expectData, expectProblem } from "./client.js";
import { useTestApp } from "./helpers.js";
import {
  at,
  emailsTo,
  inTraining,
  personEmail,
  plannedTraining,
  register,
  registerParticipants,
} from "./training-fixtures.js";

const env = useTestApp();

const PARTICIPANTS = "/orgs/{orgId}/trainings/{trainingId}/participants";
const CANCEL = "/orgs/{orgId}/trainings/{trainingId}/registrations/{registrationId}/cancel";

describe("registering for a shared training", () => {
  it("keeps each förbund within its seats, queues the rest, and promotes exactly one on a cancellation", async () => {
    const f = await plannedTraining(env);
    const { a, b, trainingId, trainingSession } = f;
    const registered = await registerParticipants(env, f);
    expectData(registered.seats);
    const first = expectData(registered.first, 201);
    expect(first.registrations.map((r) => r.status)).toEqual(["confirmed", "confirmed"]);
    const mail = (await emailsTo(env, personEmail(a, 1))).at(-1);
    const ics = ((mail?.attachments ?? []) as { content: string; filename: string }[])[0];
    expect(ics?.filename).toBe("inbjudan.ics");
    const events = new ICAL.Component(ICAL.parse(ics?.content as string)).getAllSubcomponents("vevent");
    expect(events).toHaveLength(2);
    const starts = events.map((e) => new ICAL.Event(e).startDate.toJSDate().toISOString()).sort();
    expect(starts).toEqual([at(10, 8), at(20, 8)].sort());
    expect(expectData(registered.second, 201).registrations[0]?.status).toBe("confirmed");
    expect(expectData(registered.third, 201).registrations[0]).toMatchObject({
      status: "waitlisted",
      waitingPosition: 1,
    });
    const editorA = await a.signIn("editor");
    expectProblem(await register(f, await a.signIn("viewer"), a, 9, [trainingSession]), 403, "forbidden");
    expectProblem(await register(f, editorA, a, 2, [trainingSession]), 409, "already_exists");
    // Booking the same person for another step later reuses their record.
    expect(expectData(registered.more, 201).registrations).toHaveLength(2);
    // Another förbund's registrations do not reveal which addresses a has registered.
    expectData(registered.sameAddress, 201);
    // Förbund b sees only its own people; a's are never listed to it.
    expect(expectData(registered.b1, 201).registrations[0]?.status).toBe("confirmed");
    const adminB = await b.signIn("admin");
    const listB = expectData(await adminB.GET(PARTICIPANTS, inTraining(b.org.id, trainingId)));
    expect(listB.data.map((p) => p.organizationId)).toEqual([b.org.id, b.org.id]);
    expect(expectData(await f.nns.GET(PARTICIPANTS, inTraining(env.nns.id, trainingId))).data).toHaveLength(
      5,
    );
    const seats = expectData(
      await editorA.GET("/orgs/{orgId}/trainings/{trainingId}/seats", inTraining(a.org.id, trainingId)),
    );
    expect(seats.data.find((s) => s.sessionId === trainingSession)).toMatchObject({
      capacity: 25,
      confirmed: 3,
      waitlisted: 1,
      seatsLeftForYou: 0,
    });
    // b cannot cancel a's registration.
    const aFirstTraining = first.registrations.find((r) => r.sessionId === trainingSession)?.id as string;
    expectProblem(
      await adminB.POST(CANCEL, {
        params: { path: { orgId: b.org.id, trainingId, registrationId: aFirstTraining } },
      }),
      404,
      "not_found",
    );
    const cancelled = await editorA.POST(CANCEL, {
      params: { path: { orgId: a.org.id, trainingId, registrationId: aFirstTraining } },
    });
    expectData(cancelled);
    const after = expectData(await editorA.GET(PARTICIPANTS, inTraining(a.org.id, trainingId)));
    const statuses = after.data.map((p) => [
      p.name,
      p.registrations.find((r) => r.sessionId === trainingSession)?.status,
    ]);
    expect(statuses).toEqual([
      ["Person 1", "cancelled"],
      ["Person 2", "confirmed"],
      ["Person 3", "confirmed"],
    ]);
    const promoted = (await emailsTo(env, personEmail(a, 3))).at(-1);
    expect(promoted?.template).toBe("training_waitlist_promoted");
  });
});
