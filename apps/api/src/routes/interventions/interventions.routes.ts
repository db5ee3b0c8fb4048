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
  CoOwnerSchema,
  FieldChangeSchema,
  InterventionInputSchema,
  InterventionSchema,
  ResultInputSchema,
  ResultSchema,
  ReturnBodySchema,
  VersionSchema,
  WorkflowBodySchema,
} from "./interventions.schemas.js";

const tags = ["Interventions"];

/** Revisions are stored as PostgreSQL `integer`. */
const Revision = z.coerce.number().int().min(1).max(2_147_483_647);

const InterventionParams = OrgIdParams.extend({
  interventionId: z.uuid().openapi({ param: { name: "interventionId", in: "path" } }),
});

export const createIntervention = defineRoute(
  { kind: "org", permission: "interventions:write" },
  {
    method: "post",
    path: "/orgs/{orgId}/interventions",
    tags,
    summary: "Create an intervention (insats) as a draft",
    request: { params: OrgIdParams, body: jsonBody(InterventionInputSchema) },
    responses: {
      201: jsonResponse(InterventionSchema, "Created (ETag header carries its version)"),
      ...problems(400, 401, 403, 404, 409, 422),
    },
  },
);

export const importInterventions = defineRoute(
  { kind: "org", permission: "interventions:write" },
  {
    method: "post",
    path: "/orgs/{orgId}/interventions/import",
    tags,
    summary:
      "Bulk import from CSV as drafts; if any row fails nothing is written and every problem is listed",
    description:
      "Columns (header row, comma-separated, UTF-8): title, summary, description, orientation, focusArea, targetGroups, targetGroupNote, memberParties, municipalityCodes, startDate, endDate, status, followUpMethod, esfFunded, methods, resultGoalPercent, resultGoalWithinMonths, volumeGoalParticipants, plannedThroughputMonths. Lists are separated by semicolons. Errors name `csv.row<N>.<column>`, the header being row 1. Nothing is imported when the CSV cannot be read (`csv_syntax`), has unknown columns (`known_columns`) or not 1–1000 rows (`row_count`), or a row breaks a rule (`required`, `too_big`, `invalid_value`, `invalid_format`, `invalid_format:date`, `number_range`, or one of creating an intervention: `known_focus_area`, `focus_area_of_orientation`, `known_target_group`, `known_method`, `known_municipality`, `not_before_start`).",
    request: {
      params: OrgIdParams,
      body: jsonBody(
        z
          .object({ csv: z.string().min(1).max(1_000_000) })
          .strict()
          .openapi("InterventionImport"),
      ),
    },
    responses: {
      201: jsonResponse(z.object({ ids: z.array(z.uuid()) }).openapi("InterventionImportResult"), "Imported"),
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
    summary: "The organization's own and co-owned interventions, most recently changed first",
    request: {
      params: OrgIdParams,
      query: PageQuery.extend({ state: z.enum(INTERVENTION_STATES).optional() }),
    },
    responses: {
      200: jsonResponse(pageOf(InterventionSchema, "InterventionPage"), "Interventions"),
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
    summary: "One intervention's working copy",
    request: { params: InterventionParams },
    responses: {
      200: jsonResponse(InterventionSchema, "The intervention (ETag header carries its version)"),
      ...problems(401, 403, 404),
    },
  },
);

export const updateIntervention = defineRoute(
  { kind: "org", permission: "interventions:write" },
  {
    method: "put",
    path: "/orgs/{orgId}/interventions/{interventionId}",
    tags,
    summary: "Save new content as the next revision; a published intervention stays public meanwhile",
    request: { params: InterventionParams, headers: IfMatchHeader, body: jsonBody(InterventionInputSchema) },
    responses: {
      200: jsonResponse(InterventionSchema, "Saved"),
      ...problems(400, 401, 403, 404, 409, 412),
    },
  },
);

const workflowRoute = (
  action: string,
  summary: string,
  body: typeof WorkflowBodySchema | typeof ReturnBodySchema = WorkflowBodySchema,
) =>
  defineRoute(
    { kind: "org", permission: "interventions:write" },
    {
      method: "post",
      path: `/orgs/{orgId}/interventions/{interventionId}/${action}`,
      tags,
      summary,
      request: { params: InterventionParams, headers: IfMatchHeader, body: jsonBody(body) },
      responses: {
        200: jsonResponse(InterventionSchema, "The intervention after the step"),
        ...problems(400, 401, 403, 404, 409, 412),
      },
    },
  );

export const submitIntervention = workflowRoute("submit", "Submit a draft for editorial review");
export const withdrawIntervention = workflowRoute("withdraw", "Withdraw a submission back to draft");
export const publishIntervention = workflowRoute(
  "publish",
  "Publish (NNS editorial team; a förbund's administrators when NNS granted self-publishing)",
);
export const returnIntervention = workflowRoute(
  "return",
  "Return a submission with comments (same roles as publishing); comment is required",
  ReturnBodySchema,
);
export const archiveIntervention = workflowRoute(
  "archive",
  "Archive: removed from the public catalogue, kept as a record",
);

export const previewIntervention = defineRoute(
  { kind: "org", permission: "interventions:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/interventions/{interventionId}/preview",
    tags,
    summary: "The working copy rendered as its public catalogue page would be after publishing",
    description:
      "An HTML page for the admin's preview (it may be framed by the same origin). Built by the same code that writes the public entry on publishing.",
    request: { params: InterventionParams },
    responses: {
      200: { description: "HTML page", content: { "text/html": { schema: z.string() } } },
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
    summary: "Every saved revision, with who wrote it and when, and which were published",
    request: { params: InterventionParams },
    responses: {
      200: jsonResponse(
        z.object({ data: z.array(VersionSchema) }).openapi("InterventionVersionList"),
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
    summary: "Field-level difference between two revisions; by default the latest change",
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
          .openapi("InterventionDiff"),
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
    summary: "Results per reporting period, with derived shares",
    request: { params: InterventionParams },
    responses: {
      200: jsonResponse(
        z.object({ data: z.array(ResultSchema) }).openapi("InterventionResultList"),
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
    summary: "Record or correct one period's results; shares are derived, never sent",
    request: { params: InterventionParams, body: jsonBody(ResultInputSchema) },
    responses: {
      200: jsonResponse(ResultSchema, "The period's results with derived shares"),
      ...problems(400, 401, 403, 404, 409),
    },
  },
);

export const listCoOwners = defineRoute(
  { kind: "org", permission: "interventions:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/interventions/{interventionId}/co-owners",
    tags,
    summary: "Co-owning förbund and open invitations",
    request: { params: InterventionParams },
    responses: {
      200: jsonResponse(z.object({ data: z.array(CoOwnerSchema) }).openapi("CoOwnerList"), "Co-owners"),
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
    summary: "Invite another förbund to co-own (edit) the intervention; it must accept",
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
          .openapi("CoOwnerInvitation"),
      ),
    },
    responses: { 201: jsonResponse(CoOwnerSchema, "Invited"), ...problems(400, 401, 403, 404) },
  },
);

export const removeCoOwner = defineRoute(
  { kind: "org", permission: "interventions:write" },
  {
    method: "delete",
    path: "/orgs/{orgId}/interventions/{interventionId}/co-owners/{coOwnerId}",
    tags,
    summary: "End a co-ownership: the owner removes a co-owner, or a co-owner (coOwnerId = orgId) leaves",
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
    summary: "Accept an invitation to co-own another förbund's intervention (orgId: the invited förbund)",
    request: { params: InterventionParams },
    responses: { 200: jsonResponse(CoOwnerSchema, "Accepted"), ...problems(401, 403, 404) },
  },
);

export const listCoOwnershipInvitations = defineRoute(
  { kind: "org", permission: "interventions:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/co-ownership-invitations",
    tags,
    summary: "Open invitations for this förbund to co-own other förbund's interventions",
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
          .openapi("CoOwnershipInvitationList"),
        "Open invitations",
      ),
      ...problems(401, 403, 404),
    },
  },
);
