import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishNew } from "./catalog-fixtures.js";
import { Client, expectData, expectProblem, signIn } from "./client.js";
import { setupTestApp, type TestEnv } from "./helpers.js";

let env: TestEnv;
let nns: Client;
let adminA: Client;

beforeAll(async () => {
  env = await setupTestApp();
  [nns, adminA] = await Promise.all([
    signIn(env, env.users.nnsAdmin.email),
    signIn(env, env.users.adminA.email),
  ]);
  await publishNew(adminA, nns, env.orgA.id, {
    title: "Jobbcoacher i Varberg",
    summary: "Jobbcoacher arbetar enligt Supported Employment.",
    methods: [],
    municipalityCodes: ["1383"],
  });
});
afterAll(async () => env?.close());

const found = async (q: string) =>
  expectData(await new Client(env).GET("/catalog/interventions", { params: { query: { q } } })).total;

describe("catalogue search synonyms", () => {
  it("NNS adds, changes and removes a synonym, and the public search follows each change", async () => {
    const list = expectData(await nns.GET("/nns/catalog/search-synonyms"));
    expect(list.data.map((s) => s.term)).toContain("IPS");
    expect(await found("IPS")).toBe(1);
    expect(await found("coachning")).toBe(0);
    const created = expectData(
      await nns.POST("/nns/catalog/search-synonyms", {
        body: { term: "coachning", alternatives: ["jobbcoacher"] },
      }),
      201,
    );
    expect(await found("coachning")).toBe(1);
    const path = { params: { path: { synonymId: created.id } } };
    expectData(
      await nns.PUT("/nns/catalog/search-synonyms/{synonymId}", {
        ...path,
        body: { term: "coachning", alternatives: ["handledning"] },
      }),
    );
    expect(await found("coachning")).toBe(0);
    expect((await nns.DELETE("/nns/catalog/search-synonyms/{synonymId}", path)).response.status).toBe(204);
    expectProblem(await nns.DELETE("/nns/catalog/search-synonyms/{synonymId}", path), 404, "not_found");
  });

  it("refuses a förbund's admin, and names the field of a term that cannot be searched", async () => {
    expectProblem(await adminA.GET("/nns/catalog/search-synonyms"), 403, "forbidden");
    const stopWords = await nns.POST("/nns/catalog/search-synonyms", {
      body: { term: "och", alternatives: ["samverkan"] },
    });
    expect(expectProblem(stopWords, 400, "validation_failed").errors).toEqual([
      expect.objectContaining({ field: "body.term", rule: "searchable_words" }),
    ]);
    const empty = await nns.POST("/nns/catalog/search-synonyms", { body: { term: "KIA", alternatives: [] } });
    expect(expectProblem(empty, 400, "validation_failed").errors?.[0]?.field).toBe("body.alternatives");
  });
});
