import { grantRole, systemContext } from "@nns/services";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, expectProblem, PASSWORD, setupTestApp, signIn, type TestEnv } from "./helpers.js";

let env: TestEnv;
let nns: Client;
let adminA: Client;
let editorA: Client;
let viewerA: Client;
let adminB: Client;
let trainer: Client;
let trainerId: string;

const DAY = 86_400_000;
const at = (daysFromNow: number, hour: number) => {
  const d = new Date(Date.now() + daysFromNow * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};
const org = (id: string) => `/v1/orgs/${id}`;
const put = (client: Client, path: string, body: unknown) => client.request("PUT", path, { body });

async function emailsTo(address: string) {
  return env.t.db.ownerSql(
    "select subject, text_body, attachments, template from emails where lower(to_address) = lower($1) order by created_at",
    [address],
  );
}

async function request(client: Client, orgId: string, over: Record<string, unknown> = {}) {
  const res = await client.post(`${org(orgId)}/training-requests`, {
    periodStart: "2027-02-01",
    periodEnd: "2027-04-30",
    expectedParticipants: 12,
    deliveryPreference: "either",
    openToSharing: true,
    contactName: "Kontaktperson",
    contactEmail: `kontakt.${orgId.slice(0, 8)}@test.se`,
    ...over,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

beforeAll(async () => {
  env = await setupTestApp();
  await grantRole(systemContext(env.deps, "test"), {
    organizationSlug: "nns",
    email: "utbildare@test.se",
    name: "Ulla Utbildare",
    password: PASSWORD,
    role: "trainer",
  });
  const clients = await Promise.all(
    [
      env.users.nnsAdmin.email,
      env.users.adminA.email,
      env.users.editorA.email,
      env.users.viewerA.email,
      env.users.adminB.email,
      "utbildare@test.se",
    ].map((email) => signIn(env, email)),
  );
  [nns, adminA, editorA, viewerA, adminB, trainer] = clients as [
    Client,
    Client,
    Client,
    Client,
    Client,
    Client,
  ];
  const created = await nns.post("/v1/nns/trainers", {
    name: "Ulla Utbildare",
    email: "utbildare@test.se",
    countyCodes: ["13", "06"],
    deliveryModes: ["digital", "on_site"],
  });
  expect(created.status).toBe(201);
  trainerId = created.body.id;
});
afterAll(async () => env?.close());

describe("trainer registry", () => {
  it("records certifications with their status and lists those about to expire", async () => {
    const soon = new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10);
    const res = await nns.post(`/v1/nns/trainers/${trainerId}/certifications`, {
      issuer: "Væksthuset",
      certifiedOn: "2024-05-01",
      validUntil: soon,
    });
    expect(res.status).toBe(201);
    expect(res.body.certificationStatus).toBe("expiring");
    const expiring = await nns.get("/v1/nns/certifications/expiring");
    expect(expiring.body.data).toEqual([
      expect.objectContaining({ trainerId, certification: expect.objectContaining({ validUntil: soon }) }),
    ]);
    const renewed = await nns.post(`/v1/nns/trainers/${trainerId}/certifications`, {
      issuer: "Væksthuset",
      certifiedOn: "2025-01-01",
      validUntil: "2030-12-31",
      evidence: "Intyg nr 2025-17",
    });
    expect(renewed.body.certificationStatus).toBe("valid");
  });

  it("refuses a certification that ends before it starts, naming the field", async () => {
    const res = await nns.post(`/v1/nns/trainers/${trainerId}/certifications`, {
      issuer: "Væksthuset",
      certifiedOn: "2026-01-01",
      validUntil: "2025-01-01",
    });
    expect(expectProblem(res, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "body.validUntil",
      rule: "after_certified_on",
    });
  });

  it("is NNS's: a förbund admin gets 403", async () => {
    expectProblem(await adminA.get("/v1/nns/trainers"), 403, "forbidden");
  });

  it("seeds the price list and the four-step template from seed 003", async () => {
    const prices = await nns.get("/v1/nns/price-list");
    expect(prices.body.data[0]).toMatchObject({
      code: "bip_skapa_training",
      unitPriceOre: 5_000_000,
      maxParticipants: 25,
    });
    const template = await nns.get("/v1/nns/training-template");
    expect(template.body.steps.map((s: { durationMinutes: number }) => s.durationMinutes)).toEqual([
      150, 180, 150, 420,
    ]);
    expect(template.body.steps[3].capacity).toBe(25);
  });
});

describe("from requests to a shared training", () => {
  let trainingId: string;
  let trainingSession: string;
  let kickoff: string;

  it("suggests pairing Halland with a neighbouring län, and turns both requests into one training", async () => {
    // orgA is in Halland (13); orgB is placed in Jönköping (06), a neighbour.
    await env.t.db.ownerSql("update organizations set county_code = '06' where id = $1", [env.orgB.id]);
    const a = await request(adminA, env.orgA.id, { expectedParticipants: 15 });
    const b = await request(adminB, env.orgB.id, { periodStart: "2027-03-01", expectedParticipants: 10 });
    expectProblem(await editorA.post(`${org(env.orgA.id)}/training-requests`, {}), 403, "forbidden");
    // Each förbund sees only its own request; NNS sees both.
    expect(
      (await adminA.get(`${org(env.orgA.id)}/training-requests`)).body.data.map((r: { id: string }) => r.id),
    ).toEqual([a.id]);
    expect((await nns.get(`${org(env.nns.id)}/training-requests`)).body.data).toHaveLength(2);
    const pairings = await nns.get("/v1/nns/training-pairings");
    expect(pairings.body.data[0]).toMatchObject({
      countyRelation: "neighbouring",
      overlap: { start: "2027-03-01", end: "2027-04-30" },
      combinedParticipants: 25,
    });
    const created = await nns.post(`${org(env.nns.id)}/trainings`, {
      kind: "bip_skapa",
      title: "BIP/SKAPA Halland och Jönköping",
      requestIds: [a.id, b.id],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    trainingId = created.body.id;
    expect(created.body.parties.map((p: { organizationId: string }) => p.organizationId)).toEqual([
      env.orgA.id,
      env.orgB.id,
    ]);
    const told = await emailsTo(a.contactEmail);
    expect(told.at(-1)?.template).toBe("training_request_scheduled");
    expect(String(told.at(-1)?.text_body)).toContain(env.orgB.name);
    expect((await adminA.get(`${org(env.orgA.id)}/training-requests/${a.id}`)).body.status).toBe("scheduled");
  });

  it("plans sessions from the template and only with a trainer certified on their dates", async () => {
    const uncertified = await nns.post("/v1/nns/trainers", {
      name: "Ny Utbildare",
      email: "ny.utbildare@test.se",
      deliveryModes: ["digital"],
    });
    const refused = await nns.post(`${org(env.nns.id)}/trainings/${trainingId}/sessions`, {
      stepKey: "training",
      startsAt: at(20, 8),
      mode: "on_site",
      location: "Halmstad",
      trainerIds: [uncertified.body.id],
    });
    expect(expectProblem(refused, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "body.trainerIds",
      rule: "certification_not_valid",
    });
    expectProblem(
      await nns.post(`${org(env.nns.id)}/trainings/${trainingId}/transitions`, { action: "plan" }),
      409,
      "conflict",
    );
    const step4 = await nns.post(`${org(env.nns.id)}/trainings/${trainingId}/sessions`, {
      stepKey: "training",
      startsAt: at(20, 8),
      mode: "on_site",
      location: "Halmstad",
      trainerIds: [trainerId],
    });
    expect(step4.status, JSON.stringify(step4.body)).toBe(201);
    const session = step4.body.sessions[0];
    expect(session).toMatchObject({ capacity: 25, title: "Utbildning i progressionsmätning" });
    expect(new Date(session.endsAt).getTime() - new Date(session.startsAt).getTime()).toBe(7 * 3_600_000);
    trainingSession = session.id;
    const step2 = await nns.post(`${org(env.nns.id)}/trainings/${trainingId}/sessions`, {
      stepKey: "kickoff",
      startsAt: at(10, 8),
      mode: "digital",
      videoLink: "https://video.example.se/kickoff",
      trainerIds: [trainerId],
    });
    kickoff = step2.body.sessions[0].id;
    const planned = await nns.post(`${org(env.nns.id)}/trainings/${trainingId}/transitions`, {
      action: "plan",
    });
    expect(planned.body.status).toBe("planned");
    expectProblem(
      await adminA.post(`${org(env.orgA.id)}/trainings/${trainingId}/transitions`, { action: "confirm" }),
      403,
      "forbidden",
    );
  });

  it("keeps each förbund within its seats, queues the rest, and promotes exactly one on a cancellation", async () => {
    const seatsA = await put(nns, `${org(env.nns.id)}/trainings/${trainingId}/parties/${env.orgA.id}`, {
      seats: 2,
    });
    expect(seatsA.status).toBe(200);
    const register = (client: Client, orgId: string, n: number, sessions = [trainingSession]) =>
      client.post(`${org(orgId)}/trainings/${trainingId}/participants`, {
        name: `Person ${n}`,
        email: `person${n}.${orgId.slice(0, 4)}@test.se`,
        employer: "Försäkringskassan",
        gender: n % 2 ? "woman" : "man",
        contactConsent: true,
        sessionIds: sessions,
      });
    const first = await register(editorA, env.orgA.id, 1, [trainingSession, kickoff]);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.registrations.map((r: { status: string }) => r.status)).toEqual([
      "confirmed",
      "confirmed",
    ]);
    const mail = (await emailsTo("person1.".concat(env.orgA.id.slice(0, 4), "@test.se"))).at(-1);
    const ics = ((mail?.attachments ?? []) as { content: string; filename: string }[])[0];
    expect(ics?.filename).toBe("inbjudan.ics");
    const events = new ICAL.Component(ICAL.parse(ics?.content as string)).getAllSubcomponents("vevent");
    expect(events).toHaveLength(2);
    const starts = events.map((e) => new ICAL.Event(e).startDate.toJSDate().toISOString()).sort();
    expect(starts).toEqual([at(10, 8), at(20, 8)].sort());
    expect((await register(editorA, env.orgA.id, 2)).body.registrations[0].status).toBe("confirmed");
    const third = await register(editorA, env.orgA.id, 3);
    expect(third.body.registrations[0]).toMatchObject({ status: "waitlisted", waitingPosition: 1 });
    expectProblem(await register(viewerA, env.orgA.id, 9), 403, "forbidden");
    expectProblem(await register(editorA, env.orgA.id, 2), 409, "already_exists");
    // Booking the same person for another step later reuses their record.
    const more = await register(editorA, env.orgA.id, 2, [trainingSession, kickoff]);
    expect(more.status, JSON.stringify(more.body)).toBe(201);
    expect(more.body.registrations).toHaveLength(2);
    // Another förbund's registrations do not reveal which addresses A has registered.
    const sameAddress = await adminB.post(`${org(env.orgB.id)}/trainings/${trainingId}/participants`, {
      name: "Samma adress",
      email: `person2.${env.orgA.id.slice(0, 4)}@test.se`,
      contactConsent: false,
      sessionIds: [kickoff],
    });
    expect(sameAddress.status).toBe(201);
    // Förbund B sees only its own people; A's are never listed to it.
    const b1 = await register(adminB, env.orgB.id, 1);
    expect(b1.body.registrations[0].status).toBe("confirmed");
    const listB = await adminB.get(`${org(env.orgB.id)}/trainings/${trainingId}/participants`);
    expect(listB.body.data.map((p: { organizationId: string }) => p.organizationId)).toEqual([
      env.orgB.id,
      env.orgB.id,
    ]);
    expect((await nns.get(`${org(env.nns.id)}/trainings/${trainingId}/participants`)).body.data).toHaveLength(
      5,
    );
    const seats = await editorA.get(`${org(env.orgA.id)}/trainings/${trainingId}/seats`);
    expect(seats.body.data.find((s: { sessionId: string }) => s.sessionId === trainingSession)).toMatchObject(
      {
        capacity: 25,
        confirmed: 3,
        waitlisted: 1,
        seatsLeftForYou: 0,
      },
    );
    // B cannot cancel A's registration.
    const aFirstTraining = first.body.registrations.find(
      (r: { sessionId: string }) => r.sessionId === trainingSession,
    );
    expectProblem(
      await adminB.post(
        `${org(env.orgB.id)}/trainings/${trainingId}/registrations/${aFirstTraining.id}/cancel`,
      ),
      404,
      "not_found",
    );
    const cancelled = await editorA.post(
      `${org(env.orgA.id)}/trainings/${trainingId}/registrations/${aFirstTraining.id}/cancel`,
    );
    expect(cancelled.status).toBe(200);
    const after = await editorA.get(`${org(env.orgA.id)}/trainings/${trainingId}/participants`);
    const statuses = after.body.data.map(
      (p: { name: string; registrations: { sessionId: string; status: string }[] }) => [
        p.name,
        p.registrations.find((r) => r.sessionId === trainingSession)?.status,
      ],
    );
    expect(statuses).toEqual([
      ["Person 1", "cancelled"],
      ["Person 2", "confirmed"],
      ["Person 3", "confirmed"],
    ]);
    const promoted = (await emailsTo(`person3.${env.orgA.id.slice(0, 4)}@test.se`)).at(-1);
    expect(promoted?.template).toBe("training_waitlist_promoted");
  });

  it("splits 50 000 kr equally between the two förbund, adds a förbund's own print costs to it alone", async () => {
    const print = await adminA.post(`${org(env.orgA.id)}/trainings/${trainingId}/print-costs`, {
      description: "Tryck av skattningsformulär",
      amountOre: 180_000,
    });
    expect(print.status, JSON.stringify(print.body)).toBe(201);
    const a = await adminA.get(`${org(env.orgA.id)}/trainings/${trainingId}/costs`);
    expect(a.body).toMatchObject({ rule: "equal", sharedNetOre: 5_000_000, partyCount: 2 });
    expect(a.body.parties).toHaveLength(1);
    expect(a.body.parties[0]).toMatchObject({
      organizationId: env.orgA.id,
      sharedNetOre: 2_500_000,
      printNetOre: 180_000,
      vatOre: 670_000,
      totalOre: 3_350_000,
    });
    const b = await adminB.get(`${org(env.orgB.id)}/trainings/${trainingId}/costs`);
    expect(b.body.parties).toEqual([
      expect.objectContaining({ organizationId: env.orgB.id, printNetOre: 0, totalOre: 3_125_000 }),
    ]);
    expect(b.body.printCosts).toEqual([]);
    const all = await nns.get(`${org(env.nns.id)}/trainings/${trainingId}/costs`);
    expect(all.body.totalOre).toBe(3_350_000 + 3_125_000);
    await put(nns, `${org(env.nns.id)}/trainings/${trainingId}/parties/${env.orgB.id}`, { seats: 3 });
    await nns.patch(`${org(env.nns.id)}/trainings/${trainingId}`, { costSplitRule: "seats" });
    const bySeats = await nns.get(`${org(env.nns.id)}/trainings/${trainingId}/costs`);
    expect(bySeats.body.parties.map((p: { sharedNetOre: number }) => p.sharedNetOre)).toEqual([
      2_000_000, 3_000_000,
    ]);
  });

  it("lets only the assigned trainer take attendance, then completes with a survey and follow-up figures", async () => {
    const roster = await trainer.get(
      `${org(env.nns.id)}/trainings/${trainingId}/sessions/${trainingSession}/roster`,
    );
    expect(roster.status, JSON.stringify(roster.body)).toBe(200);
    expect(roster.body.data).toHaveLength(3);
    expectProblem(await trainer.get(`${org(env.nns.id)}/trainings`), 403, "forbidden");
    const mine = await trainer.get(`${org(env.nns.id)}/my-sessions`);
    expect(mine.body.data.map((s: { sessionId: string }) => s.sessionId).sort()).toEqual(
      [kickoff, trainingSession].sort(),
    );
    const entries = roster.body.data.map((r: { registrationId: string }, i: number) => ({
      registrationId: r.registrationId,
      attended: i < 2,
    }));
    const attendance = `${org(env.nns.id)}/trainings/${trainingId}/sessions/${trainingSession}/attendance`;
    // Attendance is taken once the session has begun.
    expectProblem(await put(trainer, attendance, { entries }), 409, "conflict");
    expectProblem(
      await nns
        .post(`${org(env.nns.id)}/trainings/${trainingId}/transitions`, { action: "confirm" })
        .then(() =>
          nns.post(`${org(env.nns.id)}/trainings/${trainingId}/transitions`, { action: "complete" }),
        ),
      409,
      "conflict",
    );
    // Time passes: the sessions are over.
    await env.t.db.ownerSql(
      "update training_sessions set starts_at = starts_at - interval '60 days', ends_at = ends_at - interval '60 days' where training_id = $1",
      [trainingId],
    );
    const taken = await put(trainer, attendance, { entries });
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    const completed = await nns.post(`${org(env.nns.id)}/trainings/${trainingId}/transitions`, {
      action: "complete",
    });
    expect(completed.body.status).toBe("completed");
    // A completed training's attendance and cost rule are frozen.
    expectProblem(await put(trainer, attendance, { entries }), 409, "conflict");
    expectProblem(
      await nns.patch(`${org(env.nns.id)}/trainings/${trainingId}`, { costSplitRule: "equal" }),
      409,
      "conflict",
    );
    const surveys = await env.t.db.ownerSql(
      "select to_address, text_body from emails where template = 'training_survey' order by to_address",
    );
    expect(surveys).toHaveLength(2);
    const token = /#([a-z2-7]{48})/.exec(String(surveys[0]?.text_body))?.[1] as string;
    const anonymous = new (nns.constructor as typeof Client)(env);
    const survey = await anonymous.post("/v1/surveys/lookup", { token });
    expect(survey.body).toMatchObject({ trainingTitle: "BIP/SKAPA Halland och Jönköping", answered: false });
    expectProblem(
      await anonymous.post("/v1/surveys/answer", { token, scores: { overall: 9 } }),
      400,
      "validation_failed",
    );
    expect(
      (
        await anonymous.post("/v1/surveys/answer", {
          token,
          scores: { overall: 5, content: 4 },
          comment: "Lärorikt",
        })
      ).status,
    ).toBe(204);
    expectProblem(
      await anonymous.post("/v1/surveys/answer", { token, scores: { overall: 1 } }),
      409,
      "conflict",
    );
    expectProblem(
      await anonymous.post("/v1/surveys/lookup", { token: "a".repeat(32) }),
      410,
      "token_invalid",
    );
    const figures = await nns.get(`${org(env.nns.id)}/trainings/${trainingId}/follow-up`);
    // A's Person 1 and B's second person hold kick-off seats only; they count as registered too.
    expect(figures.body).toMatchObject({ registered: 5, attended: 2, surveysSent: 2 });
    expect(figures.body.satisfaction).toEqual({ responses: 1, averages: null, comments: null });
    expect(
      figures.body.attendedWomen + figures.body.attendedMen + figures.body.attendedOtherOrNotStated,
    ).toBe(2);
    const own = await adminB.get(`${org(env.orgB.id)}/trainings/${trainingId}/follow-up`);
    expect(own.body.byOrganization.map((o: { organizationId: string }) => o.organizationId)).toEqual([
      env.orgB.id,
    ]);
  });
});

describe("a förbund's own event", () => {
  it("runs with its own registrations and no BIP steps, invisible to other förbund", async () => {
    expectProblem(
      await adminA.post(`${org(env.orgA.id)}/trainings`, { kind: "bip_skapa", title: "Egen BIP" }),
      400,
      "validation_failed",
    );
    const event = await editorA.post(`${org(env.orgA.id)}/trainings`, {
      kind: "event",
      title: "Inspirationsdag 2027",
    });
    expect(event.status).toBe(201);
    const withOthers = await editorA.post(`${org(env.orgA.id)}/trainings`, {
      kind: "event",
      title: "Med andra",
      parties: [{ organizationId: env.orgB.id, seats: null }],
    });
    expect(expectProblem(withOthers, 400, "validation_failed").errors?.[0]?.rule).toBe(
      "event_has_no_parties",
    );
    expectProblem(await adminB.get(`${org(env.orgB.id)}/trainings/${event.body.id}`), 404, "not_found");
    const onSiteWithoutPlace = await editorA.post(`${org(env.orgA.id)}/trainings/${event.body.id}/sessions`, {
      title: "Inspirationsdag",
      startsAt: at(30, 7),
      endsAt: at(30, 15),
      mode: "on_site",
    });
    expect(expectProblem(onSiteWithoutPlace, 400, "validation_failed").errors?.[0]?.field).toBe(
      "body.location",
    );
    const withSession = await editorA.post(`${org(env.orgA.id)}/trainings/${event.body.id}/sessions`, {
      title: "Inspirationsdag",
      startsAt: at(30, 7),
      endsAt: at(30, 15),
      mode: "on_site",
      location: "Värnamo stadshus",
      capacity: 120,
    });
    expect(withSession.status).toBe(201);
    expect(
      (await editorA.post(`${org(env.orgA.id)}/trainings/${event.body.id}/transitions`, { action: "plan" }))
        .body.status,
    ).toBe("planned");
    const ics = await viewerA.get(`${org(env.orgA.id)}/trainings/${event.body.id}/calendar.ics`);
    expect(ics.headers.get("content-type")).toContain("text/calendar");
    const vevent = new ICAL.Component(ICAL.parse(ics.body as string)).getFirstSubcomponent("vevent");
    expect(new ICAL.Event(vevent as ICAL.Component).location).toBe("Värnamo stadshus");
    const cancelled = await editorA.post(`${org(env.orgA.id)}/trainings/${event.body.id}/transitions`, {
      action: "cancel",
    });
    expect(expectProblem(cancelled, 400, "validation_failed").errors?.[0]?.field).toBe("body.reason");
    const done = await editorA.post(`${org(env.orgA.id)}/trainings/${event.body.id}/transitions`, {
      action: "cancel",
      reason: "För få anmälda",
    });
    expect(done.body).toMatchObject({ status: "cancelled", cancellationReason: "För få anmälda" });
  });
});
