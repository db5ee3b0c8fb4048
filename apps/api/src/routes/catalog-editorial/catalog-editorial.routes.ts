import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import {
  jsonBody,
  jsonResponse,
  nonBlank,
  OrgIdParams,
  PageQuery,
  pageOf,
  problems,
} from "../../lib/schemas.js";
import { InterventionSchema } from "../interventions/interventions.schemas.js";

/** The NNS editorial team's side of the catalogue: self-publishing, the review queue, the vocabularies. */
const tags = ["Interventions"];

const SelfPublishingSchema = z.object({ selfPublishing: z.boolean() }).openapi("SelfPublishing");

export const getSelfPublishing = defineRoute(
  { kind: "org", permission: "interventions:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/catalog-settings",
    tags,
    summary: "Whether NNS has granted this förbund self-publishing",
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
    summary: "Grant or withdraw self-publishing for a förbund (NNS editorial team)",
    request: { params: OrgIdParams, body: jsonBody(SelfPublishingSchema) },
    responses: { 200: jsonResponse(SelfPublishingSchema, "Saved"), ...problems(400, 401, 403, 404, 422) },
  },
);

export const editorialQueue = defineRoute(
  { kind: "nns", permission: "catalog:editorial" },
  {
    method: "get",
    path: "/nns/catalog/queue",
    tags,
    summary: "Submitted interventions of every förbund, oldest first (NNS editorial team)",
    request: { query: PageQuery },
    responses: {
      200: jsonResponse(
        pageOf(InterventionSchema.extend({ organizationName: z.string() }), "EditorialQueuePage"),
        "The queue",
      ),
      ...problems(400, 401, 403),
    },
  },
);

export const saveTargetGroup = defineRoute(
  { kind: "nns", permission: "catalog:editorial" },
  {
    method: "put",
    path: "/nns/catalog/target-groups/{code}",
    tags,
    summary: "Add, rename or retire a target group of the national vocabulary (NNS editorial team)",
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
          .openapi("TargetGroupInput"),
      ),
    },
    responses: {
      200: jsonResponse(
        z.object({ code: z.string(), labelSv: z.string(), retired: z.boolean() }).openapi("TargetGroup"),
        "Saved",
      ),
      ...problems(400, 401, 403),
    },
  },
);
