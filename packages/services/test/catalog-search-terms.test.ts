import type { InterventionContent } from "@nns/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  applyWorkflowAction,
  type CatalogQuery,
  createIntervention,
  createSearchSynonym,
  deleteSearchSynonym,
  listSearchSynonyms,
  saveTargetGroup,
  searchCatalog,
  searchCatalogInDatabase,
  updateSearchSynonym,
} from "../src/index.js";
import { sampleContent } from "../src/testing.js";
import { expectAudited, expectRefused } from "./audit.js";
import { freshTenant, type NnsTenant, nnsTenant, useServiceDatabase } from "./tenant.js";

/**
 * What people type into the catalogue search (issue: "Search misses"), on entries of the demo catalogue
 * (demo-catalog.ts): tags found by their Swedish labels, compounds by their parts, NNS's synonyms, the
 * link-kind filter. Every search is asked of the in-memory index and of the SQL statement, which must
 * answer alike.
 */
const env = useServiceDatabase();
const ids: Record<string, string> = {};
let nns: NnsTenant;

const blank = { targetGroups: [], methods: [], links: [], description: "" };

beforeAll(async () => {
  nns = await nnsTenant(env.deps);
  const tenant = await freshTenant(env.deps);
  const publish = async (key: string, content: Partial<InterventionContent>) => {
    const created = await createIntervention(tenant.editor, {
      content: sampleContent({ ...blank, ...content }),
    });
    await applyWorkflowAction(tenant.editor, created.id, "submit", {}, null);
    await applyWorkflowAction(
      await nns.coordinating(tenant.organization.id),
      created.id,
      "publish",
      {},
      null,
    );
    ids[key] = created.id;
  };
  await publish("resam", {
    title: "RESAM – ett samordnat resursteam för Fagersta, Norberg och Skinnskatteberg",
    summary: "Samordnad rehabilitering och arbetsförmågebedömning för personer långt från arbetsmarknaden.",
    targetGroups: ["long_term_sick", "activity_compensation", "far_from_labour_market"],
    methods: ["solution_focused", "motivational_interviewing", "work_ability_assessment"],
  });
  // Tagged Arbetsträning and Supported Employment/IPS, but says neither in its text.
  await publish("umea", {
    title: "Delprojekt Umeå: språkpraktik och Supported Training",
    summary: "Språkpraktik för kortutbildade och Supported Training för en sammanhållen etablering.",
    targetGroups: ["newly_arrived"],
    methods: ["supported_employment_ips", "work_training"],
  });
  await publish("halmstad", {
    title: "Arbetsträning i Halmstad med individuellt stöd",
    summary: "Arbetsträning på riktiga arbetsplatser med en handledare för unga vuxna.",
    targetGroups: ["young_adults", "far_from_labour_market"],
    methods: ["work_training"],
  });
  await publish("skapa", {
    title: "Progressionsmätning med SKAPA i Halland",
    summary: "Förbundets insatser mäter deltagarnas progression mot arbete med SKAPA.",
    methods: ["bip_skapa"],
    links: [{ kind: "study_visit", title: "Filmat besök hos en handledare", url: "https://example.se/film" }],
  });
  // Says Supported Employment in its text only: a search for IPS finds it through the synonym.
  await publish("varberg", {
    title: "Jobbcoacher i Varberg",
    summary: "Jobbcoacher arbetar enligt Supported Employment med deltagare som vill ha ett arbete.",
  });
});

const query = (q: string | undefined, rest: Partial<CatalogQuery> = {}): CatalogQuery => ({
  q,
  filters: {},
  sort: "relevance",
  ...rest,
});

/** The ids found, as keys of `ids`, sorted; the index and the SQL search must agree on the whole answer. */
async function found(q: CatalogQuery): Promise<string[]> {
  const page = { limit: 50 };
  const fromIndex = await searchCatalog(env.deps, q, page);
  expect(fromIndex).toEqual(await searchCatalogInDatabase(env.deps, q, page));
  const names = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
  return fromIndex.data.map((d) => names[d.id] ?? d.id).sort();
}

describe("the searches that found nothing, or too little", () => {
  it("arbetsträning finds both entries tagged with it, not only the one that says it", async () => {
    // The cause: the search text held title, summary, places and description, never the tags' labels.
    expect(await found(query("arbetsträning"))).toEqual(["halmstad", "umea"]);
  });

  it("långtidssjukskrivna finds the entry whose target group it is", async () => {
    expect(await found(query("långtidssjukskrivna"))).toEqual(["resam"]);
  });

  it("studiebesök finds the entry with a digital study visit", async () => {
    expect(await found(query("studiebesök"))).toEqual(["skapa"]);
  });

  it("IPS finds the tagged entry and, through NNS's synonym, the one that says Supported Employment", async () => {
    expect(await found(query("IPS"))).toEqual(["umea", "varberg"]);
  });

  it("träning finds the compound arbetsträning, in the text and in a tag's label", async () => {
    expect(await found(query("träning"))).toEqual(["halmstad", "umea"]);
    expect(await found(query("träningen"))).toEqual(["halmstad", "umea"]);
  });

  it("ranks an entry that says the word above one only tagged with it", async () => {
    const { data } = await searchCatalog(env.deps, query("arbetsträning"), { limit: 5 });
    expect(data.map((d) => d.id)).toEqual([ids.halmstad, ids.umea]);
  });
});

describe("the link-kind filter", () => {
  it("linkKind=study_visit keeps only entries with a digital study visit, and offers it as a facet", async () => {
    expect(await found(query(undefined, { filters: { linkKind: ["study_visit"] } }))).toEqual(["skapa"]);
    const { facets } = await searchCatalog(env.deps, query(undefined, { sort: "newest" }), { limit: 1 });
    expect(facets.linkKind).toEqual([{ value: "study_visit", label: "Digitalt studiebesök", count: 1 }]);
    expect(await found(query("arbetsträning", { filters: { linkKind: ["evaluation"] } }))).toEqual([]);
  });
});

describe("coherence", () => {
  it("a renamed method label is searchable at once, and the old label no longer finds it", async () => {
    const relabel = (label: string) =>
      env.t.db.ownerSql("update catalog_methods set label_sv = $1 where code = 'work_training'", [label]);
    expect(await found(query("praktikplats"))).toEqual([]);
    await relabel("Arbetsträning på praktikplats");
    try {
      expect(await found(query("praktikplats"))).toEqual(["halmstad", "umea"]);
      await relabel("Praktikplats");
      // Halmstad still says arbetsträning; Umeå only had the label.
      expect(await found(query("arbetsträning"))).toEqual(["halmstad"]);
    } finally {
      await relabel("Arbetsträning");
    }
    expect(await found(query("arbetsträning"))).toEqual(["halmstad", "umea"]);
  });

  it("a target group NNS renames through its service is searchable by the new label at once", async () => {
    const rename = (labelSv: string) =>
      saveTargetGroup(nns.admin, { code: "long_term_sick", labelSv, retired: false });
    expect(await found(query("långvarigt"))).toEqual([]);
    await rename("Långvarigt sjukskrivna");
    try {
      expect(await found(query("långvarigt"))).toEqual(["resam"]);
    } finally {
      await rename("Långtidssjukskrivna");
    }
    expect(await found(query("långtidssjukskrivna"))).toEqual(["resam"]);
  });

  it("a synonym added, changed or removed changes the next search, cached or not", async () => {
    expect(await found(query("jobbcoach"))).toEqual(["varberg"]);
    const synonym = await createSearchSynonym(nns.admin, {
      term: "jobbcoach",
      alternatives: ["språkpraktik"],
    });
    expect(await found(query("jobbcoach"))).toEqual(["umea", "varberg"]);
    await updateSearchSynonym(nns.admin, synonym.id, { term: "jobbcoach", alternatives: ["SKAPA"] });
    expect(await found(query("jobbcoach"))).toEqual(["skapa", "varberg"]);
    await deleteSearchSynonym(nns.admin, synonym.id);
    expect(await found(query("jobbcoach"))).toEqual(["varberg"]);
  });
});

describe("search synonyms, kept by NNS", () => {
  it("lists the seeded IPS synonym", async () => {
    const list = await listSearchSynonyms(nns.admin);
    expect(list).toContainEqual(
      expect.objectContaining({
        term: "IPS",
        alternatives: ["Supported Employment", "Individanpassat stöd till arbete"],
      }),
    );
  });

  it("adds a synonym with its audit entry in the same transaction", async () => {
    const saved = await createSearchSynonym(nns.admin, {
      term: "Arbetsprövning",
      alternatives: ["arbetsträning"],
    });
    await expectAudited(env.deps, {
      organizationId: nns.organization.id,
      action: "catalog.search_synonym_added",
      entityType: "catalog_search_synonym",
      entityId: saved.id,
      actor: nns.admin,
      after: { term: "Arbetsprövning", alternatives: ["arbetsträning"] },
      sameTransactionAs: { table: "catalog_search_synonyms", where: { id: saved.id } },
    });
  });

  it("refuses a förbund's admin, stop words, a repeated term and the term as its own synonym", async () => {
    const tenant = await freshTenant(env.deps);
    const tables = ["catalog_search_synonyms"];
    await expectRefused(
      env.deps,
      () => createSearchSynonym(tenant.admin, { term: "KIA", alternatives: ["kompetens"] }),
      "forbidden",
      tables,
    );
    const refusal = async (input: { term: string; alternatives: string[] }) => {
      const error = await createSearchSynonym(nns.admin, input).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "validation_failed" });
      return (error as { errors: { field: string; rule: string }[] }).errors;
    };
    expect(await refusal({ term: "och", alternatives: ["praktik", "för att"] })).toEqual([
      expect.objectContaining({ field: "body.term", rule: "searchable_words" }),
      expect.objectContaining({ field: "body.alternatives.1", rule: "searchable_words" }),
    ]);
    expect(await refusal({ term: "ips", alternatives: ["IPS-metoden"] })).toEqual([
      expect.objectContaining({ field: "body.term", rule: "unique" }),
    ]);
    expect(await refusal({ term: "Praktik", alternatives: ["praktik"] })).toEqual([
      expect.objectContaining({ field: "body.alternatives.0", rule: "not_the_term" }),
    ]);
  });
});
