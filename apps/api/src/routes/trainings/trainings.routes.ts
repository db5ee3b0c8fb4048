// Longer than 400 lines: one config per operation of the resource, each with the words integrators read.
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
import { EVENT_SUMMARY, TRAINING, TRAINING_SESSION, TRAINING_SUMMARY } from "./trainings.examples.js";

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
  .openapi("TrainingSummary", { example: TRAINING_SUMMARY });

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
  .openapi("TrainingSession", { example: TRAINING_SESSION });

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
}).openapi("Training", { example: TRAINING });

export const listTrainings = defineRoute(
  { kind: "org", permission: "trainings:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/trainings",
    tags,
    operationId: "listTrainings",
    summary: "List trainings and events",
    description:
      "The BIP/SKAPA trainings and event days the organization runs or takes part in, the soonest first " +
      "session first and undated ones last; optionally one `status`. Needs `trainings:read`. Not " +
      "paginated: at most the 500 most recently created.",
    request: { params: OrgIdParams, query: z.object({ status: Status.optional() }) },
    responses: {
      200: jsonResponse(z.object({ data: z.array(TrainingSummarySchema) }), "Trainings", {
        data: [TRAINING_SUMMARY, EVENT_SUMMARY],
      }),
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
    operationId: "createTraining",
    summary: "Create a training or event day",
    description:
      "NNS creates a `bip_skapa` training from one or more submitted requests (`requestIds`, which become " +
      "`scheduled`) and/or förbund given in `parties`; each requesting förbund is told by email, and the " +
      "current BIP/SKAPA price becomes the shared cost. A förbund creates only its own `event` day, without " +
      "other parties. `costSplitRule: seats` needs seats for every party (400). Starts `requested`; add " +
      "sessions, then plan it. Needs `trainings:manage`. Audited as `training.created`.",
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
        {
          kind: "bip_skapa",
          title: "BIP/SKAPA Halland och Göteborg Nordost, våren 2027",
          description:
            "Gemensam utbildning för två förbund i Västsverige. Utbildningsdagen hålls på plats i Halmstad.",
          costSplitRule: "seats",
          requestIds: ["aa7b203a-d4bf-4d13-b5d9-5ab544481a88", "fc83d8b8-3452-464f-bd62-a8f9581cd9f5"],
          parties: [
            { organizationId: "e1795367-8a0f-4945-a7b2-663c2b4b8aec", seats: 14 },
            { organizationId: "a3b891c3-af74-4e51-b4a1-687acc6d3797", seats: 11 },
          ],
        },
      ),
    },
    responses: {
      201: jsonResponse(TrainingSchema, "Created", {
        ...TRAINING,
        status: "requested",
        firstSessionAt: null,
        lastSessionEndsAt: null,
        sessionCount: 0,
        sessions: [],
        version: 1,
      }),
      ...problems(400, 401, 403, 404, 422),
    },
  },
  { etag: true },
);

export const getTraining = defineRoute(
  { kind: "org", permission: "trainings:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/trainings/{trainingId}",
    tags,
    operationId: "getTraining",
    summary: "Get a training",
    description:
      "One training with its sessions (trainers, capacity, confirmed and waiting counts), the förbund " +
      "taking part with their seats, and `viewer` saying whether the caller runs it or takes part. Visible " +
      "to the organization that runs it and the förbund taking part; others get 404. The `ETag` header " +
      "carries its version. Needs `trainings:read`.",
    request: { params: TrainingParams },
    responses: { 200: jsonResponse(TrainingSchema, "Training"), ...problems(401, 403, 404) },
  },
  { etag: true },
);

export const updateTraining = defineRoute(
  { kind: "org", permission: "trainings:manage" },
  {
    method: "patch",
    path: "/orgs/{orgId}/trainings/{trainingId}",
    tags,
    operationId: "updateTraining",
    summary: "Update a training",
    description:
      "Only the organization that runs the training may change it (403 for a party), and not once it is " +
      "completed or cancelled (409). Changing `costSplitRule` to `seats` needs seats for every party " +
      "(400). Send the `ETag` you read as `If-Match`: a change since answers 412. Needs " +
      "`trainings:manage`. Audited as `training.updated`.",
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
        { title: "BIP/SKAPA Västsverige, våren 2027", costSplitRule: "equal" },
      ),
    },
    responses: { 200: jsonResponse(TrainingSchema, "Updated"), ...problems(400, 401, 403, 404, 412) },
  },
  { etag: true },
);

export const moveTraining = defineRoute(
  { kind: "org", permission: "trainings:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/trainings/{trainingId}/transitions",
    tags,
    operationId: "transitionTraining",
    summary: "Move a training to its next status",
    description:
      "`plan`: requested → planned, `confirm`: planned → confirmed, `complete`: confirmed → completed, " +
      "`cancel` from any open status, with a `reason` (400 without). Planning and confirming need at least " +
      "one session and, for BIP/SKAPA, a trainer certified on its dates in Europe/Stockholm on each; " +
      "completing needs the last session to have ended and emails the follow-up survey to everyone who " +
      "attended; cancelling emails every registered person and party contact, and puts the " +
      "intresseanmälningar the training answered back to `submitted` for NNS to schedule again (each one " +
      "audited as `training_request.reopened`, its contact emailed). A move the status does not " +
      "allow answers 409. Owner only; needs `trainings:manage`. Audited as `training.<action>`.",
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
        { action: "cancel", reason: "Utbildaren är sjuk. Vi återkommer med nya datum under hösten." },
      ),
    },
    responses: {
      200: jsonResponse(TrainingSchema, "Moved", {
        ...TRAINING,
        status: "cancelled",
        cancelledAt: "2027-02-24T15:18:02.000Z",
        cancelledBy: "Maria Nilsson",
        cancellationReason: "Utbildaren är sjuk. Vi återkommer med nya datum under hösten.",
        version: 7,
      }),
      ...problems(400, 401, 403, 404, 409),
    },
  },
);

export const setParty = defineRoute(
  { kind: "org", permission: "trainings:manage" },
  {
    method: "put",
    path: "/orgs/{orgId}/trainings/{trainingId}/parties/{partyId}",
    tags,
    operationId: "putTrainingParty",
    summary: "Add a förbund to a training or change its seats",
    description:
      "Adds the förbund (`partyId`) with its seats, or changes them; more seats move that förbund's people " +
      "up the waiting list at once (each told by email). Under `costSplitRule: seats` a party needs seats " +
      "(400). An event day has no other parties (409). Owner only, not once completed or cancelled (409). " +
      "Needs `trainings:manage`. Audited as `training.party_set`.",
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
        { seats: 12, contactEmail: "johan.karlsson@nordost.samordning.se" },
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
    operationId: "removeTrainingParty",
    summary: "Take a förbund out of a training",
    description:
      "Only while the förbund has no registered participants and no print costs on the training (409: " +
      "cancel or remove those first). Owner only, not once completed or cancelled. Needs " +
      "`trainings:manage`. Audited as `training.party_removed`.",
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
      .openapi({
        description:
          "Not below the people already given a seat (400 `below_confirmed`). Above 25 in the training step " +
          "of a BIP/SKAPA training (seed 003: at most 25 per occasion) only with `confirmAboveCap` (409 " +
          "`confirm_above_step_cap`); the seats above 25 are charged at the price list's " +
          "`bip_skapa_extra_participant`",
      }),
    confirmAboveCap: z.boolean().optional().openapi({
      description:
        "Confirms a training-step capacity above 25: the extra seats become a cost line of the training, split like its other costs",
    }),
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
    operationId: "createTrainingSession",
    summary: "Add a session",
    description:
      "A session from a BIP/SKAPA template step (`stepKey` fills title, length, mode and capacity unless " +
      "given) or written out. It must end after it starts; on site it needs a `location`. Every trainer " +
      "must be active and certified on each of its days in Europe/Stockholm (400 naming the trainer). Owner " +
      "only, not once completed or cancelled (409). More than 25 seats in the training step needs " +
      "`confirmAboveCap` (409 `confirm_above_step_cap`) and adds the extra participants to the training's " +
      "costs (audited as `training.extra_seats_priced`). Needs `trainings:manage`. Audited as " +
      "`training.session_added`.",
    request: {
      params: TrainingParams,
      body: jsonBody(SessionInput, {
        stepKey: "training",
        startsAt: "2027-03-17T07:30:00.000Z",
        mode: "on_site",
        location: "Halmstad, Kristian IV:s väg 3, sal Tylösand",
        trainerIds: ["858cd358-88b8-45da-bf51-8086f25d24f4"],
      }),
    },
    responses: { 201: jsonResponse(TrainingSchema, "Added"), ...problems(400, 401, 403, 404, 409) },
  },
);

export const updateSession = defineRoute(
  { kind: "org", permission: "trainings:manage" },
  {
    method: "patch",
    path: "/orgs/{orgId}/trainings/{trainingId}/sessions/{sessionId}",
    tags,
    operationId: "updateTrainingSession",
    summary: "Update a session",
    description:
      "Only the fields sent change; trainers are re-checked against the new dates. More capacity moves " +
      "people up the waiting list at once (each told by email); less capacity than seats already taken " +
      "answers 400 rather than un-booking anyone. Raising the training step above 25 seats needs " +
      "`confirmAboveCap` (409 `confirm_above_step_cap`) and prices the extra participants; lowering it " +
      "again lowers that cost. Send the session's `version` quoted as `If-Match` " +
      '(`"3"`): a change since answers 412. Owner only; needs `trainings:manage`. Audited as `training.session_updated`.',
    request: {
      params: SessionParams,
      headers: IfMatchHeader,
      body: jsonBody(SessionInput.partial(), {
        capacity: 28,
        confirmAboveCap: true,
        location: "Halmstad, Kristian IV:s väg 3, sal Ringenäs",
      }),
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
    operationId: "deleteTrainingSession",
    summary: "Remove a session",
    description:
      "Only a session nobody has registered for (409 otherwise: change it instead). Owner only, not once " +
      "completed or cancelled. Needs `trainings:manage`. Audited as `training.session_removed`.",
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
    operationId: "getTrainingCalendar",
    summary: "Download a training's sessions as iCalendar",
    description:
      "An `.ics` file with one event per session, times in UTC (calendars show them in the reader's zone). " +
      "Event UIDs are stable per session, so importing the file again updates rather than duplicates. For " +
      "anyone who can see the training; needs `trainings:read`.",
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
    operationId: "listTrainingSeats",
    summary: "List seats per session",
    description:
      "For each session, in date order: capacity, seats taken and people waiting across every förbund, and " +
      "`seatsLeftForYou`, the seats the calling förbund can still fill within both the session's capacity " +
      "and its own allocation: null when the session has no limit, 0 when the förbund does not take part. " +
      "Needs `trainings:read`.",
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
        {
          data: [
            {
              sessionId: "3d49a656-29cc-473e-ac90-fba1ba13c3bf",
              capacity: null,
              confirmed: 11,
              waitlisted: 0,
              seatsLeftForYou: null,
            },
            {
              sessionId: "ae80e0c7-c797-46ba-abab-4cc09fcd947c",
              capacity: 25,
              confirmed: 23,
              waitlisted: 2,
              seatsLeftForYou: 1,
            },
          ],
        },
      ),
      ...problems(401, 403, 404),
    },
  },
);
