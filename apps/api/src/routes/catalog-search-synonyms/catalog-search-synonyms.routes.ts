import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import { jsonBody, jsonResponse, nonBlank, problems, Timestamp } from "../../lib/schemas.js";

/** The synonyms NNS keeps for the public catalogue search (decision 0022). */
const tags = ["Interventions"];

const EXAMPLE = {
  id: "5b0f3c52-8a7e-4d8e-9a51-2f4c6e1d7a90",
  term: "IPS",
  alternatives: ["Supported Employment", "Individanpassat stöd till arbete"],
  updatedAt: "2026-11-20T10:14:31.000Z",
};

const SynonymSchema = z
  .object({
    id: z.uuid(),
    term: z.string().openapi({ description: "What people search for" }),
    alternatives: z
      .array(z.string())
      .openapi({ description: "Words and phrases a search for the term also finds" }),
    updatedAt: Timestamp,
  })
  .openapi("SearchSynonym", { example: EXAMPLE });

const SynonymInput = z
  .object({
    term: nonBlank(1).max(100),
    alternatives: z.array(nonBlank(1).max(100)).min(1).max(10),
  })
  .strict()
  .openapi("SearchSynonymInput", {
    example: { term: EXAMPLE.term, alternatives: EXAMPLE.alternatives },
  });

const SynonymParams = z.object({
  synonymId: z.uuid().openapi({ param: { name: "synonymId", in: "path" } }),
});

const RULES =
  "The term and each alternative must hold a searchable word (not only stop words such as och), an " +
  "alternative cannot be the term itself, and a term has one row (case aside): 400 naming the field " +
  "(`searchable_words`, `not_the_term`, `unique`). The change reaches every search at once: cached " +
  "answers are recomputed.";

export const listSearchSynonyms = defineRoute(
  { kind: "nns", permission: "catalog:editorial" },
  {
    method: "get",
    path: "/nns/catalog/search-synonyms",
    tags,
    operationId: "listSearchSynonyms",
    summary: "List the catalogue search's synonyms",
    description:
      "Every synonym of the public catalogue search, by term in Swedish order: a search for the term " +
      "also finds entries with any of its alternatives (IPS finds Supported Employment). One-way: add " +
      "the other direction as its own synonym. For NNS admins signed in.",
    responses: {
      200: jsonResponse(z.object({ data: z.array(SynonymSchema) }), "The synonyms", { data: [EXAMPLE] }),
      ...problems(401, 403),
    },
  },
);

export const createSearchSynonym = defineRoute(
  { kind: "nns", permission: "catalog:editorial" },
  {
    method: "post",
    path: "/nns/catalog/search-synonyms",
    tags,
    operationId: "createSearchSynonym",
    summary: "Add a synonym to the catalogue search",
    description: `Adds a term and the words a search for it also finds. ${RULES} For NNS admins signed in. Audited in NNS's log as \`catalog.search_synonym_added\`.`,
    request: { body: jsonBody(SynonymInput) },
    responses: { 201: jsonResponse(SynonymSchema, "Added"), ...problems(400, 401, 403) },
  },
);

export const updateSearchSynonym = defineRoute(
  { kind: "nns", permission: "catalog:editorial" },
  {
    method: "put",
    path: "/nns/catalog/search-synonyms/{synonymId}",
    tags,
    operationId: "updateSearchSynonym",
    summary: "Change a synonym of the catalogue search",
    description: `Replaces a synonym's term and alternatives. ${RULES} For NNS admins signed in. Audited in NNS's log as \`catalog.search_synonym_changed\`.`,
    request: { params: SynonymParams, body: jsonBody(SynonymInput) },
    responses: { 200: jsonResponse(SynonymSchema, "Saved"), ...problems(400, 401, 403, 404) },
  },
);

export const deleteSearchSynonym = defineRoute(
  { kind: "nns", permission: "catalog:editorial" },
  {
    method: "delete",
    path: "/nns/catalog/search-synonyms/{synonymId}",
    tags,
    operationId: "deleteSearchSynonym",
    summary: "Remove a synonym from the catalogue search",
    description:
      "Removes a synonym: searches for its term find only the term again. The audit entry " +
      "(`catalog.search_synonym_removed`, in NNS's log) keeps what it was. For NNS admins signed in.",
    request: { params: SynonymParams },
    responses: { 204: { description: "Removed" }, ...problems(401, 403, 404) },
  },
);
