import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { asApp as asAppIn, count, type Query, useRlsFixture } from "./rls-fixture.js";

const fx = useRlsFixture();
const { orgA, orgB, userA } = fx;
const asApp = <T>(settings: Record<string, string>, fn: (q: Query) => Promise<T>) =>
  asAppIn(fx.t, settings, fn);

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
    const [b] = await fx.t.db.ownerSql(`select name from api_keys where organization_id = $1`, [orgB]);
    expect(b?.name).toBe("B key");
  });

  it("cannot delete another organization's rows", async () => {
    await asApp({ "app.org_id": orgA }, (q) =>
      q(`delete from memberships where organization_id = $1`, [orgB]),
    );
    const rows = await fx.t.db.ownerSql(`select 1 from memberships where organization_id = $1`, [orgB]);
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
    const rows = await fx.t.db.appSql("select organization_id, name from app_api_key_by_prefix($1)", [
      "aaaaaaaaaaaaaaaa",
    ]);
    expect(rows).toEqual([{ organization_id: orgA, name: "A key" }]);
    expect(await fx.t.db.appSql("select * from app_api_key_by_prefix($1)", ["cccccccccccccccc"])).toEqual([]);
    await asApp({}, async (q) => expect(await count(q, "api_keys")).toBe(0));
  });

  it("reads a session's person with their own memberships only", async () => {
    await fx.t.db.ownerSql("insert into sessions (id, secret_hash, user_id) values ('sess-a', '\\x00', $1)", [
      userA,
    ]);
    const [row] = await fx.t.db.appSql("select user_id, memberships from app_session_actor('sess-a')");
    expect(row?.user_id).toBe(userA);
    const memberships = (row?.memberships ?? []) as { organizationId: string }[];
    expect(memberships.map((m) => m.organizationId)).toEqual([orgA]);
    expect(await fx.t.db.appSql("select * from app_session_actor('no-such-session')")).toEqual([]);
    await asApp({}, async (q) => expect(await count(q, "memberships")).toBe(0));
  });
});

describe("the outbox and the huvudmän", () => {
  const emailA = randomUUID();
  const emailB = randomUUID();
  const reset = randomUUID();

  beforeAll(async () => {
    await fx.t.db.ownerSql(
      `insert into emails (id, organization_id, to_address, subject, text_body, template, transport, status) values
        ($1, $4, 'a@example.se', 'A', 'link-a', 'invitation', 'smtp', 'queued'),
        ($2, $5, 'b@example.se', 'B', 'link-b', 'invitation', 'smtp', 'queued'),
        ($3, null, 'r@example.se', 'R', 'reset-link', 'password_reset', 'smtp', 'queued')`,
      [emailA, emailB, reset, orgA, orgB],
    );
    await fx.t.db.ownerSql(
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
    const tables = await fx.t.db.ownerSql(
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
      "billing_buyer_settings",
      "billing_customers",
      "billing_seller_settings",
      "billing_training_references",
      "catalog_entries",
      "catalog_self_publishing",
      "emails",
      "event_budget_lines",
      "event_figures",
      "event_series",
      "event_signup_consents",
      "event_signups",
      "idempotency_keys",
      "intervention_results",
      "intervention_versions",
      "interventions",
      "invitations",
      "invoice_lines",
      "invoice_payments",
      "invoice_series",
      "invoices",
      "memberships",
      "newsletter_bounces",
      "newsletter_deliveries",
      "newsletter_issues",
      "newsletter_publications",
      "newsletter_publishers",
      "newsletter_sections",
      "newsletter_subscribers",
      "newsletter_suppressions",
      "organization_member_parties",
      "price_list_items",
      "progression_access_log",
      "progression_instrument_versions",
      "progression_instruments",
      "progression_intervention_instruments",
      "progression_item_mappings",
      "progression_measurements",
      "progression_participants",
      "progression_progress",
      "progression_self_rating_links",
      "progression_settings",
      "session_registrations",
      "stripe_events",
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
      "webhook_deliveries",
      "webhook_endpoints",
    ]);
    for (const row of checked) {
      expect(row, String(row.name)).toMatchObject({ rls: true, forced: true });
      expect(Number(row.policies), String(row.name)).toBeGreaterThan(0);
      expect(Number(row.indexes), String(row.name)).toBeGreaterThan(0);
    }
  });
});

describe("an event's public sign-up", () => {
  const open = randomUUID();
  const closed = randomUUID();

  beforeAll(async () => {
    await fx.t.db.ownerSql(
      `insert into trainings (id, organization_id, kind, title, status) values
        ($1, $3, 'event', 'Öppen dag', 'planned'), ($2, $4, 'event', 'Stängd dag', 'planned')`,
      [open, closed, orgA, orgB],
    );
    await fx.t.db.ownerSql(
      `insert into event_signups (organization_id, training_id, opened_at, consent_text) values
        ($1, $3, now(), 'Jag samtycker.'), ($2, $4, null, 'Jag samtycker.')`,
      [orgA, orgB, open, closed],
    );
  });

  it("shows the public page only open events, and only with the public setting", async () => {
    await asApp({ "app.event_signup_public": "on" }, async (q) => {
      const rows = await q("select training_id from event_signups");
      expect(rows.map((r) => r.training_id)).toEqual([open]);
      expect(await count(q, "event_signup_consents")).toBe(0);
    });
    await asApp({}, async (q) => expect(await count(q, "event_signups")).toBe(0));
  });

  it("lets the public setting change nothing", async () => {
    const changed = await asApp({ "app.event_signup_public": "on" }, (q) =>
      q("update event_signups set consent_text = 'Ändrad' returning training_id"),
    );
    expect(changed).toEqual([]);
  });
});
