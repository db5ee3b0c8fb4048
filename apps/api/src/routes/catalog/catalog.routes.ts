import { z } from "@hono/zod-openapi";
import { INTERVENTION_STATUSES } from "@nns/domain";
import { defineRoute } from "../../lib/access.js";
import { CalendarDate, Cursor, jsonResponse, problems } from "../../lib/schemas.js";
import { ResultSchema } from "../interventions/interventions.schemas.js";
import {
  CATALOG_ENTRY,
  CATALOG_ENTRY_WITH_RELATED,
  CATALOG_SEARCH_RESULT,
  CATALOG_SUMMARY,
  CATALOG_VOCABULARIES,
} from "./catalog.examples.js";

/** Every catalogue operation is public and rate-limited alike (see app.ts). */
const PUBLIC_AND_LIMITED =
  "Public, no credentials needed; the answer is the same for everyone and may be cached. Rate-limited " +
  "per minute: 600 requests per client address without credentials, 6000 per API key or person (429 " +
  "with `Retry-After`).";

const tags = ["Catalogue (public)"];

/** A comma-separated list of values of one shape, e.g. `county=13,22`. */
const list = (item: string, description: string) =>
  z
    .string()
    .max(2000)
    .regex(new RegExp(`^${item}(,${item})*$`), `comma-separated ${description}`)
    .optional()
    .openapi({ description: `Comma-separated ${description}; any of them matches` });

const CODE = "[a-z0-9_]+";
const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

/**
 * The search's parameters. Every query built from it is strict: a parameter the search does not know
 * (a misspelt filter) answers 400 naming it, rather than being ignored and widening the search.
 */
export const CatalogFilterQuery = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .openapi({
      description:
        "Swedish full-text search (stemmed): title weighs more than summary and the labels of the entry's " +
        "target groups, methods and link kinds, which weigh more than description; a compound is found by " +
        "its last part (träning finds arbetsträning), and NNS's synonyms widen a word (IPS also finds " +
        "Supported Employment)",
      example: "ungdomar",
    }),
  county: list("\\d{2}", "SCB länskoder"),
  municipality: list("\\d{4}", "SCB kommunkoder"),
  targetGroup: list(CODE, "target-group codes"),
  orientation: list("(individual|structural)", "orientations (individual, structural)"),
  status: list(`(${INTERVENTION_STATUSES.join("|")})`, "statuses"),
  method: list(CODE, "method codes"),
  organization: list(UUID, "förbund ids (owner or co-owner)"),
  memberParty: list("(fk|af|region|kommun)", "member-party kinds"),
  linkKind: list(
    "(evaluation|study_visit|other)",
    "link kinds (evaluation, study_visit for a digital study visit, other)",
  ),
  from: CalendarDate.optional().openapi({ description: "Period overlap: running on or after this date" }),
  to: CalendarDate.optional().openapi({ description: "Period overlap: running on or before this date" }),
  sort: z.enum(["relevance", "newest", "start"]).default("relevance").openapi({
    description: "relevance (needs q, otherwise newest), newest first published, or latest start date",
  }),
});

const SummarySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    summary: z.string(),
    organization: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }).nullable(),
    orientation: z.string(),
    status: z.string(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
    targetGroups: z.array(z.object({ code: z.string(), label: z.string() })),
    firstPublishedAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("CatalogSummary", { example: CATALOG_SUMMARY });

const FacetListSchema = z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() }));

export const searchCatalog = defineRoute(
  { kind: "public", cacheable: true },
  {
    method: "get",
    path: "/catalog/interventions",
    tags,
    operationId: "searchCatalogInterventions",
    summary: "Search the public catalogue",
    description:
      "Searches published interventions (insatser) of every förbund: Swedish full-text `q` (stemmed; title " +
      "weighs most) and filters, each a comma-separated list where any value matches, combined with AND " +
      "across filters; `from`/`to` match running periods that overlap. Answers the page of matches, their " +
      "`total`, and facet counts over all matches for narrowing. Paginated with `limit` (up to 100) and " +
      "`cursor`. A query parameter the search does not know answers 400 (`unrecognized_keys`, naming it in " +
      "`errors[].field`). " +
      PUBLIC_AND_LIMITED,
    request: {
      query: CatalogFilterQuery.extend({
        cursor: Cursor.optional(),
        limit: z.coerce.number().int().min(1).max(100).default(20),
      }).strict(),
    },
    responses: {
      200: jsonResponse(
        z
          .object({
            data: z.array(SummarySchema),
            nextCursor: z.string().nullable(),
            total: z.number().int(),
            facets: z.object({
              county: FacetListSchema,
              municipality: FacetListSchema,
              targetGroup: FacetListSchema,
              orientation: FacetListSchema,
              status: FacetListSchema,
              method: FacetListSchema,
              organization: FacetListSchema,
              memberParty: FacetListSchema,
              linkKind: FacetListSchema,
            }),
          })
          .openapi("CatalogSearchResult", { example: CATALOG_SEARCH_RESULT }),
        "Matches",
      ),
      ...problems(400),
    },
  },
);

const EntrySchema = z
  .object({
    document: z.record(z.string(), z.unknown()).openapi({ description: "The published content" }),
    results: z.array(ResultSchema),
    firstPublishedAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("CatalogEntry", { example: CATALOG_ENTRY });

export const getCatalogEntry = defineRoute(
  { kind: "public", cacheable: true },
  {
    method: "get",
    path: "/catalog/interventions/{interventionId}",
    tags,
    operationId: "getCatalogIntervention",
    summary: "Get a published intervention",
    description:
      "The published revision of an intervention: its content with vocabulary codes labelled in Swedish, " +
      "the area with its län, owner and co-owners, the reported results with derived shares, and the " +
      "published project it is a delprojekt of and its own published delprojekt. An intervention that is " +
      "not published, or archived, answers 404. " +
      PUBLIC_AND_LIMITED,
    request: {
      params: z.object({
        interventionId: z.uuid().openapi({ param: { name: "interventionId", in: "path" } }),
      }),
    },
    responses: {
      200: jsonResponse(
        EntrySchema.extend({
          related: z.object({
            parent: z.object({ id: z.uuid(), title: z.string() }).nullable(),
            parts: z.array(z.object({ id: z.uuid(), title: z.string() })),
          }),
        }).openapi("CatalogEntryWithRelated", { example: CATALOG_ENTRY_WITH_RELATED }),
        "The entry, with the project it is part of and its delprojekt",
      ),
      ...problems(400, 404),
    },
  },
);

export const exportCatalog = defineRoute(
  { kind: "public", cacheable: true },
  {
    method: "get",
    path: "/catalog/export",
    tags,
    operationId: "exportCatalogInterventions",
    summary: "Export the catalogue",
    description:
      "Every match of a search (the same filters as `searchCatalogInterventions`, up to 10 000 entries) " +
      "as CSV (UTF-8, comma-separated, a header row; the default, downloaded as `insatskatalog.csv`) or, " +
      "with `format=json`, as full entries with their results. " +
      PUBLIC_AND_LIMITED,
    request: {
      query: CatalogFilterQuery.extend({ format: z.enum(["csv", "json"]).default("csv") }).strict(),
    },
    responses: {
      200: {
        description: "The export",
        content: {
          "text/csv": { schema: z.string() },
          "application/json": {
            schema: z.object({ data: z.array(EntrySchema) }),
            example: { data: [CATALOG_ENTRY] },
          },
        },
      },
      ...problems(400),
    },
  },
);

export const catalogFeed = defineRoute(
  { kind: "public", cacheable: true },
  {
    method: "get",
    path: "/catalog/feed",
    tags,
    operationId: "getCatalogFeed",
    summary: "Follow new and updated entries",
    description:
      "An Atom 1.0 feed of the 50 most recently published or updated entries, newest first, linking to " +
      "their public pages: subscribe to follow the catalogue. " +
      PUBLIC_AND_LIMITED,
    responses: {
      200: { description: "Atom 1.0", content: { "application/atom+xml": { schema: z.string() } } },
    },
  },
);

const termFields = {
  code: z.string().openapi({ description: "Never changes, whatever the label becomes" }),
  labelSv: z.string(),
  position: z.number().int().openapi({ description: "Place in the list; lists come in this order" }),
  retired: z.boolean().openapi({
    description:
      "Retired terms (only with `includeRetired=true`) stay valid where already used but cannot be chosen for new content",
  }),
};

export const catalogVocabularies = defineRoute(
  { kind: "public", cacheable: true },
  {
    method: "get",
    path: "/catalog/vocabularies",
    tags,
    operationId: "listCatalogVocabularies",
    summary: "List the catalogue's vocabularies",
    description:
      "The controlled vocabularies an intervention's content uses, which NNS keeps: focus areas per orientation, " +
      "target groups, methods, and the outcome categories of reported results, each with its code, Swedish " +
      "label and place in the list, in order. An outcome category's `outcomeClass` is positive, negative or " +
      "neutral; the positive ones (`positive: true`) count towards the positive share. Retired terms are " +
      "left out unless `includeRetired=true`, which adds them marked `retired` so labels of older content " +
      "and reports can be shown. " +
      PUBLIC_AND_LIMITED,
    request: {
      query: z.object({
        includeRetired: z.enum(["true", "false"]).optional().openapi({
          description: "`true` adds the retired terms, marked `retired: true`",
        }),
      }),
    },
    responses: {
      200: jsonResponse(
        z
          .object({
            focusAreas: z.array(
              z.object({ ...termFields, orientation: z.enum(["individual", "structural"]) }),
            ),
            targetGroups: z.array(z.object(termFields)),
            methods: z.array(z.object(termFields)),
            outcomeCategories: z.array(
              z.object({
                ...termFields,
                outcomeClass: z.enum(["positive", "negative", "neutral"]),
                positive: z.boolean().openapi({ description: "The class is positive" }),
              }),
            ),
          })
          .openapi("CatalogVocabularies", { example: CATALOG_VOCABULARIES }),
        "Vocabularies",
      ),
      ...problems(400),
    },
  },
);
