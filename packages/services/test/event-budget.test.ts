import { describe, expect, it } from "vitest";
import {
  acceptCohostInvitation,
  addBudgetLine,
  eventBudget,
  inviteCohost,
  removeBudgetLine,
  updateBudgetLine,
} from "../src/index.js";
import { expectAudited, expectRefused } from "./audit.js";
import { freshTenant, nnsTenant, useServiceDatabase } from "./tenant.js";
import { pastEvent, plannedBipSkapa, plannedEvent } from "./training-fixtures.js";

const env = useServiceDatabase();
const BUDGET_TABLES = ["event_budget_lines"];

describe("an event's budget", () => {
  it("cost lines with budget and actual, totals per category, VAT, and an exact split between co-hosts", async () => {
    const host = await freshTenant(env.deps);
    const cohost = await freshTenant(env.deps);
    const { training } = await plannedEvent(host.admin);
    await inviteCohost(host.admin, training.id, cohost.organization.id);
    await acceptCohostInvitation(cohost.admin, training.id);
    const venue = await addBudgetLine(host.admin, training.id, {
      category: "venue",
      description: "Lokal, Eksjö Stadshotell",
      budgetOre: 1_500_000,
      vatRateBasisPoints: 2500,
    });
    await expectAudited(env.deps, {
      organizationId: host.organization.id,
      action: "training.budget_line_added",
      entityType: "training",
      entityId: training.id,
      actor: host.admin,
      after: { category: "venue", budgetOre: 1_500_000 },
      sameTransactionAs: {
        table: "event_budget_lines",
        where: { training_id: training.id, category: "venue" },
      },
    });
    await addBudgetLine(host.admin, training.id, {
      category: "catering",
      description: "Fika och lunch",
      budgetOre: 900_001,
      vatRateBasisPoints: 1200,
    });
    const withSpeaker = await addBudgetLine(host.admin, training.id, {
      category: "speaker",
      description: "Föreläsare",
      budgetOre: 2_500_000,
      vatRateBasisPoints: 0,
    });
    expect(withSpeaker.budgetOre).toBe(4_900_001);
    expect(withSpeaker.actualOre).toBeNull();
    const lineId = venue.lines[0]?.id as string;
    const actual = await updateBudgetLine(host.admin, training.id, lineId, { actualOre: 1_450_000 }, 1);
    expect(actual).toMatchObject({ actualOre: 1_450_000, varianceOre: -50_000 });
    expect(actual.byCategory.find((c) => c.category === "venue")).toEqual({
      category: "venue",
      budgetOre: 1_500_000,
      actualOre: 1_450_000,
    });
    // What the lines cost now (actual where known) is split equally, to the öre, first joined first.
    const costNow = 1_450_000 + 900_001 + 2_500_000;
    expect(actual.shares.map((s) => s.netOre)).toEqual([Math.ceil(costNow / 2), Math.floor(costNow / 2)]);
    expect(actual.shares.reduce((a, s) => a + s.netOre, 0)).toBe(costNow);
    expect(actual.vatOre).toBe(actual.shares.reduce((a, s) => a + s.vatOre, 0));
    expect(actual.vatOre).toBe(362_500 + 108_000);

    // The co-host sees the lines and its own share only.
    const seen = await eventBudget(cohost.viewer, training.id);
    expect(seen.lines).toHaveLength(3);
    expect(seen.shares.map((s) => s.organizationId)).toEqual([cohost.organization.id]);

    const removed = await removeBudgetLine(host.admin, training.id, lineId);
    expect(removed.lines.map((l) => l.category)).toEqual(["catering", "speaker"]);
    await expectAudited(env.deps, {
      organizationId: host.organization.id,
      action: "training.budget_line_removed",
      entityType: "training",
      entityId: training.id,
      before: { id: lineId },
    });
  });

  it("a completed day still takes its actual costs; co-hosts, viewers, stale versions and BIP/SKAPA are refused", async () => {
    const host = await freshTenant(env.deps);
    const { training } = await pastEvent(host.admin);
    const added = await addBudgetLine(host.admin, training.id, {
      category: "other",
      description: "Tryck av program",
      budgetOre: 120_000,
      actualOre: 118_750,
      vatRateBasisPoints: 2500,
    });
    expect(added.actualOre).toBe(118_750);
    const lineId = added.lines[0]?.id as string;
    await expectRefused(
      env.deps,
      () => updateBudgetLine(host.admin, training.id, lineId, { actualOre: 1 }, 7),
      "precondition_failed",
      BUDGET_TABLES,
    );
    await expectRefused(
      env.deps,
      () =>
        addBudgetLine(host.viewer, training.id, {
          category: "other",
          description: "x",
          budgetOre: 1,
          vatRateBasisPoints: 0,
        }),
      "forbidden",
      BUDGET_TABLES,
    );
    const cohost = await freshTenant(env.deps);
    const open = await plannedEvent(host.admin);
    await inviteCohost(host.admin, open.training.id, cohost.organization.id);
    await acceptCohostInvitation(cohost.admin, open.training.id);
    await expectRefused(
      env.deps,
      () =>
        addBudgetLine(cohost.admin, open.training.id, {
          category: "catering",
          description: "Fika",
          budgetOre: 1,
          vatRateBasisPoints: 1200,
        }),
      "forbidden",
      BUDGET_TABLES,
    );
    const nns = await nnsTenant(env.deps);
    const bip = await plannedBipSkapa(nns.admin, [{ organizationId: host.organization.id, seats: 5 }]);
    await expectRefused(
      env.deps,
      () =>
        addBudgetLine(nns.admin, bip.training.id, {
          category: "venue",
          description: "Lokal",
          budgetOre: 1,
          vatRateBasisPoints: 2500,
        }),
      "conflict",
      BUDGET_TABLES,
    );
  });
});
