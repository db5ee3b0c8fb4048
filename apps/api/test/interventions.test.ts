import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESAM_RESULTS, sampleContent } from "./catalog-fixtures.js";
import { Client, expectProblem, lastEmailTo, setupTestApp, signIn, type TestEnv } from "./helpers.js";

let env: TestEnv;
let adminA: Client;
let editorA: Client;
let viewerA: Client;
let adminB: Client;
let nns: Client;

beforeAll(async () => {
  env = await setupTestApp();
  [adminA, editorA, viewerA, adminB, nns] = await Promise.all([
    signIn(env, env.users.adminA.email),
    signIn(env, env.users.editorA.email),
    signIn(env, env.users.viewerA.email),
    signIn(env, env.users.adminB.email),
    signIn(env, env.users.nnsAdmin.email),
  ]);
});
afterAll(async () => env?.close());

const base = () => `/v1/orgs/${env.orgA.id}/interventions`;

async function create(client: Client, title = "Resursteam", extra: Record<string, unknown> = {}) {
  const res = await client.post(base(), { content: sampleContent({ title }), ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number; state: string; revision: number };
}

describe("creating and editing", () => {
  it("creates a draft with an ETag and Location, and keeps every revision with its author", async () => {
    const res = await editorA.post(base(), { content: sampleContent() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: "draft", revision: 1, publishedRevision: null });
    expect(res.headers.get("etag")).toBe(`"${res.body.version}"`);
    expect(res.headers.get("location")).toBe(`${base()}/${res.body.id}`);

    const content = sampleContent({ title: "Resursteam i Halmstad", methods: ["solution_focused"] });
    const edited = await editorA.request("PUT", `${base()}/${res.body.id}`, {
      body: { content },
      headers: { "if-match": res.headers.get("etag") as string },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.revision).toBe(2);

    const versions = await viewerA.get(`${base()}/${res.body.id}/versions`);
    expect(
      versions.body.data.map((v: { revision: number; authorLabel: string }) => [v.revision, v.authorLabel]),
    ).toEqual([
      [1, env.users.editorA.email],
      [2, env.users.editorA.email],
    ]);
    const diff = await viewerA.get(`${base()}/${res.body.id}/versions/diff?from=1&to=2`);
    expect(diff.body.changes).toEqual([
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
    const created = await create(adminA);
    await adminA.request("PUT", `${base()}/${created.id}`, {
      body: { content: sampleContent({ title: "Ny" }) },
    });
    const stale = await adminA.request("PUT", `${base()}/${created.id}`, {
      body: { content: sampleContent({ title: "Gammal" }) },
      headers: { "if-match": `"${created.version}"` },
    });
    expectProblem(stale, 412, "precondition_failed");
    expect((await adminA.get(`${base()}/${created.id}`)).body.content.title).toBe("Ny");
  });

  it("names the field and rule of bad vocabulary, kommun and dates", async () => {
    const res = await adminA.post(base(), {
      content: sampleContent({
        focusArea: "competence_development",
        targetGroups: ["no_such_group"],
        municipalityCodes: ["9999"],
        startDate: "2024-05-01",
        endDate: "2024-01-01",
      }),
    });
    const problem = expectProblem(res, 400, "validation_failed");
    expect(problem.errors?.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`)).toEqual([
      "body.content.focusArea:focus_area_of_orientation",
      "body.content.targetGroups:known_target_group",
      "body.content.municipalityCodes:known_municipality",
      "body.content.endDate:not_before_start",
    ]);
    const shape = await adminA.post(base(), { content: { ...sampleContent(), title: "" } });
    expect(expectProblem(shape, 400, "validation_failed").errors?.[0]?.field).toBe("body.content.title");
  });

  it("lets a viewer read but not write", async () => {
    const created = await create(adminA);
    expect((await viewerA.get(`${base()}/${created.id}`)).status).toBe(200);
    expectProblem(await viewerA.post(base(), { content: sampleContent() }), 403, "forbidden");
  });

  it("links a delprojekt to its parent, but not to another förbund's intervention", async () => {
    const parent = await create(adminA, "Hälsofrämjande etablering");
    const child = await adminA.post(base(), {
      parentId: parent.id,
      content: sampleContent({ title: "Delprojekt Halmstad" }),
    });
    expect(child.body.parentId).toBe(parent.id);
    const foreign = await adminB.post(`/v1/orgs/${env.orgB.id}/interventions`, {
      parentId: parent.id,
      content: sampleContent(),
    });
    expect(expectProblem(foreign, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "body.parentId",
      rule: "reachable_intervention",
    });
  });
});

describe("the workflow, per role", () => {
  it("editor submits, NNS publishes; the published version stays public while a new draft is edited", async () => {
    const created = await create(editorA, "Arbetsträning för unga");
    expect((await editorA.post(`${base()}/${created.id}/submit`, {})).body.state).toBe("submitted");
    // The förbund cannot publish without a grant from NNS, even its administrator.
    expectProblem(await adminA.post(`${base()}/${created.id}/publish`, {}), 403, "forbidden");
    expectProblem(
      await editorA.request("PUT", `${base()}/${created.id}`, { body: { content: sampleContent() } }),
      409,
      "conflict",
    );

    const published = await nns.post(`${base()}/${created.id}/publish`, {});
    expect(published.body).toMatchObject({ state: "published", publishedRevision: 1 });
    expect((await editorA.get(`/v1/catalog/interventions/${created.id}`)).body.document.title).toBe(
      "Arbetsträning för unga",
    );

    const draft = await editorA.request("PUT", `${base()}/${created.id}`, {
      body: { content: sampleContent({ title: "Arbetsträning för unga vuxna" }) },
    });
    expect(draft.body).toMatchObject({ state: "draft", revision: 2, publishedRevision: 1 });
    const pub = await new Client(env).get(`/v1/catalog/interventions/${created.id}`);
    expect(pub.body.document.title).toBe("Arbetsträning för unga");

    const versions = await editorA.get(`${base()}/${created.id}/versions`);
    expect(versions.body.data[0].publishedByLabel).toBe(env.users.nnsAdmin.email);
    expect(versions.body.data[1].publishedAt).toBeNull();
  });

  it("previews the working copy as its public page, framable only by the admin, and only for those who may read it", async () => {
    const created = await create(editorA, "Förhandsvisad insats", {});
    await editorA.request("PUT", `${base()}/${created.id}`, {
      body: {
        content: sampleContent({
          title: "Förhandsvisad insats",
          description: "**Fet** text<script>alert(1)</script>",
        }),
      },
    });
    const preview = await viewerA.get(`${base()}/${created.id}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.headers.get("content-type")).toContain("text/html");
    expect(preview.headers.get("content-security-policy")).toContain("frame-ancestors 'self'");
    const page = preview.body as string;
    expect(page).toContain("Förhandsgranskning av version 2 – inte publicerad");
    expect(page).toContain("<h1>Förhandsvisad insats</h1>");
    expect(page).toContain("<strong>Fet</strong>");
    expect(page).not.toContain("<script>");
    // The public page of the same entry does not exist until it is published.
    expect((await new Client(env).get(`/katalog/${created.id}`)).status).toBe(404);
    expect((await new Client(env).get(`/katalog`)).headers.get("content-security-policy")).toContain(
      "frame-ancestors 'none'",
    );
    expectProblem(await adminB.get(`${base()}/${created.id}/preview`), 404, "not_found");
    expectProblem(
      await adminB.get(`/v1/orgs/${env.orgB.id}/interventions/${created.id}/preview`),
      404,
      "not_found",
    );
  });

  it("returns with a required comment, and the förbund resubmits after editing", async () => {
    const created = await create(editorA);
    await editorA.post(`${base()}/${created.id}/submit`, {});
    expect(
      expectProblem(await nns.post(`${base()}/${created.id}/return`, {}), 400, "validation_failed")
        .errors?.[0],
    ).toMatchObject({
      field: "body.comment",
      rule: "required",
    });
    const returned = await nns.post(`${base()}/${created.id}/return`, { comment: "Beskriv målgruppen." });
    expect(returned.body).toMatchObject({ state: "returned", reviewComment: "Beskriv målgruppen." });
    // The author hears of it, with the comment and a link to the entry in the admin.
    const returnMail = await lastEmailTo(env, env.users.editorA.email);
    expect(returnMail.subject).toBe("Insatsen har skickats tillbaka: Resursteam");
    expect(returnMail.text).toContain("Beskriv målgruppen.");
    expect(returnMail.text).toContain(`/o/${env.orgA.id}/interventions/${created.id}`);
    const edited = await editorA.request("PUT", `${base()}/${created.id}`, {
      body: { content: sampleContent() },
    });
    expect(edited.body.state).toBe("returned");
    expect((await editorA.post(`${base()}/${created.id}/submit`, {})).body.state).toBe("submitted");
    expect((await editorA.post(`${base()}/${created.id}/withdraw`, {})).body.state).toBe("draft");
    await editorA.post(`${base()}/${created.id}/submit`, {});
    await nns.post(`${base()}/${created.id}/publish`, {});
    const published = await lastEmailTo(env, env.users.editorA.email);
    expect(published.subject).toBe("Insatsen är publicerad: Resursteam för samordnad rehabilitering");
    expect(published.text).toContain(`/katalog/${created.id}`);
  });

  it("never lets an API key or a co-owner publish", async () => {
    const { createApiKey, enterOrganization, systemContext } = await import("@nns/services");
    const org = await enterOrganization(systemContext(env.deps, "test"), env.orgA.id);
    const { secret } = await createApiKey(org, {
      name: "portal",
      scopes: ["interventions:read", "interventions:write"],
      expiresAt: null,
    });
    const key = new Client(env);
    key.bearer = secret;
    const created = await key.post(base(), { content: sampleContent() });
    expect(created.status).toBe(201);
    expect((await key.post(`${base()}/${created.body.id}/submit`, {})).body.state).toBe("submitted");
    expectProblem(await key.post(`${base()}/${created.body.id}/publish`, {}), 403, "forbidden");

    await nns.request("PUT", `/v1/orgs/${env.orgB.id}/catalog-settings`, { body: { selfPublishing: true } });
    await adminA.post(`${base()}/${created.body.id}/co-owners`, { organizationId: env.orgB.id });
    const path = `/v1/orgs/${env.orgB.id}/interventions/${created.body.id}`;
    await adminB.post(`${path}/co-ownership/accept`, {});
    expectProblem(await adminB.post(`${path}/publish`, {}), 403, "forbidden");
    await nns.request("PUT", `/v1/orgs/${env.orgB.id}/catalog-settings`, { body: { selfPublishing: false } });
  });

  it("lets a förbund's administrators publish directly once NNS grants self-publishing, but not its editors", async () => {
    expectProblem(
      await adminA.request("PUT", `/v1/orgs/${env.orgA.id}/catalog-settings`, {
        body: { selfPublishing: true },
      }),
      403,
      "forbidden",
    );
    const grant = await nns.request("PUT", `/v1/orgs/${env.orgA.id}/catalog-settings`, {
      body: { selfPublishing: true },
    });
    expect(grant.body).toEqual({ selfPublishing: true });
    const created = await create(editorA);
    expectProblem(await editorA.post(`${base()}/${created.id}/publish`, {}), 403, "forbidden");
    expect((await adminA.post(`${base()}/${created.id}/publish`, {})).body.state).toBe("published");
    // Nobody is told of their own decision: an admin publishing what they wrote gets no email.
    const mails = async () =>
      Number(
        (
          await env.t.db.ownerSql("select count(*)::int as n from emails where to_address = $1", [
            env.users.adminA.email,
          ])
        )[0]?.n,
      );
    const before = await mails();
    const own = await create(adminA, "Eget beslut");
    expect((await adminA.post(`${base()}/${own.id}/publish`, {})).body.state).toBe("published");
    expect(await mails()).toBe(before);
    await nns.request("PUT", `/v1/orgs/${env.orgA.id}/catalog-settings`, { body: { selfPublishing: false } });
    const another = await create(editorA);
    expectProblem(await adminA.post(`${base()}/${another.id}/publish`, {}), 403, "forbidden");
  });

  it("archives: gone from the public catalogue, kept as a record, never edited again", async () => {
    const created = await create(editorA);
    await editorA.post(`${base()}/${created.id}/submit`, {});
    await nns.post(`${base()}/${created.id}/publish`, {});
    expect((await adminA.post(`${base()}/${created.id}/archive`, {})).body.state).toBe("archived");
    expectProblem(await adminA.get(`/v1/catalog/interventions/${created.id}`), 404, "not_found");
    expect((await adminA.get(`${base()}/${created.id}`)).body.state).toBe("archived");
    expectProblem(
      await adminA.request("PUT", `${base()}/${created.id}`, { body: { content: sampleContent() } }),
      409,
      "conflict",
    );
  });

  it("shows NNS every förbund's submissions in the editorial queue, and nothing else", async () => {
    const a = await create(editorA, "Kö-test Alfa");
    await editorA.post(`${base()}/${a.id}/submit`, {});
    const b = await adminB.post(`/v1/orgs/${env.orgB.id}/interventions`, {
      content: sampleContent({ municipalityCodes: ["2281"] }),
    });
    await adminB.post(`/v1/orgs/${env.orgB.id}/interventions/${b.body.id}/submit`, {});
    const draft = await create(editorA, "Bara utkast");

    const queue = await nns.get("/v1/nns/catalog/queue?limit=200");
    const ids = queue.body.data.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([a.id, b.body.id]));
    expect(ids).not.toContain(draft.id);
    expect(queue.body.data.every((i: { state: string }) => i.state === "submitted")).toBe(true);
    expect(queue.body.data.find((i: { id: string }) => i.id === b.body.id).organizationName).toBe(
      env.orgB.name,
    );
  });
});

describe("co-ownership", () => {
  it("lets an accepting co-owner edit, and a third förbund not even see it", async () => {
    const created = await create(adminA, "Gemensam insats");
    const path = `/v1/orgs/${env.orgB.id}/interventions/${created.id}`;
    // Before accepting, B cannot see it.
    expectProblem(await adminB.get(path), 404, "not_found");
    const invite = await adminA.post(`${base()}/${created.id}/co-owners`, { organizationId: env.orgB.id });
    expect(invite.status).toBe(201);
    expectProblem(await adminB.get(path), 404, "not_found");
    const open = await adminB.get(`/v1/orgs/${env.orgB.id}/co-ownership-invitations`);
    expect(open.body.data).toContainEqual(
      expect.objectContaining({
        interventionId: created.id,
        ownerOrganizationName: env.orgA.name,
        publishedTitle: null,
      }),
    );
    const accepted = await adminB.post(`${path}/co-ownership/accept`, {});
    expect(accepted.status).toBe(200);
    const stillOpen = await adminB.get(`/v1/orgs/${env.orgB.id}/co-ownership-invitations`);
    expect(stillOpen.body.data.map((i: { interventionId: string }) => i.interventionId)).not.toContain(
      created.id,
    );
    const listed = await adminB.get(`/v1/orgs/${env.orgB.id}/interventions?limit=200`);
    expect(listed.body.data.map((i: { id: string }) => i.id)).toContain(created.id);

    const edited = await adminB.request("PUT", path, {
      body: { content: sampleContent({ title: "Gemensam insats, reviderad" }) },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect((await adminA.get(`${base()}/${created.id}`)).body.content.title).toBe(
      "Gemensam insats, reviderad",
    );
    const versions = await adminA.get(`${base()}/${created.id}/versions`);
    expect(versions.body.data[1].authorOrganizationId).toBe(env.orgB.id);

    // The co-owner neither invites others nor archives.
    expectProblem(await adminB.post(`${path}/co-owners`, { organizationId: env.orgA.id }), 403, "forbidden");
    expectProblem(await adminB.post(`${path}/archive`, {}), 403, "forbidden");
  });

  it("names an accepted co-owner on the published entry and finds the entry under its förbund", async () => {
    const created = await create(adminA, "Publicerad samverkan");
    await adminA.post(`${base()}/${created.id}/submit`, {});
    await nns.post(`${base()}/${created.id}/publish`, {});
    await adminA.post(`${base()}/${created.id}/co-owners`, { organizationId: env.orgB.id });
    const before = await new Client(env).get(
      `/v1/catalog/interventions?organization=${env.orgB.id}&limit=100`,
    );
    expect(before.body.data.map((d: { id: string }) => d.id)).not.toContain(created.id);
    await adminB.post(`/v1/orgs/${env.orgB.id}/interventions/${created.id}/co-ownership/accept`, {});
    const entry = await new Client(env).get(`/v1/catalog/interventions/${created.id}`);
    expect(entry.body.document.coOwners).toEqual([{ id: env.orgB.id, name: env.orgB.name, slug: "beta" }]);
    const after = await new Client(env).get(
      `/v1/catalog/interventions?organization=${env.orgB.id}&limit=100`,
    );
    expect(after.body.data.map((d: { id: string }) => d.id)).toContain(created.id);
  });

  it("ends a co-ownership when the owner removes the co-owner or it leaves, and the entry stops naming it", async () => {
    const created = await create(adminA, "Tidsbegränsad samverkan");
    await adminA.post(`${base()}/${created.id}/submit`, {});
    await nns.post(`${base()}/${created.id}/publish`, {});
    const pathB = `/v1/orgs/${env.orgB.id}/interventions/${created.id}`;
    await adminA.post(`${base()}/${created.id}/co-owners`, { organizationId: env.orgB.id });
    await adminB.post(`${pathB}/co-ownership/accept`, {});
    expect((await adminB.delete(`${pathB}/co-owners/${env.orgB.id}`)).status).toBe(204);
    expectProblem(await adminB.get(pathB), 404, "not_found");
    const entry = await new Client(env).get(`/v1/catalog/interventions/${created.id}`);
    expect(entry.body.document.coOwners).toEqual([]);
    expectProblem(await adminA.delete(`${base()}/${created.id}/co-owners/${env.orgB.id}`), 404, "not_found");

    await adminA.post(`${base()}/${created.id}/co-owners`, { organizationId: env.orgB.id });
    await adminB.post(`${pathB}/co-ownership/accept`, {});
    expect((await adminB.get(pathB)).status).toBe(200);
    expect((await adminA.delete(`${base()}/${created.id}/co-owners/${env.orgB.id}`)).status).toBe(204);
    expectProblem(
      await adminB.request("PUT", pathB, { body: { content: sampleContent() } }),
      404,
      "not_found",
    );
  });

  it("keeps a third förbund out, in the API and in the database", async () => {
    const system = (await import("@nns/services")).systemContext(env.deps, "test");
    const third = await (await import("@nns/services")).createOrganization(system, {
      name: "Samordningsförbundet Gamma",
      slug: "gamma",
      organizationNumber: "2220001032",
      countyCode: "19",
      memberParties: [{ kind: "kommun", municipalityCode: "1980" }],
    });
    const created = await create(adminA, "Bara för Alfa och Beta");
    await adminA.post(`${base()}/${created.id}/co-owners`, { organizationId: env.orgB.id });
    await adminB.post(`/v1/orgs/${env.orgB.id}/interventions/${created.id}/co-ownership/accept`, {});
    const rows = await env.t.db.appTransaction(async (q) => {
      await q("select set_config('app.org_id', $1, true)", [third.id]);
      const seen = await q("select id from interventions where id = $1", [created.id]);
      const updated = await q("update interventions set content = '{}' where id = $1 returning id", [
        created.id,
      ]);
      return { seen, updated };
    });
    expect(rows).toEqual({ seen: [], updated: [] });
  });
});

describe("results", () => {
  it("derives RESAM's shares from its counts (seed 002), and refuses shares sent in", async () => {
    const created = await create(adminA, "RESAM");
    const res = await editorA.request("PUT", `${base()}/${created.id}/results`, { body: RESAM_RESULTS });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.participants).toEqual({ women: 56, men: 47, other: 0, total: 103 });
    expect(res.body.outcomes.map((o: { sharePercent: number }) => o.sharePercent)).toEqual([
      9.7, 1.9, 48.5, 33.0, 2.9, 3.9,
    ]);
    expect(res.body.positiveSharePercent).toBe(60.2);
    expect(res.body.averageEnrolmentMonths).toBe(7.5);

    const typed = await editorA.request("PUT", `${base()}/${created.id}/results`, {
      body: { ...RESAM_RESULTS, positiveSharePercent: 99 },
    });
    expectProblem(typed, 400, "validation_failed");
    const tooMany = await editorA.request("PUT", `${base()}/${created.id}/results`, {
      body: { ...RESAM_RESULTS, participantsMen: 1 },
    });
    expect(expectProblem(tooMany, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "body.outcomes",
      rule: "at_most_participants",
    });
    const list = await viewerA.get(`${base()}/${created.id}/results`);
    expect(list.body.data).toHaveLength(1);
    const withMoney = await editorA.request("PUT", `${base()}/${created.id}/results`, {
      body: { ...RESAM_RESULTS, costOre: 2_850_000_00, budgetOre: 3_000_000_00 },
    });
    expect(withMoney.body.costOfBudgetPercent).toBe(95);
    expect((await viewerA.get(`${base()}/${created.id}/results`)).body.data).toHaveLength(1);
  });
});

describe("bulk import from CSV", () => {
  const header =
    "title,summary,description,orientation,focusArea,targetGroups,memberParties,municipalityCodes,startDate,endDate,status,methods,esfFunded,volumeGoalParticipants";
  const good = (title: string) =>
    `"${title}","Kort sammanfattning","Beskrivning, med komma",individual,vocational_rehabilitation,young_adults;mental_ill_health,fk;af,1380;1381,2025-01-01,,ongoing,motivational_interviewing,ja,30`;

  it("imports every row as a draft when all rows are valid", async () => {
    const res = await editorA.post(`${base()}/import`, {
      csv: [header, good("Import ett"), good("Import två")].join("\n"),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.ids).toHaveLength(2);
    const one = await editorA.get(`${base()}/${res.body.ids[0]}`);
    expect(one.body).toMatchObject({ state: "draft", content: { title: "Import ett", esfFunded: true } });
    expect(one.body.content.targetGroups).toEqual(["young_adults", "mental_ill_health"]);
    expect(one.body.content.goals.volumeGoalParticipants).toBe(30);
  });

  it("writes nothing if one row fails, and reports every problem by row and column", async () => {
    const before = (await adminA.get(`${base()}?limit=200`)).body.data.length;
    const badRow =
      '"",Sammanfattning,,sideways,vocational_rehabilitation,no_such_group,fk,1380,2025-02-30,,ongoing,,kanske,-3';
    const vocabRow =
      '"Fel inriktning",Sammanfattning,,structural,vocational_rehabilitation,,fk,9999,2025-01-01,,ongoing,,nej,';
    const res = await editorA.post(`${base()}/import`, {
      csv: [header, good("Borde inte sparas"), badRow, vocabRow].join("\n"),
    });
    const problem = expectProblem(res, 400, "validation_failed");
    const fields = problem.errors?.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`);
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
    expect(fields?.some((f: string) => f.startsWith("csv.row2"))).toBe(false);
    expect((await adminA.get(`${base()}?limit=200`)).body.data.length).toBe(before);
  });

  it("refuses unknown columns before reading rows", async () => {
    const res = await editorA.post(`${base()}/import`, { csv: "title,colour\nA,blue" });
    expect(expectProblem(res, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "body.csv",
      rule: "known_columns",
    });
  });
});

describe("the target-group vocabulary", () => {
  it("is maintained by NNS: added groups can be used, retired ones no longer offered", async () => {
    const added = await nns.request("PUT", "/v1/nns/catalog/target-groups/parents", {
      body: { labelSv: "Föräldrar i utanförskap" },
    });
    expect(added.body).toEqual({ code: "parents", labelSv: "Föräldrar i utanförskap", retired: false });
    expect(
      (await adminA.post(base(), { content: sampleContent({ targetGroups: ["parents"] }) })).status,
    ).toBe(201);
    await nns.request("PUT", "/v1/nns/catalog/target-groups/parents", {
      body: { labelSv: "Föräldrar i utanförskap", retired: true },
    });
    const vocab = await adminA.get("/v1/catalog/vocabularies");
    expect(vocab.body.targetGroups.map((t: { code: string }) => t.code)).not.toContain("parents");
    expectProblem(
      await adminA.post(base(), { content: sampleContent({ targetGroups: ["parents"] }) }),
      400,
      "validation_failed",
    );
    expectProblem(
      await adminA.request("PUT", "/v1/nns/catalog/target-groups/parents", { body: { labelSv: "Hackat" } }),
      403,
      "forbidden",
    );
  });
});
