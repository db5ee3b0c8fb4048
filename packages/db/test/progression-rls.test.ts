import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { asApp as asAppIn, count, type Query, useRlsFixture } from "./rls-fixture.js";

/**
 * Progression data in SQL as the application role: a coach sees only their own participants, another
 * förbund sees none, NNS reads no row and only the aggregate functions, and the first/latest table
 * follows inserts and deletions of measurements.
 */
const fx = useRlsFixture();
const asApp = <T>(settings: Record<string, string>, fn: (q: Query) => Promise<T>) =>
  asAppIn(fx.t, settings, fn);

const nns = randomUUID();
const coach1 = randomUUID();
const coach2 = randomUUID();
const intervention = randomUUID();
const instrument = randomUUID();
const version = randomUUID();
const participants = [randomUUID(), randomUUID(), randomUUID()];

beforeAll(async () => {
  const sql = fx.t.db.ownerSql;
  await sql(
    `insert into organizations (id, kind, name, slug, organization_number) values ($1, 'nns', 'NNS', 'nns', '8020001111')`,
    [nns],
  );
  await sql(
    `insert into users (id, email, name) values ($1, 'c1@example.se', 'C1'), ($2, 'c2@example.se', 'C2')`,
    [coach1, coach2],
  );
  await sql(
    `insert into memberships (organization_id, user_id, role) values ($1, $2, 'coach'), ($1, $3, 'coach')`,
    [fx.orgA, coach1, coach2],
  );
  await sql(
    `insert into interventions (id, organization_id, state, content) values ($1, $2, 'published', '{}')`,
    [intervention, fx.orgA],
  );
  await sql(
    `insert into progression_instruments (organization_id, id, key, name, national) values ($1, $2, 'skapa', 'SKAPA', true)`,
    [nns, instrument],
  );
  await sql(
    `insert into progression_instrument_versions (organization_id, id, instrument_id, number, status, definition)
       values ($1, $2, $3, 1, 'published', '{"items": []}')`,
    [nns, version, instrument],
  );
  const coaches = [coach1, coach1, coach2];
  for (const [i, id] of participants.entries()) {
    await sql(
      `insert into progression_participants (organization_id, id, code, intervention_id, coach_user_id, gender, age_band, start_date)
         values ($1, $2, $3, $4, $5, $6, '20-29', '2026-01-10')`,
      [fx.orgA, id, `AAAA-000${i}`, intervention, coaches[i], i === 2 ? "man" : "woman"],
    );
  }
}, 60_000);

const coachOf = (user: string) => ({ "app.org_id": fx.orgA, "app.user_id": user });
const managerOfA = { "app.org_id": fx.orgA, "app.user_id": fx.userA, "app.progression_all": "on" };

async function measure(q: Query, participant: string, on: string, answers: number[]) {
  await q(
    `insert into progression_measurements (organization_id, participant_id, instrument_organization_id,
       instrument_version_id, respondent, measured_on, answers, source)
     values ($1, $2, $3, $4, 'participant', $5, $6, 'coach')`,
    [fx.orgA, participant, nns, version, on, answers],
  );
}

describe("progression data as the application role", () => {
  it("shows a coach only the participants assigned to them, a manager all, another förbund none", async () => {
    await asApp(coachOf(coach1), async (q) => expect(await count(q, "progression_participants")).toBe(2));
    await asApp(coachOf(coach2), async (q) => expect(await count(q, "progression_participants")).toBe(1));
    await asApp(managerOfA, async (q) => expect(await count(q, "progression_participants")).toBe(3));
    await asApp({ "app.org_id": fx.orgB, "app.user_id": fx.userB, "app.progression_all": "on" }, async (q) =>
      expect(await count(q, "progression_participants")).toBe(0),
    );
    await asApp({ "app.org_id": nns, "app.progression_all": "on" }, async (q) =>
      expect(await count(q, "progression_participants")).toBe(0),
    );
  });

  it("refuses a coach writing a measurement for another coach's participant", async () => {
    await expect(
      asApp(coachOf(coach2), (q) => measure(q, participants[0] as string, "2026-01-10", [1, 2])),
    ).rejects.toThrow(/row-level security/);
  });

  it("keeps first and latest readings current through inserts and deletions", async () => {
    const p = participants[0] as string;
    await asApp(coachOf(coach1), async (q) => {
      await measure(q, p, "2026-04-10", [3, 4]);
      await measure(q, p, "2026-01-10", [1, 2]);
      await measure(q, p, "2026-07-10", [5, 1]);
    });
    const read = () =>
      asApp(managerOfA, (q) =>
        q(
          `select measurement_count as n, first_answers as f, latest_answers as l from progression_progress
           where participant_id = $1`,
          [p],
        ),
      );
    expect(await read()).toEqual([{ n: 3, f: [1, 2], l: [5, 1] }]);
    await asApp(managerOfA, (q) =>
      q(`delete from progression_measurements where participant_id = $1 and measured_on = '2026-07-10'`, [p]),
    );
    expect(await read()).toEqual([{ n: 2, f: [1, 2], l: [3, 4] }]);
    await asApp(coachOf(coach2), async (q) => expect(await count(q, "progression_progress")).toBe(0));
  });

  it("aggregates nationally for NNS only, and within its own förbund for everyone else", async () => {
    const p = participants[1] as string;
    await asApp(coachOf(coach1), async (q) => {
      await measure(q, p, "2026-01-20", [2, 2]);
      await measure(q, p, "2026-04-20", [2, 5]);
    });
    const aggregate = (q: Query, scope: string) =>
      q(
        `select * from progression_aggregate($1, null, $2, 'participant', 'gender', '{1,-1}', 1)
         order by group_key nulls first, item_index`,
        [scope, version],
      );
    const national = await asApp({ "app.org_id": nns }, (q) => aggregate(q, "national"));
    // Two women: item 1 went 1→3 and 2→2 (higher is better); item 2 went 2→4 and 2→5 (lower is better).
    expect(national).toEqual([
      {
        group_key: null,
        item_index: 1,
        n: 2,
        first_sum: 3,
        latest_sum: 5,
        improved: 1,
        unchanged: 1,
        worse: 0,
      },
      {
        group_key: null,
        item_index: 2,
        n: 2,
        first_sum: 4,
        latest_sum: 9,
        improved: 0,
        unchanged: 0,
        worse: 2,
      },
      {
        group_key: "woman",
        item_index: 1,
        n: 2,
        first_sum: 3,
        latest_sum: 5,
        improved: 1,
        unchanged: 1,
        worse: 0,
      },
      {
        group_key: "woman",
        item_index: 2,
        n: 2,
        first_sum: 4,
        latest_sum: 9,
        improved: 0,
        unchanged: 0,
        worse: 2,
      },
    ]);
    await expect(asApp({ "app.org_id": fx.orgA }, (q) => aggregate(q, "national"))).rejects.toThrow(
      /for NNS/,
    );
    expect(await asApp({ "app.org_id": fx.orgB }, (q) => aggregate(q, "organization"))).toEqual([]);
    expect(await asApp({ "app.org_id": fx.orgA }, (q) => aggregate(q, "organization"))).toHaveLength(4);
    const [activity] = await asApp({ "app.org_id": nns }, (q) =>
      q(`select * from progression_activity('national', null, 'none') where group_key is null`),
    );
    expect(activity).toMatchObject({ participants: 3, measured_participants: 2, measurements: 4 });
  });

  it("keeps one first/latest row when two transactions write readings of one participant at once", async () => {
    const p = participants[2] as string;
    // The first holds its transaction open after its reading; on a server the second runs meanwhile and its
    // trigger must wait for the first's commit instead of colliding on the progress row's key.
    const first = asApp(coachOf(coach2), async (q) => {
      await measure(q, p, "2026-01-10", [1, 1]);
      await q("select pg_sleep(0.3)");
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = asApp(coachOf(coach2), (q) => measure(q, p, "2026-02-10", [2, 2]));
    await Promise.all([first, second]);
    const rows = await asApp(coachOf(coach2), (q) =>
      q(
        "select measurement_count as n, first_answers as f, latest_answers as l from progression_progress where participant_id = $1",
        [p],
      ),
    );
    expect(rows).toEqual([{ n: 2, f: [1, 1], l: [2, 2] }]);
  });

  it("freezes a published version's items", async () => {
    await expect(
      asApp({ "app.org_id": nns }, (q) =>
        q(`update progression_instrument_versions set definition = '{"items": [1]}' where id = $1`, [
          version,
        ]),
      ),
    ).rejects.toThrow(/immutable/);
  });

  it("keeps the access log append-only", async () => {
    await asApp(managerOfA, (q) =>
      q(
        `insert into progression_access_log (organization_id, participant_code, action, actor_type, actor_name)
         values ($1, 'AAAA-0000', 'read', 'user', 'A')`,
        [fx.orgA],
      ),
    );
    await expect(asApp(managerOfA, (q) => q(`delete from progression_access_log`))).rejects.toThrow(
      /permission denied/,
    );
  });
});
