import { describe, expect, it } from "vitest";
import { type Client, expectData, expectProblem } from "./client.js";
import { freshTenant, type Tenant, useTestApp } from "./helpers.js";
import { at, inOrg, inTraining } from "./training-fixtures.js";

const env = useTestApp();

/** A förbund's event day through the API, its one session `daysFromNow` away (negative: already held). */
async function eventDay(client: Client, tenant: Tenant, daysFromNow: number) {
  const event = expectData(
    await client.POST("/orgs/{orgId}/trainings", {
      ...inOrg(tenant.org.id),
      body: { kind: "event", title: "Inspirationsdag" },
    }),
    201,
  );
  const withSession = expectData(
    await client.POST("/orgs/{orgId}/trainings/{trainingId}/sessions", {
      ...inTraining(tenant.org.id, event.id),
      body: {
        title: "Inspirationsdag",
        startsAt: at(daysFromNow, 8),
        endsAt: at(daysFromNow, 15),
        mode: "on_site",
        location: "Eksjö Stadshotell",
      },
    }),
    201,
  );
  return { trainingId: event.id, sessionId: withSession.sessions[0]?.id as string };
}

const FIGURES = "/orgs/{orgId}/trainings/{trainingId}/event-figures";

describe("an event's figures and people entered afterwards", () => {
  it("records a past day's counts and its people by member party; refuses what does not add up (400) and a day to come (409)", async () => {
    const a = await freshTenant(env);
    const admin = await a.signIn("admin");
    const past = await eventDay(admin, a, -200);
    const recorded = expectData(
      await admin.PUT(FIGURES, {
        ...inTraining(a.org.id, past.trainingId),
        body: {
          registered: 132,
          attended: 118,
          attendedWomen: 97,
          attendedMen: 19,
          surveyResponses: 74,
          satisfaction: 4.4,
        },
      }),
    );
    expect(recorded).toMatchObject({
      source: "recorded",
      attended: 118,
      satisfaction: 4.4,
      recorded: { version: 1 },
    });
    const gender = expectProblem(
      await admin.PUT(FIGURES, {
        ...inTraining(a.org.id, past.trainingId),
        body: { registered: 10, attended: 8, attendedWomen: 6, attendedMen: 4 },
      }),
      400,
      "validation_failed",
    );
    expect(gender.errors?.[0]).toMatchObject({
      field: "body.attendedWomen",
      rule: "gender_exceeds_attended",
    });
    expectProblem(
      await admin.PUT(FIGURES, {
        ...inTraining(a.org.id, past.trainingId),
        body: { registered: 10, attended: 8, satisfaction: 6 },
      }),
      400,
      "validation_failed",
    );
    const stale = await admin.PUT(FIGURES, {
      ...inTraining(a.org.id, past.trainingId),
      params: { ...inTraining(a.org.id, past.trainingId).params, header: { "if-match": '"7"' } },
      body: { registered: 10, attended: 8 },
    });
    expectProblem(stale, 412, "precondition_failed");
    const upcoming = await eventDay(admin, a, 14);
    expectProblem(
      await admin.PUT(FIGURES, {
        ...inTraining(a.org.id, upcoming.trainingId),
        body: { registered: 10, attended: 8 },
      }),
      409,
      "conflict",
    );

    const [fk] = expectData(await admin.GET("/orgs/{orgId}/member-parties", inOrg(a.org.id)));
    const person = expectData(
      await admin.POST("/orgs/{orgId}/trainings/{trainingId}/past-participants", {
        ...inTraining(a.org.id, past.trainingId),
        body: {
          name: "Sara Ek",
          email: "sara.ek@test.se",
          gender: "woman",
          memberPartyId: fk?.id,
          sessionIds: [past.sessionId],
          attended: true,
        },
      }),
      201,
    );
    expect(person.attended).toBe(true);
    const notOver = expectProblem(
      await admin.POST("/orgs/{orgId}/trainings/{trainingId}/past-participants", {
        ...inTraining(a.org.id, upcoming.trainingId),
        body: { name: "För tidig", email: "tidig@test.se", sessionIds: [upcoming.sessionId], attended: true },
      }),
      400,
      "validation_failed",
    );
    expect(notOver.errors?.[0]).toMatchObject({ field: "body.sessionIds.0", rule: "session_not_over" });
    expectProblem(
      await admin.POST("/orgs/{orgId}/trainings/{trainingId}/past-participants", {
        ...inTraining(a.org.id, past.trainingId),
        body: { name: "Sara Ek", email: "sara.ek@test.se", sessionIds: [past.sessionId], attended: true },
      }),
      409,
      "already_exists",
    );
    // The usual registration (with its confirmation email) is not how a past day's people are entered.
    const over = expectProblem(
      await admin.POST("/orgs/{orgId}/trainings/{trainingId}/participants", {
        ...inTraining(a.org.id, past.trainingId),
        body: { name: "Sen", email: "sen@test.se", contactConsent: false, sessionIds: [past.sessionId] },
      }),
      409,
      "conflict",
    );
    expect(over.detail).toContain("Registration is not open");
  });
});

describe("co-hosting an event", () => {
  it("invites another förbund (201), refuses the host itself (400) and a repeat (409), and the old direct party route stays 409", async () => {
    const a = await freshTenant(env);
    const b = await freshTenant(env);
    const [adminA, adminB] = [await a.signIn("admin"), await b.signIn("admin")];
    const { trainingId } = await eventDay(adminA, a, 30);
    const COHOSTS = "/orgs/{orgId}/trainings/{trainingId}/cohosts";
    const invited = expectData(
      await adminA.POST(COHOSTS, { ...inTraining(a.org.id, trainingId), body: { organizationId: b.org.id } }),
      201,
    );
    expect(invited).toMatchObject([{ organizationId: b.org.id, acceptedAt: null }]);
    const self = expectProblem(
      await adminA.POST(COHOSTS, { ...inTraining(a.org.id, trainingId), body: { organizationId: a.org.id } }),
      400,
      "validation_failed",
    );
    expect(self.errors?.[0]).toMatchObject({ field: "body.organizationId", rule: "other_forbund" });
    expectProblem(
      await adminA.POST(COHOSTS, { ...inTraining(a.org.id, trainingId), body: { organizationId: b.org.id } }),
      409,
      "already_exists",
    );
    expectProblem(
      await adminA.PUT("/orgs/{orgId}/trainings/{trainingId}/parties/{partyId}", {
        params: { path: { orgId: a.org.id, trainingId, partyId: b.org.id } },
        body: { seats: null },
      }),
      409,
      "conflict",
    );
    // Before accepting, B has the invitation and nothing of the event.
    expectProblem(
      await adminB.GET("/orgs/{orgId}/trainings/{trainingId}", inTraining(b.org.id, trainingId)),
      404,
      "not_found",
    );
    const invitations = expectData(await adminB.GET("/orgs/{orgId}/cohost-invitations", inOrg(b.org.id)));
    expect(invitations.map((i) => i.trainingId)).toEqual([trainingId]);
    expectData(
      await adminB.POST(
        "/orgs/{orgId}/cohost-invitations/{trainingId}/accept",
        inTraining(b.org.id, trainingId),
      ),
    );
    const seen = expectData(
      await adminB.GET("/orgs/{orgId}/trainings/{trainingId}", inTraining(b.org.id, trainingId)),
    );
    expect(seen.viewer).toEqual({ isOwner: false, isParty: true });
    expectProblem(
      await adminB.POST("/orgs/{orgId}/trainings/{trainingId}/budget/lines", {
        ...inTraining(b.org.id, trainingId),
        body: { category: "catering", description: "Fika", budgetOre: 500_000, vatRateBasisPoints: 1200 },
      }),
      403,
      "forbidden",
    );
    // A category outside the four is refused by the contract (the raw client sends what the typed one cannot).
    expectProblem(
      await adminA.raw("POST", `/v1/orgs/${a.org.id}/trainings/${trainingId}/budget/lines`, {
        body: { category: "lokal", description: "Lokal", budgetOre: 500_000 },
      }),
      400,
      "validation_failed",
    );
  });
});
