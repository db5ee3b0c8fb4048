import type { paths } from "@nns/api-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishNew } from "./catalog-fixtures.js";
import { Client, expectData, expectProblem, signIn } from "./client.js";
import { setupTestApp, type TestEnv } from "./helpers.js";

/** What people type into the public search (issue "Search misses"), through the HTTP API. */
type CatalogQuery = NonNullable<paths["/catalog/interventions"]["get"]["parameters"]["query"]>;

let env: TestEnv;
const ids: Record<string, string> = {};

beforeAll(async () => {
  env = await setupTestApp();
  const [admin, nns] = await Promise.all([
    signIn(env, env.users.adminA.email),
    signIn(env, env.users.nnsAdmin.email),
  ]);
  const A = env.orgA.id;
  const none = { targetGroups: [], methods: [], links: [], municipalityCodes: ["1380"] };
  ids.youth = await publishNew(admin, nns, A, {
    ...none,
    title: "Stöd till ungdom med psykisk ohälsa",
    summary: "Individuellt stöd på vägen till arbete eller studier.",
    targetGroups: ["young_adults", "long_term_sick"],
    methods: ["supported_employment_ips"],
  });
  ids.workshop = await publishNew(admin, nns, A, {
    ...none,
    title: "Cykelverkstad som arbetsträning",
    summary: "Praktisk verksamhet.",
    description: "Deltagarna reparerar begagnade saker.",
    methods: ["work_training"],
  });
  ids.cafe = await publishNew(admin, nns, A, {
    ...none,
    title: "Café Kvarnen",
    summary: "Praktisk verksamhet i grupp, med handledare på plats.",
    methods: ["work_training"],
    links: [{ kind: "study_visit", title: "Film från caféet", url: "https://example.se/kvarnen" }],
  });
});
afterAll(async () => env?.close());

const search = async (query: CatalogQuery) =>
  expectData(await new Client(env).GET("/catalog/interventions", { params: { query } }));
const found = async (query: CatalogQuery) => {
  const names = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
  return (await search({ limit: 50, ...query })).data.map((d) => names[d.id] ?? d.id).sort();
};

describe("what people type", () => {
  it("finds entries by the Swedish labels of their target groups, methods and link kinds", async () => {
    expect(await found({ q: "arbetsträning" })).toEqual(["cafe", "workshop"]);
    expect(await found({ q: "långtidssjukskrivna" })).toEqual(["youth"]);
    expect(await found({ q: "IPS" })).toEqual(["youth"]);
    expect(await found({ q: "studiebesök" })).toEqual(["cafe"]);
  });

  it("finds a compound by its last part", async () => {
    expect(await found({ q: "träning" })).toEqual(["cafe", "workshop"]);
    expect(await found({ q: "verkstad" })).toEqual(["workshop"]);
  });

  it("filters on linkKind=study_visit and counts link kinds as a facet", async () => {
    const visits = await search({ linkKind: "study_visit" });
    expect(visits.data.map((d) => d.id)).toEqual([ids.cafe]);
    expect(visits.facets.linkKind).toEqual([
      { value: "study_visit", label: "Digitalt studiebesök", count: 1 },
    ]);
  });

  it("answers 400 naming a parameter the search does not know, rather than ignoring it", async () => {
    for (const path of ["/v1/catalog/interventions", "/v1/catalog/export"]) {
      const res = await new Client(env).raw("GET", `${path}?q=arbetsträning&linkKnd=study_visit&page=2`);
      expect(expectProblem(res, 400, "validation_failed").errors).toEqual([
        expect.objectContaining({ field: "query.linkKnd", rule: "unrecognized_keys" }),
        expect.objectContaining({ field: "query.page", rule: "unrecognized_keys" }),
      ]);
    }
    const bad = await new Client(env).raw("GET", "/v1/catalog/interventions?linkKind=video");
    expect(expectProblem(bad, 400, "validation_failed").errors?.[0]?.field).toBe("query.linkKind");
  });
});
