import { describe, expect, it } from "vitest";
import {
  addBudgetLine,
  createEventSeries,
  createTraining,
  getEventSeries,
  listEventSeries,
  moveTraining,
  recordEventFigures,
  setEventSeries,
  updateEventSeries,
} from "../src/index.js";
import { expectAudited, expectRefused } from "./audit.js";
import { freshTenant, useServiceDatabase } from "./tenant.js";
import { pastEvent } from "./training-fixtures.js";

const env = useServiceDatabase();

describe("a recurring event series and its year-on-year view", () => {
  it("holds each year's figures side by side, a cancelled year with its reason and a webcast year", async () => {
    const { admin, organization } = await freshTenant(env.deps);
    const series = await createEventSeries(admin, {
      name: "Inspirationsdag",
      description: "Årlig kunskaps- och inspirationsdag för förbundets fyra parter.",
    });
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "event_series.created",
      entityType: "event_series",
      entityId: series.id,
      actor: admin,
      after: { name: "Inspirationsdag", editions: [] },
      sameTransactionAs: { table: "event_series", where: { id: series.id } },
    });
    const held = await pastEvent(admin, 800);
    await recordEventFigures(
      admin,
      held.training.id,
      {
        registered: 140,
        attended: 126,
        attendedWomen: 101,
        attendedMen: 25,
        attendedOther: 0,
        surveyResponses: 88,
        satisfaction: 4.5,
      },
      null,
    );
    await addBudgetLine(admin, held.training.id, {
      category: "venue",
      description: "Lokal",
      budgetOre: 2_000_000,
      actualOre: 2_100_000,
      vatRateBasisPoints: 2500,
    });
    const webcast = await pastEvent(admin, 400, "digital");
    const cancelled = await createTraining(admin, { kind: "event", title: "Inspirationsdag 2020" });
    await moveTraining(admin, cancelled.id, "cancel", "Covid-19");
    for (const id of [webcast.training.id, cancelled.id, held.training.id]) {
      await setEventSeries(admin, id, series.id);
    }
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "training.series_set",
      entityType: "training",
      entityId: cancelled.id,
      before: { seriesId: null },
      after: { seriesId: series.id },
      sameTransactionAs: { table: "trainings", where: { id: cancelled.id, series_id: series.id } },
    });
    const view = await getEventSeries(admin, series.id);
    expect(view.eventCount).toBe(3);
    const byId = new Map(view.editions.map((e) => [e.trainingId, e]));
    expect(byId.get(held.training.id)).toMatchObject({
      status: "completed",
      mode: "on_site",
      outcome: { source: "recorded", registered: 140, attended: 126, attendedWomen: 101, satisfaction: 4.5 },
      budgetOre: 2_000_000,
      actualOre: 2_100_000,
    });
    expect(byId.get(webcast.training.id)).toMatchObject({
      mode: "digital",
      outcome: { source: "registrations" },
    });
    expect(byId.get(cancelled.id)).toMatchObject({
      status: "cancelled",
      cancellationReason: "Covid-19",
      outcome: null,
      mode: null,
    });
    // Oldest first: the held day (800 days ago) before the webcast (400 days ago).
    const order = view.editions.map((e) => e.trainingId);
    expect(order.indexOf(held.training.id)).toBeLessThan(order.indexOf(webcast.training.id));
    expect(view.editions.map((e) => e.year)).toEqual([...view.editions.map((e) => e.year)].sort());
    expect((await listEventSeries(admin)).map((s) => [s.name, s.eventCount])).toEqual([
      ["Inspirationsdag", 3],
    ]);
  });

  it("refuses a second series of the same name, another förbund's series, a viewer, and a stale change", async () => {
    const { admin, viewer } = await freshTenant(env.deps);
    const other = await freshTenant(env.deps);
    const series = await createEventSeries(admin, { name: "Inspirationsdag" });
    const duplicate = await expectRefused(
      env.deps,
      () => createEventSeries(admin, { name: "inspirationsdag" }),
      "already_exists",
      ["event_series"],
    );
    expect(duplicate.errors?.[0]).toMatchObject({ field: "body.name", rule: "unique" });
    // The same name in another förbund is its own series.
    const theirs = await createEventSeries(other.admin, { name: "Inspirationsdag" });
    await expectRefused(env.deps, () => getEventSeries(admin, theirs.id), "not_found");
    const { training } = await pastEvent(admin);
    const foreign = await expectRefused(
      env.deps,
      () => setEventSeries(admin, training.id, theirs.id),
      "validation_failed",
      ["trainings"],
    );
    expect(foreign.errors?.[0]).toMatchObject({ field: "body.seriesId", rule: "unknown_series" });
    await expectRefused(env.deps, () => createEventSeries(viewer, { name: "Annan" }), "forbidden", [
      "event_series",
    ]);
    const renamed = await updateEventSeries(admin, series.id, { name: "Inspirationsdagen" }, series.version);
    expect(renamed.version).toBe(2);
    await expectRefused(
      env.deps,
      () => updateEventSeries(admin, series.id, { name: "Igen" }, 1),
      "precondition_failed",
      ["event_series"],
    );
  });
});
