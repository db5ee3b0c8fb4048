import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { asApp as asAppIn, count, type Query, useRlsFixture } from "./rls-fixture.js";

const fx = useRlsFixture();
const { orgA, orgB } = fx;
const asApp = <T>(settings: Record<string, string>, fn: (q: Query) => Promise<T>) =>
  asAppIn(fx.t, settings, fn);

describe("the explicit sharing pattern", () => {
  const orgC = randomUUID();
  const docId = randomUUID();

  beforeAll(async () => {
    const sql = fx.t.db.ownerSql;
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
    const [row] = await fx.t.db.ownerSql(`select body from shared_notes where id = $1`, [docId]);
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
    await fx.t.db.ownerSql(
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
