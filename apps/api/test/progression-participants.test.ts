// Longer than 400 lines: one förbund's participants seen by each kind of caller, then each rule of the routes.

import { transaction } from "@nns/db";
import { PARTICIPANT_CODE } from "@nns/domain";
import { createIntervention, sendProgressionReminders } from "@nns/services";
import {
  PLACEHOLDER_SKAPA_DEFINITION,
  type SeededVersion,
  sampleContent,
  seedItemMappings,
  seedPublishedVersion,
} from "@nns/services/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { type Client, expectData, expectProblem, signIn } from "./client.js";
import { freshTenant, stockholmDay, type Tenant, type TestUser, useTestApp } from "./helpers.js";
import { answersOf, chooseVersions, nationalInstrument } from "./progression-participant-fixtures.js";

const env = useTestApp();

const PARTICIPANTS = "/orgs/{orgId}/progression/participants";
const PARTICIPANT = "/orgs/{orgId}/progression/participants/{participantId}";
const MEASUREMENTS = "/orgs/{orgId}/progression/participants/{participantId}/measurements";
const MEASUREMENT = "/orgs/{orgId}/progression/participants/{participantId}/measurements/{measurementId}";
const COMPARISON = "/orgs/{orgId}/progression/participants/{participantId}/comparison";
const DUE = "/orgs/{orgId}/progression/due";
const ACCESS_LOG = "/orgs/{orgId}/progression/access-log";

const SKAPA = PLACEHOLDER_SKAPA_DEFINITION;
/** Version 2 of the same instrument: S1 kept, S2 renamed S2b, S3 dropped, the rest as before. */
const SKAPA_V2 = {
  items: SKAPA.items.filter((i) => i.code !== "S3").map((i) => (i.code === "S2" ? { ...i, code: "S2b" } : i)),
};

let a: Tenant;
let b: Tenant;
let coach1: TestUser;
let coach2: TestUser;
let coachB: TestUser;
let asCoach1: Client;
let asCoach2: Client;
let asCoachB: Client;
let asAdminA: Client;
let asViewerA: Client;
let asNnsAdmin: Client;
let insatsA: string;
let insatsB: string;
let v1: SeededVersion;
let v2: SeededVersion;
let unchosen: SeededVersion;

const pathA = () => ({ orgId: a.org.id });

beforeAll(async () => {
  [a, b] = [await freshTenant(env), await freshTenant(env)];
  coach1 = await a.addPerson("coach", "coach1");
  coach2 = await a.addPerson("coach", "coach2");
  coachB = await b.addPerson("coach", "coachb");
  insatsA = (await createIntervention(a.ctx, { content: sampleContent({ title: "Arbetsträning Alfa" }) })).id;
  insatsB = (await createIntervention(b.ctx, { content: sampleContent() })).id;
  v1 = await nationalInstrument(env);
  v2 = await transaction(env.deps.db, { organizationId: env.nns.id }, async (tx) => {
    const next = await seedPublishedVersion(tx, {
      organizationId: env.nns.id,
      key: "unused",
      name: "unused",
      national: true,
      placeholder: true,
      definition: SKAPA_V2,
      number: 2,
      instrumentId: v1.instrumentId,
    });
    const kept = SKAPA.items
      .filter((i) => !["S2", "S3"].includes(i.code))
      .map((i) => ({ from: i.code, to: i.code }));
    await seedItemMappings(tx, v1, next, [...kept, { from: "S2", to: "S2b" }]);
    return next;
  });
  unchosen = await nationalInstrument(env);
  await chooseVersions(env, a.org.id, insatsA, [v1, v2]);
  await chooseVersions(env, b.org.id, insatsB, [v1]);
  [asCoach1, asCoach2, asCoachB, asAdminA, asViewerA, asNnsAdmin] = await Promise.all([
    signIn(env, coach1.email),
    signIn(env, coach2.email),
    signIn(env, coachB.email),
    a.signIn("admin"),
    a.signIn("viewer"),
    signIn(env, env.users.nnsAdmin.email),
  ]);
});

async function register(client: Client, body: Record<string, unknown> = {}) {
  return expectData(
    await client.POST(PARTICIPANTS, {
      params: { path: pathA() },
      body: {
        interventionId: insatsA,
        gender: "woman",
        birthYear: 1990,
        startDate: stockholmDay(-100),
        ...body,
      },
    }),
    201,
  );
}

async function measure(
  client: Client,
  participantId: string,
  body: { respondent?: "participant" | "coach"; measuredOn: string; value?: number; versionId?: string },
) {
  const respondent = body.respondent ?? "participant";
  const definition = body.versionId === v2.versionId ? SKAPA_V2 : SKAPA;
  return expectData(
    await client.POST(MEASUREMENTS, {
      params: { path: { ...pathA(), participantId } },
      body: {
        instrumentVersionId: body.versionId ?? v1.versionId,
        respondent,
        measuredOn: body.measuredOn,
        answers: answersOf(definition, respondent, body.value ?? 2),
      },
    }),
    201,
  );
}

const accessLog = async (participantId: string) =>
  (await env.t.db.ownerSql(
    "select action, actor_name from progression_access_log where participant_id = $1 order by at, id",
    [participantId],
  )) as { action: string; actor_name: string }[];

describe("who sees which participants", () => {
  it("gives a coach's participant a system-made code, the insats's instruments and its occasions", async () => {
    const p = await register(asCoach1);
    expect(p.code).toMatch(PARTICIPANT_CODE);
    expect(p).toMatchObject({
      intervention: { id: insatsA, name: "Arbetsträning Alfa" },
      coach: { id: coach1.id },
      gender: "woman",
      ageBand: "30-39",
      status: "active",
      measurementCount: 0,
    });
    expect(p.instruments.map((i) => [i.id, i.placeholder, i.participantItemCount, i.coachItemCount])).toEqual(
      [
        [v1.versionId, true, 9, 11],
        [v2.versionId, true, 8, 10],
      ],
    );
    // Started 100 days ago with nothing measured: the start is missed now that the first follow-up is due.
    const first = p.occasions.find((o) => o.instrumentVersionId === v1.versionId && o.respondent === "coach");
    expect(first?.occasions.map((o) => [o.kind, o.state])).toEqual([
      ["start", "missed"],
      ["follow_up", "due"],
    ]);
    const [entry] = await env.t.db.ownerSql(
      "select after from audit_log where action = 'progression.participant_created' and entity_id = $1",
      [p.id],
    );
    expect(entry?.after).toEqual({ code: p.code, interventionId: insatsA, coachUserId: coach1.id });
  });

  it("shows a coach only their own, a manager all, and another förbund's coach none", async () => {
    const mine = await register(asCoach1);
    const theirs = await register(asCoach2);
    const list = async (client: Client) =>
      expectData(
        await client.GET(PARTICIPANTS, { params: { path: pathA(), query: { limit: 200 } } }),
      ).data.map((p) => p.id);
    const seenBy1 = await list(asCoach1);
    expect(seenBy1).toContain(mine.id);
    expect(seenBy1).not.toContain(theirs.id);
    expect(await list(asCoach2)).toEqual([theirs.id]);
    expect(await list(asAdminA)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    const other = { params: { path: { ...pathA(), participantId: theirs.id } } };
    expectProblem(await asCoach1.GET(PARTICIPANT, other), 404, "not_found");
    expectProblem(await asCoach1.GET(MEASUREMENTS, other), 404, "not_found");
    expectData(await asAdminA.GET(PARTICIPANT, other));
    // Förbund B's coach: not a member of A (404), and A's participant is nowhere in B.
    expectProblem(await asCoachB.GET(PARTICIPANT, other), 404, "not_found");
    const inB = { params: { path: { orgId: b.org.id, participantId: theirs.id } } };
    expectProblem(await asCoachB.GET(PARTICIPANT, inB), 404, "not_found");
    expect(
      expectData(await asCoachB.GET(PARTICIPANTS, { params: { path: { orgId: b.org.id } } })).data,
    ).toEqual([]);
  });

  it("filters by status, insats and coach and walks pages with the cursor", async () => {
    const ended = await register(asAdminA, {
      coachUserId: coach2.id,
      startDate: stockholmDay(-200),
      endDate: stockholmDay(-10),
      outcome: "job_seeking_studies_work",
    });
    expect(ended).toMatchObject({ status: "ended", coach: { id: coach2.id } });
    const query = async (q: Record<string, string | number>) =>
      expectData(await asAdminA.GET(PARTICIPANTS, { params: { path: pathA(), query: q } }));
    expect((await query({ status: "ended" })).data.map((p) => p.id)).toEqual([ended.id]);
    expect((await query({ status: "active" })).data.map((p) => p.id)).not.toContain(ended.id);
    expect((await query({ coachUserId: coach2.id })).data.every((p) => p.coach?.id === coach2.id)).toBe(true);
    expect((await query({ interventionId: insatsB })).data).toEqual([]);
    const all = (await query({ limit: 200 })).data.map((p) => p.id);
    const walked: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await query({ limit: 2, ...(cursor ? { cursor } : {}) });
      walked.push(...page.data.map((p) => p.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(walked).toEqual(all);
  });

  it("lets only managers assign coaches: a coach registers their own, a viewer is no coach", async () => {
    expectProblem(
      await asCoach1.POST(PARTICIPANTS, {
        params: { path: pathA() },
        body: { interventionId: insatsA, gender: "man", startDate: stockholmDay(-5), coachUserId: coach2.id },
      }),
      403,
      "forbidden",
    );
    const p = await register(asCoach1);
    const at = { params: { path: { ...pathA(), participantId: p.id } } };
    expectProblem(
      await asCoach1.PATCH(PARTICIPANT, { ...at, body: { coachUserId: coach2.id } }),
      403,
      "forbidden",
    );
    const notCoach = await asAdminA.PATCH(PARTICIPANT, { ...at, body: { coachUserId: a.viewer.id } });
    expect(expectProblem(notCoach, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "body.coachUserId",
      rule: "not_a_coach",
    });
    const moved = expectData(await asAdminA.PATCH(PARTICIPANT, { ...at, body: { coachUserId: coach2.id } }));
    expect(moved.coach?.id).toBe(coach2.id);
    // Now coach2's: coach1 no longer reaches it.
    expectProblem(await asCoach1.GET(PARTICIPANT, at), 404, "not_found");
    expectData(await asCoach2.GET(PARTICIPANT, at));
    const [entry] = await env.t.db.ownerSql(
      "select before, after from audit_log where action = 'progression.participant_updated' and entity_id = $1",
      [p.id],
    );
    expect(entry).toEqual({
      before: { coachUserId: coach1.id },
      after: { code: p.code, changed: [], coachUserId: coach2.id },
    });
  });

  it("refuses NNS on every individual route, and people without a progression role", async () => {
    const p = await register(asCoach1);
    const m = await measure(asCoach1, p.id, { measuredOn: stockholmDay(-99) });
    const at = { ...pathA(), participantId: p.id };
    for (const client of [asNnsAdmin, asViewerA]) {
      expectProblem(await client.GET(PARTICIPANTS, { params: { path: pathA() } }), 403, "forbidden");
      expectProblem(
        await client.POST(PARTICIPANTS, {
          params: { path: pathA() },
          body: { interventionId: insatsA, gender: "man", startDate: stockholmDay(-1) },
        }),
        403,
        "forbidden",
      );
      expectProblem(await client.GET(PARTICIPANT, { params: { path: at } }), 403, "forbidden");
      expectProblem(
        await client.PATCH(PARTICIPANT, { params: { path: at }, body: { gender: "man" } }),
        403,
        "forbidden",
      );
      expectProblem(await client.GET(MEASUREMENTS, { params: { path: at } }), 403, "forbidden");
      expectProblem(
        await client.POST(MEASUREMENTS, {
          params: { path: at },
          body: {
            instrumentVersionId: v1.versionId,
            respondent: "coach",
            measuredOn: stockholmDay(-1),
            answers: answersOf(SKAPA, "coach", 3),
          },
        }),
        403,
        "forbidden",
      );
      expectProblem(
        await client.DELETE(MEASUREMENT, { params: { path: { ...at, measurementId: m.id } } }),
        403,
        "forbidden",
      );
      expectProblem(
        await client.GET(COMPARISON, {
          params: { path: at, query: { instrumentVersionId: v1.versionId, respondent: "participant" } },
        }),
        403,
        "forbidden",
      );
      expectProblem(await client.GET(DUE, { params: { path: pathA() } }), 403, "forbidden");
      expectProblem(await client.GET(ACCESS_LOG, { params: { path: pathA() } }), 403, "forbidden");
    }
    // NNS's own organization holds no participants at all, even for its own admins.
    expectProblem(
      await asNnsAdmin.GET(PARTICIPANTS, { params: { path: { orgId: env.nns.id } } }),
      403,
      "forbidden",
    );
    expectProblem(await asNnsAdmin.GET(DUE, { params: { path: { orgId: env.nns.id } } }), 403, "forbidden");
    // Nothing of this was read, so nothing was logged but the coach's own recording.
    expect((await accessLog(p.id)).map((e) => e.action)).toEqual(["record", "record"]);
    // The förbund's audit log, which NNS coordinators read, keeps its entries about participants from them.
    const audited = async (client: Client) =>
      expectData(
        await client.GET("/orgs/{orgId}/audit-log", { params: { path: pathA(), query: { limit: 200 } } }),
      ).data.filter((e) => e.entityType.startsWith("progression_"));
    expect((await audited(asNnsAdmin)).map((e) => e.entityId)).not.toContain(p.id);
    expect((await audited(asNnsAdmin)).map((e) => e.entityId)).not.toContain(m.id);
    expect((await audited(asAdminA)).map((e) => e.entityId)).toEqual(expect.arrayContaining([p.id, m.id]));
  });
});

describe("the access log", () => {
  it("records a list per listed participant, reads and recordings, for the förbund's managers", async () => {
    const p = await register(asCoach1);
    const at = { params: { path: { ...pathA(), participantId: p.id } } };
    expectData(await asCoach1.GET(PARTICIPANTS, { params: { path: pathA(), query: { limit: 200 } } }));
    expectData(await asCoach1.GET(PARTICIPANT, at));
    await measure(asCoach1, p.id, { measuredOn: stockholmDay(-99) });
    expectData(await asCoach1.GET(MEASUREMENTS, at));
    expect(await accessLog(p.id)).toEqual(
      ["record", "list", "read", "record", "read"].map((action) => ({
        action,
        actor_name: `coach1 ${a.org.slug}`,
      })),
    );
    // Every participant on the page got its own row.
    const listed = await env.t.db.ownerSql(
      "select count(distinct participant_id)::int as n from progression_access_log where organization_id = $1 and action = 'list'",
      [a.org.id],
    );
    expect(listed[0]?.n).toBeGreaterThan(1);
    const log = expectData(
      await asAdminA.GET(ACCESS_LOG, { params: { path: pathA(), query: { participantId: p.id } } }),
    );
    expect(log.data.map((e) => e.action)).toEqual(["read", "record", "read", "list", "record"]);
    expect(log.data[0]).toMatchObject({ participantCode: p.code, actor: { type: "user", id: coach1.id } });
    expectProblem(await asCoach1.GET(ACCESS_LOG, { params: { path: pathA() } }), 403, "forbidden");
  });
});

describe("recording measurements", () => {
  it("stores the answers by item, audits without answers or comment, and updates the occasions", async () => {
    const p = await register(asCoach1);
    const m = expectData(
      await asCoach1.POST(MEASUREMENTS, {
        params: { path: { ...pathA(), participantId: p.id } },
        body: {
          instrumentVersionId: v1.versionId,
          respondent: "participant",
          measuredOn: stockholmDay(-98),
          answers: { ...answersOf(SKAPA, "participant", 2), S9: 5 },
          comment: "  Skattade tillsammans.  ",
        },
      }),
      201,
    );
    expect(m).toMatchObject({
      instrument: { id: v1.instrumentId, versionNumber: 1, placeholder: true },
      respondent: "participant",
      source: "coach",
      comment: "Skattade tillsammans.",
      recordedBy: { id: coach1.id },
    });
    expect(m.answers).toMatchObject({ S1: 2, S9: 5 });
    expect(Object.keys(m.answers)).toHaveLength(9);
    const [entry] = await env.t.db.ownerSql(
      "select before, after from audit_log where action = 'progression.measurement_recorded' and entity_id = $1",
      [m.id],
    );
    expect(entry).toEqual({
      before: null,
      after: {
        participantId: p.id,
        code: p.code,
        instrumentVersionId: v1.versionId,
        respondent: "participant",
        measuredOn: stockholmDay(-98),
      },
    });
    const detail = expectData(
      await asCoach1.GET(PARTICIPANT, { params: { path: { ...pathA(), participantId: p.id } } }),
    );
    const ofParticipant = detail.occasions.find(
      (o) => o.instrumentVersionId === v1.versionId && o.respondent === "participant",
    );
    expect(ofParticipant?.occasions[0]).toMatchObject({
      kind: "start",
      state: "done",
      measuredOn: stockholmDay(-98),
    });
    expect(detail.measurementCount).toBe(1);
  });

  it("refuses a personnummer in the comment and answers that do not fit the version, naming field and rule", async () => {
    const p = await register(asCoach1);
    const post = (body: Record<string, unknown>) =>
      asCoach1.POST(MEASUREMENTS, {
        params: { path: { ...pathA(), participantId: p.id } },
        body: {
          instrumentVersionId: v1.versionId,
          respondent: "coach",
          measuredOn: stockholmDay(-1),
          answers: answersOf(SKAPA, "coach", 3),
          ...body,
        } as never,
      });
    const rule = async (body: Record<string, unknown>) => {
      const errors = expectProblem(await post(body), 400, "validation_failed").errors ?? [];
      return errors.map((e) => `${e.field} ${e.rule}`);
    };
    for (const comment of ["Anna 19850412-1234 ringde", "pnr 850412-1234", "samordningsnr 850472+1234"])
      expect(await rule({ comment })).toEqual(["body.comment personal_identity_number"]);
    const { H11: _left, ...missing } = answersOf(SKAPA, "coach", 3);
    expect(await rule({ answers: missing })).toEqual(["body.answers.H11 required"]);
    expect(await rule({ answers: { ...answersOf(SKAPA, "coach", 3), S1: 6 } })).toEqual([
      "body.answers.S1 scale",
    ]);
    expect(await rule({ answers: { ...answersOf(SKAPA, "coach", 3), X1: 3 } })).toEqual([
      "body.answers.X1 unknown_item",
    ]);
    // The coach's items asked of the participant: H10 and H11 are the coach's only.
    expect(await rule({ respondent: "participant" })).toEqual([
      "body.answers.H10 unknown_item",
      "body.answers.H11 unknown_item",
    ]);
    expect(await rule({ instrumentVersionId: unchosen.versionId })).toEqual([
      "body.instrumentVersionId chosen_for_insats",
    ]);
    expect(await rule({ measuredOn: stockholmDay(1) })).toEqual(["body.measuredOn in_future"]);
    expect(await rule({ measuredOn: stockholmDay(-131) })).toEqual(["body.measuredOn before_start"]);
    // A phone number with an impossible date is no personnummer.
    expectData(await post({ comment: "Ring 0701-234567 eller 031-991234" }), 201);
    const stored = await env.t.db.ownerSql(
      "select count(*)::int as n from progression_measurements where participant_id = $1",
      [p.id],
    );
    expect(stored[0]?.n).toBe(1);
  });

  it("lets the coach who recorded a measurement delete it, and a manager any; progress follows", async () => {
    const p = await register(asAdminA, { coachUserId: coach1.id });
    const byAdmin = await measure(asAdminA, p.id, { respondent: "coach", measuredOn: stockholmDay(-99) });
    const byCoach = await measure(asCoach1, p.id, { respondent: "coach", measuredOn: stockholmDay(-5) });
    const path = (measurementId: string) => ({
      params: { path: { ...pathA(), participantId: p.id, measurementId } },
    });
    expectProblem(await asCoach1.DELETE(MEASUREMENT, path(byAdmin.id)), 403, "forbidden");
    expectProblem(await asCoach2.DELETE(MEASUREMENT, path(byCoach.id)), 404, "not_found");
    const progress = async () =>
      (
        await env.t.db.ownerSql(
          "select measurement_count from progression_progress where participant_id = $1 and respondent = 'coach'",
          [p.id],
        )
      )[0]?.measurement_count;
    expect(await progress()).toBe(2);
    expect((await asCoach1.DELETE(MEASUREMENT, path(byCoach.id))).response.status).toBe(204);
    expect(await progress()).toBe(1);
    expect((await asAdminA.DELETE(MEASUREMENT, path(byAdmin.id))).response.status).toBe(204);
    expect(await progress()).toBeUndefined();
    expectProblem(await asAdminA.DELETE(MEASUREMENT, path(byAdmin.id)), 404, "not_found");
    const audited = await env.t.db.ownerSql(
      "select count(*)::int as n from audit_log where action = 'progression.measurement_deleted' and entity_id in ($1, $2)",
      [byAdmin.id, byCoach.id],
    );
    expect(audited[0]?.n).toBe(2);
  });
});

describe("participant facts", () => {
  it("checks the birth year, age band, dates and outcome, and the insats", async () => {
    const refused = async (body: Record<string, unknown>, client = asAdminA) =>
      (
        expectProblem(
          await client.POST(PARTICIPANTS, {
            params: { path: pathA() },
            body: { interventionId: insatsA, gender: "other", startDate: "2026-03-01", ...body } as never,
          }),
          400,
          "validation_failed",
        ).errors ?? []
      ).map((e) => `${e.field} ${e.rule}`);
    expect(await refused({ birthYear: 2012 })).toEqual(["body.birthYear too_young"]);
    expect(await refused({ birthYear: 1920 })).toEqual(["body.birthYear implausible"]);
    expect(await refused({ birthYear: 1990, ageBand: "30-39" })).toEqual(["body.ageBand birth_year_given"]);
    expect(await refused({ endDate: "2026-02-01" })).toEqual(["body.endDate before_start"]);
    expect(await refused({ endDate: stockholmDay(2), startDate: stockholmDay(-2) })).toEqual([
      "body.endDate in_future",
    ]);
    expect(await refused({ outcome: "dropped_out" })).toEqual(["body.outcome requires_end_date"]);
    expect(await refused({ interventionId: insatsB })).toEqual(["body.interventionId own_or_co_owned"]);
    const banded = await register(asAdminA, { birthYear: null, ageBand: "60-", gender: "not_stated" });
    expect(banded).toMatchObject({ birthYear: null, ageBand: "60-", coach: { id: a.admin.id } });
    const unassigned = await register(asAdminA, { coachUserId: null });
    expect(unassigned.coach).toBeNull();
  });

  it("changes only with the current ETag and keeps the age band with the birth year", async () => {
    const p = await register(asCoach1, { birthYear: 1990, startDate: "2026-01-10" });
    const at = { params: { path: { ...pathA(), participantId: p.id } } };
    const read = await asCoach1.GET(PARTICIPANT, at);
    const etag = read.response.headers.get("etag") as string;
    expect(etag).toBe(`"${p.version}"`);
    const changed = expectData(
      await asCoach1.PATCH(PARTICIPANT, {
        ...at,
        params: { ...at.params, header: { "if-match": etag } },
        body: { birthYear: 2000 },
      }),
    );
    expect(changed).toMatchObject({ birthYear: 2000, ageBand: "20-29", version: p.version + 1 });
    expectProblem(
      await asCoach1.PATCH(PARTICIPANT, {
        ...at,
        params: { ...at.params, header: { "if-match": etag } },
        body: { gender: "man" },
      }),
      412,
      "precondition_failed",
    );
    const banded = expectData(
      await asCoach1.PATCH(PARTICIPANT, { ...at, body: { birthYear: null, ageBand: "40-49" } }),
    );
    expect(banded).toMatchObject({ birthYear: null, ageBand: "40-49" });
  });
});

describe("comparing two measurements", () => {
  it("compares the first and latest reading of a version item by item, in the better direction", async () => {
    const p = await register(asCoach1, { startDate: stockholmDay(-200) });
    await measure(asCoach1, p.id, { measuredOn: stockholmDay(-199), value: 2 });
    await measure(asCoach1, p.id, { measuredOn: stockholmDay(-100), value: 5 });
    const last = await measure(asCoach1, p.id, { measuredOn: stockholmDay(-5), value: 4 });
    const at = { ...pathA(), participantId: p.id };
    const comparison = expectData(
      await asCoach1.GET(COMPARISON, {
        params: { path: at, query: { instrumentVersionId: v1.versionId, respondent: "participant" } },
      }),
    );
    expect(comparison.from.measuredOn).toBe(stockholmDay(-199));
    expect(comparison.to).toMatchObject({ measurementId: last.id, versionNumber: 1 });
    expect(comparison.items).toHaveLength(9);
    expect(comparison.items[0]).toMatchObject({ code: "S1", from: 2, to: 4, change: 2, min: 1, max: 5 });
    expect(comparison.unmappedItems).toEqual([]);
    expectProblem(
      await asCoach1.GET(COMPARISON, {
        params: { path: at, query: { instrumentVersionId: v1.versionId, respondent: "coach" } },
      }),
      422,
      "unprocessable",
    );
    const missing = expectProblem(
      await asCoach1.GET(COMPARISON, { params: { path: at, query: { respondent: "coach" } } }),
      400,
      "validation_failed",
    );
    expect(missing.errors?.[0]).toMatchObject({ field: "query.instrumentVersionId", rule: "required" });
  });

  it("compares across versions only through the keeper's mapping, listing what has no counterpart", async () => {
    const p = await register(asCoach1, { startDate: stockholmDay(-200) });
    const before = expectData(
      await asCoach1.POST(MEASUREMENTS, {
        params: { path: { ...pathA(), participantId: p.id } },
        body: {
          instrumentVersionId: v1.versionId,
          respondent: "participant",
          measuredOn: stockholmDay(-199),
          answers: { ...answersOf(SKAPA, "participant", 2), S2: 1, S3: 4 },
        },
      }),
      201,
    );
    const after = await measure(asCoach1, p.id, {
      measuredOn: stockholmDay(-3),
      value: 3,
      versionId: v2.versionId,
    });
    const comparison = expectData(
      await asCoach1.GET(COMPARISON, {
        params: { path: { ...pathA(), participantId: p.id }, query: { from: before.id, to: after.id } },
      }),
    );
    expect(comparison.from.versionNumber).toBe(1);
    expect(comparison.to.versionNumber).toBe(2);
    expect(comparison.items.map((i) => [i.code, i.from, i.to, i.change])).toEqual([
      ["S1", 2, 3, 1],
      ["S2b", 1, 3, 2],
      ["S4", 2, 3, 1],
      ["S5", 2, 3, 1],
      ["S6", 2, 3, 1],
      ["S7", 2, 3, 1],
      ["S8", 2, 3, 1],
      ["S9", 2, 3, 1],
    ]);
    expect(comparison.unmappedItems).toEqual(["S3"]);
    // Without mappings another instrument's version is no counterpart at all.
    const coachReading = await measure(asCoach1, p.id, { respondent: "coach", measuredOn: stockholmDay(-2) });
    const mixed = expectProblem(
      await asCoach1.GET(COMPARISON, {
        params: {
          path: { ...pathA(), participantId: p.id },
          query: { from: before.id, to: coachReading.id },
        },
      }),
      400,
      "validation_failed",
    );
    expect(mixed.errors?.[0]).toMatchObject({ field: "query.to", rule: "same_respondent" });
    expect((await accessLog(p.id)).filter((e) => e.action === "read")).toHaveLength(1);
  });
});

describe("measurements due", () => {
  it("lists the caller's open occasions, earliest first, within the window asked", async () => {
    const coach = await a.addPerson("coach", "due");
    const client = await signIn(env, coach.email);
    const p = await register(client, { startDate: stockholmDay(-91) });
    await measure(client, p.id, { respondent: "participant", measuredOn: stockholmDay(-90) });
    await measure(client, p.id, { respondent: "coach", measuredOn: stockholmDay(-90) });
    const due = expectData(await client.GET(DUE, { params: { path: pathA() } })).data;
    // Version 1's starts are done; its first follow-up is due today for both; version 2 has measured nothing.
    expect(
      due
        .filter((o) => o.instrumentVersionId === v1.versionId)
        .map((o) => [o.respondent, o.kind, o.dueOn, o.state]),
    ).toEqual([
      ["coach", "follow_up", stockholmDay(0), "due"],
      ["participant", "follow_up", stockholmDay(0), "due"],
    ]);
    expect(due.every((o) => o.code === p.code && o.coach?.id === coach.id)).toBe(true);
    // Version 2's starts are missed (its first follow-ups are due), so only the follow-ups are asked for.
    const v2Starts = due.filter((o) => o.instrumentVersionId === v2.versionId).map((o) => [o.kind, o.state]);
    expect(v2Starts).toEqual([
      ["follow_up", "due"],
      ["follow_up", "due"],
    ]);
    const managers = expectData(
      await asAdminA.GET(DUE, { params: { path: pathA(), query: { within: 1 } } }),
    ).data;
    expect(managers.some((o) => o.participantId === p.id)).toBe(true);
    expect(managers.every((o) => o.state === "overdue" || o.dueOn <= stockholmDay(1))).toBe(true);
  });
});

describe("the daily reminder", () => {
  it("emails each coach once a day the codes of what is due, and nothing to a coach with nothing due", async () => {
    const t = await freshTenant(env);
    const insats = (await createIntervention(t.ctx, { content: sampleContent() })).id;
    await chooseVersions(env, t.org.id, insats, [v1]);
    const busy = await t.addPerson("coach", "busy");
    const idle = await t.addPerson("coach", "idle");
    const busyClient = await signIn(env, busy.email);
    const idleClient = await signIn(env, idle.email);
    const create = (client: Client, startDate: string) =>
      client.POST(PARTICIPANTS, {
        params: { path: { orgId: t.org.id } },
        body: { interventionId: insats, gender: "man", ageBand: "20-29", startDate },
      });
    const due = expectData(await create(busyClient, stockholmDay(-91)), 201);
    const overdue = expectData(await create(busyClient, stockholmDay(-200)), 201);
    // Started 50 days ago: the start is overdue and nothing later has begun, so it is still asked for.
    const late = expectData(await create(busyClient, stockholmDay(-50)), 201);
    expectData(await create(idleClient, stockholmDay(200)), 201);
    const first = await sendProgressionReminders(env.deps);
    const second = await sendProgressionReminders(env.deps);
    const mails = await env.t.db.ownerSql(
      "select to_address, subject, text_body from emails where template = 'progression_reminder' and organization_id = $1",
      [t.org.id],
    );
    expect(mails).toHaveLength(1);
    expect(first.sent).toBeGreaterThanOrEqual(1);
    expect(second.sent).toBe(0);
    const [mail] = mails as { to_address: string; subject: string; text_body: string }[];
    expect(mail?.to_address).toBe(busy.email);
    expect(mail?.subject).toBe("Progressionsmätningar att göra: 3 deltagare");
    expect(mail?.text_body).toMatch(/\d+ mätningar, varav 2 försenade/);
    expect(mail?.text_body).toContain(`/o/${t.org.id}/deltagare`);
    // Counts only: the outbox is readable by NNS coordinators, so not even a code is in it.
    expect(mail?.text_body).not.toContain(due.code);
    expect(mail?.text_body).not.toContain(overdue.code);
    expect(mail?.text_body).not.toContain(late.code);
    expect(mail?.text_body).not.toMatch(/man\b|20-29|Arbetsträning/);
  });
});
