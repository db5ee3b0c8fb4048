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
import { createApiKey } from "@nns/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, expectData, expectProblem, PUBLIC_URL, type TypedResult, withKey } from "./client.js";
import { freshTenant, plannedEvent, setupTestApp, type Tenant, type TestEnv } from "./helpers.js";

let env: TestEnv;
let server: ReturnType<typeof serve>;
let serverUrl: string;
let lossyProxy: Server;
let lossyUrl: string;

beforeAll(async () => {
  env = await setupTestApp();

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

/** A caller in a förbund of the test's own, and the creating request it retries. */
interface Arranged {
  client: Client;
  /** From the root, for the request over a real socket. */
  path: string;
  body: (address: string) => object;
  create: (address: string, key: string) => Promise<TypedResult<{ id: string }, unknown>>;
}

interface Case {
  arrange: (t: Tenant) => Promise<Arranged>;
  /** The table the creation writes, and its column that holds the body's email address. */
  table: string;
  column: string;
}

const CASES: Record<string, Case> = {
  "registering a participant (API key)": {
    arrange: async (t) => {
      const { trainingId, sessionId } = await plannedEvent(t.ctx, "Inspirationsdag", 40);
      const { secret } = await createApiKey(t.ctx, {
        name: "anmälningar",
        scopes: ["trainings:register"],
        expiresAt: null,
      });
      const client = withKey(env, secret);
      const body = (address: string) => ({
        name: "Deltagare",
        email: address,
        contactConsent: false,
        sessionIds: [sessionId],
      });
      return {
        client,
        path: `/v1/orgs/${t.org.id}/trainings/${trainingId}/participants`,
        body,
        create: (address, key) =>
          client.POST("/orgs/{orgId}/trainings/{trainingId}/participants", {
            params: { path: { orgId: t.org.id, trainingId } },
            body: body(address),
            headers: { "idempotency-key": key },
          }),
      };
    },
    table: "training_participants",
    column: "email",
  },
  "sending a training request (signed in)": {
    arrange: async (t) => {
      const client = await t.signIn("admin");
      const body = (address: string) => ({
        periodStart: "2027-02-01",
        periodEnd: "2027-04-30",
        expectedParticipants: 20,
        deliveryPreference: "either" as const,
        openToSharing: true,
        contactName: "Kontakt",
        contactEmail: address,
      });
      return {
        client,
        path: `/v1/orgs/${t.org.id}/training-requests`,
        body,
        create: (address, key) =>
          client.POST("/orgs/{orgId}/training-requests", {
            params: { path: { orgId: t.org.id } },
            body: body(address),
            headers: { "idempotency-key": key },
          }),
      };
    },
    table: "training_requests",
    column: "contact_email",
  },
};

describe.each(Object.entries(CASES))("%s", (_name, { arrange, table, column }) => {
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
    const { create } = await arrange(await freshTenant(env));
    const address = fresh();
    const key = randomUUID();
    const first = await create(address, key);
    const created = expectData(first, 201);
    expect(first.response.headers.get("idempotent-replayed")).toBeNull();
    const afterFirst = await traces(address);
    expect(afterFirst.ids).toEqual([created.id]);
    const again = await create(address, key);
    expect(expectData(again, 201)).toEqual(created);
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    expect(again.response.headers.get("content-type")).toContain("application/json");
    expect(await traces(address)).toEqual(afterFirst);
  });

  it("refuses a different body with the same key (422) and creates nothing for it", async () => {
    const { create } = await arrange(await freshTenant(env));
    const [used, other] = [fresh(), fresh()];
    const key = randomUUID();
    expectData(await create(used, key), 201);
    expectProblem(await create(other, key), 422, "idempotency_key_reused");
    expect(await traces(other)).toEqual({ ids: [], emails: 0 });
    expect((await traces(used)).ids).toHaveLength(1);
  });

  it("lets one of several simultaneous duplicates run; the rest get 409 or the replay", async () => {
    const { create } = await arrange(await freshTenant(env));
    const address = fresh();
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, () => create(address, key)));
    const ran = results.filter(
      (r) => r.response.status === 201 && !r.response.headers.get("idempotent-replayed"),
    );
    expect(ran).toHaveLength(1);
    for (const r of results.filter((r) => r.response.status !== 201))
      expectProblem(r, 409, "idempotency_in_progress");
    expect((await traces(address)).ids).toEqual([ran[0]?.data?.id]);
  });

  it("answers a retry after a lost response with the stored one, over a real socket", async () => {
    const { client, path, body } = await arrange(await freshTenant(env));
    const address = fresh();
    const key = randomUUID();
    const send = (base: string) =>
      fetch(`${base}${path}`, {
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
