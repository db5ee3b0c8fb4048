import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { expectData, expectProblem } from "./client.js";
import { freshTenant, useTestApp } from "./helpers.js";
import {
  at,
  inOrg,
  inTraining,
  registeredTrainer,
  requestedTraining,
  scheduleSessions,
  transition,
} from "./training-fixtures.js";

const env = useTestApp();

const TRAININGS = "/orgs/{orgId}/trainings";
const SESSIONS = "/orgs/{orgId}/trainings/{trainingId}/sessions";

describe("a shared BIP/SKAPA training", () => {
  it("plans sessions from the template and only with a trainer certified on their dates", async () => {
    const f = await requestedTraining(env);
    const uncertified = await registeredTrainer(env, f.nns, { deliveryModes: ["digital"] });
    const refused = await f.nns.POST(SESSIONS, {
      ...inTraining(env.nns.id, f.trainingId),
      body: {
        stepKey: "training",
        startsAt: at(20, 8),
        mode: "on_site",
        location: "Halmstad",
        trainerIds: [uncertified.id],
      },
    });
    expect(expectProblem(refused, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "body.trainerIds",
      rule: "certification_not_valid",
    });
    // Nothing to plan before a session is scheduled.
    expectProblem(await transition(f.nns, env.nns.id, f.trainingId, "plan"), 409, "conflict");
    const { step4, step2 } = await scheduleSessions(env, f);
    const session = expectData(step4, 201).sessions[0];
    expect(session).toMatchObject({ capacity: 25, title: "Utbildning i progressionsmätning" });
    expect(
      new Date(session?.endsAt as string).getTime() - new Date(session?.startsAt as string).getTime(),
    ).toBe(7 * 3_600_000);
    expectData(step2, 201);
    const planned = expectData(await transition(f.nns, env.nns.id, f.trainingId, "plan"));
    expect(planned.status).toBe("planned");
    expectProblem(
      await transition(await f.a.signIn("admin"), f.a.org.id, f.trainingId, "confirm"),
      403,
      "forbidden",
    );
  });
});

describe("a förbund's own event", () => {
  it("runs with its own registrations and no BIP steps, invisible to other förbund", async () => {
    const [t, other] = await Promise.all([freshTenant(env), freshTenant(env)]);
    const [adminA, editorA, viewerA, adminB] = [
      await t.signIn("admin"),
      await t.signIn("editor"),
      await t.signIn("viewer"),
      await other.signIn("admin"),
    ];
    expectProblem(
      await adminA.POST(TRAININGS, { ...inOrg(t.org.id), body: { kind: "bip_skapa", title: "Egen BIP" } }),
      400,
      "validation_failed",
    );
    const event = expectData(
      await editorA.POST(TRAININGS, {
        ...inOrg(t.org.id),
        body: { kind: "event", title: "Inspirationsdag 2027" },
      }),
      201,
    );
    const withOthers = await editorA.POST(TRAININGS, {
      ...inOrg(t.org.id),
      body: { kind: "event", title: "Med andra", parties: [{ organizationId: other.org.id, seats: null }] },
    });
    expect(expectProblem(withOthers, 400, "validation_failed").errors?.[0]?.rule).toBe(
      "event_has_no_parties",
    );
    expectProblem(
      await adminB.GET("/orgs/{orgId}/trainings/{trainingId}", inTraining(other.org.id, event.id)),
      404,
      "not_found",
    );
    const onSiteWithoutPlace = await editorA.POST(SESSIONS, {
      ...inTraining(t.org.id, event.id),
      body: { title: "Inspirationsdag", startsAt: at(30, 7), endsAt: at(30, 15), mode: "on_site" },
    });
    expect(expectProblem(onSiteWithoutPlace, 400, "validation_failed").errors?.[0]?.field).toBe(
      "body.location",
    );
    const withSession = await editorA.POST(SESSIONS, {
      ...inTraining(t.org.id, event.id),
      body: {
        title: "Inspirationsdag",
        startsAt: at(30, 7),
        endsAt: at(30, 15),
        mode: "on_site",
        location: "Värnamo stadshus",
        capacity: 120,
      },
    });
    expectData(withSession, 201);
    expect(expectData(await transition(editorA, t.org.id, event.id, "plan")).status).toBe("planned");
    const ics = await viewerA.GET("/orgs/{orgId}/trainings/{trainingId}/calendar.ics", {
      ...inTraining(t.org.id, event.id),
      parseAs: "text",
    });
    expect(ics.response.headers.get("content-type")).toContain("text/calendar");
    const vevent = new ICAL.Component(ICAL.parse(expectData(ics))).getFirstSubcomponent("vevent");
    expect(new ICAL.Event(vevent as ICAL.Component).location).toBe("Värnamo stadshus");
    // Outside the typed client: the contract itself says a cancellation carries a reason.
    const cancelled = await editorA.raw("POST", `/v1/orgs/${t.org.id}/trainings/${event.id}/transitions`, {
      body: { action: "cancel" },
    });
    expect(expectProblem(cancelled, 400, "validation_failed").errors?.[0]?.field).toBe("body.reason");
    const done = await editorA.POST("/orgs/{orgId}/trainings/{trainingId}/transitions", {
      ...inTraining(t.org.id, event.id),
      body: { action: "cancel", reason: "För få anmälda" },
    });
    expect(expectData(done)).toMatchObject({ status: "cancelled", cancellationReason: "För få anmälda" });
  });
});
