import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import {
  IfMatchHeader,
  jsonBody,
  jsonResponse,
  OrgIdParams,
  PageQuery,
  pageOf,
  problems,
} from "../../lib/schemas.js";
import {
  ACCESS_LOG_ENTRY,
  DUE_OCCASION,
  LATEST_MEASUREMENT,
  MEASUREMENT,
  PARTICIPANT,
  PARTICIPANT_DETAIL,
} from "./progression-participants.examples.js";
import {
  AccessLogEntrySchema,
  ComparisonSchema,
  DueOccasionSchema,
  MeasurementInputSchema,
  MeasurementParams,
  MeasurementSchema,
  ParticipantChangesSchema,
  ParticipantDetailSchema,
  ParticipantInputSchema,
  ParticipantParams,
  ParticipantSchema,
} from "./progression-participants.schemas.js";

const tags = ["Progression"];

/**
 * Individual data is reached by coaches (`progression:record`, their own participants) and managers
 * (`progression:manage`, all of the förbund's): two permissions no single one covers, so the route asks
 * for `org:read` and the service decides. Never API keys, never NNS.
 */
const individual = { kind: "org", permission: "org:read", sessionOnly: true } as const;
const WHO =
  "Needs `progression:record` (a coach: only the participants assigned to them; anyone else's answers 404) or " +
  "`progression:manage` (all of the förbund's); 403 otherwise, and always for NNS, which never reaches " +
  "individual data. Signed-in people only.";
const LOGGED = (action: string) =>
  `Every participant whose data is returned gets an entry \`${action}\` in the förbund's access log.`;

const base = "/orgs/{orgId}/progression";

export const listParticipants = defineRoute(individual, {
  method: "get",
  path: `${base}/participants`,
  tags,
  operationId: "listProgressionParticipants",
  summary: "List participants",
  description: `The förbund's pseudonymous participants the caller may see, newest first, cursor-paginated, filtered by insats, coach and status (\`active\`, \`ended\`, default \`all\`). ${WHO} ${LOGGED("list")}`,
  request: {
    params: OrgIdParams,
    query: PageQuery.extend({
      interventionId: z.uuid().optional(),
      coachUserId: z.uuid().optional(),
      status: z.enum(["active", "ended", "all"]).default("all"),
    }),
  },
  responses: {
    200: jsonResponse(pageOf(ParticipantSchema, "ProgressionParticipantPage", PARTICIPANT), "Participants"),
    ...problems(400, 401, 403, 404),
  },
});

export const createParticipant = defineRoute(
  individual,
  {
    method: "post",
    path: `${base}/participants`,
    tags,
    operationId: "createProgressionParticipant",
    summary: "Register a participant",
    description: `Registers a participant of one of the förbund's own or co-owned insatser, with a code the system makes; no name or personnummer is ever stored. A coach registers their own participants; a manager assigns any coach or administrator of the förbund (\`coachUserId\`). Rules are given on each field (\`own_or_co_owned\`, \`not_a_coach\`, \`birth_year_given\`, \`too_young\`, \`implausible\`, \`before_start\`, \`in_future\`, \`requires_end_date\`). ${WHO} The \`ETag\` header carries its version. Audited as \`progression.participant_created\` (code, insats and coach only); logged as \`record\`.`,
    request: { params: OrgIdParams, body: jsonBody(ParticipantInputSchema) },
    responses: {
      201: jsonResponse(ParticipantDetailSchema, "Registered (ETag header carries its version)", {
        ...PARTICIPANT_DETAIL,
        version: 1,
        updatedAt: PARTICIPANT_DETAIL.createdAt,
        occasions: [],
        measurementCount: 0,
      }),
      ...problems(400, 401, 403, 404),
    },
  },
  { etag: true },
);

export const getParticipant = defineRoute(
  individual,
  {
    method: "get",
    path: `${base}/participants/{participantId}`,
    tags,
    operationId: "getProgressionParticipant",
    summary: "Get a participant",
    description: `The participant with the instrument versions the insats measures with and, per version and respondent, the measurement occasions (at the start, about every three months, at the end) and their state. ${WHO} The \`ETag\` header carries its version. ${LOGGED("read")}`,
    request: { params: ParticipantParams },
    responses: {
      200: jsonResponse(
        ParticipantDetailSchema,
        "The participant (ETag header carries its version)",
        PARTICIPANT_DETAIL,
      ),
      ...problems(401, 403, 404),
    },
  },
  { etag: true },
);

export const updateParticipant = defineRoute(
  individual,
  {
    method: "patch",
    path: `${base}/participants/{participantId}`,
    tags,
    operationId: "updateProgressionParticipant",
    summary: "Change a participant",
    description: `Changes the fields sent (same rules as registering: \`not_a_coach\`, \`birth_year_given\`, \`too_young\`, \`implausible\`, \`before_start\`, \`in_future\`, \`requires_end_date\`); the insats does not change. Only managers assign another coach (403 for a coach). Send the \`ETag\` as \`If-Match\`: a change since answers 412. ${WHO} Audited as \`progression.participant_updated\` (the names of the fields changed, not their values); logged as \`record\`.`,
    request: { params: ParticipantParams, headers: IfMatchHeader, body: jsonBody(ParticipantChangesSchema) },
    responses: {
      200: jsonResponse(ParticipantDetailSchema, "Changed", {
        ...PARTICIPANT_DETAIL,
        endDate: "2027-03-31",
        outcome: "job_seeking_studies_work",
        status: "ended",
        version: 3,
      }),
      ...problems(400, 401, 403, 404, 412),
    },
  },
  { etag: true },
);

export const listMeasurements = defineRoute(individual, {
  method: "get",
  path: `${base}/participants/{participantId}/measurements`,
  tags,
  operationId: "listProgressionMeasurements",
  summary: "List a participant's measurements",
  description: `Every reading of the participant, oldest first, with its answers by item code. ${WHO} ${LOGGED("read")}`,
  request: { params: ParticipantParams },
  responses: {
    200: jsonResponse(
      z
        .object({ data: z.array(MeasurementSchema) })
        .openapi("ProgressionMeasurementList", { example: { data: [MEASUREMENT, LATEST_MEASUREMENT] } }),
      "Measurements",
    ),
    ...problems(401, 403, 404),
  },
});

export const recordMeasurement = defineRoute(individual, {
  method: "post",
  path: `${base}/participants/{participantId}/measurements`,
  tags,
  operationId: "recordProgressionMeasurement",
  summary: "Record a measurement",
  description: `One reading by the participant or the coach with a version chosen for the insats, checked against the version's items (\`chosen_for_insats\`, \`published\`, \`no_items\`, \`in_future\`, \`before_start\`, \`required\`, \`scale\`, \`unknown_item\`, \`personal_identity_number\`). Measurements never change: a correction is a deletion and a new reading. ${WHO} Audited as \`progression.measurement_recorded\` (ids, date and respondent; never the answers or the comment); logged as \`record\`.`,
  request: { params: ParticipantParams, body: jsonBody(MeasurementInputSchema) },
  responses: {
    201: jsonResponse(MeasurementSchema, "Recorded", MEASUREMENT),
    ...problems(400, 401, 403, 404),
  },
});

export const deleteMeasurement = defineRoute(individual, {
  method: "delete",
  path: `${base}/participants/{participantId}/measurements/{measurementId}`,
  tags,
  operationId: "deleteProgressionMeasurement",
  summary: "Delete a measurement",
  description: `Deletes a reading entered by mistake: a manager any, a coach only one they recorded (403 otherwise). ${WHO} Audited as \`progression.measurement_deleted\`.`,
  request: { params: MeasurementParams },
  responses: { 204: { description: "Deleted" }, ...problems(401, 403, 404) },
});

export const getComparison = defineRoute(individual, {
  method: "get",
  path: `${base}/participants/{participantId}/comparison`,
  tags,
  operationId: "getProgressionComparison",
  summary: "Compare two measurements",
  description: `Two readings by the same respondent item by item, with each change counted in the item's better direction. By default the first and the latest reading of \`instrumentVersionId\` by \`respondent\` (both then \`required\`); \`from\` and \`to\` name other readings of the participant (400 \`participant_measurement\`) by the same respondent (400 \`same_respondent\`) with the same instrument (400 \`same_instrument\`). Readings of two versions are compared only on the items the instrument's keeper mapped; the rest are listed in \`unmappedItems\`. Fewer than two readings: 422. ${WHO} ${LOGGED("read")}`,
  request: {
    params: ParticipantParams,
    query: z.object({
      instrumentVersionId: z.uuid().optional(),
      respondent: z.enum(["participant", "coach"]).optional(),
      from: z.uuid().optional().openapi({ description: "The earlier reading's id" }),
      to: z.uuid().optional().openapi({ description: "The later reading's id" }),
    }),
  },
  responses: {
    200: jsonResponse(ComparisonSchema, "The comparison"),
    ...problems(400, 401, 403, 404, 422),
  },
});

export const listDueOccasions = defineRoute(individual, {
  method: "get",
  path: `${base}/due`,
  tags,
  operationId: "listProgressionDueOccasions",
  summary: "List measurements due",
  description: `The open measurement occasions of the caller's participants (a manager's: all of the förbund's) that are overdue or fall within \`within\` days from today (default 30), earliest first. The same list reaches each coach by email every morning. ${WHO} ${LOGGED("list")}`,
  request: {
    params: OrgIdParams,
    query: z.object({ within: z.coerce.number().int().min(1).max(365).default(30) }),
  },
  responses: {
    200: jsonResponse(
      z
        .object({ data: z.array(DueOccasionSchema) })
        .openapi("ProgressionDueOccasionList", { example: { data: [DUE_OCCASION] } }),
      "Open occasions",
    ),
    ...problems(400, 401, 403, 404),
  },
});

export const listAccessLog = defineRoute(
  { kind: "org", permission: "progression:manage" },
  {
    method: "get",
    path: `${base}/access-log`,
    tags,
    operationId: "listProgressionAccessLog",
    summary: "List reads of participants' data",
    description:
      "Who listed, read, recorded, exported or erased which participant's data, and when, newest first, " +
      "cursor-paginated, optionally of one participant. Entries stay after a participant's erasure, naming " +
      "only the code. Needs `progression:manage` in a förbund (NNS holds no individual data).",
    request: {
      params: OrgIdParams,
      query: PageQuery.extend({ participantId: z.uuid().optional() }),
    },
    responses: {
      200: jsonResponse(
        pageOf(AccessLogEntrySchema, "ProgressionAccessLogPage", ACCESS_LOG_ENTRY),
        "Access log entries",
      ),
      ...problems(400, 401, 403, 404),
    },
  },
);
