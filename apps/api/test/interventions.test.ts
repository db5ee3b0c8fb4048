import { RESAM_INTERIM_RESULTS, RESAM_RESULTS, sampleContent } from "@nns/services/testing";
import { describe, expect, it } from "vitest";
import {
  createIntervention,
  INTERVENTION,
  INTERVENTIONS,
  inOrg,
  intervention,
  publishNew,
  putContent,
} from "./catalog-fixtures.js";
import { expectData, expectProblem, signIn } from "./client.js";
import { freshTenant, useTestApp } from "./helpers.js";

const env = useTestApp();

const RESULTS = "/orgs/{orgId}/interventions/{interventionId}/results";
const IMPORT = "/orgs/{orgId}/interventions/import";

describe("creating and editing", () => {
  it("creates a draft with an ETag and Location, and keeps every revision with its author", async () => {
    const t = await freshTenant(env);
    const [editor, viewer] = [await t.signIn("editor"), await t.signIn("viewer")];
    const res = await editor.POST(INTERVENTIONS, { ...inOrg(t.org.id), body: { content: sampleContent() } });
    const created = expectData(res, 201);
    expect(created).toMatchObject({ state: "draft", revision: 1, publishedRevision: null });
    expect(res.response.headers.get("etag")).toBe(`"${created.version}"`);
    expect(res.response.headers.get("location")).toBe(`/v1/orgs/${t.org.id}/interventions/${created.id}`);

    const content = sampleContent({ title: "Resursteam i Halmstad", methods: ["solution_focused"] });
    const edited = await putContent(
      editor,
      t.org.id,
      created.id,
      content,
      res.response.headers.get("etag") as string,
    );
    expect(expectData(edited).revision).toBe(2);

    const versions = expectData(
      await viewer.GET(
        "/orgs/{orgId}/interventions/{interventionId}/versions",
        intervention(t.org.id, created.id),
      ),
    );
    expect(versions.data.map((v) => [v.revision, v.authorLabel])).toEqual([
      [1, t.editor.email],
      [2, t.editor.email],
    ]);
    const diff = expectData(
      await viewer.GET("/orgs/{orgId}/interventions/{interventionId}/versions/diff", {
        params: { path: { orgId: t.org.id, interventionId: created.id }, query: { from: 1, to: 2 } },
      }),
    );
    expect(diff.changes).toEqual([
      { field: "methods", kind: "items", added: [], removed: ["motivational_interviewing"] },
      {
        field: "title",
        kind: "changed",
        before: "Resursteam för samordnad rehabilitering",
        after: "Resursteam i Halmstad",
      },
    ]);
  });

  it("answers 412 to a stale If-Match and changes nothing", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const created = await createIntervention(admin, t.org.id, { title: "Resursteam" });
    expectData(await putContent(admin, t.org.id, created.id, sampleContent({ title: "Ny" })));
    const stale = await putContent(
      admin,
      t.org.id,
      created.id,
      sampleContent({ title: "Gammal" }),
      `"${created.version}"`,
    );
    expectProblem(stale, 412, "precondition_failed");
    expect(expectData(await admin.GET(INTERVENTION, intervention(t.org.id, created.id))).content.title).toBe(
      "Ny",
    );
  });

  it("names the field and rule of bad vocabulary, kommun and dates", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const res = await admin.POST(INTERVENTIONS, {
      ...inOrg(t.org.id),
      body: {
        content: sampleContent({
          focusArea: "competence_development",
          targetGroups: ["no_such_group"],
          municipalityCodes: ["9999"],
          startDate: "2024-05-01",
          endDate: "2024-01-01",
        }),
      },
    });
    const problem = expectProblem(res, 400, "validation_failed");
    expect(problem.errors?.map((e) => `${e.field}:${e.rule}`)).toEqual([
      "body.content.focusArea:focus_area_of_orientation",
      "body.content.targetGroups:known_target_group",
      "body.content.municipalityCodes:known_municipality",
      "body.content.endDate:not_before_start",
    ]);
    const shape = await admin.POST(INTERVENTIONS, {
      ...inOrg(t.org.id),
      body: { content: { ...sampleContent(), title: "" } },
    });
    expect(expectProblem(shape, 400, "validation_failed").errors?.[0]?.field).toBe("body.content.title");
  });

  it("lets a viewer read but not write", async () => {
    const t = await freshTenant(env);
    const viewer = await t.signIn("viewer");
    const created = await createIntervention(await t.signIn("admin"), t.org.id, { title: "Resursteam" });
    expectData(await viewer.GET(INTERVENTION, intervention(t.org.id, created.id)));
    expectProblem(
      await viewer.POST(INTERVENTIONS, { ...inOrg(t.org.id), body: { content: sampleContent() } }),
      403,
      "forbidden",
    );
  });

  it("links a delprojekt to its parent, but not to another förbund's intervention", async () => {
    const [t, other] = await Promise.all([freshTenant(env), freshTenant(env)]);
    const admin = await t.signIn("admin");
    const parent = await createIntervention(admin, t.org.id, { title: "Hälsofrämjande etablering" });
    const child = await createIntervention(admin, t.org.id, { title: "Delprojekt Halmstad" }, parent.id);
    expect(child.parentId).toBe(parent.id);
    const foreign = await (await other.signIn("admin")).POST(INTERVENTIONS, {
      ...inOrg(other.org.id),
      body: { parentId: parent.id, content: sampleContent() },
    });
    expect(expectProblem(foreign, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "body.parentId",
      rule: "reachable_intervention",
    });
  });
});

describe("results", () => {
  it("derives RESAM's shares from its counts (seed 002), and refuses shares sent in", async () => {
    const t = await freshTenant(env);
    const [editor, viewer] = [await t.signIn("editor"), await t.signIn("viewer")];
    const created = await createIntervention(await t.signIn("admin"), t.org.id, { title: "RESAM" });
    const at = intervention(t.org.id, created.id);
    const res = expectData(await editor.PUT(RESULTS, { ...at, body: RESAM_RESULTS }));
    expect(res.participants).toEqual({ women: 56, men: 47, other: 0, total: 103 });
    expect(res.outcomes.map((o) => o.sharePercent)).toEqual([9.7, 1.9, 48.5, 33.0, 2.9, 3.9]);
    expect(res.positiveSharePercent).toBe(60.2);
    expect(res.averageEnrolmentMonths).toBe(7.5);

    // A derived figure sent in: outside what the contract lets the typed client send.
    const typed = await editor.raw("PUT", `/v1/orgs/${t.org.id}/interventions/${created.id}/results`, {
      body: { ...RESAM_RESULTS, positiveSharePercent: 99 },
    });
    expectProblem(typed, 400, "validation_failed");
    const tooMany = await editor.PUT(RESULTS, { ...at, body: { ...RESAM_RESULTS, participantsMen: 1 } });
    expect(expectProblem(tooMany, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "body.outcomes",
      rule: "at_most_participants",
    });
    expect(expectData(await viewer.GET(RESULTS, at)).data).toHaveLength(1);
    const withMoney = await editor.PUT(RESULTS, {
      ...at,
      body: { ...RESAM_RESULTS, budgetLines: [], costOre: 2_850_000_00, budgetOre: 3_000_000_00 },
    });
    expect(expectData(withMoney).costOfBudgetPercent).toBe(95);
    expect(expectData(await viewer.GET(RESULTS, at)).data).toHaveLength(1);
  });
});

describe("result reports: content, review and totals", () => {
  const PUBLISH = "/orgs/{orgId}/interventions/{interventionId}/results/{resultId}/publish";
  const PUBLIC_ENTRY = "/catalog/interventions/{interventionId}";

  it("RESAM's budget lines, sub-outcomes, survey and evaluation round-trip; errors name the field", async () => {
    const t = await freshTenant(env);
    const editor = await t.signIn("editor");
    const created = await createIntervention(await t.signIn("admin"), t.org.id, { title: "RESAM" });
    const at = intervention(t.org.id, created.id);
    const lines = [
      { description: "Läkare", sharePercent: 20, budgetOre: 180_000_000, costOre: 171_000_000 },
      { description: "Lokalhyra", sharePercent: null, budgetOre: 100_000_000, costOre: 70_000_000 },
    ];
    const saved = expectData(
      await editor.PUT(RESULTS, { ...at, body: { ...RESAM_RESULTS, budgetLines: lines } }),
    );
    expect(saved).toMatchObject({
      kind: "cumulative",
      state: "submitted",
      budgetLines: lines,
      costOre: 241_000_000,
      budgetOre: 280_000_000,
      assessedNotEnrolled: 25,
      survey: { responses: 21 },
      socioEconomic: { paybackMonths: 27, netBenefitOre: 160_000_000, netBenefitYears: 5 },
    });
    expect(saved.subOutcomes.map((s) => [s.label, s.count])).toEqual([
      ["Anställning inom kommunerna", 8],
      ["Anställning på den privata arbetsmarknaden", 9],
      ["Startat eget företag", 2],
    ]);
    expect(expectData(await editor.GET(RESULTS, at)).data[0]).toEqual(saved);
    for (const [body, field, rule] of [
      [
        { ...RESAM_RESULTS, budgetLines: [{ ...lines[0], sharePercent: 150 }] },
        "body.budgetLines.0.sharePercent",
        "percent_range",
      ],
      [{ ...RESAM_RESULTS, budgetLines: lines, costOre: 1 }, "body.costOre", "sum_of_budget_lines"],
      [
        { ...RESAM_RESULTS, subOutcomes: [{ outcome: "astrology", label: "Stjärnor", count: 1 }] },
        "body.subOutcomes.0.outcome",
        "known_outcome_category",
      ],
      [
        {
          ...RESAM_RESULTS,
          survey: { responses: 21, summary: null, figures: [{ label: "Nöjda", count: 30 }] },
        },
        "body.survey.figures.0.count",
        "at_most_responses",
      ],
    ] as const) {
      const res = await editor.PUT(RESULTS, { ...at, body: body as typeof RESAM_RESULTS });
      expect(expectProblem(res, 400, "validation_failed").errors?.[0]).toMatchObject({ field, rule });
    }
  });

  it("an editor's report waits in NNS's queue and is public only once NNS publishes it", async () => {
    const t = await freshTenant(env);
    const [editor, nns] = [await t.signIn("editor"), await signIn(env, env.users.nnsAdmin.email)];
    const id = await publishNew(editor, nns, t.org.id, { title: "RESAM med delrapport" });
    const at = intervention(t.org.id, id);
    const interim = expectData(await editor.PUT(RESULTS, { ...at, body: RESAM_INTERIM_RESULTS }));
    const final = expectData(await editor.PUT(RESULTS, { ...at, body: RESAM_RESULTS }));
    expect([interim.state, final.state]).toEqual(["submitted", "submitted"]);
    const entry = () => nns.GET(PUBLIC_ENTRY, { params: { path: { interventionId: id } } });
    expect(expectData(await entry()).results).toEqual([]);
    const queue = expectData(
      await nns.GET("/nns/catalog/result-queue", { params: { query: { limit: 200 } } }),
    );
    expect(queue.data.filter((r) => r.interventionId === id).map((r) => r.periodEnd)).toEqual([
      "2009-04-30",
      "2010-12-31",
    ]);
    expectProblem(await editor.GET("/nns/catalog/result-queue", { params: { query: {} } }), 403, "forbidden");
    const path = (resultId: string) => ({
      params: { path: { orgId: t.org.id, interventionId: id, resultId } },
    });
    expectProblem(await editor.POST(PUBLISH, path(final.id)), 403, "forbidden");
    for (const report of [final, interim])
      expect(expectData(await nns.POST(PUBLISH, path(report.id))).state).toBe("published");
    expectProblem(await nns.POST(PUBLISH, path(final.id)), 409, "conflict");
    const results = expectData(await entry()).results;
    expect(results.map((r) => [r.kind, r.participants.total, r.positiveSharePercent])).toEqual([
      ["cumulative", 50, 44],
      ["cumulative", 103, 60.2],
    ]);
  });
});

describe("bulk import from CSV", () => {
  const header =
    "title,summary,description,orientation,focusArea,targetGroups,memberParties,municipalityCodes,startDate,endDate,status,methods,esfFunded,volumeGoalParticipants";
  const good = (title: string) =>
    `"${title}","Kort sammanfattning","Beskrivning, med komma",individual,vocational_rehabilitation,young_adults;mental_ill_health,fk;af,1380;1381,2025-01-01,,ongoing,motivational_interviewing,ja,30`;

  it("imports every row as a draft when all rows are valid", async () => {
    const t = await freshTenant(env);
    const editor = await t.signIn("editor");
    const res = await editor.POST(IMPORT, {
      ...inOrg(t.org.id),
      body: { csv: [header, good("Import ett"), good("Import två")].join("\n") },
    });
    const imported = expectData(res, 201);
    expect(imported.ids).toHaveLength(2);
    const one = expectData(await editor.GET(INTERVENTION, intervention(t.org.id, imported.ids[0] as string)));
    expect(one).toMatchObject({ state: "draft", content: { title: "Import ett", esfFunded: true } });
    expect(one.content.targetGroups).toEqual(["young_adults", "mental_ill_health"]);
    expect(one.content.goals.volumeGoalParticipants).toBe(30);
  });

  it("writes nothing if one row fails, and reports every problem by row and column", async () => {
    const t = await freshTenant(env);
    const [admin, editor] = [await t.signIn("admin"), await t.signIn("editor")];
    const count = async () =>
      expectData(
        await admin.GET(INTERVENTIONS, { params: { path: { orgId: t.org.id }, query: { limit: 200 } } }),
      ).data.length;
    await createIntervention(admin, t.org.id, { title: "Finns redan" });
    const before = await count();
    const badRow =
      '"",Sammanfattning,,sideways,vocational_rehabilitation,no_such_group,fk,1380,2025-02-30,,ongoing,,kanske,-3';
    const vocabRow =
      '"Fel inriktning",Sammanfattning,,structural,vocational_rehabilitation,,fk,9999,2025-01-01,,ongoing,,nej,';
    const res = await editor.POST(IMPORT, {
      ...inOrg(t.org.id),
      body: { csv: [header, good("Borde inte sparas"), badRow, vocabRow].join("\n") },
    });
    const problem = expectProblem(res, 400, "validation_failed");
    const fields = problem.errors?.map((e) => `${e.field}:${e.rule}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        "csv.row3.title:required",
        "csv.row3.orientation:invalid_value",
        "csv.row3.startDate:invalid_format:date",
        "csv.row3.esfFunded:invalid_value",
        "csv.row3.volumeGoalParticipants:number_range",
        "csv.row4.focusArea:focus_area_of_orientation",
        "csv.row4.municipalityCodes:known_municipality",
      ]),
    );
    expect(fields?.some((f) => f.startsWith("csv.row2"))).toBe(false);
    expect(await count()).toBe(before);
  });

  it("refuses unknown columns before reading rows", async () => {
    const t = await freshTenant(env);
    const res = await (await t.signIn("editor")).POST(IMPORT, {
      ...inOrg(t.org.id),
      body: { csv: "title,colour\nA,blue" },
    });
    expect(expectProblem(res, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "body.csv",
      rule: "known_columns",
    });
  });
});
