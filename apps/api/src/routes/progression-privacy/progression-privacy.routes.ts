import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import { jsonBody, jsonResponse, OrgIdParams, problems } from "../../lib/schemas.js";
import {
  PARTICIPANT_EXPORT,
  SELF_RATING_ANSWERS,
  SELF_RATING_LINK_INPUT,
} from "./progression-privacy.examples.js";
import {
  ParticipantExportSchema,
  ParticipantParams,
  ProgressionSettingsInput,
  ProgressionSettingsSchema,
  SelfRatingAnswersInput,
  SelfRatingFormSchema,
  SelfRatingLinkInput,
  SelfRatingLinkSchema,
  SelfRatingReceiptSchema,
  TokenParams,
} from "./progression-privacy.schemas.js";

const tags = ["Progression"];

const FORBUND_ONLY =
  "Individual data is the förbund's own: NNS, its admins included, gets 403 here and reads aggregates only.";

export const createSelfRatingLink = defineRoute(
  // A coach holds `progression:record`, a manager `progression:manage`: the service checks for either.
  { kind: "org", permission: "org:read", sessionOnly: true },
  {
    method: "post",
    path: "/orgs/{orgId}/progression/participants/{participantId}/self-rating-links",
    tags,
    operationId: "createProgressionSelfRatingLink",
    summary: "Make a self-rating link for a participant",
    description:
      "A one-time link (`/skattning/{token}`) for the participant to answer the version's questions to the " +
      "participant on their own phone, without an account. It works once and until it expires (default 72 " +
      "hours, at most 14 days); the answers become a measurement by the participant dated that day. The " +
      "token is 32 random bytes shown only in this answer: the platform keeps its SHA-256 alone. For the " +
      "participant's coach (`progression:record`) or a manager (`progression:manage`); another coach's " +
      "participant answers 404. " +
      FORBUND_ONLY +
      " Logged in the access log (`self_rating_link`) and audited as `progression.self_rating_link_created`.",
    request: {
      params: ParticipantParams,
      body: jsonBody(SelfRatingLinkInput, SELF_RATING_LINK_INPUT),
    },
    responses: {
      201: jsonResponse(SelfRatingLinkSchema, "The link, shown this once"),
      ...problems(400, 401, 403, 404),
    },
  },
  { notIdempotentBecause: "the link's token is shown once and never stored, so no answer can be replayed" },
);

export const exportParticipant = defineRoute(
  { kind: "org", permission: "progression:manage" },
  {
    method: "get",
    path: "/orgs/{orgId}/progression/participants/{participantId}/export",
    tags,
    operationId: "exportProgressionParticipant",
    summary: "Export everything held about a participant",
    description:
      "For a participant's request of access or portability (GDPR art. 15 and 20): the record, every " +
      "measurement with each answer beside its question, the self-rating links made and the access log. " +
      "`format=json` (the default) or `format=csv`: Swedish Excel (semicolons, decimal comma, UTF-8 with " +
      "BOM), one row per answer, downloaded as `deltagare-<code>.csv`. " +
      FORBUND_ONLY +
      " Needs `progression:manage`; logged in the access log (`export`).",
    request: {
      params: ParticipantParams,
      query: z.object({ format: z.enum(["json", "csv"]).default("json") }),
    },
    responses: {
      200: {
        description: "The export",
        content: {
          "application/json": { schema: ParticipantExportSchema, example: PARTICIPANT_EXPORT },
          "text/csv": { schema: z.string() },
        },
      },
      ...problems(400, 401, 403, 404),
    },
  },
);

export const eraseParticipant = defineRoute(
  { kind: "org", permission: "progression:manage" },
  {
    method: "delete",
    path: "/orgs/{orgId}/progression/participants/{participantId}",
    tags,
    operationId: "eraseProgressionParticipant",
    summary: "Erase a participant",
    description:
      "Erases the participant and everything measured about them, at once and for good: measurements, " +
      "the first/latest rows aggregates read, and self-rating links. What stays names only the " +
      "pseudonymous code: the access log (with this erasure, `erase`) and the audit entry " +
      "`progression.participant_erased` (`after: { code }`). Aggregates no longer count them. " +
      FORBUND_ONLY +
      " Needs `progression:manage`.",
    request: { params: ParticipantParams },
    responses: { 204: { description: "Erased" }, ...problems(401, 403, 404) },
  },
);

export const getProgressionSettings = defineRoute(
  { kind: "org", permission: "progression:manage" },
  {
    method: "get",
    path: "/orgs/{orgId}/progression/settings",
    tags,
    operationId: "getProgressionSettings",
    summary: "Get the förbund's progression settings",
    description:
      "How long individual data is kept: every night, participants whose end date lies more than " +
      "`retentionMonths` back (default 36) are erased, as by a manager. " +
      FORBUND_ONLY +
      " Needs `progression:manage`.",
    request: { params: OrgIdParams },
    responses: { 200: jsonResponse(ProgressionSettingsSchema, "Settings"), ...problems(401, 403, 404) },
  },
);

export const putProgressionSettings = defineRoute(
  { kind: "org", permission: "progression:manage" },
  {
    method: "put",
    path: "/orgs/{orgId}/progression/settings",
    tags,
    operationId: "putProgressionSettings",
    summary: "Set the förbund's progression settings",
    description:
      "`retentionMonths`: whole months from 1 to 120 (400 `range`). Takes effect at the next nightly run. " +
      FORBUND_ONLY +
      " Needs `progression:manage`. Audited as `progression.settings_updated`.",
    request: {
      params: OrgIdParams,
      body: jsonBody(ProgressionSettingsInput, { retentionMonths: 24 }),
    },
    responses: { 200: jsonResponse(ProgressionSettingsSchema, "Saved"), ...problems(400, 401, 403, 404) },
  },
);

const LINK_IS_CREDENTIAL =
  "Public: the token in the path is the only credential (the participant has no account). Unknown, used " +
  "and expired links answer 410 alike.";

export const getSelfRating = defineRoute(
  { kind: "public" },
  {
    method: "get",
    path: "/self-rating/{token}",
    tags,
    operationId: "getProgressionSelfRating",
    summary: "Show a self-rating link's questions",
    description:
      "The JSON twin of the page `/skattning/{token}`: the instrument's name, when the link expires and " +
      "the questions to the participant, each with its scale. Says nothing about who the participant is. " +
      LINK_IS_CREDENTIAL,
    request: { params: TokenParams },
    responses: { 200: jsonResponse(SelfRatingFormSchema, "The questions"), ...problems(400, 410) },
  },
);

export const submitSelfRating = defineRoute(
  { kind: "public" },
  {
    method: "post",
    path: "/self-rating/{token}",
    tags,
    operationId: "submitProgressionSelfRating",
    summary: "Answer a self-rating link",
    description:
      "Every question answered with a whole step on its scale. Records a measurement by the participant " +
      "dated today (Swedish time) and uses up the link in the same transaction: a second answer, even one " +
      "sent at the same moment, answers 410. " +
      LINK_IS_CREDENTIAL,
    request: { params: TokenParams, body: jsonBody(SelfRatingAnswersInput, SELF_RATING_ANSWERS) },
    responses: {
      200: jsonResponse(SelfRatingReceiptSchema, "Recorded, thank you"),
      ...problems(400, 410),
    },
  },
);
