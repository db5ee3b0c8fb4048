// Longer than 400 lines: the self-rating link and page, export, erasure, retention and settings share one fixture of two förbund with measured participants.
import { runProgressionRetention, submitSelfRating as submitDirectly } from "@nns/services";
import { beforeAll, describe, expect, it } from "vitest";
import { Client, expectProblem, signIn } from "./client.js";
import { freshTenant, stockholmDay, type Tenant, type TestUser, useTestApp } from "./helpers.js";
import {
  type InstrumentFixture,
  insertMeasurement,
  insertParticipant,
  interventionWith,
  nationalInstrument,
  rowsAbout,
} from "./progression-privacy-fixtures.js";

/**
 * Self-rating links, export, erasure, retention and the retention setting through the real API on the
 * file's database: the link works once and for its own participant only, expires, and survives a double
 * submit with one measurement; erasure leaves the audit and the access log and nothing else.
 */
const env = useTestApp();

let tenant: Tenant;
let instrument: InstrumentFixture;
let interventionId: string;
let coach: TestUser;
let otherCoach: TestUser;
let coachClient: Client;
let manager: Client;

beforeAll(async () => {
  tenant = await freshTenant(env);
  instrument = await nationalInstrument(env);
  interventionId = await interventionWith(tenant, env, [instrument]);
  coach = await tenant.addPerson("coach", "handledare");
  otherCoach = await tenant.addPerson("coach", "annan-handledare");
  coachClient = await signIn(env, coach.email);
  manager = await tenant.signIn("admin");
});

const base = () => `/v1/orgs/${tenant.org.id}/progression`;

async function linkFor(participantId: string, body: Record<string, unknown> = {}, client = coachClient) {
  const res = await client.raw("POST", `${base()}/participants/${participantId}/self-rating-links`, {
    body: { instrumentVersionId: instrument.versionId, ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const link = res.body as { id: string; url: string; expiresAt: string };
  return { ...link, token: link.url.split("/skattning/")[1] as string };
}

/** Someone holding the link, with no account and no cookie. */
const anyone = async () => new Client(env);

async function measurementsOf(participantId: string) {
  return env.t.db.ownerSql(
    "select respondent, source, measured_on::text as on, answers, recorded_by_user_id from progression_measurements where participant_id = $1",
    [participantId],
  );
}

describe("self-rating links", () => {
  it("work once: the answers become the participant's measurement dated today, then the link is spent", async () => {
    const participant = await insertParticipant(env, tenant.org.id, { interventionId, coach });
    const link = await linkFor(participant.id);
    expect(link.url).toMatch(/^http:\/\/localhost:3000\/skattning\/[A-Za-z0-9_-]{43}$/);
    const hours = (Date.parse(link.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    // Only the hash is kept: the token itself is nowhere in the database.
    const stored = await env.t.db.ownerSql(
      "select encode(token_hash, 'hex') as hash from progression_self_rating_links where id = $1",
      [link.id],
    );
    expect(String(stored[0]?.hash)).toHaveLength(64);
    expect(String(stored[0]?.hash)).not.toContain(link.token);

    const visitor = await anyone();
    const form = await visitor.raw("GET", `/v1/self-rating/${link.token}`);
    expect(form.status).toBe(200);
    const body = form.body as { items: { code: string; question: string }[]; instrument: { name: string } };
    expect(body.items.map((i) => i.code)).toEqual(["P1", "P2"]);
    expect(body.items[0]?.question).toBe("Jag tror att jag kan få ett arbete.");
    expect(JSON.stringify(body)).not.toContain(participant.code);

    const answered = await visitor.raw("POST", `/v1/self-rating/${link.token}`, {
      body: { answers: { P1: 2, P2: 4 } },
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body).toEqual({ measuredOn: stockholmDay() });
    expect(await measurementsOf(participant.id)).toEqual([
      {
        respondent: "participant",
        source: "self_rating",
        on: stockholmDay(),
        answers: [2, 4],
        recorded_by_user_id: null,
      },
    ]);
    const progress = await env.t.db.ownerSql(
      "select measurement_count from progression_progress where participant_id = $1",
      [participant.id],
    );
    expect(progress.map((r) => r.measurement_count)).toEqual([1]);

    expectProblem(
      await visitor.raw("POST", `/v1/self-rating/${link.token}`, { body: { answers: { P1: 5, P2: 1 } } }),
      410,
      "token_invalid",
    );
    expectProblem(await visitor.raw("GET", `/v1/self-rating/${link.token}`), 410, "token_invalid");
    const page = await env.app.request(`/skattning/${link.token}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain("Länken går inte att använda");
    expect(await measurementsOf(participant.id)).toHaveLength(1);

    const audit = await env.t.db.ownerSql(
      "select action, after from audit_log where organization_id = $1 and action like 'progression.%' and (after->>'participantId') = $2 order by created_at",
      [tenant.org.id, participant.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      "progression.self_rating_link_created",
      "progression.measurement_recorded",
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/"answers"/);
    const log = await env.t.db.ownerSql(
      "select action, actor_name from progression_access_log where participant_id = $1 order by at, action",
      [participant.id],
    );
    expect(log.map((l) => l.action)).toEqual(["self_rating_link", "record"]);
  });

  it("are only for the coach's own participant and record only for the link's participant", async () => {
    const mine = await insertParticipant(env, tenant.org.id, { interventionId, coach });
    const theirs = await insertParticipant(env, tenant.org.id, { interventionId, coach: otherCoach });
    expectProblem(
      await coachClient.raw("POST", `${base()}/participants/${theirs.id}/self-rating-links`, {
        body: { instrumentVersionId: instrument.versionId },
      }),
      404,
      "not_found",
    );
    // A manager may make one for anyone's participant.
    const byManager = await linkFor(theirs.id, {}, manager);
    expect(byManager.url).toContain("/skattning/");
    // A viewer has neither progression permission; an NNS admin never reaches individual data.
    for (const email of [tenant.viewer.email, env.users.nnsAdmin.email]) {
      const client = await signIn(env, email);
      expectProblem(
        await client.raw("POST", `${base()}/participants/${mine.id}/self-rating-links`, {
          body: { instrumentVersionId: instrument.versionId },
        }),
        403,
        "forbidden",
      );
    }
    const link = await linkFor(mine.id);
    const visitor = await anyone();
    await visitor.raw("POST", `/v1/self-rating/${link.token}`, { body: { answers: { P1: 3, P2: 3 } } });
    expect(await measurementsOf(mine.id)).toHaveLength(1);
    expect(await measurementsOf(theirs.id)).toHaveLength(0);
  });

  it("need a published version chosen for the insats with questions to the participant, and a valid lifetime", async () => {
    const participant = await insertParticipant(env, tenant.org.id, { interventionId, coach });
    const notChosen = await nationalInstrument(env);
    const coachOnly = await nationalInstrument(env, {
      items: [
        {
          code: "H1",
          group: "Arbete",
          label: "Bedömning",
          questions: { coach: "Redo för praktik." },
          scale: {
            min: 1,
            max: 5,
            anchors: [
              { value: 1, label: "Nej" },
              { value: 5, label: "Ja" },
            ],
          },
          direction: "higher_is_better",
        },
      ],
    });
    const otherIntervention = await interventionWith(tenant, env, [coachOnly]);
    const coachOnlyParticipant = await insertParticipant(env, tenant.org.id, {
      interventionId: otherIntervention,
      coach,
    });
    const post = (id: string, body: unknown) =>
      coachClient.raw("POST", `${base()}/participants/${id}/self-rating-links`, { body });
    const fieldOf = (res: { body: unknown }) =>
      (res.body as { errors: { field: string; rule: string }[] }).errors;
    const refused = expectProblem(
      await post(participant.id, { instrumentVersionId: notChosen.versionId }),
      400,
      "validation_failed",
    );
    expect(refused.errors).toEqual([
      expect.objectContaining({ field: "body.instrumentVersionId", rule: "chosen_for_intervention" }),
    ]);
    const noQuestions = await post(coachOnlyParticipant.id, { instrumentVersionId: coachOnly.versionId });
    expect(noQuestions.status).toBe(400);
    expect(fieldOf(noQuestions)).toEqual([
      expect.objectContaining({ field: "body.instrumentVersionId", rule: "participant_items" }),
    ]);
    for (const hours of [0, 14 * 24 + 1]) {
      const res = await post(participant.id, {
        instrumentVersionId: instrument.versionId,
        expiresInHours: hours,
      });
      expect(res.status).toBe(400);
      expect(fieldOf(res)[0]?.field).toBe("body.expiresInHours");
    }
    const longest = await linkFor(participant.id, { expiresInHours: 14 * 24 });
    expect(Date.parse(longest.expiresAt) - Date.now()).toBeGreaterThan(14 * 86_400_000 - 60_000);
  });

  it("expire: after its time the link answers 410 and records nothing", async () => {
    const participant = await insertParticipant(env, tenant.org.id, { interventionId, coach });
    const link = await linkFor(participant.id, { expiresInHours: 1 });
    const later = new Date(Date.now() + 61 * 60_000);
    await expect(submitDirectly(env.deps, link.token, { P1: 1, P2: 1 }, later)).rejects.toMatchObject({
      code: "token_invalid",
    });
    await env.t.db.ownerSql(
      "update progression_self_rating_links set expires_at = now() - interval '1 minute' where id = $1",
      [link.id],
    );
    const visitor = await anyone();
    expectProblem(await visitor.raw("GET", `/v1/self-rating/${link.token}`), 410, "token_invalid");
    expectProblem(
      await visitor.raw("POST", `/v1/self-rating/${link.token}`, { body: { answers: { P1: 1, P2: 1 } } }),
      410,
      "token_invalid",
    );
    expect(await measurementsOf(participant.id)).toHaveLength(0);
    expectProblem(await visitor.raw("GET", "/v1/self-rating/inte-en-riktig-lank"), 410, "token_invalid");
  });

  it("stop working when the insats no longer measures with the link's version", async () => {
    const insats = await interventionWith(tenant, env, [instrument]);
    const participant = await insertParticipant(env, tenant.org.id, { interventionId: insats, coach });
    const link = await linkFor(participant.id);
    await env.t.db.ownerSql("delete from progression_intervention_instruments where intervention_id = $1", [
      insats,
    ]);
    const visitor = await anyone();
    expectProblem(
      await visitor.raw("POST", `/v1/self-rating/${link.token}`, { body: { answers: { P1: 1, P2: 1 } } }),
      410,
      "token_invalid",
    );
    expect(await measurementsOf(participant.id)).toHaveLength(0);
  });

  it("record exactly one measurement when the same link is submitted twice at once", async () => {
    const participant = await insertParticipant(env, tenant.org.id, { interventionId, coach });
    const link = await linkFor(participant.id);
    const visitor = await anyone();
    const results = await Promise.all(
      [1, 2, 3].map((v) =>
        visitor.raw("POST", `/v1/self-rating/${link.token}`, { body: { answers: { P1: v, P2: v } } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 410, 410]);
    expect(await measurementsOf(participant.id)).toHaveLength(1);
    const [row] = await env.t.db.ownerSql(
      "select used_at is not null as used, measurement_id from progression_self_rating_links where id = $1",
      [link.id],
    );
    expect(row?.used).toBe(true);
    const [measurement] = await env.t.db.ownerSql(
      "select id from progression_measurements where participant_id = $1",
      [participant.id],
    );
    expect(row?.measurement_id).toBe(measurement?.id);
  });

  it("refuse incomplete or off-scale answers by field, and stay usable after", async () => {
    const participant = await insertParticipant(env, tenant.org.id, { interventionId, coach });
    const link = await linkFor(participant.id);
    const visitor = await anyone();
    const missing = expectProblem(
      await visitor.raw("POST", `/v1/self-rating/${link.token}`, { body: { answers: { P1: 3 } } }),
      400,
      "validation_failed",
    );
    expect(missing.errors).toEqual([expect.objectContaining({ field: "body.answers.P2", rule: "required" })]);
    const offScale = expectProblem(
      await visitor.raw("POST", `/v1/self-rating/${link.token}`, {
        body: { answers: { P1: 6, P2: 3, H1: 2 } },
      }),
      400,
      "validation_failed",
    );
    expect(offScale.errors?.map((e) => [e.field, e.rule])).toEqual([
      ["body.answers.H1", "unknown_item"],
      ["body.answers.P1", "scale"],
    ]);
    const ok = await visitor.raw("POST", `/v1/self-rating/${link.token}`, {
      body: { answers: { P1: 5, P2: 1 } },
    });
    expect(ok.status).toBe(200);
  });

  it("serve a form page that works without script: missing answers come back named, then a thank-you", async () => {
    const participant = await insertParticipant(env, tenant.org.id, { interventionId, coach });
    const link = await linkFor(participant.id);
    const page = await env.app.request(`/skattning/${link.token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.headers.get("x-robots-tag")).toContain("noindex");
    // The token is in the path: no link on the page may hand it to another site.
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await page.text();
    expect(html).toContain('lang="sv"');
    expect(html.match(/type="radio"/g)).toHaveLength(10);
    expect(html).toContain("Stämmer inte alls");
    expect(html).not.toContain("<script");
    const form = (values: Record<string, string>) =>
      env.app.request(`/skattning/${link.token}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(values).toString(),
      });
    const incomplete = await form({ P1: "4" });
    expect(incomplete.status).toBe(400);
    const again = await incomplete.text();
    expect(again).toContain("Några frågor saknar svar");
    expect(again).toMatch(/id="q-P1-4"[^>]*checked/);
    expect(await measurementsOf(participant.id)).toHaveLength(0);
    const done = await form({ P1: "4", P2: "2" });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Tack för dina svar");
    expect((await measurementsOf(participant.id))[0]?.answers).toEqual([4, 2]);
    expect((await form({ P1: "4", P2: "2" })).status).toBe(410);
  });
});

describe("export", () => {
  it("gives a manager everything held about the participant as JSON and as Swedish Excel CSV, and logs it", async () => {
    const participant = await insertParticipant(env, tenant.org.id, {
      interventionId,
      coach,
      gender: "woman",
      birthYear: 1990,
      startDate: "2026-02-02",
    });
    await insertMeasurement(env, tenant.org.id, {
      participantId: participant.id,
      instrument,
      respondent: "coach",
      measuredOn: "2026-02-03",
      answers: [2, 3],
      comment: 'Första samtalet; "bra" start',
      recordedBy: coach,
    });
    const url = `${base()}/participants/${participant.id}/export`;
    const json = await manager.raw("GET", url);
    expect(json.status).toBe(200);
    const data = json.body as {
      participant: Record<string, unknown>;
      measurements: { respondent: string; answers: unknown[]; recordedBy: unknown; comment: string }[];
      accessLog: { action: string }[];
    };
    expect(data.participant).toMatchObject({
      code: participant.code,
      intervention: { id: interventionId, name: "Resursteam unga vuxna" },
      coach: { id: coach.id },
      gender: "woman",
      birthYear: 1990,
      ageBand: "30-39",
      startDate: "2026-02-02",
      endDate: null,
    });
    expect(data.measurements).toEqual([
      expect.objectContaining({
        respondent: "coach",
        recordedBy: { id: coach.id, name: expect.any(String) },
        comment: 'Första samtalet; "bra" start',
        answers: [
          { code: "P1", label: "Tro på arbete", question: "Deltagaren tror på arbete.", value: 2 },
          {
            code: "H1",
            label: "Handledarens bedömning",
            question: "Deltagaren är redo för praktik.",
            value: 3,
          },
        ],
      }),
    ]);
    expect(data.accessLog.map((a) => a.action)).toEqual(["export"]);

    const csv = await manager.GET("/orgs/{orgId}/progression/participants/{participantId}/export", {
      params: { path: { orgId: tenant.org.id, participantId: participant.id }, query: { format: "csv" } },
      parseAs: "arrayBuffer",
    });
    expect(csv.response.status).toBe(200);
    expect(csv.response.headers.get("content-type")).toContain("text/csv");
    expect(csv.response.headers.get("content-disposition")).toContain(`deltagare-${participant.code}.csv`);
    // Decoded keeping the byte order mark, which Response.text() would drop.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(csv.data as unknown as ArrayBuffer);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      '"Deltagarkod";"Insats";"Kön";"Födelseår";"Åldersgrupp";"Startdatum";"Slutdatum";"Utfall";"Instrument";"Platshållare";"Version";"Svarande";"Mätdatum";"Källa";"Registrerad av";"Fråga";"Frågetext";"Svar";"Kommentar"',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(
      `"${participant.code}";"Resursteam unga vuxna";"Kvinna";1990;"30–39";"2026-02-02";;;`,
    );
    expect(lines[1]).toContain('"Handledare";"2026-02-03";"Registrerad av handledaren"');
    expect(lines[2]).toContain(
      '"Handledarens bedömning";"Deltagaren är redo för praktik.";3;"Första samtalet; ""bra"" start"',
    );

    const log = await env.t.db.ownerSql(
      "select action from progression_access_log where participant_id = $1 order by at",
      [participant.id],
    );
    expect(log.map((l) => l.action)).toEqual(["export", "export"]);
  });

  it("is for managers: a coach and an NNS admin get 403, another förbund's manager 404", async () => {
    const participant = await insertParticipant(env, tenant.org.id, { interventionId, coach });
    const url = `${base()}/participants/${participant.id}/export`;
    expectProblem(await coachClient.raw("GET", url), 403, "forbidden");
    expectProblem(await (await signIn(env, env.users.nnsAdmin.email)).raw("GET", url), 403, "forbidden");
    expectProblem(await (await signIn(env, env.users.adminB.email)).raw("GET", url), 404, "not_found");
    const adminB = await signIn(env, env.users.adminB.email);
    expectProblem(
      await adminB.raw("GET", `/v1/orgs/${env.orgB.id}/progression/participants/${participant.id}/export`),
      404,
      "not_found",
    );
  });
});

describe("erasure", () => {
  it("removes the participant, measurements, progress and links but keeps the audit entry and the access log", async () => {
    const participant = await insertParticipant(env, tenant.org.id, { interventionId, coach });
    for (const [on, answers] of [
      ["2026-02-01", [1, 2]],
      ["2026-05-01", [3, 4]],
    ] as const)
      await insertMeasurement(env, tenant.org.id, {
        participantId: participant.id,
        instrument,
        respondent: "coach",
        measuredOn: on,
        answers: [...answers],
      });
    await linkFor(participant.id);
    await manager.raw("GET", `${base()}/participants/${participant.id}/export`);
    expect(await rowsAbout(env, participant.id)).toEqual({
      participants: 1,
      measurements: 2,
      progress: 1,
      links: 1,
      accessLog: 2,
    });

    expectProblem(
      await coachClient.raw("DELETE", `${base()}/participants/${participant.id}`),
      403,
      "forbidden",
    );
    const erased = await manager.raw("DELETE", `${base()}/participants/${participant.id}`);
    expect(erased.status).toBe(204);
    expect(await rowsAbout(env, participant.id)).toEqual({
      participants: 0,
      measurements: 0,
      progress: 0,
      links: 0,
      accessLog: 3,
    });
    const log = await env.t.db.ownerSql(
      "select action, participant_code from progression_access_log where participant_id = $1 order by at desc limit 1",
      [participant.id],
    );
    expect(log[0]).toEqual({ action: "erase", participant_code: participant.code });
    const audit = await env.t.db.ownerSql(
      "select actor_type, before, after from audit_log where action = 'progression.participant_erased' and entity_id = $1",
      [participant.id],
    );
    expect(audit).toEqual([{ actor_type: "user", before: null, after: { code: participant.code } }]);
    expectProblem(await manager.raw("DELETE", `${base()}/participants/${participant.id}`), 404, "not_found");
  });
});

describe("retention", () => {
  it("erases, per förbund, only participants whose end date is past the förbund's window", async () => {
    const short = await freshTenant(env);
    const shortIntervention = await interventionWith(short, env, [instrument]);
    const shortManager = await short.signIn("admin");
    const set = await shortManager.raw("PUT", `/v1/orgs/${short.org.id}/progression/settings`, {
      body: { retentionMonths: 12 },
    });
    expect(set.status).toBe(200);
    const today = "2027-03-31";
    const add = (t: Tenant, intervention: string, endDate: string | null) =>
      insertParticipant(env, t.org.id, {
        interventionId: intervention,
        coach: null,
        startDate: "2024-01-10",
        endDate,
      });
    // 12 months before 2027-03-31 is 2026-03-31: ended the day before is past it, that day is not.
    const past = await add(short, shortIntervention, "2026-03-30");
    const onTheDay = await add(short, shortIntervention, "2026-03-31");
    const stillIn = await add(short, shortIntervention, null);
    await insertMeasurement(env, short.org.id, {
      participantId: past.id,
      instrument,
      respondent: "participant",
      measuredOn: "2024-01-10",
      answers: [1, 1],
    });
    // The default 36 months elsewhere: ended two years ago is kept.
    const elsewhere = await add(tenant, interventionId, "2025-03-01");
    const longAgo = await add(tenant, interventionId, "2024-03-30");

    const result = await runProgressionRetention(env.deps, today);
    expect(result.erased).toBeGreaterThanOrEqual(2);
    expect((await rowsAbout(env, past.id)).participants).toBe(0);
    expect((await rowsAbout(env, past.id)).measurements).toBe(0);
    expect((await rowsAbout(env, longAgo.id)).participants).toBe(0);
    for (const kept of [onTheDay, stillIn, elsewhere])
      expect((await rowsAbout(env, kept.id)).participants).toBe(1);
    const audit = await env.t.db.ownerSql(
      "select actor_type, actor_label, after from audit_log where action = 'progression.participant_erased' and entity_id = $1",
      [past.id],
    );
    expect(audit).toEqual([
      { actor_type: "system", actor_label: "progression.retention", after: { code: past.code } },
    ]);
    const log = await env.t.db.ownerSql(
      "select action, actor_type from progression_access_log where participant_id = $1",
      [past.id],
    );
    expect(log).toEqual([{ action: "erase", actor_type: "system" }]);
    // Run again the same day: nothing more to erase in these förbund.
    await runProgressionRetention(env.deps, today);
    for (const kept of [onTheDay, stillIn, elsewhere])
      expect((await rowsAbout(env, kept.id)).participants).toBe(1);
  });
});

describe("settings", () => {
  it("default to 36 months, take 1–120 and are audited", async () => {
    const own = await freshTenant(env);
    const admin = await own.signIn("admin");
    const url = `/v1/orgs/${own.org.id}/progression/settings`;
    expect((await admin.raw("GET", url)).body).toEqual({ retentionMonths: 36, updatedAt: null });
    for (const retentionMonths of [0, 121, 12.5]) {
      const res = expectProblem(
        await admin.raw("PUT", url, { body: { retentionMonths } }),
        400,
        "validation_failed",
      );
      expect(res.errors?.[0]?.field).toBe("body.retentionMonths");
    }
    expectProblem(
      await admin.raw("PUT", url, { body: { retentionMonths: 24, extra: 1 } }),
      400,
      "validation_failed",
    );
    const saved = await admin.raw("PUT", url, { body: { retentionMonths: 24 } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ retentionMonths: 24, updatedAt: expect.any(String) });
    expect((await admin.raw("GET", url)).body).toMatchObject({ retentionMonths: 24 });
    const audit = await env.t.db.ownerSql(
      "select before, after from audit_log where organization_id = $1 and action = 'progression.settings_updated'",
      [own.org.id],
    );
    expect(audit).toEqual([{ before: { retentionMonths: 36 }, after: { retentionMonths: 24 } }]);
  });

  it("are the managers' alone: a coach and a viewer get 403, and NNS has none", async () => {
    const url = `${base()}/settings`;
    expectProblem(await coachClient.raw("GET", url), 403, "forbidden");
    expectProblem(
      await (await tenant.signIn("viewer")).raw("PUT", url, { body: { retentionMonths: 5 } }),
      403,
      "forbidden",
    );
    const nnsAdmin = await signIn(env, env.users.nnsAdmin.email);
    expectProblem(await nnsAdmin.raw("GET", `/v1/orgs/${env.nns.id}/progression/settings`), 403, "forbidden");
    expectProblem(await nnsAdmin.raw("GET", url), 403, "forbidden");
  });
});
