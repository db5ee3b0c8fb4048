import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../src/testing.js";

/**
 * Migration 0023 reopens the intresseanmälningar that trainings cancelled before the fix left
 * "scheduled". Its backfill is replayed here on rows in that state (it is a no-op on a new database).
 */
const MIGRATION = readFileSync(new URL("../migrations/0023_training_fixes.sql", import.meta.url), "utf8");
const backfill = MIGRATION.split("--> statement-breakpoint").at(-1) as string;

let t: TestDatabase;
const nns = randomUUID();
const forbund = randomUUID();
const cancelledTraining = randomUUID();
const openTraining = randomUUID();
const stuck = randomUUID();
const live = randomUUID();

beforeAll(async () => {
  t = await createTestDatabase();
  const sql = t.db.ownerSql;
  await sql(
    `insert into organizations (id, kind, name, slug, organization_number) values
      ($1, 'nns', 'NNS', 'nns-0023', '2220000018'), ($2, 'forbund', 'A', 'a-0023', '2220001016')`,
    [nns, forbund],
  );
  await sql(
    `insert into trainings (id, organization_id, kind, title, status, cancelled_at, cancellation_reason) values
      ($1, $3, 'bip_skapa', 'BIP/SKAPA A', 'cancelled', '2026-11-02T09:30:00Z', 'Utbildaren är sjuk.'),
      ($2, $3, 'bip_skapa', 'BIP/SKAPA A igen', 'planned', null, null)`,
    [cancelledTraining, openTraining, nns],
  );
  await sql(
    `insert into training_requests (id, organization_id, coordinator_organization_id, period_start, period_end,
       expected_participants, delivery_preference, open_to_sharing, contact_name, contact_email, status, training_id)
     values ($1, $3, $4, '2027-01-01', '2027-06-30', 12, 'either', true, 'K', 'k@example.se', 'scheduled', $5),
            ($2, $3, $4, '2027-01-01', '2027-06-30', 12, 'either', true, 'K', 'k@example.se', 'scheduled', $6)`,
    [stuck, live, forbund, nns, cancelledTraining, openTraining],
  );
}, 60_000);
afterAll(async () => {
  await t?.destroy();
});

describe("migration 0023", () => {
  it("reopens a request left scheduled on a cancelled training, with the training on record", async () => {
    await t.db.ownerSql(backfill);
    const rows = await t.db.ownerSql(
      "select id, status, training_id, cancelled_trainings, version from training_requests order by id = $1 desc",
      [stuck],
    );
    expect(rows[0]).toMatchObject({
      id: stuck,
      status: "submitted",
      training_id: null,
      version: 2,
      cancelled_trainings: [
        {
          trainingId: cancelledTraining,
          title: "BIP/SKAPA A",
          cancelledAt: "2026-11-02T09:30:00.000Z",
          reason: "Utbildaren är sjuk.",
        },
      ],
    });
    // A request on a training still going ahead is left as it was.
    expect(rows[1]).toMatchObject({ id: live, status: "scheduled", training_id: openTraining, version: 1 });
  });

  it("gives every NNS organization the price of a participant above the training step's 25", async () => {
    const prices = await t.db.ownerSql(
      "select unit_price_ore::int as unit_price_ore, vat_rate_basis_points, active from price_list_items where organization_id = $1 and code = 'bip_skapa_extra_participant'",
      [nns],
    );
    expect(prices).toEqual([{ unit_price_ore: 200_000, vat_rate_basis_points: 2500, active: true }]);
  });
});
