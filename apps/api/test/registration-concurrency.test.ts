/**
 * Two requests for the last seat must not both win: 500 simultaneous registrations for a session with
 * 25 seats give exactly 25 places and a waiting list in order, on PGlite and on PostgreSQL alike; seats shared
 * by two förbund stay within each one's allocation, and cancellations racing registrations lose no seat.
 */
import { hasFreeSeat } from "@nns/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, setupTestApp, signIn, type TestEnv } from "./helpers.js";

let env: TestEnv;
let editor: Client;
let base: string;
let sessionId: string;

const ATTEMPTS = 500;
const SEATS = 25;

beforeAll(async () => {
  env = await setupTestApp();
  editor = await signIn(env, env.users.editorA.email);
  base = `/v1/orgs/${env.orgA.id}/trainings`;
  const event = await editor.post(base, { kind: "event", title: "Utbildning i progressionsmätning" });
  const start = new Date(Date.now() + 21 * 86_400_000);
  const withSession = await editor.post(`${base}/${event.body.id}/sessions`, {
    title: "Utbildningsdag",
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 7 * 3_600_000).toISOString(),
    mode: "digital",
    videoLink: "https://video.example.se/skapa",
    capacity: SEATS,
  });
  sessionId = withSession.body.sessions[0].id;
  await editor.post(`${base}/${event.body.id}/transitions`, { action: "plan" });
  base = `${base}/${event.body.id}`;
}, 60_000);
afterAll(async () => env?.close());

describe("registration under contention", () => {
  it(`gives exactly ${SEATS} of ${ATTEMPTS} simultaneous attempts a seat, queues the rest in order, with no 5xx`, async () => {
    const responses = await Promise.all(
      Array.from({ length: ATTEMPTS }, (_, i) =>
        editor.post(`${base}/participants`, {
          name: `Deltagare ${i}`,
          email: `deltagare${i}@test.se`,
          contactConsent: false,
          sessionIds: [sessionId],
        }),
      ),
    );
    expect(responses.filter((r) => r.status >= 500)).toEqual([]);
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const statuses = responses.map((r) => r.body.registrations[0].status);
    expect(statuses.filter((s) => s === "confirmed")).toHaveLength(SEATS);
    expect(statuses.filter((s) => s === "waitlisted")).toHaveLength(ATTEMPTS - SEATS);

    const rows = await env.t.db.ownerSql(
      "select status, queue_position from session_registrations where session_id = $1 order by queue_position",
      [sessionId],
    );
    // Seats went to the first 25 to win the session's lock; everyone after waits in that order.
    expect(rows.slice(0, SEATS).every((r) => r.status === "confirmed")).toBe(true);
    expect(rows.slice(SEATS).every((r) => r.status === "waitlisted")).toBe(true);
    const list = await editor.get(`${base}/participants`);
    const positions = list.body.data
      .map(
        (p: { registrations: { waitingPosition: number | null }[] }) => p.registrations[0]?.waitingPosition,
      )
      .filter((p: number | null) => p !== null)
      .sort((a: number, b: number) => a - b);
    expect(positions).toEqual(Array.from({ length: ATTEMPTS - SEATS }, (_, i) => i + 1));
  }, 300_000);

  it("moves exactly one person, the first in the queue, up when a seat is cancelled", async () => {
    const before = await env.t.db.ownerSql(
      "select id, status from session_registrations where session_id = $1 order by queue_position",
      [sessionId],
    );
    const seat = before.find((r) => r.status === "confirmed");
    const firstWaiting = before.find((r) => r.status === "waitlisted");
    const cancelled = await editor.post(`${base}/registrations/${seat?.id}/cancel`);
    expect(cancelled.status).toBe(200);
    const after = await env.t.db.ownerSql(
      "select id, status from session_registrations where session_id = $1",
      [sessionId],
    );
    expect(after.filter((r) => r.status === "confirmed")).toHaveLength(SEATS);
    expect(after.find((r) => r.id === firstWaiting?.id)?.status).toBe("confirmed");
    expect(after.filter((r) => r.status === "waitlisted")).toHaveLength(ATTEMPTS - SEATS - 1);
  }, 60_000);
});

describe("seats shared by several förbund under contention", () => {
  const CAPACITY = 15;
  // A's allocation binds long before the session is full; B's only after it.
  const allocations = new Map<string, number>();
  let nns: Client;
  let adminB: Client;
  let shared: string;
  let session: string;

  beforeAll(async () => {
    allocations.set(env.orgA.id, 5).set(env.orgB.id, 20);
    [nns, adminB] = await Promise.all([
      signIn(env, env.users.nnsAdmin.email),
      signIn(env, env.users.adminB.email),
    ]);
    const created = await nns.post(`/v1/orgs/${env.nns.id}/trainings`, {
      kind: "bip_skapa",
      title: "BIP/SKAPA Västra",
      parties: [
        { organizationId: env.orgA.id, seats: allocations.get(env.orgA.id) },
        { organizationId: env.orgB.id, seats: allocations.get(env.orgB.id) },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    shared = `/v1/orgs/${env.nns.id}/trainings/${created.body.id}`;
    const trainer = await nns.post("/v1/nns/trainers", {
      name: "Ulla Utbildare",
      email: "utbildare@test.se",
      countyCodes: ["13"],
      deliveryModes: ["digital"],
    });
    const certified = await nns.post(`/v1/nns/trainers/${trainer.body.id}/certifications`, {
      issuer: "Væksthuset",
      certifiedOn: "2025-01-01",
      validUntil: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(certified.status, JSON.stringify(certified.body)).toBe(201);
    const start = new Date(Date.now() + 30 * 86_400_000);
    const withSession = await nns.post(`${shared}/sessions`, {
      title: "Steg 1",
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 7 * 3_600_000).toISOString(),
      mode: "digital",
      videoLink: "https://video.example.se/bip",
      capacity: CAPACITY,
      trainerIds: [trainer.body.id],
    });
    expect(withSession.status, JSON.stringify(withSession.body)).toBe(201);
    session = withSession.body.sessions[0].id;
    const planned = await nns.post(`${shared}/transitions`, { action: "plan" });
    expect(planned.status, JSON.stringify(planned.body)).toBe(200);
  }, 60_000);

  const register = (client: Client, orgId: string, n: number) =>
    client.post(`/v1/orgs/${orgId}/trainings/${shared.split("/").at(-1)}/participants`, {
      name: `Deltagare ${n}`,
      email: `delad${n}@${orgId.slice(0, 8)}.se`,
      contactConsent: false,
      sessionIds: [session],
    });

  const seats = () =>
    env.t.db.ownerSql(
      `select id, organization_id, status, promoted_at from session_registrations
        where session_id = $1 order by queue_position`,
      [session],
    );

  it("decides every registration as if they had come one at a time, in queue order, within each allocation", async () => {
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        i % 2 ? register(editor, env.orgA.id, i) : register(adminB, env.orgB.id, i),
      ),
    );
    expect(responses.filter((r) => r.status !== 201).map((r) => r.body)).toEqual([]);
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
    expect(confirmed.get(env.orgA.id)).toBe(allocations.get(env.orgA.id));
    expect(confirmed.get(env.orgB.id)).toBe(CAPACITY - (allocations.get(env.orgA.id) ?? 0));
    // The response's waiting place is the place in the whole queue, across förbund.
    const places = responses
      .map((r) => r.body.registrations[0].waitingPosition)
      .filter((p) => p !== null)
      .sort((a, b) => a - b);
    expect(places).toEqual(Array.from({ length: 60 - CAPACITY }, (_, i) => i + 1));
  }, 120_000);

  it("moves exactly one waiting person up per cancelled seat while registrations race the cancellations", async () => {
    const before = await seats();
    const toCancel = before
      .filter((r) => r.status === "confirmed" && r.organization_id === env.orgA.id)
      .slice(0, 3);
    expect(toCancel).toHaveLength(3);
    const results = await Promise.all([
      ...toCancel.map((r) =>
        editor.post(
          `/v1/orgs/${env.orgA.id}/trainings/${shared.split("/").at(-1)}/registrations/${r.id}/cancel`,
        ),
      ),
      ...Array.from({ length: 20 }, (_, i) =>
        i % 2 ? register(editor, env.orgA.id, 100 + i) : register(adminB, env.orgB.id, 100 + i),
      ),
    ]);
    expect(results.filter((r) => r.status >= 300).map((r) => r.body)).toEqual([]);
    const after = await seats();
    const live = after.filter((r) => r.status === "confirmed");
    expect(live).toHaveLength(CAPACITY);
    const byParty = (org: string) => live.filter((r) => r.organization_id === org).length;
    expect(byParty(env.orgA.id)).toBeLessThanOrEqual(allocations.get(env.orgA.id) ?? 0);
    expect(byParty(env.orgB.id)).toBeLessThanOrEqual(allocations.get(env.orgB.id) ?? 0);
    // Nobody is left waiting for a seat their förbund could still take.
    for (const waiting of after.filter((r) => r.status === "waitlisted")) {
      const org = String(waiting.organization_id);
      const party = { allocation: allocations.get(org) ?? null, confirmed: byParty(org) };
      expect(hasFreeSeat({ capacity: CAPACITY, confirmed: live.length }, party)).toBe(false);
    }
    // Three seats were freed: either a waiting person moved up, or a new registration took the seat.
    const promoted = after.filter((r) => r.promoted_at !== null).length;
    const newlySeated = live.filter((r) => !before.some((b) => b.id === r.id)).length;
    expect(promoted + newlySeated).toBe(3);
  }, 120_000);
});
