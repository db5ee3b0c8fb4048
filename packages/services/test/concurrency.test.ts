import { createTestDatabase, type TestDatabase } from "@nns/db/testing";
import { AppError } from "@nns/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  beginIdempotentRequest,
  changeMemberRole,
  createOrganization,
  type Deps,
  enterOrganization,
  grantRole,
  listMembers,
  removeMember,
  systemContext,
} from "../src/index.js";
import { finsamMemberParties } from "../src/testing.js";
import { testDeps } from "./deps.js";

let t: TestDatabase;
let deps: Deps;
let orgId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  deps = testDeps(t.db);
  const system = systemContext(deps, "test");
  const org = await createOrganization(system, {
    name: "Samordningsförbundet Centrala Östergötland",
    organizationNumber: "2220001016",
    countyCode: "05",
    memberParties: finsamMemberParties("05"),
  });
  orgId = org.id;
  expect(org.slug).toBe("samordningsforbundet-centrala-ostergotland");
});
afterAll(async () => {
  deps.mailer.close();
  await t.destroy();
});

async function admins(slug: string, n: number) {
  const system = systemContext(deps, "test");
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(
      (
        await grantRole(system, {
          organizationSlug: slug,
          email: `admin${i}.${slug}@test.se`,
          name: `Admin ${i}`,
          password: null,
          role: "org_admin",
        })
      ).userId,
    );
  }
  return ids;
}

describe("the last administrator", () => {
  it("survives two concurrent demotions: exactly one wins, the other gets 409", async () => {
    const ids = await admins("samordningsforbundet-centrala-ostergotland", 2);
    const ctx = await enterOrganization(systemContext(deps, "test"), orgId);
    const results = await Promise.allSettled(ids.map((id) => changeMemberRole(ctx, id, "viewer", null)));
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.reason).toBeInstanceOf(AppError);
    expect((lost[0] as PromiseRejectedResult).reason.code).toBe("conflict");
    const page = await listMembers(ctx, { limit: 50 });
    expect(page.data.filter((m) => m.role === "org_admin")).toHaveLength(1);
  });

  it("survives a concurrent removal and demotion", async () => {
    const system = systemContext(deps, "test");
    const other = await createOrganization(system, {
      name: "Samordningsförbundet Höglandet",
      organizationNumber: "2220001024",
      countyCode: "06",
      memberParties: finsamMemberParties("06"),
    });
    const ids = await admins(other.slug, 2);
    const ctx = await enterOrganization(system, other.id);
    const results = await Promise.allSettled([
      removeMember(ctx, ids[0] as string),
      changeMemberRole(ctx, ids[1] as string, "editor", null),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const page = await listMembers(ctx, { limit: 50 });
    expect(page.data.filter((m) => m.role === "org_admin")).toHaveLength(1);
  });
});

describe("idempotency claims", () => {
  it("let exactly one of many concurrent identical requests proceed", async () => {
    const scope = { organizationId: orgId, actorKey: "user:x", key: "k-1", requestHash: "h" };
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => beginIdempotentRequest(deps, scope)),
    );
    const proceeded = results.filter((r) => r.status === "fulfilled" && r.value.kind === "proceed");
    expect(proceeded).toHaveLength(1);
    for (const r of results.filter((x): x is PromiseRejectedResult => x.status === "rejected")) {
      expect((r.reason as AppError).code).toBe("idempotency_in_progress");
    }
  });
});

describe("purging what has expired", () => {
  it("deletes ended sessions, spent reset tokens, closed throttle and rate-limit windows, expired sign-in proofs and day-old idempotency keys, and nothing live", async () => {
    const { purgeExpired } = await import("../src/maintenance.js");
    const sql = t.db.ownerSql;
    const [user] = await sql("select id from users limit 1");
    await sql(
      `insert into sessions (id, secret_hash, user_id, created_at, last_active_at) values
        ('idle', '\\x00', $1, now(), now() - interval '2 hours'),
        ('old', '\\x00', $1, now() - interval '13 hours', now()),
        ('live', '\\x00', $1, now(), now())`,
      [user?.id],
    );
    await sql(
      `insert into password_reset_tokens (user_id, token_hash, expires_at, used_at) values
        ($1, '\\x01', now() - interval '1 minute', null), ($1, '\\x02', now() + interval '10 minutes', now()),
        ($1, '\\x03', now() + interval '10 minutes', null)`,
      [user?.id],
    );
    await sql(
      `insert into login_throttle (key, failures, window_started_at) values ('account:old', 3, now() - interval '1 hour'), ('account:new', 1, now())`,
    );
    await sql(
      `insert into login_trust (user_id, kind, proof_hash, expires_at) values
        ($1, 'device', '\\x01', now() - interval '1 minute'), ($1, 'address', '\\x02', now() + interval '1 day')`,
      [user?.id],
    );
    await sql(
      `insert into idempotency_keys (organization_id, actor_key, key, request_hash, created_at) values
        ($1, 'user:x', 'stale', 'h', now() - interval '25 hours'), ($1, 'user:x', 'fresh', 'h', now())`,
      [orgId],
    );
    await sql(
      `insert into rate_limit_counts (caller, window_start, count) values
        ('ip:old', date_trunc('minute', now()) - interval '2 minutes', 9), ('ip:now', date_trunc('minute', now()), 1)`,
    );
    const result = await purgeExpired(deps);
    expect(result).toEqual({
      sessions: 2,
      passwordResetTokens: 2,
      loginThrottle: 1,
      loginTrust: 1,
      idempotencyKeys: 1,
      rateLimitCounts: 1,
    });
    expect((await sql("select caller from rate_limit_counts")).map((r) => r.caller)).toEqual(["ip:now"]);
    expect((await sql("select kind from login_trust")).map((r) => r.kind)).toEqual(["address"]);
    expect((await sql("select id from sessions")).map((r) => r.id)).toEqual(["live"]);
    expect((await sql("select key from login_throttle")).map((r) => r.key)).toEqual(["account:new"]);
    expect(
      (await sql("select key from idempotency_keys where organization_id = $1", [orgId])).map((r) => r.key),
    ).toContain("fresh");
  });
});
