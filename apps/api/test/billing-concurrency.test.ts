import { createTraining, draftInvoices, enterOrganization, systemContext } from "@nns/services";
import { describe, expect, it } from "vitest";
import { issue, setInvoicingDetails, setSellerSettings } from "./billing-fixtures.js";
import { expectData, signIn } from "./client.js";
import { freshTenant, useTestApp } from "./helpers.js";

const env = useTestApp();

const TRAININGS = 50;

describe("the number series under load", () => {
  it("gives 100 concurrent issues 100 consecutive numbers, no gap, no duplicate", {
    timeout: 300_000,
  }, async () => {
    const [a, b] = await Promise.all([freshTenant(env), freshTenant(env)]);
    const nns = await signIn(env, env.users.nnsAdmin.email);
    await setSellerSettings(env, nns);
    await Promise.all([setInvoicingDetails(a), setInvoicingDetails(b)]);
    // 50 trainings shared by the same two förbund make 100 drafts. They are created through the services
    // and confirmed in one statement: sessions and trainers play no part in numbering.
    const ctx = await enterOrganization(systemContext(env.deps, "test"), env.nns.id);
    const ids: string[] = [];
    for (let i = 0; i < TRAININGS; i++) {
      const training = await createTraining(ctx, {
        kind: "bip_skapa",
        title: `BIP/SKAPA ${i + 1}`,
        parties: [
          { organizationId: a.org.id, seats: null },
          { organizationId: b.org.id, seats: null },
        ],
      });
      ids.push(training.id);
    }
    await env.t.db.ownerSql("update trainings set status = 'confirmed' where id = any($1::uuid[])", [ids]);
    const drafts: string[] = [];
    for (const id of ids) {
      for (const d of (await draftInvoices(ctx, id)).drafts) drafts.push(d.invoice.id);
    }
    expect(drafts).toHaveLength(2 * TRAININGS);
    const before = await env.t.db.ownerSql(
      "select coalesce(max(last_number), 0)::int as n from invoice_series where organization_id = $1",
      [env.nns.id],
    );
    const start = Number(before[0]?.n);
    const issued = await Promise.all(drafts.map((id) => issue(env, nns, id)));
    const numbers = issued.map((res) => expectData(res).number as string);
    const sequences = numbers.map((n) => Number(n.split("-")[1])).sort((x, y) => x - y);
    expect(new Set(numbers).size).toBe(drafts.length);
    expect(sequences).toEqual(drafts.map((_, i) => start + i + 1));
    const after = await env.t.db.ownerSql(
      "select max(last_number)::int as n from invoice_series where organization_id = $1",
      [env.nns.id],
    );
    expect(Number(after[0]?.n)).toBe(start + drafts.length);
  });
});
