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
import {
  OTHER_TRAINING_REQUEST,
  SUBMIT_TRAINING_REQUEST,
  TRAINING_REQUEST,
} from "./training-requests.examples.js";

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
    cancelledTrainings: z
      .array(
        z.object({
          trainingId: z.uuid(),
          title: z.string(),
          cancelledAt: Timestamp,
          reason: z.string().nullable(),
        }),
      )
      .openapi({
        description:
          "Trainings the request was scheduled to that NNS cancelled, oldest first. Each cancellation put " +
          "the request back to `submitted` (without `trainingId`) for NNS to schedule again",
      }),
    decisionNote: z.string().nullable(),
    createdAt: Timestamp,
    version: z.number().int(),
  })
  .openapi("TrainingRequest", { example: TRAINING_REQUEST });

const RequestParams = OrgIdParams.extend({
  requestId: z.uuid().openapi({ param: { name: "requestId", in: "path" } }),
});

export const listTrainingRequests = defineRoute(
  { kind: "org", permission: "trainings:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/training-requests",
    tags,
    operationId: "listTrainingRequests",
    summary: "List training requests",
    description:
      "A förbund sees the requests it sent; NNS sees every request sent to it. Newest first, optionally " +
      "one `status`. Needs `trainings:read`. Not paginated: a förbund sends a handful a year.",
    request: { params: OrgIdParams, query: z.object({ status: Status.optional() }) },
    responses: {
      200: jsonResponse(z.object({ data: z.array(TrainingRequestSchema) }), "Requests, newest first", {
        data: [OTHER_TRAINING_REQUEST, TRAINING_REQUEST],
      }),
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
    operationId: "createTrainingRequest",
    summary: "Request a BIP/SKAPA training",
    description:
      "A förbund sends NNS an intresseanmälan: the period it wishes (calendar dates, `periodEnd` not " +
      "before `periodStart`), expected participants, delivery preference and whether it would share the " +
      "training with a neighbouring förbund. Needs `trainings:book` (the förbund's administrators, or an API key with that scope); NNS " +
      "itself cannot send one (403). The request starts `submitted`; NNS schedules it into a training " +
      "(`createTraining`) or declines it. Audited as `training_request.submitted`.",
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
        SUBMIT_TRAINING_REQUEST,
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
    operationId: "getTrainingRequest",
    summary: "Get a training request",
    description:
      "One request, visible to the förbund that sent it and to NNS. Once scheduled, `trainingId` names the " +
      "training it became; once declined, `decisionNote` carries NNS's note. If that training is cancelled " +
      "the request is `submitted` again and `cancelledTrainings` records it. Needs `trainings:read`.",
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
    operationId: "withdrawTrainingRequest",
    summary: "Withdraw a training request",
    description:
      "Only the förbund that sent the request may withdraw it (403 otherwise), and only while it is " +
      "`submitted` (409 once scheduled, declined or withdrawn). The request stays on record as `withdrawn`. " +
      "Needs `trainings:book`. Audited as `training_request.withdrawn`.",
    request: { params: RequestParams },
    responses: {
      200: jsonResponse(TrainingRequestSchema, "Withdrawn", {
        ...TRAINING_REQUEST,
        status: "withdrawn",
        version: 2,
      }),
      ...problems(401, 403, 404, 409),
    },
  },
);

export const declineTrainingRequest = defineRoute(
  { kind: "org", permission: "trainings:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/training-requests/{requestId}/decline",
    tags,
    operationId: "declineTrainingRequest",
    summary: "Decline a training request",
    description:
      "NNS declines a request sent to it, with a note the förbund reads as `decisionNote`; a förbund cannot " +
      "decline its own (403). Only a `submitted` request can be declined (409 otherwise); it stays on " +
      "record. Needs `trainings:manage` in NNS. Audited as `training_request.declined`.",
    request: {
      params: RequestParams,
      body: jsonBody(z.object({ note: nonBlank(1).max(2000) }).strict(), {
        note: "Vi har inga certifierade utbildare lediga under våren. Skicka gärna en ny anmälan för hösten.",
      }),
    },
    responses: {
      200: jsonResponse(TrainingRequestSchema, "Declined", {
        ...TRAINING_REQUEST,
        status: "declined",
        decisionNote:
          "Vi har inga certifierade utbildare lediga under våren. Skicka gärna en ny anmälan för hösten.",
        version: 2,
      }),
      ...problems(400, 401, 403, 404, 409),
    },
  },
);
