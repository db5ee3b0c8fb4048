// Longer than 400 lines: one hand-computed fixture read through every scope, breakdown and suppression rule, as JSON and CSV.
/**
 * Progression reports through the API: a hand-computed fixture, suppression at k − 1 and k (k = 5 here),
 * complementary suppression, NNS's national report with aggregates only, a förbund refused the national
 * one, an API key with `progression:aggregates`, and the Swedish Excel CSV.
 */
import { createApiKey, createIntervention, enterOrganization, systemContext } from "@nns/services";
import { sampleContent } from "@nns/services/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { type Client, expectData, expectProblem, signIn, withKey } from "./client.js";
import { useTestApp } from "./helpers.js";
import { insertInstrumentVersion, insertParticipant, insertReadings } from "./progression-fixtures.js";

const env = useTestApp();

type Gender = "woman" | "man" | "other";
/** [gender, item A first → latest, item B first → latest]; A higher is better, B lower is better. */
const ALFA: [Gender, [number, number], [number, number]][] = [
  ["woman", [1, 3], [4, 2]],
  ["woman", [2, 2], [3, 3]],
  ["woman", [3, 2], [2, 4]],
  ["woman", [1, 5], [5, 1]],
  ["woman", [2, 3], [3, 3]],
  ["woman", [4, 4], [2, 1]],
  ["man", [1, 2], [3, 3]],
  ["man", [2, 2], [4, 3]],
  ["man", [3, 5], [2, 2]],
  ["man", [5, 4], [1, 2]],
  ["man", [2, 3], [3, 2]],
  ["other", [1, 5], [5, 1]],
  ["other", [3, 3], [3, 3]],
];

const fx = {
  versionId: "",
  instrumentId: "",
  betaVersionId: "",
  steget: "",
  vidare: "",
  codes: [] as string[],
  ids: [] as string[],
  /** The fifth woman's readings, in the insats Steget with exactly five. */
  fifthWoman: "",
};

beforeAll(async () => {
  const system = systemContext(env.deps, "progression-reports");
  const alfa = await enterOrganization(system, env.orgA.id);
  const beta = await enterOrganization(system, env.orgB.id);
  const national = await insertInstrumentVersion(env, {
    organizationId: env.nns.id,
    key: "skapa",
    name: "SKAPA (platshållare)",
    national: true,
    placeholder: true,
  });
  fx.versionId = national.versionId;
  fx.instrumentId = national.instrumentId;
  fx.betaVersionId = (
    await insertInstrumentVersion(env, {
      organizationId: env.orgB.id,
      key: "eget",
      name: "Betas eget",
      national: false,
    })
  ).versionId;
  fx.steget = (await createIntervention(alfa, { content: sampleContent({ title: "Steget" }) })).id;
  fx.vidare = (await createIntervention(alfa, { content: sampleContent({ title: "Vidare" }) })).id;
  const betaInsats = (await createIntervention(beta, { content: sampleContent({ title: "Betas insats" }) }))
    .id;
  const reading = (organizationId: string, participantId: string, a: [number, number], b: [number, number]) =>
    insertReadings(env, {
      organizationId,
      participantId,
      instrumentOrganizationId: env.nns.id,
      versionId: fx.versionId,
      respondent: "participant",
      readings: [
        ["2026-02-10", [a[0], b[0]]],
        ["2026-05-12", [Math.ceil((a[0] + a[1]) / 2), 3]],
        ["2026-08-11", [a[1], b[1]]],
      ],
    });
  for (const [i, [gender, a, b]] of ALFA.entries()) {
    // The first five women take part in Steget; everyone else in Vidare.
    const p = await insertParticipant(env, {
      organizationId: env.orgA.id,
      interventionId: i < 5 ? fx.steget : fx.vidare,
      gender,
      ageBand: "20-29",
      startDate: gender === "woman" ? "2026-02-10" : "2026-08-14",
    });
    fx.codes.push(p.code);
    fx.ids.push(p.id);
    await reading(env.orgA.id, p.id, a, b);
    if (i === 4) fx.fifthWoman = p.id;
  }
  // Taking part but not measured twice: counted in the activity, not in the figures.
  const once = await insertParticipant(env, {
    organizationId: env.orgA.id,
    interventionId: fx.vidare,
    gender: "woman",
    startDate: "2026-02-10",
  });
  await insertReadings(env, {
    organizationId: env.orgA.id,
    participantId: once.id,
    instrumentOrganizationId: env.nns.id,
    versionId: fx.versionId,
    respondent: "participant",
    readings: [["2026-02-10", [1, 5]]],
  });
  const never = await insertParticipant(env, {
    organizationId: env.orgA.id,
    interventionId: fx.vidare,
    gender: "man",
    startDate: "2026-08-14",
  });
  fx.codes.push(once.code, never.code);
  fx.ids.push(once.id, never.id);
  // Beta: five men born 1990, no band recorded: 36 at the start, so counted as 30–39.
  for (let i = 0; i < 5; i++) {
    const p = await insertParticipant(env, {
      organizationId: env.orgB.id,
      interventionId: betaInsats,
      gender: "man",
      birthYear: 1990,
      startDate: "2026-03-01",
    });
    fx.codes.push(p.code);
    fx.ids.push(p.id);
    await reading(env.orgB.id, p.id, [2, 4], [4, 2]);
  }
}, 120_000);

type Query = {
  scope: "national" | "organization" | "intervention";
  interventionId?: string;
  instrumentVersionId?: string;
  respondent?: "participant" | "coach";
  dimension?: "none" | "gender" | "age_band" | "start_quarter" | "organization" | "intervention";
};

const report = (client: Client, orgId: string, query: Query) =>
  client.GET("/orgs/{orgId}/progression/reports", {
    params: {
      path: { orgId },
      query: { instrumentVersionId: fx.versionId, respondent: "participant", dimension: "none", ...query },
    },
  });

describe("a förbund's report", () => {
  it("gives the hand-computed figures per gender, withholding the small group and its complement", async () => {
    const admin = await signIn(env, env.users.adminA.email);
    const body = expectData(await report(admin, env.orgA.id, { scope: "organization", dimension: "gender" }));
    expect(body.instrument).toEqual({
      id: fx.instrumentId,
      name: "SKAPA (platshållare)",
      placeholder: true,
      versionId: fx.versionId,
      versionNumber: 1,
    });
    expect(body).toMatchObject({ minGroupSize: 5, improvementThresholdSteps: 1, intervention: null });
    expect(body.total).toEqual({
      group: null,
      label: "Alla",
      suppressed: false,
      n: 13,
      items: [
        {
          code: "A",
          label: "Arbete",
          meanFirst: 2.31,
          meanLatest: 3.31,
          distance: 1,
          improvedPercent: 53.8,
          unchangedPercent: 30.8,
          worsePercent: 15.4,
        },
        {
          code: "B",
          label: "Oro",
          meanFirst: 3.08,
          meanLatest: 2.31,
          distance: 0.77,
          improvedPercent: 46.2,
          unchangedPercent: 38.5,
          worsePercent: 15.4,
        },
      ],
    });
    expect(body.groups).toEqual([
      {
        group: "woman",
        label: "Kvinnor",
        suppressed: false,
        n: 6,
        items: [
          {
            code: "A",
            label: "Arbete",
            meanFirst: 2.17,
            meanLatest: 3.17,
            distance: 1,
            improvedPercent: 50,
            unchangedPercent: 33.3,
            worsePercent: 16.7,
          },
          {
            code: "B",
            label: "Oro",
            meanFirst: 3.17,
            meanLatest: 2.33,
            distance: 0.83,
            improvedPercent: 50,
            unchangedPercent: 33.3,
            worsePercent: 16.7,
          },
        ],
      },
      // Five men would be shown, but with "Annat" (two) hidden they would give it away: total − women − men.
      { group: "man", label: "Män", suppressed: true, reason: "complementary" },
      { group: "other", label: "Annat", suppressed: true, reason: "too_few" },
    ]);
    // Seven women (one measured once), six men (one never), two others: the same rule on participants.
    expect(body.activity).toEqual({
      total: {
        group: null,
        label: "Alla",
        suppressed: false,
        participants: 15,
        measuredParticipants: 14,
        measurements: 40,
      },
      groups: [
        {
          group: "woman",
          label: "Kvinnor",
          suppressed: false,
          participants: 7,
          measuredParticipants: 7,
          measurements: 19,
        },
        {
          group: "man",
          label: "Män",
          suppressed: true,
          participants: null,
          measuredParticipants: null,
          measurements: null,
        },
        {
          group: "other",
          label: "Annat",
          suppressed: true,
          participants: null,
          measuredParticipants: null,
          measurements: null,
        },
      ],
    });
  });

  it("shows a group of exactly k and withholds it at k − 1", async () => {
    const viewer = await signIn(env, env.users.viewerA.email);
    const atK = expectData(
      await report(viewer, env.orgA.id, { scope: "intervention", interventionId: fx.steget }),
    );
    expect(atK.intervention).toEqual({ id: fx.steget, name: "Steget" });
    expect(atK.total).toMatchObject({ suppressed: false, n: 5 });
    // The fifth woman's latest reading removed: she has one left, so four count.
    const [latest] = await env.t.db.ownerSql(
      "delete from progression_measurements where participant_id = $1 and measured_on > '2026-03-01' returning id",
      [fx.fifthWoman],
    );
    expect(latest).toBeDefined();
    try {
      const belowK = expectData(
        await report(viewer, env.orgA.id, { scope: "intervention", interventionId: fx.steget }),
      );
      expect(belowK.total).toEqual({ group: null, label: "Alla", suppressed: true, reason: "too_few" });
      expect(JSON.stringify(belowK)).not.toContain("meanFirst");
      // Vidare (eight) is shown on its own before, but now the förbund's table by insats hides it beside
      // Steget: Vidare's own report would otherwise give Steget away as the förbund's total minus Vidare.
      const before = expectData(
        await report(viewer, env.orgA.id, { scope: "organization", dimension: "intervention" }),
      );
      expect(before.groups.map((g) => [g.label, g.suppressed])).toEqual([
        ["Steget", true],
        ["Vidare", true],
      ]);
      const vidare = expectData(
        await report(viewer, env.orgA.id, { scope: "intervention", interventionId: fx.vidare }),
      );
      expect(vidare.total).toEqual({ group: null, label: "Alla", suppressed: true, reason: "complementary" });
      expect(vidare.activity.total).toMatchObject({ suppressed: true, participants: null });
      expect(JSON.stringify(vidare)).not.toContain("meanFirst");
    } finally {
      await insertReadings(env, {
        organizationId: env.orgA.id,
        participantId: fx.fifthWoman,
        instrumentOrganizationId: env.nns.id,
        versionId: fx.versionId,
        respondent: "participant",
        readings: [
          ["2026-05-12", [3, 3]],
          ["2026-08-11", [3, 3]],
        ],
      });
    }
  });

  it("splits by insats, start quarter and age band with Swedish labels", async () => {
    const admin = await signIn(env, env.users.adminA.email);
    const byInsats = expectData(
      await report(admin, env.orgA.id, { scope: "organization", dimension: "intervention" }),
    );
    expect(byInsats.groups.map((g) => [g.label, g.suppressed ? "–" : g.n])).toEqual([
      ["Steget", 5],
      ["Vidare", 8],
    ]);
    const byQuarter = expectData(
      await report(admin, env.orgA.id, { scope: "organization", dimension: "start_quarter" }),
    );
    expect(byQuarter.groups.map((g) => [g.group, g.label, g.suppressed ? "–" : g.n])).toEqual([
      ["2026-Q1", "2026 kv. 1", 6],
      ["2026-Q3", "2026 kv. 3", 7],
    ]);
    const adminB = await signIn(env, env.users.adminB.email);
    const byAge = expectData(
      await report(adminB, env.orgB.id, { scope: "organization", dimension: "age_band" }),
    );
    expect(byAge.groups).toMatchObject([{ group: "30-39", label: "30–39", suppressed: false, n: 5 }]);
  });

  it("refuses the national scope, a breakdown the scope lacks, and what it cannot reach", async () => {
    const admin = await signIn(env, env.users.adminA.email);
    expectProblem(await report(admin, env.orgA.id, { scope: "national" }), 403, "forbidden");
    const dimension = expectProblem(
      await report(admin, env.orgA.id, { scope: "organization", dimension: "organization" }),
      400,
      "validation_failed",
    );
    expect(dimension.errors).toEqual([
      expect.objectContaining({ field: "query.dimension", rule: "not_in_scope" }),
    ]);
    const missing = expectProblem(
      await report(admin, env.orgA.id, { scope: "intervention" }),
      400,
      "validation_failed",
    );
    expect(missing.errors).toEqual([
      expect.objectContaining({ field: "query.interventionId", rule: "required" }),
    ]);
    // Beta's own instrument and Beta's insats are not Alfa's to report on.
    expectProblem(
      await report(admin, env.orgA.id, { scope: "organization", instrumentVersionId: fx.betaVersionId }),
      404,
      "not_found",
    );
    const betaInsats = String(
      (await env.t.db.ownerSql("select id from interventions where organization_id = $1", [env.orgB.id]))[0]
        ?.id,
    );
    // Published, so Alfa may read it in the catalogue, but still not report on it.
    await env.t.db.ownerSql(
      "update interventions set state = 'published', published_revision = revision where id = $1",
      [betaInsats],
    );
    expectProblem(
      await report(admin, env.orgA.id, { scope: "intervention", interventionId: betaInsats }),
      404,
      "not_found",
    );
    const coach = expectData(
      await report(admin, env.orgA.id, { scope: "organization", respondent: "coach" }),
    );
    expect(coach.total).toEqual({ group: null, label: "Alla", suppressed: true, reason: "too_few" });
  });
});

/** No participant's id or code, anywhere in a body. */
function expectNoIndividuals(body: unknown): void {
  const text = JSON.stringify(body);
  for (const value of [...fx.ids, ...fx.codes]) expect(text).not.toContain(value);
}

describe("the national report", () => {
  it("gives NNS the aggregates of every förbund, by förbund, and nothing about anyone", async () => {
    const nnsAdmin = await signIn(env, env.users.nnsAdmin.email);
    const body = expectData(
      await report(nnsAdmin, env.nns.id, { scope: "national", dimension: "organization" }),
    );
    expect(body.total).toMatchObject({ suppressed: false, n: 18 });
    expect(body.groups.map((g) => [g.label, g.suppressed ? "–" : g.n])).toEqual([
      ["Samordningsförbundet Alfa", 13],
      ["Samordningsförbundet Beta", 5],
    ]);
    expect(body.activity.total).toMatchObject({ participants: 20, measuredParticipants: 19 });
    expectNoIndividuals(body);
    const viewer = await signIn(env, env.users.nnsViewer.email);
    expectNoIndividuals(
      expectData(await report(viewer, env.nns.id, { scope: "national", dimension: "gender" })),
    );
  });

  it("is the only report NNS gets", async () => {
    const nnsAdmin = await signIn(env, env.users.nnsAdmin.email);
    const problem = expectProblem(
      await report(nnsAdmin, env.nns.id, { scope: "organization" }),
      400,
      "validation_failed",
    );
    expect(problem.errors).toEqual([
      expect.objectContaining({ field: "query.scope", rule: "national_only" }),
    ]);
    // An NNS admin coordinating elsewhere holds no progression permission in a förbund.
    expectProblem(await report(nnsAdmin, env.orgA.id, { scope: "organization" }), 403, "forbidden");
  });
});

describe("report options", () => {
  it("lists the versions with readings and the förbund's insatser with participants", async () => {
    const viewer = await signIn(env, env.users.viewerA.email);
    const options = expectData(
      await viewer.GET("/orgs/{orgId}/progression/report-options", {
        params: { path: { orgId: env.orgA.id } },
      }),
    );
    expect(options.instruments).toEqual([
      expect.objectContaining({
        id: fx.versionId,
        instrumentId: fx.instrumentId,
        placeholder: true,
        participantItemCount: 2,
        coachItemCount: 2,
        itemCount: 3,
        respondents: ["participant"],
      }),
    ]);
    expect(options.interventions.map((i) => i.name)).toEqual(["Steget", "Vidare"]);
    const nnsAdmin = await signIn(env, env.users.nnsAdmin.email);
    const national = expectData(
      await nnsAdmin.GET("/orgs/{orgId}/progression/report-options", {
        params: { path: { orgId: env.nns.id } },
      }),
    );
    expect(national.instruments.map((v) => v.id)).toEqual([fx.versionId]);
    expect(national.interventions).toEqual([]);
  });
});

describe("an API key with progression:aggregates", () => {
  it("reads the förbund's report and options, and no other scope does", async () => {
    const ctx = await enterOrganization(systemContext(env.deps, "progression-reports"), env.orgA.id);
    const { secret } = await createApiKey(ctx, {
      name: "rapporter",
      scopes: ["progression:aggregates"],
      expiresAt: null,
    });
    const key = withKey(env, secret);
    const body = expectData(await report(key, env.orgA.id, { scope: "organization", dimension: "gender" }));
    expect(body.total).toMatchObject({ n: 13 });
    expectData(
      await key.GET("/orgs/{orgId}/progression/report-options", { params: { path: { orgId: env.orgA.id } } }),
    );
    const other = await createApiKey(ctx, { name: "läsare", scopes: ["org:read"], expiresAt: null });
    expectProblem(
      await report(withKey(env, other.secret), env.orgA.id, { scope: "organization" }),
      403,
      "forbidden",
    );
  });
});

describe("the CSV", () => {
  it("is Swedish Excel: BOM, semicolons, decimal comma, and för få where a group is withheld", async () => {
    const admin = await signIn(env, env.users.adminA.email);
    const res = await admin.GET("/orgs/{orgId}/progression/reports/export", {
      params: {
        path: { orgId: env.orgA.id },
        query: {
          scope: "organization",
          dimension: "gender",
          respondent: "participant",
          instrumentVersionId: fx.versionId,
        },
      },
      parseAs: "arrayBuffer",
    });
    // Decoded keeping the byte order mark, which Response.text() would drop.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(expectData(res) as ArrayBuffer);
    expect(res.response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.response.headers.get("content-disposition")).toContain("attachment");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      [
        "Instrument",
        "Svarande",
        "Grupp",
        "Deltagare i gruppen",
        "Mätta deltagare",
        "Mätningar",
        "Fråga (kod)",
        "Fråga",
        "Antal med två mätningar",
        "Medel första",
        "Medel senaste",
        "Förflyttning (skalsteg)",
        "Förbättrade %",
        "Oförändrade %",
        "Försämrade %",
      ]
        .map((h) => `"${h}"`)
        .join(";"),
    );
    // Total and three groups, two items each.
    expect(lines).toHaveLength(1 + 4 * 2);
    const instrument = '"SKAPA (platshållare), version 1";"Deltagare"';
    expect(lines[1]).toBe(`${instrument};"Alla";15;14;40;"A";"Arbete";13;2,31;3,31;1;53,8;30,8;15,4`);
    expect(lines[3]).toBe(`${instrument};"Kvinnor";7;7;19;"A";"Arbete";6;2,17;3,17;1;50;33,3;16,7`);
    const withheld = Array(3).fill('"för få"').join(";");
    const figures = Array(7).fill('"för få"').join(";");
    expect(lines[5]).toBe(`${instrument};"Män";${withheld};"A";"Arbete";${figures}`);
    expect(lines[8]).toBe(`${instrument};"Annat";${withheld};"B";"Oro";${figures}`);
  });

  it("answers the same problems as the report", async () => {
    const admin = await signIn(env, env.users.adminA.email);
    const res = await admin.raw(
      "GET",
      `/v1/orgs/${env.orgA.id}/progression/reports/export?scope=national&respondent=participant&instrumentVersionId=${fx.versionId}`,
    );
    expectProblem(res, 403, "forbidden");
  });
});
