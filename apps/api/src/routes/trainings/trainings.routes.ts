import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import {
  Email,
  IfMatchHeader,
  jsonBody,
  jsonResponse,
  nonBlank,
  OrgIdParams,
  problems,
  Timestamp,
} from "../../lib/schemas.js";

const tags = ["Trainings"];
const Status = z.enum(["requested", "planned", "confirmed", "completed", "cancelled"]);
const Kind = z.enum(["bip_skapa", "event"]);
const Mode = z.enum(["digital", "on_site"]);
const CostSplitRule = z.enum(["equal", "seats"]).openapi({
  description: "seats needs a number of seats for every förbund taking part (400 `seats_required`)",
});

export const TrainingParams = OrgIdParams.extend({
  trainingId: z.uuid().openapi({ param: { name: "trainingId", in: "path" } }),
});
export const SessionParams = TrainingParams.extend({
  sessionId: z.uuid().openapi({ param: { name: "sessionId", in: "path" } }),
});

const TrainingSummarySchema = z
  .object({
    id: z.uuid(),
    kind: Kind,
    title: z.string(),
    status: Status,
    owner: z.object({ id: z.uuid(), name: z.string() }),
    firstSessionAt: Timestamp.nullable(),
    lastSessionEndsAt: Timestamp.nullable(),
    sessionCount: z.number().int(),
    createdAt: Timestamp,
  })
  .openapi("TrainingSummary");

const SessionSchema = z
  .object({
    id: z.uuid(),
    stepKey: z.string().nullable(),
    title: z.string(),
    startsAt: Timestamp,
    endsAt: Timestamp,
    mode: Mode,
    location: z.string().nullable(),
    videoLink: z.string().nullable(),
    capacity: z.number().int().nullable(),
    trainers: z.array(z.object({ id: z.uuid(), name: z.string() })),
    confirmed: z.number().int(),
    waitlisted: z.number().int(),
    version: z.number().int(),
  })
  .openapi("TrainingSession");

export const TrainingSchema = TrainingSummarySchema.extend({
  description: z.string().nullable(),
  costSplitRule: z.enum(["equal", "seats"]),
  cancelledAt: Timestamp.nullable(),
  cancelledBy: z.string().nullable(),
  cancellationReason: z.string().nullable(),
  completedAt: Timestamp.nullable(),
  surveySentAt: Timestamp.nullable(),
  sessions: z.array(SessionSchema),
  parties: z.array(
    z.object({
      organizationId: z.uuid(),
      organizationName: z.string(),
      countyCode: z.string().nullable(),
      seats: z.number().int().nullable(),
      contactEmail: z.string().nullable(),
      joinedAt: Timestamp,
    }),
  ),
  viewer: z.object({ isOwner: z.boolean(), isParty: z.boolean() }),
  version: z.number().int(),
}).openapi("Training");

export const listTrainings = defineRoute(
  { kind: "org", permission: "trainings:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/trainings",
    tags,
    summary: "Trainings and events the organization runs or takes part in, soonest first",
    request: { params: OrgIdParams, query: z.object({ status: Status.optional() }) },
    responses: {
      200: jsonResponse(z.object({ data: z.array(TrainingSummarySchema) }), "Trainings"),
      ...problems(400, 401, 403, 404),
    },
  },
);

export const createTraining = defineRoute(
  { kind: "org", permission: "trainings:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/trainings",
    tags,
    summary:
      "NNS: turn one or more requests into a BIP/SKAPA training (each förbund is told by email). A förbund: create its own training or event day",
    request: {
      params: OrgIdParams,
      body: jsonBody(
        z
          .object({
            kind: Kind.openapi({
              description:
                "bip_skapa by NNS only (400 `bip_skapa_by_nns`), event by a förbund only (400 `event_by_forbund`)",
            }),
            title: nonBlank(1).max(200),
            description: z.string().max(4000).nullable().optional(),
            costSplitRule: CostSplitRule.optional(),
            requestIds: z.array(z.uuid()).max(10).optional().openapi({
              uniqueItems: true,
              description:
                "Open requests to schedule (400 `unknown_request`, `request_not_open`); a bip_skapa training needs a request or a party (400 `party_required`), an event has neither (400 `event_has_no_parties`)",
            }),
            parties: z
              .array(
                z.object({
                  organizationId: z.uuid().openapi({ description: "A förbund (400 `unknown_forbund`)" }),
                  seats: z.number().int().min(0).max(1000).nullable(),
                }),
              )
              .max(10)
              .optional()
              .openapi({
                description: "Förbund taking part; an event has none (400 `event_has_no_parties`)",
              }),
          })
          .strict(),
      ),
    },
    responses: { 201: jsonResponse(TrainingSchema, "Created"), ...problems(400, 401, 403, 404, 422) },
  },
);

export const getTraining = defineRoute(
  { kind: "org", permission: "trainings:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/trainings/{trainingId}",
    tags,
    summary: "One training with sessions, trainers, seats and participating förbund",
    request: { params: TrainingParams },
    responses: { 200: jsonResponse(TrainingSchema, "Training"), ...problems(401, 403, 404) },
  },
);

export const updateTraining = defineRoute(
  { kind: "org", permission: "trainings:manage" },
  {
    method: "patch",
    path: "/orgs/{orgId}/trainings/{trainingId}",
    tags,
    summary: "Change title, description or the cost-split rule (owner only)",
    request: {
      params: TrainingParams,
      headers: IfMatchHeader,
      body: jsonBody(
        z
          .object({
            title: nonBlank(1).max(200).optional(),
            description: z.string().max(4000).nullable().optional(),
            costSplitRule: CostSplitRule.optional(),
          })
          .strict(),
      ),
    },
    responses: { 200: jsonResponse(TrainingSchema, "Updated"), ...problems(400, 401, 403, 404, 412) },
  },
);

export const moveTraining = defineRoute(
  { kind: "org", permission: "trainings:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/trainings/{trainingId}/transitions",
    tags,
    summary:
      "requested → planned → confirmed → completed, or cancel (with a reason). Completing sends the follow-up survey",
    request: {
      params: TrainingParams,
      body: jsonBody(
        z.discriminatedUnion("action", [
          z
            .object({
              action: z.enum(["plan", "confirm", "complete"]),
              reason: z.string().trim().max(2000).nullable().optional(),
            })
            .strict(),
          z
            .object({ action: z.literal("cancel"), reason: nonBlank(1).max(2000) })
            .strict()
            .openapi({ description: "Cancelling says why: the reason is emailed to everyone registered" }),
        ]),
      ),
    },
    responses: { 200: jsonResponse(TrainingSchema, "Moved"), ...problems(400, 401, 403, 404, 409) },
  },
);

export const setParty = defineRoute(
  { kind: "org", permission: "trainings:manage" },
  {
    method: "put",
    path: "/orgs/{orgId}/trainings/{trainingId}/parties/{partyId}",
    tags,
    summary: "Add a förbund to a training or change its seats; more seats move people up the waiting list",
    request: {
      params: TrainingParams.extend({
        partyId: z
          .uuid()
          .openapi({ param: { name: "partyId", in: "path" }, description: "The förbund's id" }),
      }),
      body: jsonBody(
        z
          .object({
            seats: z
              .number()
              .int()
              .min(0)
              .max(1000)
              .nullable()
              .openapi({ description: "Needed when costs are split by seats (400 `seats_required`)" }),
            contactEmail: Email.nullable().optional(),
          })
          .strict(),
      ),
    },
    responses: { 200: jsonResponse(TrainingSchema, "Saved"), ...problems(400, 401, 403, 404, 409) },
  },
);

export const removeParty = defineRoute(
  { kind: "org", permission: "trainings:manage" },
  {
    method: "delete",
    path: "/orgs/{orgId}/trainings/{trainingId}/parties/{partyId}",
    tags,
    summary: "Take a förbund out of a training (only while it has no registrations)",
    request: {
      params: TrainingParams.extend({
        partyId: z.uuid().openapi({ param: { name: "partyId", in: "path" } }),
      }),
    },
    responses: { 200: jsonResponse(TrainingSchema, "Removed"), ...problems(401, 403, 404, 409) },
  },
);

const SessionInput = z
  .object({
    stepKey: z.string().max(40).nullable().optional().openapi({
      description:
        "A step of the BIP/SKAPA template (400 `unknown_step`; an event has none, 400 `no_template`): fills title, length, mode and capacity unless given",
    }),
    title: nonBlank(1).max(200).optional().openapi({ description: "Needed without a step (400 `required`)" }),
    startsAt: Timestamp,
    endsAt: Timestamp.optional().openapi({
      description: "After startsAt (400 `after_starts_at`); needed without a step (400 `required`)",
    }),
    mode: Mode.optional().openapi({
      description:
        "Needed unless the step fixes it (400 `required`); on_site needs a location (400 `required_on_site`)",
    }),
    location: z
      .string()
      .trim()
      .max(300)
      .nullable()
      .optional()
      .openapi({ description: "Needed on_site (400 `required_on_site`)" }),
    videoLink: z.url().max(500).nullable().optional(),
    capacity: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .nullable()
      .optional()
      .openapi({ description: "Not below the people already given a seat (400 `below_confirmed`)" }),
    trainerIds: z.array(z.uuid()).max(5).optional().openapi({
      description:
        "Trainers of the registry (400 `unknown_trainer`) certified on the session's dates (400 `certification_not_valid`)",
    }),
  })
  .strict();

export const addSession = defineRoute(
  { kind: "org", permission: "trainings:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/trainings/{trainingId}/sessions",
    tags,
    summary: "Add a dated session; trainers must hold a certification valid on its dates",
    request: { params: TrainingParams, body: jsonBody(SessionInput) },
    responses: { 201: jsonResponse(TrainingSchema, "Added"), ...problems(400, 401, 403, 404, 409) },
  },
);

export const updateSession = defineRoute(
  { kind: "org", permission: "trainings:manage" },
  {
    method: "patch",
    path: "/orgs/{orgId}/trainings/{trainingId}/sessions/{sessionId}",
    tags,
    summary: "Change a session; more capacity moves people up the waiting list",
    request: {
      params: SessionParams,
      headers: IfMatchHeader,
      body: jsonBody(SessionInput.partial()),
    },
    responses: { 200: jsonResponse(TrainingSchema, "Updated"), ...problems(400, 401, 403, 404, 409, 412) },
  },
);

export const removeSession = defineRoute(
  { kind: "org", permission: "trainings:manage" },
  {
    method: "delete",
    path: "/orgs/{orgId}/trainings/{trainingId}/sessions/{sessionId}",
    tags,
    summary: "Remove a session nobody has registered for",
    request: { params: SessionParams },
    responses: { 200: jsonResponse(TrainingSchema, "Removed"), ...problems(401, 403, 404, 409) },
  },
);

export const trainingCalendar = defineRoute(
  { kind: "org", permission: "trainings:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/trainings/{trainingId}/calendar.ics",
    tags,
    summary: "The training's sessions as an iCalendar file",
    request: { params: TrainingParams },
    responses: {
      200: { description: "iCalendar", content: { "text/calendar": { schema: z.string() } } },
      ...problems(401, 403, 404),
    },
  },
);

export const seats = defineRoute(
  { kind: "org", permission: "trainings:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/trainings/{trainingId}/seats",
    tags,
    summary: "Per session: capacity, taken, waiting, and the seats the calling förbund can still fill",
    request: { params: TrainingParams },
    responses: {
      200: jsonResponse(
        z.object({
          data: z.array(
            z.object({
              sessionId: z.uuid(),
              capacity: z.number().int().nullable(),
              confirmed: z.number().int(),
              waitlisted: z.number().int(),
              seatsLeftForYou: z.number().int().nullable(),
            }),
          ),
        }),
        "Seats",
      ),
      ...problems(401, 403, 404),
    },
  },
);
