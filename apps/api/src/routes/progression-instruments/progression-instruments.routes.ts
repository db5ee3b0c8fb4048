import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import { IfMatchHeader, jsonBody, jsonResponse, OrgIdParams, problems } from "../../lib/schemas.js";
import {
  DRAFT_VERSION,
  IMPORT_CSV,
  INSTRUMENT,
  MAPPING,
  OWN_INSTRUMENT,
  VERSION,
  VERSION_INPUT,
} from "./progression-instruments.examples.js";
import {
  ChosenVersionsInputSchema,
  ChosenVersionsSchema,
  InstrumentChangesSchema,
  InstrumentInputSchema,
  InstrumentParams,
  InstrumentSchema,
  InterventionParams,
  MappingInputSchema,
  MappingSchema,
  VersionImportJsonSchema,
  VersionInputSchema,
  VersionParams,
  VersionSchema,
} from "./progression-instruments.schemas.js";

const tags = ["Progression"];
const KEEPER =
  "Only the instrument's keeper (NNS for a national one, the förbund for its own) may change it: anyone else gets 403.";

export const listProgressionInstruments = defineRoute(
  { kind: "org", permission: "org:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/progression/instruments",
    tags,
    operationId: "listProgressionInstruments",
    summary: "List progression instruments",
    description:
      "The national instruments NNS keeps (SKAPA among them) and the organization's own, national first, " +
      "then by name, each with its versions (drafts only for the keeper). Another förbund's own " +
      "instruments are never listed. Needs `org:read`.",
    request: { params: OrgIdParams },
    responses: {
      200: jsonResponse(
        z
          .object({ data: z.array(InstrumentSchema) })
          .openapi("ProgressionInstrumentList", { example: { data: [INSTRUMENT, OWN_INSTRUMENT] } }),
        "Instruments",
      ),
      ...problems(401, 403, 404),
    },
  },
);

export const createProgressionInstrument = defineRoute(
  { kind: "org", permission: "instruments:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/progression/instruments",
    tags,
    operationId: "createProgressionInstrument",
    summary: "Create a progression instrument",
    description:
      "An instrument without versions: its items come with the first version (`createProgressionInstrumentVersion` " +
      "or `importProgressionInstrumentVersion`). Created by NNS it is national (every förbund reads it and may " +
      "choose it); created by a förbund it is the förbund's own, invisible to others. Rules: `key` 400 " +
      "`key_format`, 409 `key_taken`. Needs `instruments:manage`. Audited as `progression.instrument_created`.",
    request: { params: OrgIdParams, body: jsonBody(InstrumentInputSchema) },
    responses: {
      201: jsonResponse(InstrumentSchema, "Created (ETag header carries its version)", OWN_INSTRUMENT),
      ...problems(400, 401, 403, 404, 409),
    },
  },
  { etag: true },
);

export const getProgressionInstrument = defineRoute(
  { kind: "org", permission: "org:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/progression/instruments/{instrumentId}",
    tags,
    operationId: "getProgressionInstrument",
    summary: "Get a progression instrument",
    description:
      "A national instrument or the organization's own, with its versions; any other answers 404. The `ETag` " +
      "header carries its version: send it as `If-Match` with a change. Needs `org:read`.",
    request: { params: InstrumentParams },
    responses: {
      200: jsonResponse(InstrumentSchema, "The instrument (ETag header carries its version)"),
      ...problems(401, 403, 404),
    },
  },
  { etag: true },
);

export const updateProgressionInstrument = defineRoute(
  { kind: "org", permission: "instruments:manage" },
  {
    method: "patch",
    path: "/orgs/{orgId}/progression/instruments/{instrumentId}",
    tags,
    operationId: "updateProgressionInstrument",
    summary: "Change a progression instrument",
    description:
      `Name, description, the placeholder mark, and archiving (\`archived\`). ${KEEPER} An archived instrument ` +
      "keeps its versions and measurements but gets no new versions and cannot be chosen for an insats. Send " +
      "the `ETag` as `If-Match`: a change since answers 412. Needs `instruments:manage`. Audited as " +
      "`progression.instrument_updated`.",
    request: { params: InstrumentParams, headers: IfMatchHeader, body: jsonBody(InstrumentChangesSchema) },
    responses: {
      200: jsonResponse(InstrumentSchema, "Changed", {
        ...OWN_INSTRUMENT,
        description: null,
        archivedAt: "2027-01-15T08:30:00.000Z",
        version: 2,
        updatedAt: "2027-01-15T08:30:00.000Z",
      }),
      ...problems(400, 401, 403, 404, 412),
    },
  },
  { etag: true },
);

const DEFINITION_RULES =
  "The definition's rules, each named at its field: `scale_order`, `scale_steps`, `anchor_in_scale`, " +
  "`anchor_unique`, `anchor_ends`, `code_unique`, `question_required`, and the shape's own limits.";

export const createProgressionInstrumentVersion = defineRoute(
  { kind: "org", permission: "instruments:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/progression/instruments/{instrumentId}/versions",
    tags,
    operationId: "createProgressionInstrumentVersion",
    summary: "Add a draft version",
    description:
      `A new draft with the next number. ${DEFINITION_RULES} ${KEEPER} An archived instrument answers 409. ` +
      "Needs `instruments:manage`. Audited as `progression.instrument_version_created`.",
    request: { params: InstrumentParams, body: jsonBody(VersionInputSchema) },
    responses: {
      201: jsonResponse(VersionSchema, "Created (ETag header carries its version)", DRAFT_VERSION),
      ...problems(400, 401, 403, 404, 409),
    },
  },
  { etag: true },
);

export const importProgressionInstrumentVersion = defineRoute(
  { kind: "org", permission: "instruments:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/progression/instruments/{instrumentId}/versions/import",
    tags,
    operationId: "importProgressionInstrumentVersion",
    summary: "Import a draft version from CSV or JSON",
    description:
      "A new draft from a file: how NNS loads the official SKAPA wording (docs/progression-instruments.md). " +
      "`text/csv`: comma or semicolon, UTF-8 with or without BOM, a header row with the columns " +
      "`kod;grupp;etikett;fråga_deltagare;fråga_handledare;min;max;ankare;riktning` (`ankare` as " +
      "`1=Stämmer inte alls|3=Delvis|5=Stämmer helt`, `riktning` `högre_bättre` or `lägre_bättre`), one row " +
      "per item; errors name the row, the header being row 1 (`rows[3].scale.max`), with `csv_syntax`, " +
      "`known_columns`, `required_columns`, `integer`, `anchor_format`, `direction` or a definition rule; the " +
      "change note goes in the `changeNote` query parameter. `application/json`: `{ definition, changeNote? }` " +
      `or bare \`{ items, changeNote? }\`; errors name the body's field. ${DEFINITION_RULES} Nothing is stored ` +
      `unless the whole file is right. ${KEEPER} Needs \`instruments:manage\`. Audited as ` +
      "`progression.instrument_version_created`.",
    request: {
      params: InstrumentParams,
      query: z.object({ changeNote: z.string().max(2000).optional() }),
      body: {
        required: true,
        content: {
          "text/csv": { schema: z.string().openapi({ example: IMPORT_CSV }) },
          "application/json": { schema: VersionImportJsonSchema, example: VERSION_INPUT },
        },
      },
    },
    responses: {
      201: jsonResponse(VersionSchema, "Imported as a draft (ETag header carries its version)", {
        ...DRAFT_VERSION,
        changeNote: null,
      }),
      ...problems(400, 401, 403, 404, 409),
    },
  },
  { etag: true },
);

export const getProgressionInstrumentVersion = defineRoute(
  { kind: "org", permission: "org:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/progression/instruments/{instrumentId}/versions/{versionId}",
    tags,
    operationId: "getProgressionInstrumentVersion",
    summary: "Get an instrument version with its items",
    description:
      "A version with its definition: the items, each respondent's question, the scale and its anchors. " +
      "Drafts are the keeper's only (404 for others). Needs `org:read`.",
    request: { params: VersionParams },
    responses: {
      200: jsonResponse(VersionSchema, "The version (ETag header carries its version)", VERSION),
      ...problems(401, 403, 404),
    },
  },
  { etag: true },
);

const FROZEN =
  "Published and retired versions never change (409): measurements were taken with them; add a new version instead.";

export const updateProgressionInstrumentVersion = defineRoute(
  { kind: "org", permission: "instruments:manage" },
  {
    method: "put",
    path: "/orgs/{orgId}/progression/instruments/{instrumentId}/versions/{versionId}",
    tags,
    operationId: "updateProgressionInstrumentVersion",
    summary: "Replace a draft's items",
    description:
      `Replaces a draft's definition and change note. ${FROZEN} ${DEFINITION_RULES} ${KEEPER} Send the ` +
      "`ETag` as `If-Match`: a change since answers 412. Needs `instruments:manage`. Audited as " +
      "`progression.instrument_version_updated`.",
    request: { params: VersionParams, headers: IfMatchHeader, body: jsonBody(VersionInputSchema) },
    responses: {
      200: jsonResponse(VersionSchema, "Changed", { ...DRAFT_VERSION, version: 2 }),
      ...problems(400, 401, 403, 404, 409, 412),
    },
  },
  { etag: true },
);

export const deleteProgressionInstrumentVersion = defineRoute(
  { kind: "org", permission: "instruments:manage" },
  {
    method: "delete",
    path: "/orgs/{orgId}/progression/instruments/{instrumentId}/versions/{versionId}",
    tags,
    operationId: "deleteProgressionInstrumentVersion",
    summary: "Delete a draft version",
    description:
      `Deletes a draft and the item mappings drawn to or from it. ${FROZEN} ${KEEPER} Send the \`ETag\` as ` +
      "`If-Match`: a change since answers 412. Needs `instruments:manage`. Audited as " +
      "`progression.instrument_version_deleted`.",
    request: { params: VersionParams, headers: IfMatchHeader },
    responses: { 204: { description: "Deleted" }, ...problems(401, 403, 404, 409, 412) },
  },
);

export const publishProgressionInstrumentVersion = defineRoute(
  { kind: "org", permission: "instruments:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/progression/instruments/{instrumentId}/versions/{versionId}/publish",
    tags,
    operationId: "publishProgressionInstrumentVersion",
    summary: "Publish a draft version",
    description:
      "Freezes the draft: from now on förbund may choose it for an insats and measure with it, and it never " +
      `changes again. Already published, or an archived instrument: 409. ${KEEPER} Send the \`ETag\` as ` +
      "`If-Match`: a change since answers 412. Needs `instruments:manage`. Audited as " +
      "`progression.instrument_version_published`.",
    request: { params: VersionParams, headers: IfMatchHeader },
    responses: {
      200: jsonResponse(VersionSchema, "Published", {
        ...DRAFT_VERSION,
        status: "published",
        publishedAt: "2027-02-01T09:00:00.000Z",
        version: 2,
      }),
      ...problems(401, 403, 404, 409, 412),
    },
  },
  { etag: true },
);

export const retireProgressionInstrumentVersion = defineRoute(
  { kind: "org", permission: "instruments:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/progression/instruments/{instrumentId}/versions/{versionId}/retire",
    tags,
    operationId: "retireProgressionInstrumentVersion",
    summary: "Retire a published version",
    description:
      "A retired version keeps its measurements and stays with the insatser that chose it, but cannot be " +
      `chosen anew. Only a published version can be retired (409 otherwise). ${KEEPER} Send the \`ETag\` as ` +
      "`If-Match`: a change since answers 412. Needs `instruments:manage`. Audited as " +
      "`progression.instrument_version_retired`.",
    request: { params: VersionParams, headers: IfMatchHeader },
    responses: {
      200: jsonResponse(VersionSchema, "Retired", { ...VERSION, status: "retired", version: 3 }),
      ...problems(401, 403, 404, 409, 412),
    },
  },
  { etag: true },
);

export const listProgressionItemMappings = defineRoute(
  { kind: "org", permission: "org:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/progression/instruments/{instrumentId}/versions/{versionId}/mappings",
    tags,
    operationId: "listProgressionItemMappings",
    summary: "List the item mappings into a version",
    description:
      "For each older version of the instrument mapped into this one, which of its items answers to which " +
      "item here. A participant's comparison across versions goes only through these; an item without a " +
      "mapping is not compared. Needs `org:read`.",
    request: { params: VersionParams },
    responses: {
      200: jsonResponse(
        z
          .object({ data: z.array(MappingSchema) })
          .openapi("ProgressionItemMappingList", { example: { data: [MAPPING] } }),
        "Mappings, by the older version's number",
      ),
      ...problems(401, 403, 404),
    },
  },
);

export const saveProgressionItemMapping = defineRoute(
  { kind: "org", permission: "instruments:manage" },
  {
    method: "put",
    path: "/orgs/{orgId}/progression/instruments/{instrumentId}/versions/{versionId}/mappings",
    tags,
    operationId: "saveProgressionItemMapping",
    summary: "Set the item mapping from an older version",
    description:
      "Replaces the pairs from `fromVersionId` into this version; no items removes the mapping. Rules: " +
      "`fromVersionId` an older version of the same instrument (400 `same_instrument`, `older_version`); " +
      "each `from` an item code of that version and each `to` one of this (`unknown_item`); an item maps " +
      `at most once (\`duplicate_source\`) and each item here takes at most one (\`duplicate_target\`). ${KEEPER} ` +
      "Needs `instruments:manage`. Audited as `progression.mapping_saved`.",
    request: { params: VersionParams, body: jsonBody(MappingInputSchema) },
    responses: {
      200: jsonResponse(MappingSchema, "The mapping as saved"),
      ...problems(400, 401, 403, 404),
    },
  },
);

export const getInterventionProgressionInstruments = defineRoute(
  { kind: "org", permission: "org:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/interventions/{interventionId}/progression-instruments",
    tags,
    operationId: "getInterventionProgressionInstruments",
    summary: "The instrument versions an insats measures with",
    description:
      "The versions the förbund has chosen for one of its own or co-owned insatser (each co-owner chooses its " +
      "own), by instrument name and version number. Needs `org:read`.",
    request: { params: InterventionParams },
    responses: {
      200: jsonResponse(ChosenVersionsSchema, "The chosen versions"),
      ...problems(401, 403, 404),
    },
  },
);

export const setInterventionProgressionInstruments = defineRoute(
  { kind: "org", permission: "progression:manage" },
  {
    method: "put",
    path: "/orgs/{orgId}/interventions/{interventionId}/progression-instruments",
    tags,
    operationId: "setInterventionProgressionInstruments",
    summary: "Choose the instrument versions an insats measures with",
    description:
      "Replaces the förbund's choice for an insats it owns or co-owns (accepted). A version newly chosen must " +
      "be published, of the förbund's own or a national instrument (400 `published_version`), of an instrument " +
      "not archived (`archived_instrument`), and listed once (`duplicate`); one already chosen may stay after " +
      "it is retired. Measurements already taken stay whatever the choice. Needs `progression:manage`. " +
      "Audited as `progression.intervention_instruments_set`.",
    request: { params: InterventionParams, body: jsonBody(ChosenVersionsInputSchema) },
    responses: {
      200: jsonResponse(ChosenVersionsSchema, "The chosen versions"),
      ...problems(400, 401, 403, 404),
    },
  },
);
