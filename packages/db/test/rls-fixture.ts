import { randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "../src/testing.js";

/**
 * Row-level security, tested in SQL as the application role, each case in one transaction with the
 * settings a service makes (`set_config(..., true)`). Two förbund, A and B, each with a person, a
 * membership, an audit entry and an API key; every file that uses this gets its own database.
 */
export interface RlsFixture {
  t: TestDatabase;
  orgA: string;
  orgB: string;
  userA: string;
  userB: string;
}

export type Query = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export function asApp<T>(t: TestDatabase, settings: Record<string, string>, fn: (q: Query) => Promise<T>) {
  return t.db.appTransaction(async (query) => {
    for (const [key, value] of Object.entries(settings))
      await query("select set_config($1, $2, true)", [key, value]);
    return fn(query);
  });
}

export const count = async (q: (text: string) => Promise<Record<string, unknown>[]>, table: string) =>
  Number((await q(`select count(*)::int as n from ${table}`))[0]?.n);

/** Registers the hooks that build (and drop) the two-förbund database; read the fields inside tests. */
export function useRlsFixture(): RlsFixture {
  const fixture = {
    orgA: randomUUID(),
    orgB: randomUUID(),
    userA: randomUUID(),
    userB: randomUUID(),
  } as RlsFixture;
  beforeAll(async () => {
    fixture.t = await createTestDatabase();
    const { orgA, orgB, userA, userB } = fixture;
    const sql = fixture.t.db.ownerSql;
    await sql(
      `insert into organizations (id, kind, name, slug, organization_number) values
        ($1, 'forbund', 'A', 'a', '2220001016'), ($2, 'forbund', 'B', 'b', '2220001024')`,
      [orgA, orgB],
    );
    await sql(
      `insert into users (id, email, name) values ($1, 'a@example.se', 'A'), ($2, 'b@example.se', 'B')`,
      [userA, userB],
    );
    await sql(
      `insert into memberships (organization_id, user_id, role) values ($1, $3, 'org_admin'), ($2, $4, 'org_admin')`,
      [orgA, orgB, userA, userB],
    );
    await sql(
      `insert into audit_log (organization_id, actor_type, actor_label, action, entity_type) values
        ($1, 'system', 't', 'a.thing', 'x'), ($2, 'system', 't', 'b.thing', 'x')`,
      [orgA, orgB],
    );
    await sql(
      `insert into api_keys (organization_id, name, prefix, secret_hash, scopes) values
        ($1, 'A key', 'aaaaaaaaaaaaaaaa', '\\x00', '{org:read}'), ($2, 'B key', 'bbbbbbbbbbbbbbbb', '\\x00', '{org:read}')`,
      [orgA, orgB],
    );
  }, 60_000);
  afterAll(async () => {
    await fixture.t?.destroy();
  });
  return fixture;
}
