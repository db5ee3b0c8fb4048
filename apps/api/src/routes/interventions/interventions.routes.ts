// Longer than 400 lines: one config per operation of the resource, each with the words integrators read.
import { z } from "@hono/zod-openapi";
import { INTERVENTION_STATES } from "@nns/domain";
import { defineRoute } from "../../lib/access.js";
import {
  IfMatchHeader,
  jsonBody,
  jsonResponse,
  OrgIdParams,
  PageQuery,
  pageOf,
  problems,
  Timestamp,
} from "../../lib/schemas.js";
import {
  CO_OWNER,
  CO_OWNERSHIP_INVITATION,
  DIFF,
  DRAFT_INTERVENTION,
  INTERVENTION,
  PENDING_CO_OWNER,
  RESULT_REPORT,
  VERSION,
} from "./interventions.examples.js";
import {
  CoOwnerSchema,
  FieldChangeSchema,
  InterventionInputSchema,
  InterventionSchema,
  ResultInputSchema,
  ResultReportSchema,
  ReturnBodySchema,
  VersionSchema,
  WorkflowBodySchema,
} from "./interventions.schemas.js";
import { ProjectSchema } from "./interventions-project.schemas.js";

const tags = ["Interventions"];

/** Revisions are stored as PostgreSQL `integer`. */
const Revision = z.coerce.number().int().min(1).max(2_147_483_647);

export const InterventionParams = OrgIdParams.extend({
  interventionId: z.uuid().openapi({ param: { name: "interventionId", in: "path" } }),
});

export const createIntervention = defineRoute(
  { kind: "org", permission: "interventions:write" },
  {
    method: "post",
    path: "/orgs/{orgId}/interventions",
    tags,
    operationId: "createIntervention",
    summary: "Create an intervention",
    description:
      "Creates an intervention (insats) of the organization as a `draft`, revision 1: a förbund's own, or " +
      "a project NNS coordinates nationally. Vocabulary fields (focus area of the chosen orientation, " +
      "target groups, methods) and kommun codes must exist (`GET /catalog/vocabularies`, " +
      "`GET /reference/municipalities`); `endDate` not before `startDate`; `parentId` must be one the " +
      "organization owns or co-owns; a `runningBody` (the member party running a delprojekt) must name " +
      "the code its kind needs. Needs `interventions:write`. The `ETag` header carries its version. " +
      "Audited as `intervention.created`.",
    request: { params: OrgIdParams, body: jsonBody(InterventionInputSchema) },
    responses: {
      201: jsonResponse(InterventionSchema, "Created (ETag header carries its version)", DRAFT_INTERVENTION),
      ...problems(400, 401, 403, 404, 409, 422),
    },
  },
  { etag: true },
);

export const importInterventions = defineRoute(
  { kind: "org", permission: "interventions:write" },
  {
    method: "post",
    path: "/orgs/{orgId}/interventions/import",
    tags,
    operationId: "importInterventions",
    summary: "Import interventions from CSV",
    description:
      "Creates one draft per row, all or nothing: if any row fails, nothing is written and every problem " +
      "is listed. Needs `interventions:write`, in a förbund. " +
      "Columns (header row, comma-separated, UTF-8): title, summary, description, orientation, focusArea, targetGroups, targetGroupNote, memberParties, municipalityCodes, startDate, endDate, status, followUpMethod, esfFunded, methods, resultGoalPercent, resultGoalWithinMonths, volumeGoalParticipants, plannedThroughputMonths. Lists are separated by semicolons. Errors name `csv.row<N>.<column>`, the header being row 1. Nothing is imported when the CSV cannot be read (`csv_syntax`), has unknown columns (`known_columns`) or not 1–1000 rows (`row_count`), or a row breaks a rule (`required`, `too_big`, `invalid_value`, `invalid_format`, `invalid_format:date`, `number_range`, or one of creating an intervention: `known_focus_area`, `focus_area_of_orientation`, `known_target_group`, `known_method`, `known_municipality`, `not_before_start`)." +
      " Audited as `intervention.imported`.",
    request: {
      params: OrgIdParams,
      body: jsonBody(
        z
          .object({ csv: z.string().min(1).max(1_000_000) })
          .strict()
          .openapi("InterventionImport", {
            example: {
              csv:
                "title,summary,description,orientation,focusArea,targetGroups,targetGroupNote,memberParties,municipalityCodes,startDate,endDate,status,followUpMethod,esfFunded,methods,resultGoalPercent,resultGoalWithinMonths,volumeGoalParticipants,plannedThroughputMonths\n" +
                "Unga vuxna i arbete,Stöd till arbete för unga vuxna i Fagersta.,Individuellt stöd med IPS.,individual,vocational_rehabilitation,young_adults,,af;kommun,1904,2026-01-01,,ongoing,SUS,false,supported_employment_ips,40,12,30,6\n",
            },
          }),
      ),
    },
    responses: {
      201: jsonResponse(
        z.object({ ids: z.array(z.uuid()) }).openapi("InterventionImportResult", {
          example: { ids: ["4d9e1e09-8393-4a86-ad9f-c22ca775fff3"] },
        }),
        "Imported",
      ),
      ...problems(400, 401, 403, 404),
    },
  },
);

export const listInterventions = defineRoute(
  { kind: "org", permission: "interventions:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/interventions",
    tags,
    operationId: "listInterventions",
    summary: "List the förbund's interventions",
    description:
      "The working copies of the förbund's own interventions and those it co-owns, most recently changed " +
      "first, optionally in one workflow `state`. Needs `interventions:read`. Paginated with `limit` and " +
      "the opaque `cursor` from the previous page's `nextCursor`. The public catalogue is `searchCatalog`.",
    request: {
      params: OrgIdParams,
      query: PageQuery.extend({ state: z.enum(INTERVENTION_STATES).optional() }),
    },
    responses: {
      200: jsonResponse(pageOf(InterventionSchema, "InterventionPage", INTERVENTION), "Interventions"),
      ...problems(400, 401, 403, 404),
    },
  },
);

export const getIntervention = defineRoute(
  { kind: "org", permission: "interventions:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/interventions/{interventionId}",
    tags,
    operationId: "getIntervention",
    summary: "Get an intervention",
    description:
      "The working copy (latest revision) of an intervention the förbund owns or co-owns, with its workflow " +
      "state and, when returned, the editors' comment. The published revision may be older. The `ETag` " +
      "header carries its version: send it as `If-Match` with any change. Needs `interventions:read`.",
    request: { params: InterventionParams },
    responses: {
      200: jsonResponse(InterventionSchema, "The intervention (ETag header carries its version)"),
      ...problems(401, 403, 404),
    },
  },
  { etag: true },
);

export const updateIntervention = defineRoute(
  { kind: "org", permission: "interventions:write" },
  {
    method: "put",
    path: "/orgs/{orgId}/interventions/{interventionId}",
    tags,
    operationId: "updateIntervention",
    summary: "Save an intervention's content",
    description:
      "Saves the whole content as the next revision (the owner or a co-owner). Editing a published " +
      "intervention starts a draft while the published revision stays in the public catalogue until the " +
      "next is published; a returned one stays returned until resubmitted; a submitted one (withdraw it " +
      "first) or an archived one answers 409. Only the owner may change `parentId`. Same content rules as creating. Send the `ETag` " +
      "as `If-Match`: a change since answers 412. Needs `interventions:write`. Audited as `intervention.edited`.",
    request: { params: InterventionParams, headers: IfMatchHeader, body: jsonBody(InterventionInputSchema) },
    responses: {
      200: jsonResponse(InterventionSchema, "Saved"),
      ...problems(400, 401, 403, 404, 409, 412),
    },
  },
  { etag: true },
);

/** Publishing and returning are editorial judgements made by people; API keys never take them. */
const PEOPLE_ONLY_ACTIONS = new Set(["publish", "return"]);

interface WorkflowDocs {
  operationId: string;
  summary: string;
  description: string;
  /** The return needs a comment; every other step takes an optional one. */
  body?: typeof ReturnBodySchema;
  example: z.input<typeof WorkflowBodySchema>;
  after: z.output<typeof InterventionSchema>;
}

const workflowRoute = (action: string, docs: WorkflowDocs) =>
  defineRoute(
    PEOPLE_ONLY_ACTIONS.has(action)
      ? { kind: "org", permission: "interventions:write", sessionOnly: true }
      : { kind: "org", permission: "interventions:write" },
    {
      method: "post",
      path: `/orgs/{orgId}/interventions/{interventionId}/${action}`,
      tags,
      operationId: docs.operationId,
      summary: docs.summary,
      description: docs.description,
      request: {
        params: InterventionParams,
        headers: IfMatchHeader,
        body: jsonBody(docs.body ?? WorkflowBodySchema, docs.example),
      },
      responses: {
        200: jsonResponse(InterventionSchema, "The intervention after the step", docs.after),
        ...problems(400, 401, 403, 404, 409, 412),
      },
    },
    { etag: true },
  );

/** Every step checks `If-Match` against the version read (412), and is audited as `intervention.<past tense>`. */
const STEP_RULES =
  "Send the `ETag` you read as `If-Match`: a change since answers 412. Needs `interventions:write`.";

const SUBMITTED = {
  ...DRAFT_INTERVENTION,
  state: "submitted",
  version: 2,
  submittedAt: "2026-06-09T10:26:55.000Z",
} as const;

export const submitIntervention = workflowRoute("submit", {
  operationId: "submitIntervention",
  summary: "Submit an intervention for review",
  description:
    "Sends a `draft` or `returned` intervention to NNS's editorial team (409 from any other state); it " +
    `appears in their queue, oldest first. ${STEP_RULES} Audited as \`intervention.submitted\`.`,
  example: { comment: null },
  after: SUBMITTED,
});
export const withdrawIntervention = workflowRoute("withdraw", {
  operationId: "withdrawIntervention",
  summary: "Withdraw an intervention from review",
  description:
    "Takes a `submitted` intervention back to `draft` (409 from any other state), e.g. to change it " +
    `before the editors read it. ${STEP_RULES} Audited as \`intervention.withdrawn\`.`,
  example: { comment: null },
  after: { ...DRAFT_INTERVENTION, version: 3 },
});
export const publishIntervention = workflowRoute("publish", {
  operationId: "publishIntervention",
  summary: "Publish an intervention",
  description:
    "Writes the working copy to the public catalogue, replacing any earlier published revision. For NNS's " +
    "editorial team (`catalog:editorial`), or the owning förbund's administrators where NNS has granted " +
    "self-publishing, who may publish a draft directly; anyone else gets 403. From `submitted` only " +
    "otherwise (409). The author is emailed unless they published it themselves or wrote it with an API " +
    `key. ${STEP_RULES} Audited as \`intervention.published\`.`,
  example: { comment: "Tack! Publicerad i katalogen." },
  after: INTERVENTION,
});
export const returnIntervention = workflowRoute("return", {
  operationId: "returnIntervention",
  summary: "Return an intervention with comments",
  body: ReturnBodySchema,
  description:
    "Sends a `submitted` intervention back to its förbund as `returned`, with a `comment` saying what " +
    "needs to change (400 without). The same people may return as may publish; the author is emailed " +
    `the comment. ${STEP_RULES} Audited as \`intervention.returned\`.`,
  example: { comment: "Lägg till resultatmålet och vem som följer upp." },
  after: {
    ...SUBMITTED,
    state: "returned",
    reviewComment: "Lägg till resultatmålet och vem som följer upp.",
    version: 3,
  },
});
export const archiveIntervention = workflowRoute("archive", {
  operationId: "archiveIntervention",
  summary: "Archive an intervention",
  description:
    "Removes the intervention from the public catalogue at once and keeps it as a record; it can no " +
    "longer be edited. From any state but `archived` (409). Only the owning förbund or NNS's editorial " +
    `team (403 for a co-owner). ${STEP_RULES} Audited as \`intervention.archived\`.`,
  example: { comment: "Insatsen avslutades 2010 och ersattes av Finsam-teamet." },
  after: { ...INTERVENTION, state: "archived", version: 8, updatedAt: "2026-11-24T09:14:50.000Z" },
});

export const previewIntervention = defineRoute(
  { kind: "org", permission: "interventions:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/interventions/{interventionId}/preview",
    tags,
    operationId: "previewIntervention",
    summary: "Preview an intervention's catalogue page",
    description:
      "The working copy rendered as an HTML page, exactly as its public catalogue page would look after " +
      "publishing: it is built by the same code that writes the public entry. Meant for the admin's " +
      "preview, which may frame it from the same origin; marked `noindex`. Needs `interventions:read`.",
    request: { params: InterventionParams },
    responses: {
      200: { description: "HTML page", content: { "text/html": { schema: z.string() } } },
      ...problems(401, 403, 404),
    },
  },
);

export const getInterventionProject = defineRoute(
  { kind: "org", permission: "interventions:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/interventions/{interventionId}/project",
    tags,
    operationId: "getInterventionProject",
    summary: "Get a project's delprojekt and totals",
    description:
      "The delprojekt of an intervention that the organization reaches (its own and co-owned, in any state " +
      "but archived), each with the body that runs it and its place, and their results added up: a " +
      "delprojekt counts the sum of its periods, or its latest period when its periods overlap (reported " +
      "cumulatively). Needs `interventions:read`. The public entry page shows the same for published " +
      "delprojekt.",
    request: { params: InterventionParams },
    responses: {
      200: jsonResponse(ProjectSchema, "The delprojekt and their totals"),
      ...problems(401, 403, 404),
    },
  },
);

export const listVersions = defineRoute(
  { kind: "org", permission: "interventions:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/interventions/{interventionId}/versions",
    tags,
    operationId: "listInterventionVersions",
    summary: "List an intervention's revisions",
    description:
      "Every saved revision, oldest first, with who wrote it (person or API key, and for which förbund), " +
      "when, and when and by whom it was published. Compare two with `diffInterventionVersions`. Needs " +
      "`interventions:read`.",
    request: { params: InterventionParams },
    responses: {
      200: jsonResponse(
        z.object({ data: z.array(VersionSchema) }).openapi("InterventionVersionList", {
          example: {
            data: [
              {
                revision: 2,
                authorLabel: "Karin Helander",
                authorOrganizationId: VERSION.authorOrganizationId,
                createdAt: "2026-05-28T08:37:19.000Z",
                publishedAt: null,
                publishedByLabel: null,
              },
              VERSION,
            ],
          },
        }),
        "Versions",
      ),
      ...problems(401, 403, 404),
    },
  },
);

export const diffVersions = defineRoute(
  { kind: "org", permission: "interventions:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/interventions/{interventionId}/versions/diff",
    tags,
    operationId: "diffInterventionVersions",
    summary: "Compare two revisions",
    description:
      "What changed between revision `from` and revision `to`, field by field: `changed` with before and " +
      "after, `added`, `removed`, or `items` added to and removed from a list. By default the latest " +
      "revision against the one before. A revision that does not exist answers 404 naming the parameter. " +
      "Needs `interventions:read`.",
    request: {
      params: InterventionParams,
      query: z.object({
        from: Revision.optional().openapi({ description: "Default: the revision before to" }),
        to: Revision.optional().openapi({ description: "Default: the latest revision" }),
      }),
    },
    responses: {
      200: jsonResponse(
        z
          .object({ from: z.number().int(), to: z.number().int(), changes: z.array(FieldChangeSchema) })
          .openapi("InterventionDiff", { example: DIFF }),
        "The changes",
      ),
      ...problems(400, 401, 403, 404),
    },
  },
);

export const listResults = defineRoute(
  { kind: "org", permission: "interventions:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/interventions/{interventionId}/results",
    tags,
    operationId: "listInterventionResults",
    summary: "List an intervention's results",
    description:
      "The reports per period with their working figures and review state, oldest first: kind (`interval` " +
      "or `cumulative`), participants by gender and per outcome category with derived shares in percent of " +
      "all participants (one decimal, half away from zero, so they need not sum to 100), budget lines, " +
      "sub-outcomes, people assessed but not enrolled, the participant survey and the socio-economic " +
      "evaluation. A `submitted` report is not public yet. Needs `interventions:read`.",
    request: { params: InterventionParams },
    responses: {
      200: jsonResponse(
        z
          .object({ data: z.array(ResultReportSchema) })
          .openapi("InterventionResultList", { example: { data: [RESULT_REPORT] } }),
        "Results",
      ),
      ...problems(401, 403, 404),
    },
  },
);

export const recordResults = defineRoute(
  { kind: "org", permission: "interventions:write" },
  {
    method: "put",
    path: "/orgs/{orgId}/interventions/{interventionId}/results",
    tags,
    operationId: "putInterventionResults",
    summary: "Record a period's results",
    description:
      "Records the report of one reporting period, or corrects it when the same period is sent again. " +
      "Send counts only: shares are derived on reading. With budget lines, cost and budget are their sums. " +
      "Errors name the field and rule (400): unknown outcome codes, outcomes above the participants, " +
      "sub-outcomes above their category, a period ending before it starts. Who may publish the entry " +
      "(NNS's editors, a self-publishing förbund's administrators) publishes the report at once; anyone " +
      "else submits it (`state: submitted`) and the public keeps the figures last published until NNS " +
      "publishes it with `publishInterventionResults`. Needs `interventions:write`. Audited as " +
      "`intervention.results_recorded`.",
    request: { params: InterventionParams, body: jsonBody(ResultInputSchema) },
    responses: {
      200: jsonResponse(ResultReportSchema, "The report with derived shares and its review state"),
      ...problems(400, 401, 403, 404, 409),
    },
  },
);

export const publishResults = defineRoute(
  // Publishing is a person's decision, as for the entry: never an API key's.
  { kind: "org", permission: "interventions:write", sessionOnly: true },
  {
    method: "post",
    path: "/orgs/{orgId}/interventions/{interventionId}/results/{resultId}/publish",
    tags,
    operationId: "publishInterventionResults",
    summary: "Publish a submitted result report",
    description:
      "NNS's editorial team (or a self-publishing förbund's administrator, as for the entry) publishes a " +
      "submitted report: a published entry shows its figures from then on. Others get 403; a report " +
      "already published 409. Needs `interventions:write` and a signed-in person (no API keys). Audited as " +
      "`intervention.results_published`.",
    request: {
      params: InterventionParams.extend({
        resultId: z.uuid().openapi({ param: { name: "resultId", in: "path" } }),
      }),
    },
    responses: {
      200: jsonResponse(ResultReportSchema, "The published report"),
      ...problems(401, 403, 404, 409),
    },
  },
);

export const listCoOwners = defineRoute(
  { kind: "org", permission: "interventions:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/interventions/{interventionId}/co-owners",
    tags,
    operationId: "listInterventionCoOwners",
    summary: "List an intervention's co-owners",
    description:
      "The förbund that co-own the intervention (`acceptedAt` set) and those invited but not yet accepted. " +
      "Needs `interventions:read`.",
    request: { params: InterventionParams },
    responses: {
      200: jsonResponse(
        z
          .object({ data: z.array(CoOwnerSchema) })
          .openapi("CoOwnerList", { example: { data: [CO_OWNER, PENDING_CO_OWNER] } }),
        "Co-owners",
      ),
      ...problems(401, 403, 404),
    },
  },
);

export const inviteCoOwner = defineRoute(
  { kind: "org", permission: "interventions:write" },
  {
    method: "post",
    path: "/orgs/{orgId}/interventions/{interventionId}/co-owners",
    tags,
    operationId: "createInterventionCoOwner",
    summary: "Invite a förbund to co-own an intervention",
    description:
      "The owning förbund (403 otherwise) invites another förbund (400 for itself or NNS) to co-own the " +
      "intervention: once it accepts, it reads and edits it, and the published entry names it. Inviting " +
      "again after a removal starts a fresh invitation. Needs `interventions:write`. Audited as " +
      "`intervention.co_owner_invited`.",
    request: {
      params: InterventionParams,
      body: jsonBody(
        z
          .object({
            organizationId: z
              .uuid()
              .openapi({ description: "Another samordningsförbund than the owner (400 `other_forbund`)" }),
          })
          .strict()
          .openapi("CoOwnerInvitation", { example: { organizationId: PENDING_CO_OWNER.organizationId } }),
      ),
    },
    responses: {
      201: jsonResponse(CoOwnerSchema, "Invited", PENDING_CO_OWNER),
      ...problems(400, 401, 403, 404),
    },
  },
);

export const removeCoOwner = defineRoute(
  { kind: "org", permission: "interventions:write" },
  {
    method: "delete",
    path: "/orgs/{orgId}/interventions/{interventionId}/co-owners/{coOwnerId}",
    tags,
    operationId: "removeInterventionCoOwner",
    summary: "End a co-ownership",
    description:
      "The owning förbund removes a co-owner or withdraws an invitation, or a co-owner leaves by giving its " +
      "own id as `coOwnerId` (403 for anyone else). The share is revoked, not deleted, so who could edit " +
      "when stays on record; the published entry stops naming the förbund. Needs `interventions:write`. " +
      "Audited as `intervention.co_owner_removed` or `intervention.co_ownership_left`.",
    request: {
      params: InterventionParams.extend({
        coOwnerId: z
          .uuid()
          .openapi({ param: { name: "coOwnerId", in: "path" }, description: "The co-owning förbund" }),
      }),
    },
    responses: { 204: { description: "Removed" }, ...problems(401, 403, 404) },
  },
);

export const acceptCoOwnership = defineRoute(
  { kind: "org", permission: "interventions:write" },
  {
    method: "post",
    path: "/orgs/{orgId}/interventions/{interventionId}/co-ownership/accept",
    tags,
    operationId: "acceptInterventionCoOwnership",
    summary: "Accept an invitation to co-own an intervention",
    description:
      "`orgId` is the invited förbund. From now on it reads and edits the intervention, and the published " +
      "entry names it. Without an open invitation, 404. Needs `interventions:write`. Audited as " +
      "`intervention.co_ownership_accepted`.",
    request: { params: InterventionParams },
    responses: {
      200: jsonResponse(CoOwnerSchema, "Accepted", {
        ...PENDING_CO_OWNER,
        acceptedAt: "2026-11-21T08:16:03.000Z",
      }),
      ...problems(401, 403, 404),
    },
  },
);

export const listCoOwnershipInvitations = defineRoute(
  { kind: "org", permission: "interventions:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/co-ownership-invitations",
    tags,
    operationId: "listCoOwnershipInvitations",
    summary: "List invitations to co-own interventions",
    description:
      "Open invitations for this förbund to co-own other förbund's interventions, with the owner and the " +
      "published title (null if never published). Accept one with `acceptInterventionCoOwnership`. Needs " +
      "`interventions:read`.",
    request: { params: OrgIdParams },
    responses: {
      200: jsonResponse(
        z
          .object({
            data: z.array(
              z.object({
                interventionId: z.uuid(),
                ownerOrganizationId: z.uuid(),
                ownerOrganizationName: z.string(),
                publishedTitle: z.string().nullable(),
                invitedAt: Timestamp,
              }),
            ),
          })
          .openapi("CoOwnershipInvitationList", { example: { data: [CO_OWNERSHIP_INVITATION] } }),
        "Open invitations",
      ),
      ...problems(401, 403, 404),
    },
  },
);
