/**
 * Idempotency-Key on the creating POSTs a client most needs to retry: registering a participant (a seat
 * and an email) and sending a training request. The same key and body replays the stored response; a
 * different body with the key is refused; a retry after the response was lost on the wire creates nothing
 * twice. The route registry's conventions test checks that every other creating POST honours the key too.
 */
import { randomUUID } from "node:crypto";
import type { Server as HttpServer } from "node:http";
import { connect, createServer, type Server } from "node:net";
import { serve } from "@hono/node-server";
import { createApiKey, enterOrganization, systemContext } from "@nns/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  expectProblem,
  PUBLIC_URL,
  plannedEvent,
  setupTestApp,
  signIn,
  type TestEnv,
  withKey,
} from "./helpers.js";

let env: TestEnv;
let server: ReturnType<typeof serve>;
let serverUrl: string;
let lossyProxy: Server;
let lossyUrl: string;
let trainingId: string;
let sessionId: string;
let apiKey: string;

beforeAll(async () => {
  env = await setupTestApp();
  const org = await enterOrganization(systemContext(env.deps, "idempotency-test"), env.orgA.id);
  ({ trainingId, sessionId } = await plannedEvent(org, "Inspirationsdag", 40));
  apiKey = (await createApiKey(org, { name: "anmälningar", scopes: ["trainings:register"], expiresAt: null }))
    .secret;

  // The real app on a socket, and in front of it a proxy that forwards requests but drops every response:
  // the request runs to completion on the server, and the client never learns how it went.
  await new Promise<void>((resolve) => {
    server = serve({ fetch: env.app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
      serverUrl = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
  lossyProxy = createServer((client) => {
    const socket = connect(Number(new URL(serverUrl).port), "127.0.0.1");
    client.pipe(socket);
    socket.once("data", () => {
      client.destroy();
      socket.destroy();
    });
    client.on("error", () => socket.destroy());
    socket.on("error", () => client.destroy());
  });
  await new Promise<void>((resolve) => lossyProxy.listen(0, "127.0.0.1", resolve));
  const address = lossyProxy.address();
  lossyUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

afterAll(async () => {
  lossyProxy?.close();
  if (server) {
    (server as HttpServer).closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await env?.close();
});

interface Case {
  caller: () => Promise<Client>;
  path: () => string;
  body: (address: string) => Record<string, unknown>;
  /** The table the creation writes, and its column that holds the body's email address. */
  table: string;
  column: string;
}

const CASES: Record<string, Case> = {
  "registering a participant (API key)": {
    caller: async () => withKey(env, apiKey),
    path: () => `/v1/orgs/${env.orgA.id}/trainings/${trainingId}/participants`,
    body: (address) => ({
      name: "Deltagare",
      email: address,
      contactConsent: false,
      sessionIds: [sessionId],
    }),
    table: "training_participants",
    column: "email",
  },
  "sending a training request (signed in)": {
    caller: () => signIn(env, env.users.adminA.email),
    path: () => `/v1/orgs/${env.orgA.id}/training-requests`,
    body: (address) => ({
      periodStart: "2027-02-01",
      periodEnd: "2027-04-30",
      expectedParticipants: 20,
      deliveryPreference: "either",
      openToSharing: true,
      contactName: "Kontakt",
      contactEmail: address,
    }),
    table: "training_requests",
    column: "contact_email",
  },
};

describe.each(Object.entries(CASES))("%s", (_name, { caller, path, body, table, column }) => {
  const fresh = () => `idem.${randomUUID().slice(0, 8)}@test.se`;
  /** The ids created for an address, and how many emails went to it. */
  const traces = async (address: string) => ({
    ids: (await env.t.db.ownerSql(`select id from ${table} where ${column} = $1`, [address])).map(
      (r) => r.id,
    ),
    emails: Number(
      (await env.t.db.ownerSql("select count(*)::int as n from emails where to_address = $1", [address]))[0]
        ?.n,
    ),
  });

  it("replays the same response for the same key and body, and creates nothing twice", async () => {
    const client = await caller();
    const address = fresh();
    const key = randomUUID();
    const first = await client.post(path(), body(address), { "idempotency-key": key });
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const afterFirst = await traces(address);
    expect(afterFirst.ids).toEqual([first.body.id]);
    const again = await client.post(path(), body(address), { "idempotency-key": key });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("content-type")).toContain("application/json");
    expect(again.body).toEqual(first.body);
    expect(await traces(address)).toEqual(afterFirst);
  });

  it("refuses a different body with the same key (422) and creates nothing for it", async () => {
    const client = await caller();
    const [used, other] = [fresh(), fresh()];
    const key = randomUUID();
    expect((await client.post(path(), body(used), { "idempotency-key": key })).status).toBe(201);
    expectProblem(
      await client.post(path(), body(other), { "idempotency-key": key }),
      422,
      "idempotency_key_reused",
    );
    expect(await traces(other)).toEqual({ ids: [], emails: 0 });
    expect((await traces(used)).ids).toHaveLength(1);
  });

  it("lets one of several simultaneous duplicates run; the rest get 409 or the replay", async () => {
    const client = await caller();
    const address = fresh();
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => client.post(path(), body(address), { "idempotency-key": key })),
    );
    const ran = results.filter((r) => r.status === 201 && !r.headers.get("idempotent-replayed"));
    expect(ran).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 201)) expectProblem(r, 409, "idempotency_in_progress");
    expect((await traces(address)).ids).toEqual([ran[0]?.body.id]);
  });

  it("answers a retry after a lost response with the stored one, over a real socket", async () => {
    const client = await caller();
    const address = fresh();
    const key = randomUUID();
    const send = (base: string) =>
      fetch(`${base}${path()}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: PUBLIC_URL,
          "idempotency-key": key,
          ...(client.cookie ? { cookie: client.cookie } : {}),
          ...(client.bearer ? { authorization: `Bearer ${client.bearer}` } : {}),
        },
        body: JSON.stringify(body(address)),
      });
    await expect(send(lossyUrl)).rejects.toThrow();
    const afterLoss = await traces(address);
    expect(afterLoss.ids).toHaveLength(1);
    const retry = await send(serverUrl);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(((await retry.json()) as { id: string }).id).toBe(afterLoss.ids[0]);
    expect(await traces(address)).toEqual(afterLoss);
  });
});
