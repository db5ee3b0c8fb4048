import { RESAM_RESULTS, sampleContent } from "@nns/services/testing";
import { describe, expect, it } from "vitest";
import { createIntervention, INTERVENTIONS, inOrg, intervention } from "./catalog-fixtures.js";
import { expectData, expectProblem, signIn } from "./client.js";
import { freshTenant, useTestApp } from "./helpers.js";

const env = useTestApp();
const nnsAdmin = () => signIn(env, env.users.nnsAdmin.email);
const TERMS = "/nns/catalog/vocabularies/{kind}/terms";
const TERM = "/nns/catalog/vocabularies/{kind}/terms/{code}";
const RESULTS = "/orgs/{orgId}/interventions/{interventionId}/results";

describe("the vocabularies NNS keeps", () => {
  it("a förbund reports an outcome category NNS added; an unknown or retired one is a 400 naming the field", async () => {
    const nns = await nnsAdmin();
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const added = expectData(
      await nns.POST(TERMS, {
        params: { path: { kind: "outcome-categories" } },
        body: { labelSv: "Till eget företag (API)", outcomeClass: "positive" },
      }),
      201,
    );
    expect(added).toEqual({
      code: "till_eget_foretag_api",
      labelSv: "Till eget företag (API)",
      position: expect.any(Number),
      retired: false,
      outcomeClass: "positive",
    });
    const entry = await createIntervention(admin, t.org.id);
    const report = (periodStart: string, outcomes: Record<string, number>) =>
      admin.PUT(RESULTS, {
        ...intervention(t.org.id, entry.id),
        body: {
          ...RESAM_RESULTS,
          periodStart,
          periodEnd: `${periodStart.slice(0, 4)}-12-31`,
          outcomes,
          subOutcomes: [],
        },
      });
    const result = expectData(await report("2011-01-01", { [added.code]: 20, back_to_fk: 10 }));
    expect(result.outcomes.find((o) => o.code === added.code)).toMatchObject({ positive: true, count: 20 });

    const unknown = expectProblem(await report("2012-01-01", { own_category: 5 }), 400, "validation_failed");
    expect(unknown.errors).toEqual([
      expect.objectContaining({ field: "body.outcomes.own_category", rule: "known_outcome_category" }),
    ]);
    expectData(
      await nns.PATCH(TERM, {
        params: { path: { kind: "outcome-categories", code: added.code } },
        body: { retired: true },
      }),
    );
    const retired = expectProblem(await report("2012-01-01", { [added.code]: 5 }), 400, "validation_failed");
    expect(retired.errors).toEqual([
      expect.objectContaining({ field: `body.outcomes.${added.code}`, rule: "active_outcome_category" }),
    ]);
    // Still listed with its label for the reports that count it, when asked for.
    const all = expectData(
      await admin.GET("/catalog/vocabularies", { params: { query: { includeRetired: "true" } } }),
    );
    expect(all.outcomeCategories.find((c) => c.code === added.code)).toMatchObject({ retired: true });
    const inUse = expectData(await admin.GET("/catalog/vocabularies"));
    expect(inUse.outcomeCategories.map((c) => c.code)).not.toContain(added.code);
  });

  it("content naming an unknown or retired method is a 400 naming the field", async () => {
    const nns = await nnsAdmin();
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const post = (methods: string[]) =>
      admin.POST(INTERVENTIONS, { ...inOrg(t.org.id), body: { content: sampleContent({ methods }) } });
    const unknown = expectProblem(await post(["egen_metod"]), 400, "validation_failed");
    expect(unknown.errors).toEqual([
      expect.objectContaining({ field: "body.content.methods", rule: "known_method" }),
    ]);
    const method = expectData(
      await nns.POST(TERMS, {
        params: { path: { kind: "methods" } },
        body: { labelSv: "Walk and talk (API)" },
      }),
      201,
    );
    expectData(await post([method.code]), 201);
    expectData(
      await nns.PATCH(TERM, {
        params: { path: { kind: "methods", code: method.code } },
        body: { retired: true },
      }),
    );
    const retired = expectProblem(await post([method.code]), 400, "validation_failed");
    expect(retired.errors).toEqual([
      expect.objectContaining({ field: "body.content.methods", rule: "active_method" }),
    ]);
  });

  it("refuses bad input with 400s naming the field, a förbund with 403 and an unknown code with 404", async () => {
    const nns = await nnsAdmin();
    const noClass = expectProblem(
      await nns.POST(TERMS, {
        params: { path: { kind: "outcome-categories" } },
        body: { labelSv: "Flyttat" },
      }),
      400,
      "validation_failed",
    );
    expect(noClass.errors).toEqual([
      expect.objectContaining({ field: "body.outcomeClass", rule: "required" }),
    ]);
    const taken = expectProblem(
      await nns.POST(TERMS, { params: { path: { kind: "methods" } }, body: { labelSv: "BIP/SKAPA" } }),
      400,
      "validation_failed",
    );
    expect(taken.errors).toEqual([expect.objectContaining({ field: "body.labelSv", rule: "unique_label" })]);
    const positive = expectProblem(
      await nns.PATCH(TERM, {
        params: { path: { kind: "outcome-categories", code: "reduced_sick_leave" } },
        body: { outcomeClass: "neutral" },
      }),
      400,
      "validation_failed",
    );
    expect(positive.errors).toEqual([
      expect.objectContaining({ field: "body.outcomeClass", rule: "positive_class_fixed" }),
    ]);
    const badKind = await nns.raw("POST", "/v1/nns/catalog/vocabularies/colours/terms", {
      body: { labelSv: "Blå" },
    });
    expect(badKind.status).toBe(400);
    expectProblem(
      await nns.PATCH(TERM, {
        params: { path: { kind: "methods", code: "no_such_method" } },
        body: { retired: true },
      }),
      404,
      "not_found",
    );
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    expectProblem(
      await admin.POST(TERMS, { params: { path: { kind: "methods" } }, body: { labelSv: "Obehörig metod" } }),
      403,
      "forbidden",
    );
  });
});
