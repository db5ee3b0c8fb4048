import { createTestDatabase, type TestDatabase } from "@nns/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Deps, enterOrganization, invoiceAging, seedDemoData, systemContext } from "../src/index.js";
import { testDeps } from "./deps.js";

let t: TestDatabase;
let deps: Deps;

beforeAll(async () => {
  t = await createTestDatabase();
  deps = testDeps(t.db);
  await seedDemoData(deps);
}, 120_000);
afterAll(async () => t?.destroy());

describe("the demo data", () => {
  it("pairs Halland and Höglandet into one confirmed BIP/SKAPA training and leaves Umeåregionen's request open", async () => {
    const trainings = await t.db.ownerSql(
      `select t.kind, t.status, count(p.*)::int as parties from trainings t
       join training_parties p on p.training_id = t.id group by t.id order by t.kind, parties`,
    );
    expect(trainings).toEqual([
      { kind: "bip_skapa", status: "confirmed", parties: 2 },
      { kind: "bip_skapa", status: "confirmed", parties: 4 },
      { kind: "event", status: "completed", parties: 1 },
    ]);
    const requests = await t.db.ownerSql("select status from training_requests order by status");
    expect(requests.map((r) => r.status)).toEqual(["scheduled", "scheduled", "submitted"]);
  });

  it("follows up Höglandet's inspirationsdag with attendance and enough survey answers to show", async () => {
    const [attendance] = await t.db.ownerSql(
      "select count(*) filter (where attended)::int as attended, count(*)::int as registered from session_registrations r join trainings t on t.id = r.training_id where t.kind = 'event'",
    );
    expect(attendance).toEqual({ attended: 6, registered: 7 });
    const [answers] = await t.db.ownerSql(
      "select count(*)::int as n from survey_responses where answered_at is not null",
    );
    expect(answers?.n).toBeGreaterThanOrEqual(5);
  });

  it("invoices the förbund so that the aging view has every bucket: one paid, one partly paid, overdue ones", async () => {
    const nns = await enterOrganization(
      systemContext(deps, "test"),
      String((await t.db.ownerSql("select id from organizations where kind = 'nns'"))[0]?.id),
    );
    const aging = await invoiceAging(nns);
    for (const bucket of ["not_due", "1_30", "31_60", "over_60"] as const)
      expect(aging.total[bucket]).toBeGreaterThan(0);
    const statuses = await t.db.ownerSql("select status from invoices order by status");
    expect(statuses.map((r) => r.status)).toEqual([
      "draft",
      "issued",
      "issued",
      "issued",
      "paid",
      "partly_paid",
    ]);
  });
});
