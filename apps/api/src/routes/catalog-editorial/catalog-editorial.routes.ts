import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import { example, NORRA_VASTMANLAND } from "../../lib/examples.js";
import {
  jsonBody,
  jsonResponse,
  nonBlank,
  OrgIdParams,
  PageQuery,
  pageOf,
  problems,
  Timestamp,
} from "../../lib/schemas.js";
import { INTERVENTION } from "../interventions/interventions.examples.js";
import { InterventionParams } from "../interventions/interventions.routes.js";
import { InterventionSchema } from "../interventions/interventions.schemas.js";

/** The NNS editorial team's side of the catalogue: self-publishing, the review queue, the vocabularies. */
const tags = ["Interventions"];

const SelfPublishingSchema = z
  .object({ selfPublishing: z.boolean() })
  .openapi("SelfPublishing", { example: { selfPublishing: true } });

export const getSelfPublishing = defineRoute(
  { kind: "org", permission: "interventions:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/catalog-settings",
    tags,
    operationId: "getSelfPublishing",
    summary: "Get whether a förbund may publish itself",
    description:
      "Whether NNS has granted this förbund self-publishing: its administrators then publish and return " +
      "its own interventions without NNS's editorial review. Needs `interventions:read`.",
    request: { params: OrgIdParams },
    responses: { 200: jsonResponse(SelfPublishingSchema, "Settings"), ...problems(401, 403, 404) },
  },
);

export const setSelfPublishing = defineRoute(
  { kind: "org", permission: "catalog:editorial" },
  {
    method: "put",
    path: "/orgs/{orgId}/catalog-settings",
    tags,
    operationId: "updateSelfPublishing",
    summary: "Grant or withdraw self-publishing",
    description:
      "NNS's editorial team (`catalog:editorial`) grants a förbund the right to publish its own " +
      "interventions, or withdraws it; entries already published stay published. Only a förbund can hold " +
      "it (422 for NNS). Audited as `catalog.self_publishing_granted` or " +
      "`catalog.self_publishing_withdrawn`.",
    request: { params: OrgIdParams, body: jsonBody(SelfPublishingSchema) },
    responses: { 200: jsonResponse(SelfPublishingSchema, "Saved"), ...problems(400, 401, 403, 404, 422) },
  },
);

const QUEUE_ITEM = example({
  ...INTERVENTION,
  organizationId: NORRA_VASTMANLAND.id,
  organizationName: NORRA_VASTMANLAND.name,
  state: "submitted",
  revision: 2,
  publishedRevision: null,
  version: 3,
  updatedAt: "2026-11-19T15:44:02.000Z",
  submittedAt: "2026-11-19T15:44:02.000Z",
});

/** A submitted intervention with the name of its förbund; its own example, as it has a field more. */
const QueueItemSchema = InterventionSchema.extend({ organizationName: z.string() }).openapi({
  example: QUEUE_ITEM,
});

export const editorialQueue = defineRoute(
  { kind: "nns", permission: "catalog:editorial" },
  {
    method: "get",
    path: "/nns/catalog/queue",
    tags,
    operationId: "listEditorialQueue",
    summary: "List interventions waiting for review",
    description:
      "The submitted interventions of every förbund, oldest first, with the förbund's name: the NNS " +
      "editorial team's work queue. Publish or return each with `publishIntervention` or " +
      "`returnIntervention` in its förbund's path. For NNS admins signed in. Paginated with `limit` and " +
      "`cursor`.",
    request: { query: PageQuery },
    responses: {
      200: jsonResponse(pageOf(QueueItemSchema, "EditorialQueuePage", QUEUE_ITEM), "The queue"),
      ...problems(400, 401, 403),
    },
  },
);

const RESULT_QUEUE_ITEM = {
  id: "6c0f2f4e-3b1d-4a57-9d0e-2f7b8a1c5e90",
  interventionId: INTERVENTION.id,
  organizationId: NORRA_VASTMANLAND.id,
  organizationName: NORRA_VASTMANLAND.name,
  interventionTitle: INTERVENTION.content.title,
  kind: "cumulative" as const,
  periodStart: "2007-09-01",
  periodEnd: "2010-12-31",
  submittedAt: "2026-11-20T08:31:15.000Z",
};

const ResultQueueItemSchema = z
  .object({
    id: z.uuid().openapi({ description: "The report (resultId)" }),
    interventionId: z.uuid(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    interventionTitle: z.string().nullable().openapi({
      description: "The entry's title in the public catalogue; null for an entry not in it",
    }),
    kind: z.enum(["interval", "cumulative"]),
    periodStart: z.string(),
    periodEnd: z.string(),
    submittedAt: Timestamp,
  })
  .openapi("ResultQueueItem", { example: RESULT_QUEUE_ITEM });

export const resultQueue = defineRoute(
  { kind: "nns", permission: "catalog:editorial" },
  {
    method: "get",
    path: "/nns/catalog/result-queue",
    tags,
    operationId: "listResultReviewQueue",
    summary: "List result reports waiting for review",
    description:
      "The submitted result reports of every förbund that does not self-publish, oldest first, with the " +
      "förbund's name and the entry's public title. Publish each with `publishInterventionResults` in its " +
      "förbund's path. For NNS admins signed in. Paginated with `limit` and `cursor`.",
    request: { query: PageQuery },
    responses: {
      200: jsonResponse(pageOf(ResultQueueItemSchema, "ResultQueuePage", RESULT_QUEUE_ITEM), "The queue"),
      ...problems(400, 401, 403),
    },
  },
);

const SubmissionSchema = z
  .object({
    organizationName: z.string().openapi({ description: "The owning förbund" }),
    submittedAt: Timestamp.nullable().openapi({ description: "Null unless the entry waits for review" }),
    submittedBy: z.string().nullable().openapi({
      description:
        "The name of the person who submitted it (an API key's name if a key did); null if unknown",
    }),
    comment: z.string().nullable().openapi({ description: "What the submitter wrote to the editors" }),
  })
  .openapi("InterventionSubmission", {
    example: {
      organizationName: NORRA_VASTMANLAND.name,
      submittedAt: "2026-11-19T15:44:02.000Z",
      submittedBy: "Karin Helander",
      comment: "Resultaten för 2011 är nu med.",
    },
  });

export const getSubmission = defineRoute(
  { kind: "org", permission: "catalog:editorial" },
  {
    method: "get",
    path: "/orgs/{orgId}/interventions/{interventionId}/submission",
    tags,
    operationId: "getInterventionSubmission",
    summary: "Get who submitted an intervention for review, and their comment",
    description:
      "For NNS's editorial team (`catalog:editorial`) reviewing an entry: the owning förbund's name, " +
      "when the entry was submitted, by whom and with what comment to the editors (from the latest " +
      "`intervention.submitted` in the förbund's audit log). Compare with the published revision with " +
      "`diffInterventionVersions`, then `publishIntervention` or `returnIntervention`.",
    request: { params: InterventionParams },
    responses: { 200: jsonResponse(SubmissionSchema, "The submission"), ...problems(401, 403, 404) },
  },
);

export const saveTargetGroup = defineRoute(
  { kind: "nns", permission: "catalog:editorial" },
  {
    method: "put",
    path: "/nns/catalog/target-groups/{code}",
    tags,
    operationId: "putTargetGroup",
    summary: "Add, rename or retire a target group",
    description:
      "Target groups are a national vocabulary that NNS maintains: this adds the group with this code or " +
      "changes its Swedish label. A group is retired (`retired: true`) rather than deleted, so entries " +
      "that use it keep their meaning; retired groups are no longer offered for new content. For NNS " +
      "admins signed in. Audited in NNS's log as `catalog.target_group_added` or " +
      "`catalog.target_group_changed`.",
    request: {
      params: z.object({
        code: z
          .string()
          .regex(/^[a-z0-9_]+$/, "lower-case letters, digits and _")
          .max(60)
          .openapi({ param: { name: "code", in: "path" } }),
      }),
      body: jsonBody(
        z
          .object({ labelSv: nonBlank(2).max(200), retired: z.boolean().default(false) })
          .strict()
          .openapi("TargetGroupInput", { example: { labelSv: "Unga vuxna 16–29 år", retired: false } }),
      ),
    },
    responses: {
      200: jsonResponse(
        z.object({ code: z.string(), labelSv: z.string(), retired: z.boolean() }).openapi("TargetGroup", {
          example: { code: "young_adults", labelSv: "Unga vuxna 16–29 år", retired: false },
        }),
        "Saved",
      ),
      ...problems(400, 401, 403),
    },
  },
);
