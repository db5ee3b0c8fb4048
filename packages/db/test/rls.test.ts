import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../src/testing.js";

/**
 * Row-level security, tested in SQL as the application role, each case in one transaction with the
 * settings a service makes (`set_config(..., true)`).
 */
let t: TestDatabase;
const orgA = randomUUID();
const orgB = randomUUID();
const userA = randomUUID();
const userB = randomUUID();

function asApp<T>(
  settings: Record<string, string>,
  fn: (q: (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>) => Promise<T>,
) {
  return t.db.appTransaction(async (query) => {
    for (const [key, value] of Object.entries(settings))
      await query("select set_config($1, $2, true)", [key, value]);
    return fn(query);
  });
}

const count = async (q: (text: string) => Promise<Record<string, unknown>[]>, table: string) =>
  Number((await q(`select count(*)::int as n from ${table}`))[0]?.n);

beforeAll(async () => {
  t = await createTestDatabase();
  const sql = t.db.ownerSql;
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
  await t?.destroy();
});

describe("row-level security as the application role", () => {
  it("runs as a role that is neither superuser, BYPASSRLS nor a table owner", async () => {
    const [row] = await asApp({}, (q) =>
      q(`select current_user as role, r.rolsuper, r.rolbypassrls,
           (select count(*)::int from pg_class c where c.relowner = r.oid and c.relkind = 'r') as owned
         from pg_roles r where r.rolname = current_user`),
    );
    expect(row).toMatchObject({ role: "nns_app", rolsuper: false, rolbypassrls: false, owned: 0 });
  });

  it("shows nothing of any tenant table when no organization is set", async () => {
    await asApp({}, async (q) => {
      expect(await count(q, "memberships")).toBe(0);
      expect(await count(q, "audit_log")).toBe(0);
      expect(await count(q, "api_keys")).toBe(0);
      expect(await count(q, "invitations")).toBe(0);
      expect(await count(q, "idempotency_keys")).toBe(0);
      expect(await count(q, "resource_shares")).toBe(0);
    });
  });

  it("with organization A set, shows A's rows and none of B's", async () => {
    await asApp({ "app.org_id": orgA }, async (q) => {
      const actions = (await q("select action from audit_log")).map((r) => r.action);
      expect(actions).toEqual(["a.thing"]);
      const keys = (await q("select name from api_keys")).map((r) => r.name);
      expect(keys).toEqual(["A key"]);
      const members = (await q("select organization_id from memberships")).map((r) => r.organization_id);
      expect(members).toEqual([orgA]);
      expect(await q("select * from audit_log where organization_id = $1", [orgB])).toEqual([]);
    });
  });

  it("refuses to insert a row into B while A is set", async () => {
    await expect(
      asApp({ "app.org_id": orgA }, (q) =>
        q(
          `insert into audit_log (organization_id, actor_type, actor_label, action, entity_type)
           values ($1, 'system', 't', 'sneaky', 'x')`,
          [orgB],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      asApp({ "app.org_id": orgA }, (q) =>
        q(`insert into memberships (organization_id, user_id, role) values ($1, $2, 'viewer')`, [
          orgB,
          userA,
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("cannot update B's rows or move A's rows into B", async () => {
    await expect(
      asApp({ "app.org_id": orgA }, (q) =>
        q(`update memberships set organization_id = $1 where organization_id = $2`, [orgB, orgA]),
      ),
    ).rejects.toThrow(/organization_id cannot change|row-level security/);
    await asApp({ "app.org_id": orgA }, async (q) => {
      const updated = await q(
        `update api_keys set name = 'hijacked' where organization_id = $1 returning id`,
        [orgB],
      );
      expect(updated).toEqual([]);
    });
    await expect(
      asApp({ "app.org_id": orgA }, (q) =>
        q(`update api_keys set organization_id = $1 where organization_id = $2`, [orgB, orgA]),
      ),
    ).rejects.toThrow(/organization_id cannot change|row-level security/);
    const [b] = await t.db.ownerSql(`select name from api_keys where organization_id = $1`, [orgB]);
    expect(b?.name).toBe("B key");
  });

  it("cannot delete another organization's rows", async () => {
    await asApp({ "app.org_id": orgA }, (q) =>
      q(`delete from memberships where organization_id = $1`, [orgB]),
    );
    const rows = await t.db.ownerSql(`select 1 from memberships where organization_id = $1`, [orgB]);
    expect(rows).toHaveLength(1);
  });

  it("lets a person see their own memberships without an organization, and nobody else's", async () => {
    await asApp({ "app.user_id": userA }, async (q) => {
      const rows = await q("select organization_id, user_id from memberships");
      expect(rows).toEqual([{ organization_id: orgA, user_id: userA }]);
    });
  });

  it("finds an API key only by the prefix presented, never by listing", async () => {
    await asApp({ "app.api_key_prefix": "bbbbbbbbbbbbbbbb" }, async (q) => {
      expect((await q("select name from api_keys")).map((r) => r.name)).toEqual(["B key"]);
    });
  });

  it("keeps the audit log append-only", async () => {
    await expect(
      asApp({ "app.org_id": orgA }, (q) => q(`update audit_log set action = 'rewritten'`)),
    ).rejects.toThrow(/permission denied/);
    await expect(asApp({ "app.org_id": orgA }, (q) => q(`delete from audit_log`))).rejects.toThrow(
      /permission denied/,
    );
  });

  it("does not carry the organization setting over to the next transaction", async () => {
    await asApp({ "app.org_id": orgA }, async (q) => expect(await count(q, "audit_log")).toBe(1));
    await asApp({}, async (q) => expect(await count(q, "audit_log")).toBe(0));
  });
});

describe("authentication in one statement", () => {
  it("finds exactly the key with the presented prefix, and leaves no setting behind", async () => {
    const rows = await t.db.appSql("select organization_id, name from app_api_key_by_prefix($1)", [
      "aaaaaaaaaaaaaaaa",
    ]);
    expect(rows).toEqual([{ organization_id: orgA, name: "A key" }]);
    expect(await t.db.appSql("select * from app_api_key_by_prefix($1)", ["cccccccccccccccc"])).toEqual([]);
    await asApp({}, async (q) => expect(await count(q, "api_keys")).toBe(0));
  });

  it("reads a session's person with their own memberships only", async () => {
    await t.db.ownerSql("insert into sessions (id, secret_hash, user_id) values ('sess-a', '\\x00', $1)", [
      userA,
    ]);
    const [row] = await t.db.appSql("select user_id, memberships from app_session_actor('sess-a')");
    expect(row?.user_id).toBe(userA);
    const memberships = (row?.memberships ?? []) as { organizationId: string }[];
    expect(memberships.map((m) => m.organizationId)).toEqual([orgA]);
    expect(await t.db.appSql("select * from app_session_actor('no-such-session')")).toEqual([]);
    await asApp({}, async (q) => expect(await count(q, "memberships")).toBe(0));
  });
});

describe("the outbox and the huvudmän", () => {
  const emailA = randomUUID();
  const emailB = randomUUID();
  const reset = randomUUID();

  beforeAll(async () => {
    await t.db.ownerSql(
      `insert into emails (id, organization_id, to_address, subject, text_body, template, transport, status) values
        ($1, $4, 'a@example.se', 'A', 'link-a', 'invitation', 'smtp', 'queued'),
        ($2, $5, 'b@example.se', 'B', 'link-b', 'invitation', 'smtp', 'queued'),
        ($3, null, 'r@example.se', 'R', 'reset-link', 'password_reset', 'smtp', 'queued')`,
      [emailA, emailB, reset, orgA, orgB],
    );
    await t.db.ownerSql(
      `insert into organization_member_parties (organization_id, kind, name) values ($1, 'fk', 'Försäkringskassan'), ($2, 'af', 'Arbetsförmedlingen')`,
      [orgA, orgB],
    );
  });

  it("shows no email, not even a reset without organization, when no organization is set", async () => {
    await asApp({}, async (q) => expect(await count(q, "emails")).toBe(0));
  });

  it("shows an organization only its own emails", async () => {
    await asApp({ "app.org_id": orgA }, async (q) => {
      expect((await q("select id from emails")).map((r) => r.id)).toEqual([emailA]);
      expect(await q("update emails set subject = 'x' where id = $1 returning id", [emailB])).toEqual([]);
    });
  });

  it("lets the NNS outbox see everything only with the outbox setting inside an organization", async () => {
    await asApp({ "app.outbox_all": "on" }, async (q) => expect(await count(q, "emails")).toBe(0));
    await asApp({ "app.org_id": orgA, "app.outbox_all": "on" }, async (q) =>
      expect(await count(q, "emails")).toBe(3),
    );
  });

  it("lets a delivery job read and update exactly the email it was handed", async () => {
    await asApp({ "app.email_id": reset }, async (q) => {
      expect((await q("select id from emails")).map((r) => r.id)).toEqual([reset]);
      expect(await q("update emails set attempts = 1 where id = $1 returning id", [reset])).toHaveLength(1);
      expect(await q("update emails set attempts = 1 where id <> $1 returning id", [reset])).toEqual([]);
    });
  });

  it("lets any transaction queue an email, for another organization too, without reading it back", async () => {
    await asApp({ "app.org_id": orgA }, async (q) => {
      await q(
        `insert into emails (organization_id, to_address, subject, template, transport, status)
         values ($1, 'b2@example.se', 'To B', 'x', 'smtp', 'queued')`,
        [orgB],
      );
      expect(await q("select id from emails where to_address = 'b2@example.se'")).toEqual([]);
    });
  });

  it("shows every förbund's huvudmän but lets only the förbund itself change its own", async () => {
    await asApp({}, async (q) => expect(await count(q, "organization_member_parties")).toBe(2));
    await asApp({ "app.org_id": orgA }, async (q) => {
      expect(
        await q("delete from organization_member_parties where organization_id = $1 returning id", [orgB]),
      ).toEqual([]);
      expect(
        await q("update organization_member_parties set name = 'x' where organization_id = $1 returning id", [
          orgB,
        ]),
      ).toEqual([]);
    });
    await expect(
      asApp({ "app.org_id": orgA }, (q) =>
        q(`insert into organization_member_parties (organization_id, kind, name) values ($1, 'fk', 'FK')`, [
          orgB,
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});

describe("every tenant-owned table", () => {
  /** Tables with an organization_id that are public by design, with the reason. */
  const PUBLIC_BY_DESIGN: Record<string, string> = {
    resource_shares:
      "has owner_organization_id and organization_id, covered by its own policies (tested below)",
  };

  it("has FORCE ROW LEVEL SECURITY, a policy and an index on organization_id", async () => {
    const tables = await t.db.ownerSql(
      `select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
         (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies,
         (select count(*)::int from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
            where i.indrelid = c.oid and a.attname = 'organization_id') as indexes
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r'
         and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'organization_id' and not a.attisdropped)
       order by 1`,
    );
    const checked = tables.filter((row) => !(String(row.name) in PUBLIC_BY_DESIGN));
    expect(checked.map((r) => r.name)).toEqual([
      "api_keys",
      "audit_log",
      "catalog_entries",
      "catalog_self_publishing",
      "emails",
      "idempotency_keys",
      "intervention_results",
      "intervention_versions",
      "interventions",
      "invitations",
      "memberships",
      "organization_member_parties",
      "price_list_items",
      "session_registrations",
      "survey_responses",
      "trainer_certifications",
      "trainers",
      "training_cost_lines",
      "training_participants",
      "training_parties",
      "training_print_costs",
      "training_requests",
      "training_session_trainers",
      "training_sessions",
      "training_templates",
      "trainings",
    ]);
    for (const row of checked) {
      expect(row, String(row.name)).toMatchObject({ rls: true, forced: true });
      expect(Number(row.policies), String(row.name)).toBeGreaterThan(0);
      expect(Number(row.indexes), String(row.name)).toBeGreaterThan(0);
    }
  });
});

describe("the explicit sharing pattern", () => {
  const orgC = randomUUID();
  const docId = randomUUID();

  beforeAll(async () => {
    const sql = t.db.ownerSql;
    await sql(
      `insert into organizations (id, kind, name, slug, organization_number) values ($1, 'forbund', 'C', 'c', '2220001032')`,
      [orgC],
    );
    // A shared resource table the way later capabilities declare one: owned by one organization,
    // visible to others only through an accepted share.
    await sql(`create table shared_notes (
      id uuid primary key, organization_id uuid not null references organizations(id), body text not null)`);
    await sql(`create index on shared_notes (organization_id)`);
    await sql(`create trigger shared_notes_immutable_organization before update on shared_notes
      for each row execute function app_immutable_organization()`);
    await sql(`grant select, insert, update, delete on shared_notes to nns_app`);
    await sql(`alter table shared_notes enable row level security`);
    await sql(`alter table shared_notes force row level security`);
    await sql(
      `create policy owner_all on shared_notes using (organization_id = app_current_org()) with check (organization_id = app_current_org())`,
    );
    await sql(
      `create policy shared_read on shared_notes for select using (app_resource_shared_with_current_org('shared_note', id, organization_id))`,
    );
    await sql(`create policy shared_write on shared_notes for update
      using (app_resource_shared_with_current_org('shared_note', id, organization_id, true))
      with check (app_resource_shared_with_current_org('shared_note', id, organization_id, true))`);
    await sql(`insert into shared_notes values ($1, $2, 'Gemensamt nyhetsbrev, utkast')`, [docId, orgA]);
  });

  it("is invisible to B before B accepts, visible after, and never to C", async () => {
    await asApp({ "app.org_id": orgA }, (q) =>
      q(
        `insert into resource_shares (resource_type, resource_id, owner_organization_id, organization_id, permission)
         values ('shared_note', $1, $2, $3, 'write')`,
        [docId, orgA, orgB],
      ),
    );
    await asApp({ "app.org_id": orgB }, async (q) => expect(await count(q, "shared_notes")).toBe(0));
    await asApp({ "app.org_id": orgB }, (q) =>
      q(`update resource_shares set accepted_at = now() where resource_id = $1`, [docId]),
    );
    await asApp({ "app.org_id": orgB }, async (q) => {
      expect((await q("select body from shared_notes")).map((r) => r.body)).toEqual([
        "Gemensamt nyhetsbrev, utkast",
      ]);
      await q(`update shared_notes set body = 'Redigerat av B' where id = $1`, [docId]);
    });
    await asApp({ "app.org_id": orgC }, async (q) => expect(await count(q, "shared_notes")).toBe(0));
    const [row] = await t.db.ownerSql(`select body from shared_notes where id = $1`, [docId]);
    expect(row?.body).toBe("Redigerat av B");
  });

  it("does not let a recipient share onwards, raise its own permission, or take ownership", async () => {
    await expect(
      asApp({ "app.org_id": orgB }, (q) =>
        q(
          `insert into resource_shares (resource_type, resource_id, owner_organization_id, organization_id, permission)
           values ('shared_note', $1, $2, $3, 'write')`,
          [docId, orgA, orgC],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      asApp({ "app.org_id": orgB }, (q) =>
        q(`update resource_shares set owner_organization_id = $1 where resource_id = $2`, [orgB, docId]),
      ),
    ).rejects.toThrow();
    await expect(
      asApp({ "app.org_id": orgB }, (q) =>
        q(`update shared_notes set organization_id = $1 where id = $2`, [orgB, docId]),
      ),
    ).rejects.toThrow(/organization_id cannot change/);
  });

  it("cannot be granted by an organization that does not own the resource", async () => {
    const orgD = randomUUID();
    await t.db.ownerSql(
      `insert into organizations (id, kind, name, slug, organization_number) values ($1, 'forbund', 'D', 'd', '2220001040')`,
      [orgD],
    );
    // C claims to own A's note and shares it with D; D accepts.
    await asApp({ "app.org_id": orgC }, (q) =>
      q(
        `insert into resource_shares (resource_type, resource_id, owner_organization_id, organization_id, permission)
         values ('shared_note', $1, $2, $3, 'write')`,
        [docId, orgC, orgD],
      ),
    );
    await asApp({ "app.org_id": orgD }, (q) =>
      q(`update resource_shares set accepted_at = now() where organization_id = $1`, [orgD]),
    );
    await asApp({ "app.org_id": orgD }, async (q) => {
      expect(await count(q, "shared_notes")).toBe(0);
      expect(await q(`update shared_notes set body = 'kapat' where id = $1 returning id`, [docId])).toEqual(
        [],
      );
    });
  });

  it("ends access when the owner revokes the share, and the recipient cannot undo that", async () => {
    await asApp({ "app.org_id": orgA }, (q) =>
      q(`update resource_shares set revoked_at = now() where resource_id = $1`, [docId]),
    );
    await asApp({ "app.org_id": orgB }, async (q) => expect(await count(q, "shared_notes")).toBe(0));
    await expect(
      asApp({ "app.org_id": orgB }, (q) =>
        q(`update resource_shares set revoked_at = null where resource_id = $1`, [docId]),
      ),
    ).rejects.toThrow(/only the owner/);
  });
});
