import { createServer, type Server } from "node:net";
import { DrizzleQueryError, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, transaction } from "../src/client.js";
import { isConnectionError } from "../src/errors.js";
import { createTestDatabase, type TestDatabase } from "../src/testing.js";

/** A database handle on a port where `server` answers (or, closed, nothing does). */
async function databaseBehind(server: Server) {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  const url = `postgres://nns_app@127.0.0.1:${port}/nns`;
  return openDatabase({ mode: "server", url, appUrl: url, appPassword: null, poolMax: 2 });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the query to fail");
}

describe("isConnectionError", () => {
  it("recognises a refused connection, from postgres.js and as drizzle wraps it", async () => {
    const server = createServer();
    const db = await databaseBehind(server);
    await new Promise((resolve) => server.close(resolve));
    try {
      const raw = await failure(db.appSql("select 1"));
      expect((raw as { code?: string }).code).toBe("ECONNREFUSED");
      const wrapped = await failure(db.app.execute(sql`select 1`));
      expect(wrapped).toBeInstanceOf(DrizzleQueryError);
      const inTransaction = await failure(transaction(db, {}, (tx) => tx.execute(sql`select 1`)));
      for (const error of [raw, wrapped, inTransaction]) expect(isConnectionError(error)).toBe(true);
    } finally {
      await db.close();
    }
  });

  it("recognises a server that keeps hanging up during start-up, after connect_timeout", async () => {
    const server = createServer((socket) => socket.destroy());
    const db = await databaseBehind(server);
    try {
      const error = await failure(db.appSql("select 1"));
      expect(isConnectionError(error)).toBe(true);
    } finally {
      await db.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("follows causes and aggregates, and leaves refusals by the database alone", () => {
    expect(isConnectionError(new Error("outer", { cause: { code: "08006" } }))).toBe(true);
    expect(isConnectionError(new AggregateError([new Error("a"), { code: "ECONNRESET" }]))).toBe(true);
    expect(isConnectionError({ code: "57P03" })).toBe(true);
    expect(isConnectionError({ code: "23505" })).toBe(false);
    expect(isConnectionError({ code: "40001" })).toBe(false);
    expect(isConnectionError(new Error("plain"))).toBe(false);
    const circular: { code: string; cause?: unknown } = { code: "XX000" };
    circular.cause = circular;
    expect(isConnectionError(circular)).toBe(false);
  });
});

describe("a refusal by the database itself", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.destroy());

  it("is not a connection error", async () => {
    const error = await failure(t.db.owner.execute(sql`select 1 / 0`));
    expect(isConnectionError(error)).toBe(false);
  });

  it.runIf(process.env.DATABASE_URL)(
    "a transaction whose session is terminated fails as a connection error, and its pool carries on",
    async () => {
      // One connection, so the query after the failure runs on the very slot that lost its session.
      const urls = t.urls as { owner: string; app: string };
      const db = await openDatabase({
        mode: "server",
        url: urls.owner,
        appUrl: urls.app,
        appPassword: null,
        poolMax: 1,
      });
      try {
        const error = await failure(
          transaction(db, {}, async (tx) => {
            const [row] = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as {
              pid: number;
            }[];
            await t.db.ownerSql("select pg_terminate_backend($1)", [row?.pid]);
            // The unpatched driver ran these on the dead slot, leaving bytes behind that broke its next
            // session, or crashed the process from a timer (porsager/postgres#1066, #1154, #1208).
            await tx.execute(sql`select 1`);
            await tx.execute(sql`select 2`);
          }),
        );
        expect(isConnectionError(error)).toBe(true);
        expect(await db.appSql("select 1 as ok")).toEqual([{ ok: 1 }]);
        expect(await db.appSql("select 2 as ok")).toEqual([{ ok: 2 }]);
      } finally {
        await db.close();
      }
    },
  );
});
