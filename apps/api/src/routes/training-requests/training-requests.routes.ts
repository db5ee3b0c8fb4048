import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import {
  CalendarDate,
  Email,
  jsonBody,
  jsonResponse,
  nonBlank,
  OrgIdParams,
  problems,
  Timestamp,
} from "../../lib/schemas.js";

const tags = ["Training requests"];
const Status = z.enum(["submitted", "scheduled", "withdrawn", "declined"]);

export const TrainingRequestSchema = z
  .object({
    id: z.uuid(),
    organization: z.object({ id: z.uuid(), name: z.string(), countyCode: z.string().nullable() }),
    periodStart: CalendarDate,
    periodEnd: CalendarDate,
    expectedParticipants: z.number().int(),
    deliveryPreference: z.enum(["digital", "on_site", "either"]),
    openToSharing: z.boolean(),
    contactName: z.string(),
    contactEmail: z.string(),
    contactPhone: z.string().nullable(),
    notes: z.string().nullable(),
    status: Status,
    trainingId: z.uuid().nullable(),
    decisionNote: z.string().nullable(),
    createdAt: Timestamp,
    version: z.number().int(),
  })
  .openapi("TrainingRequest");

const RequestParams = OrgIdParams.extend({
  requestId: z.uuid().openapi({ param: { name: "requestId", in: "path" } }),
});

export const listTrainingRequests = defineRoute(
  { kind: "org", permission: "trainings:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/training-requests",
    tags,
    summary: "A förbund's own requests; for NNS, every request sent to it",
    request: { params: OrgIdParams, query: z.object({ status: Status.optional() }) },
    responses: {
      200: jsonResponse(z.object({ data: z.array(TrainingRequestSchema) }), "Requests, newest first"),
      ...problems(400, 401, 403, 404),
    },
  },
);

export const submitTrainingRequest = defineRoute(
  { kind: "org", permission: "trainings:book" },
  {
    method: "post",
    path: "/orgs/{orgId}/training-requests",
    tags,
    summary: "Send an intresseanmälan for a BIP/SKAPA training to NNS",
    request: {
      params: OrgIdParams,
      body: jsonBody(
        z
          .object({
            periodStart: CalendarDate,
            periodEnd: CalendarDate.openapi({
              description: "Not before periodStart (400 `after_period_start`)",
            }),
            expectedParticipants: z.number().int().min(1).max(1000),
            deliveryPreference: z.enum(["digital", "on_site", "either"]),
            openToSharing: z.boolean(),
            contactName: nonBlank(1).max(200),
            contactEmail: Email,
            contactPhone: z.string().trim().max(50).nullable().optional(),
            notes: z.string().max(4000).nullable().optional(),
          })
          .strict(),
      ),
    },
    responses: { 201: jsonResponse(TrainingRequestSchema, "Sent"), ...problems(400, 401, 403, 404, 422) },
  },
);

export const getTrainingRequest = defineRoute(
  { kind: "org", permission: "trainings:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/training-requests/{requestId}",
    tags,
    summary: "One request",
    request: { params: RequestParams },
    responses: { 200: jsonResponse(TrainingRequestSchema, "Request"), ...problems(401, 403, 404) },
  },
);

export const withdrawTrainingRequest = defineRoute(
  { kind: "org", permission: "trainings:book" },
  {
    method: "post",
    path: "/orgs/{orgId}/training-requests/{requestId}/withdraw",
    tags,
    summary: "Withdraw the förbund's own open request (kept on record)",
    request: { params: RequestParams },
    responses: { 200: jsonResponse(TrainingRequestSchema, "Withdrawn"), ...problems(401, 403, 404, 409) },
  },
);

export const declineTrainingRequest = defineRoute(
  { kind: "org", permission: "trainings:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/training-requests/{requestId}/decline",
    tags,
    summary: "NNS declines an open request, with a note to the förbund",
    request: {
      params: RequestParams,
      body: jsonBody(z.object({ note: nonBlank(1).max(2000) }).strict()),
    },
    responses: { 200: jsonResponse(TrainingRequestSchema, "Declined"), ...problems(400, 401, 403, 404, 409) },
  },
);
