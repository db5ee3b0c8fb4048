import { z } from "@hono/zod-openapi";
import { ORIENTATIONS, OUTCOME_CLASSES, VOCABULARY_KINDS } from "@nns/domain";
import { defineRoute } from "../../lib/access.js";
import { jsonBody, jsonResponse, nonBlank, problems, VocabularyCode } from "../../lib/schemas.js";

/** NNS keeps the catalogue's vocabularies (decision 0027); everyone reads them at GET /catalog/vocabularies. */
const tags = ["Interventions"];

const KindParams = z.object({
  kind: z.enum(VOCABULARY_KINDS).openapi({ param: { name: "kind", in: "path" }, example: "methods" }),
});
const TermParams = KindParams.extend({
  code: VocabularyCode.openapi({ param: { name: "code", in: "path" }, example: "suggestopedi" }),
});

const VocabularyTermSchema = z
  .object({
    code: z.string().openapi({ description: "Made from the label when the term was added; never changes" }),
    labelSv: z.string(),
    position: z.number().int().openapi({ description: "Place in the list, from 1" }),
    retired: z.boolean(),
    orientation: z.enum(ORIENTATIONS).optional().openapi({ description: "Focus areas only" }),
    outcomeClass: z.enum(OUTCOME_CLASSES).optional().openapi({ description: "Outcome categories only" }),
  })
  .openapi("VocabularyTerm", {
    example: { code: "suggestopedi", labelSv: "Suggestopedi", position: 7, retired: false },
  });

const RULES =
  "Only NNS admins signed in may call it. A label must be unique in its list (400 `unique_label` on " +
  "`body.labelSv`, compared without case or accents). A new published label reaches the public catalogue " +
  "at once: entries, facets and cached searches show it.";

export const createVocabularyTerm = defineRoute(
  { kind: "nns", permission: "catalog:editorial" },
  {
    method: "post",
    path: "/nns/catalog/vocabularies/{kind}/terms",
    tags,
    operationId: "createVocabularyTerm",
    summary: "Add a term to one of the catalogue's vocabularies",
    description:
      "Adds a focus area, method, outcome category or target group at the end of its list. Its `code` is " +
      "made from the label (lower-case ASCII and `_`, `_2` when taken) and never changes afterwards. A " +
      "focus area needs its `orientation` and an outcome category its `outcomeClass` (positive ones count " +
      "towards the positive share); other lists refuse them (400 `required`, `not_for_vocabulary`). " +
      RULES +
      " Audited in NNS's log as `catalog.vocabulary_term_added`.",
    request: {
      params: KindParams,
      body: jsonBody(
        z
          .object({
            labelSv: nonBlank(2).max(200),
            orientation: z.enum(ORIENTATIONS).optional(),
            outcomeClass: z.enum(OUTCOME_CLASSES).optional(),
          })
          .strict()
          .openapi("VocabularyTermInput", { example: { labelSv: "Suggestopedi" } }),
      ),
    },
    responses: {
      201: jsonResponse(VocabularyTermSchema, "Added"),
      ...problems(400, 401, 403),
    },
  },
);

export const updateVocabularyTerm = defineRoute(
  { kind: "nns", permission: "catalog:editorial" },
  {
    method: "patch",
    path: "/nns/catalog/vocabularies/{kind}/terms/{code}",
    tags,
    operationId: "updateVocabularyTerm",
    summary: "Rename, retire, reinstate or move a vocabulary term",
    description:
      "Changes what is given: `labelSv` renames (the code stays), `retired: true` retires the term " +
      "(existing entries and reports keep it and its label; new content cannot choose it, 400 " +
      "`active_…`), `retired: false` reinstates it, `position` moves it to that place in the list. An " +
      "outcome category's `outcomeClass` may change between negative and neutral, never into or out of " +
      "positive (400 `positive_class_fixed`): that would change every reported positive share. " +
      RULES +
      " Audited in NNS's log as `catalog.vocabulary_term_changed`, `…_retired` or `…_reinstated`.",
    request: {
      params: TermParams,
      body: jsonBody(
        z
          .object({
            labelSv: nonBlank(2).max(200).optional(),
            retired: z.boolean().optional(),
            position: z.number().int().min(1).max(10_000).optional(),
            outcomeClass: z
              .enum(OUTCOME_CLASSES)
              .optional()
              .openapi({
                description:
                  "Outcome categories only (400 `not_for_vocabulary` on other lists); never into or out of " +
                  "positive (400 `positive_class_fixed`)",
              }),
          })
          .strict()
          .openapi("VocabularyTermChanges", { example: { labelSv: "Basal kroppskännedom (BK)" } }),
      ),
    },
    responses: {
      200: jsonResponse(VocabularyTermSchema, "Changed"),
      ...problems(400, 401, 403, 404),
    },
  },
);
