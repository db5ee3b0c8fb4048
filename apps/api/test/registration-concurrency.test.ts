/**
 * Two requests for the last seat must not both win: 500 simultaneous registrations for a session with
 * 25 seats give exactly 25 places and a waiting list in order, on PGlite and on PostgreSQL alike; seats shared
 * by two förbund stay within each one's allocation, and cancellations racing registrations lose no seat.
 */
import { hasFreeSeat } from "@nns/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, expectData, signIn } from "./client.js";
import { freshTenant, plannedEvent, setupTestApp, type Tenant, type TestEnv } from "./helpers.js";
import { certify, inTraining, registeredTrainer } from "./training-fixtures.js";

let env: TestEnv;

const ATTEMPTS = 500;
const SEATS = 25;
const PARTICIPANTS = "/orgs/{orgId}/trainings/{trainingId}/participants";
const CANCEL = "/orgs/{orgId}/trainings/{trainingId}/registrations/{registrationId}/cancel";

beforeAll(async () => {
  env = await setupTestApp();
}, 60_000);
afterAll(async () => env?.close());

/** A förbund's event day with one session of `SEATS` seats, and `attempts` people registering for it at once. */
async function contendedEvent(attempts: number) {
  const t = await freshTenant(env);
  const editor = await t.signIn("editor");
  const { trainingId, sessionId } = await plannedEvent(t.ctx, "Utbildning i progressionsmätning", SEATS);
  const responses = await Promise.all(
    Array.from({ length: attempts }, (_, i) =>
      editor.POST(PARTICIPANTS, {
        ...inTraining(t.org.id, trainingId),
        body: {
          name: `Deltagare ${i}`,
          email: `deltagare${i}.${t.org.slug}@test.se`,
          contactConsent: false,
          sessionIds: [sessionId],
        },
      }),
    ),
  );
  return { t, editor, trainingId, sessionId, responses };
}

describe("registration under contention", () => {
  it(`gives exactly ${SEATS} of ${ATTEMPTS} simultaneous attempts a seat, queues the rest in order, with no 5xx`, async () => {
    const { t, editor, trainingId, sessionId, responses } = await contendedEvent(ATTEMPTS);
    expect(responses.filter((r) => r.response.status >= 500).map((r) => r.error)).toEqual([]);
    expect(responses.every((r) => r.response.status === 201)).toBe(true);
    const statuses = responses.map((r) => r.data?.registrations[0]?.status);
    expect(statuses.filter((s) => s === "confirmed")).toHaveLength(SEATS);
    expect(statuses.filter((s) => s === "waitlisted")).toHaveLength(ATTEMPTS - SEATS);

    const rows = await env.t.db.ownerSql(
      "select status, queue_position from session_registrations where session_id = $1 order by queue_position",
      [sessionId],
    );
    // Seats went to the first 25 to win the session's lock; everyone after waits in that order.
    expect(rows.slice(0, SEATS).every((r) => r.status === "confirmed")).toBe(true);
    expect(rows.slice(SEATS).every((r) => r.status === "waitlisted")).toBe(true);
    const list = expectData(await editor.GET(PARTICIPANTS, inTraining(t.org.id, trainingId)));
    const positions = list.data
      .map((p) => p.registrations[0]?.waitingPosition ?? null)
      .filter((p) => p !== null)
      .sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: ATTEMPTS - SEATS }, (_, i) => i + 1));
  }, 300_000);

  it("moves exactly one person, the first in the queue, up when a seat is cancelled", async () => {
    const attempts = 2 * SEATS;
    const { t, editor, trainingId, sessionId } = await contendedEvent(attempts);
    const before = await env.t.db.ownerSql(
      "select id, status from session_registrations where session_id = $1 order by queue_position",
      [sessionId],
    );
    const seat = before.find((r) => r.status === "confirmed");
    const firstWaiting = before.find((r) => r.status === "waitlisted");
    const cancelled = await editor.POST(CANCEL, {
      params: { path: { orgId: t.org.id, trainingId, registrationId: String(seat?.id) } },
    });
    expectData(cancelled);
    const after = await env.t.db.ownerSql(
      "select id, status from session_registrations where session_id = $1",
      [sessionId],
    );
    expect(after.filter((r) => r.status === "confirmed")).toHaveLength(SEATS);
    expect(after.find((r) => r.id === firstWaiting?.id)?.status).toBe("confirmed");
    expect(after.filter((r) => r.status === "waitlisted")).toHaveLength(attempts - SEATS - 1);
  }, 120_000);
});

describe("seats shared by several förbund under contention", () => {
  const CAPACITY = 15;

  /**
   * NNS's training with two förbund of the test's own, `a` allotted 5 seats (binding long before the
   * session is full) and `b` 20 (binding only after it), one planned session of `CAPACITY` seats, and
   * 60 registrations sent at once, alternating between the förbund.
   */
  async function contendedSharedSession() {
    const [a, b] = await Promise.all([freshTenant(env), freshTenant(env)]);
    const allocations = new Map<string, number>([
      [a.org.id, 5],
      [b.org.id, 20],
    ]);
    const nns = await signIn(env, env.users.nnsAdmin.email);
    const created = expectData(
      await nns.POST("/orgs/{orgId}/trainings", {
        params: { path: { orgId: env.nns.id } },
        body: {
          kind: "bip_skapa",
          title: "BIP/SKAPA Västra",
          parties: [
            { organizationId: a.org.id, seats: allocations.get(a.org.id) ?? null },
            { organizationId: b.org.id, seats: allocations.get(b.org.id) ?? null },
          ],
        },
      }),
      201,
    );
    const trainingId = created.id;
    const trainer = await registeredTrainer(env, nns, { countyCodes: ["13"], deliveryModes: ["digital"] });
    await certify(nns, trainer.id);
    const start = new Date(Date.now() + 30 * 86_400_000);
    const withSession = await nns.POST("/orgs/{orgId}/trainings/{trainingId}/sessions", {
      ...inTraining(env.nns.id, trainingId),
      body: {
        title: "Steg 1",
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 7 * 3_600_000).toISOString(),
        mode: "digital",
        videoLink: "https://video.example.se/bip",
        capacity: CAPACITY,
        trainerIds: [trainer.id],
      },
    });
    const session = expectData(withSession, 201).sessions[0]?.id as string;
    expectData(
      await nns.POST("/orgs/{orgId}/trainings/{trainingId}/transitions", {
        ...inTraining(env.nns.id, trainingId),
        body: { action: "plan" },
      }),
    );
    const [editorA, adminB] = [await a.signIn("editor"), await b.signIn("admin")];
    const register = (client: Client, party: Tenant, n: number) =>
      client.POST(PARTICIPANTS, {
        ...inTraining(party.org.id, trainingId),
        body: {
          name: `Deltagare ${n}`,
          email: `delad${n}@${party.org.slug}.se`,
          contactConsent: false,
          sessionIds: [session],
        },
      });
    const seats = () =>
      env.t.db.ownerSql(
        `select id, organization_id, status, promoted_at from session_registrations
          where session_id = $1 order by queue_position`,
        [session],
      );
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, i) => (i % 2 ? register(editorA, a, i) : register(adminB, b, i))),
    );
    return { a, b, allocations, trainingId, editorA, adminB, register, seats, responses };
  }

  it("decides every registration as if they had come one at a time, in queue order, within each allocation", async () => {
    const { a, b, allocations, seats, responses } = await contendedSharedSession();
    expect(responses.filter((r) => r.response.status !== 201).map((r) => r.error)).toEqual([]);
    // Replaying the queue one registration at a time gives every stored decision.
    const confirmed = new Map<string, number>();
    let total = 0;
    for (const row of await seats()) {
      const org = String(row.organization_id);
      const party = { allocation: allocations.get(org) ?? null, confirmed: confirmed.get(org) ?? 0 };
      const expected = hasFreeSeat({ capacity: CAPACITY, confirmed: total }, party)
        ? "confirmed"
        : "waitlisted";
      expect(row.status).toBe(expected);
      if (expected === "confirmed") {
        total += 1;
        confirmed.set(org, party.confirmed + 1);
      }
    }
    expect(total).toBe(CAPACITY);
    expect(confirmed.get(a.org.id)).toBe(allocations.get(a.org.id));
    expect(confirmed.get(b.org.id)).toBe(CAPACITY - (allocations.get(a.org.id) ?? 0));
    // The response's waiting place is the place in the whole queue, across förbund.
    const places = responses
      .map((r) => r.data?.registrations[0]?.waitingPosition ?? null)
      .filter((p) => p !== null)
      .sort((x, y) => x - y);
    expect(places).toEqual(Array.from({ length: 60 - CAPACITY }, (_, i) => i + 1));
  }, 120_000);

  it("moves exactly one waiting person up per cancelled seat while registrations race the cancellations", async () => {
    const { a, b, allocations, trainingId, editorA, adminB, register, seats } =
      await contendedSharedSession();
    const before = await seats();
    const toCancel = before
      .filter((r) => r.status === "confirmed" && r.organization_id === a.org.id)
      .slice(0, 3);
    expect(toCancel).toHaveLength(3);
    const results = await Promise.all([
      ...toCancel.map((r) =>
        editorA.POST(CANCEL, {
          params: { path: { orgId: a.org.id, trainingId, registrationId: String(r.id) } },
        }),
      ),
      ...Array.from({ length: 20 }, (_, i) =>
        i % 2 ? register(editorA, a, 100 + i) : register(adminB, b, 100 + i),
      ),
    ]);
    expect(results.filter((r) => r.response.status >= 300).map((r) => r.error)).toEqual([]);
    const after = await seats();
    const live = after.filter((r) => r.status === "confirmed");
    expect(live).toHaveLength(CAPACITY);
    const byParty = (org: string) => live.filter((r) => r.organization_id === org).length;
    expect(byParty(a.org.id)).toBeLessThanOrEqual(allocations.get(a.org.id) ?? 0);
    expect(byParty(b.org.id)).toBeLessThanOrEqual(allocations.get(b.org.id) ?? 0);
    // Nobody is left waiting for a seat their förbund could still take.
    for (const waiting of after.filter((r) => r.status === "waitlisted")) {
      const org = String(waiting.organization_id);
      const party = { allocation: allocations.get(org) ?? null, confirmed: byParty(org) };
      expect(hasFreeSeat({ capacity: CAPACITY, confirmed: live.length }, party)).toBe(false);
    }
    // Three seats were freed: either a waiting person moved up, or a new registration took the seat.
    const promoted = after.filter((r) => r.promoted_at !== null).length;
    const newlySeated = live.filter((r) => !before.some((x) => x.id === r.id)).length;
    expect(promoted + newlySeated).toBe(3);
  }, 120_000);
});
