/**
 * Two requests for the last seat must not both win: 500 simultaneous registrations for a session with
 * 25 seats give exactly 25 places and a waiting list in order, on PGlite and on PostgreSQL alike.
 */
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
