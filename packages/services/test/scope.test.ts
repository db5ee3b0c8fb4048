import { rowsOf, type Tx, transaction } from "@nns/db";
import { createTestDatabase, type TestDatabase } from "@nns/db/testing";
import { AppError } from "@nns/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createOrganization,
  type Deps,
  enterOrganization,
  type OrgContext,
  systemContext,
} from "../src/index.js";
import { finsamMemberParties } from "../src/testing.js";
import { inOrganizationScope } from "../src/trainings/scope.js";
import { testDeps } from "./deps.js";

let t: TestDatabase;
let deps: Deps;
let acting: OrgContext;
let otherId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  deps = testDeps(t.db);
  const system = systemContext(deps, "test");
  const organization = (name: string, organizationNumber: string) =>
    createOrganization(system, {
      name,
      organizationNumber,
      countyCode: "13",
      memberParties: finsamMemberParties("13"),
    });
  const a = await organization("Samordningsförbundet Scope A", "2220001016");
  const b = await organization("Samordningsförbundet Scope B", "2220001024");
  acting = await enterOrganization(system, a.id);
  otherId = b.id;
});
afterAll(async () => {
  deps.mailer.close();
  await t.destroy();
});

/** The organization row-level security sees the transaction acting for. */
async function scopeOf(tx: Tx): Promise<string> {
  const [row] = rowsOf<{ org: string }>(
    await tx.execute(sql`select current_setting('app.org_id', true) as org`),
  );
  return row?.org ?? "";
}

const inActingTransaction = <T>(fn: (tx: Tx) => Promise<T>) =>
  transaction(deps.db, { organizationId: acting.organization.id }, fn);

describe("inOrganizationScope", () => {
  it("runs fn in the other organization's scope and returns to the acting one", async () => {
    const seen = await inActingTransaction(async (tx) => {
      const inside = await inOrganizationScope(tx, acting, otherId, () => scopeOf(tx));
      return { inside, after: await scopeOf(tx) };
    });
    expect(seen).toEqual({ inside: otherId, after: acting.organization.id });
  });

  it("restores the acting organization's scope when fn throws, for a caller that catches and goes on", async () => {
    const seen = await inActingTransaction(async (tx) => {
      const failure = await inOrganizationScope(tx, acting, otherId, async () => {
        expect(await scopeOf(tx)).toBe(otherId);
        throw new AppError("conflict", "fn failed");
      }).catch((error: unknown) => error);
      return { failure, after: await scopeOf(tx) };
    });
    expect(seen.failure).toBeInstanceOf(AppError);
    expect((seen.failure as AppError).message).toBe("fn failed");
    expect(seen.after).toBe(acting.organization.id);
  });

  it("reports the error that aborted the transaction, not the refused way back", async () => {
    const attempt = inActingTransaction((tx) =>
      inOrganizationScope(tx, acting, otherId, () => tx.execute(sql`select 1 / 0`)),
    );
    const error = (await attempt.catch((e: unknown) => e)) as Error;
    expect(error.message).toContain("select 1 / 0");
    expect(String(error.cause)).toMatch(/division by zero/);
  });

  it("runs `then` back in the acting scope, with fn's result", async () => {
    const seen = await inActingTransaction((tx) =>
      inOrganizationScope(
        tx,
        acting,
        otherId,
        () => scopeOf(tx),
        async (inside) => ({ inside, afterwards: await scopeOf(tx) }),
      ),
    );
    expect(seen).toEqual({ inside: otherId, afterwards: acting.organization.id });
  });
});
