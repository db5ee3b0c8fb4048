import { z } from "@hono/zod-openapi";
import { GENDERS } from "@nns/domain";
import { defineRoute } from "../../lib/access.js";
import { HALLAND, IDS } from "../../lib/examples.js";
import {
  Email,
  jsonBody,
  jsonResponse,
  nonBlank,
  OrgIdParams,
  problems,
  Timestamp,
} from "../../lib/schemas.js";
import { SessionParams, TrainingParams } from "../trainings/trainings.routes.js";
import { PARTICIPANT, REGISTER_PARTICIPANT } from "./training-participants.examples.js";

const tags = ["Training participants"];

const ParticipantSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    name: z.string(),
    email: z.string(),
    employer: z.string().nullable(),
    jobTitle: z.string().nullable(),
    gender: z.enum(GENDERS).nullable(),
    contactConsent: z.boolean(),
    registrations: z.array(
      z.object({
        id: z.uuid(),
        sessionId: z.uuid(),
        status: z.enum(["confirmed", "waitlisted", "cancelled"]),
        waitingPosition: z.number().int().nullable(),
        attended: z.boolean().nullable(),
      }),
    ),
    createdAt: Timestamp,
  })
  .openapi("TrainingParticipant", { example: PARTICIPANT });

export const listParticipants = defineRoute(
  { kind: "org", permission: "trainings:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/trainings/{trainingId}/participants",
    tags,
    operationId: "listTrainingParticipants",
    summary: "List a training's participants",
    description:
      "The people the calling förbund registered, each with their sessions and whether they have a seat " +
      "or a place on the waiting list (with its position); the organization running the training sees " +
      "every förbund's people. Needs `trainings:read`.",
    request: { params: TrainingParams },
    responses: {
      200: jsonResponse(z.object({ data: z.array(ParticipantSchema) }), "Participants", {
        data: [PARTICIPANT],
      }),
      ...problems(401, 403, 404),
    },
  },
);

export const registerParticipant = defineRoute(
  { kind: "org", permission: "trainings:register" },
  {
    method: "post",
    path: "/orgs/{orgId}/trainings/{trainingId}/participants",
    tags,
    operationId: "createTrainingParticipant",
    summary: "Register a person for sessions",
    description:
      "For a förbund taking part (403 otherwise), while the training is planned or confirmed (409 " +
      "otherwise), for sessions that have not ended. Each session gives a seat if one is free within its " +
      "capacity and the förbund's allocation, counted across every förbund, otherwise a place on the " +
      "waiting list; the person is emailed a confirmation with a calendar file for the seats. Registering " +
      "the same email again adds only new sessions (409 if none). Needs `trainings:register`. Audited as " +
      "`registration.created`.",
    request: {
      params: TrainingParams,
      body: jsonBody(
        z
          .object({
            name: nonBlank(1).max(200),
            email: Email,
            employer: z.string().trim().max(200).nullable().optional().openapi({
              description: "Employer or member party, e.g. Försäkringskassan or Halmstads kommun",
            }),
            jobTitle: z.string().trim().max(200).nullable().optional(),
            gender: z.enum(GENDERS).nullable().optional().openapi({
              description: "Optional; only used for the follow-up's counts of women and men attending",
            }),
            contactConsent: z.boolean(),
            sessionIds: z.array(z.uuid()).min(1).max(20).openapi({
              description:
                "Sessions of this training (400 `unknown_session`) that have not ended (400 `session_over`)",
            }),
          })
          .strict(),
        REGISTER_PARTICIPANT,
      ),
    },
    responses: { 201: jsonResponse(ParticipantSchema, "Registered"), ...problems(400, 401, 403, 404, 409) },
  },
);

export const cancelRegistration = defineRoute(
  { kind: "org", permission: "trainings:register" },
  {
    method: "post",
    path: "/orgs/{orgId}/trainings/{trainingId}/registrations/{registrationId}/cancel",
    tags,
    operationId: "cancelTrainingRegistration",
    summary: "Cancel a registration",
    description:
      "A förbund cancels its own people's registrations, the organization running the training anyone's. " +
      "A freed seat goes at once to the next person on the waiting list whose förbund has room, who is " +
      "told by email. An already cancelled registration answers 409. Needs `trainings:register`. Audited " +
      "as `registration.cancelled` (and `registration.promoted` for whoever moves up).",
    request: {
      params: TrainingParams.extend({
        registrationId: z.uuid().openapi({ param: { name: "registrationId", in: "path" } }),
      }),
    },
    responses: {
      200: jsonResponse(ParticipantSchema, "Cancelled", {
        ...PARTICIPANT,
        registrations: [
          PARTICIPANT.registrations[0],
          { ...PARTICIPANT.registrations[1], status: "cancelled", waitingPosition: null },
        ],
      }),
      ...problems(401, 403, 404, 409),
    },
  },
);

export const sessionRoster = defineRoute(
  { kind: "org", permission: "sessions:attend" },
  {
    method: "get",
    path: "/orgs/{orgId}/trainings/{trainingId}/sessions/{sessionId}/roster",
    tags,
    operationId: "getSessionRoster",
    summary: "Get a session's roster",
    description:
      "The people with a seat in the session, with their förbund and attendance so far, for taking " +
      "attendance. Only a trainer assigned to the session or someone who manages the running " +
      "organization's trainings (403 otherwise); for others the training does not exist (404). Needs " +
      "`sessions:attend`.",
    request: { params: SessionParams },
    responses: {
      200: jsonResponse(
        z.object({
          data: z.array(
            z.object({
              registrationId: z.uuid(),
              organizationId: z.uuid(),
              name: z.string(),
              employer: z.string().nullable(),
              attended: z.boolean().nullable(),
            }),
          ),
        }),
        "Roster",
        {
          data: [
            {
              registrationId: IDS.registration,
              organizationId: HALLAND.id,
              name: "Sara Holm",
              employer: "Försäkringskassan",
              attended: true,
            },
            {
              registrationId: "2c84b2cc-6947-47b6-aa90-ec05701df0a7",
              organizationId: HALLAND.id,
              name: "Ahmed Yusuf",
              employer: "Halmstads kommun",
              attended: null,
            },
          ],
        },
      ),
      ...problems(401, 403, 404),
    },
  },
);

export const recordAttendance = defineRoute(
  { kind: "org", permission: "sessions:attend" },
  {
    method: "put",
    path: "/orgs/{orgId}/trainings/{trainingId}/sessions/{sessionId}/attendance",
    tags,
    operationId: "recordSessionAttendance",
    summary: "Take attendance",
    description:
      "Marks who attended, for people with a seat only (400 for a waiting or cancelled registration). Opens " +
      "30 minutes before the session starts (409 before) and closes when the training is completed or " +
      "cancelled (409), as the follow-up counts it. The same people may take it as may read the roster. " +
      "Needs `sessions:attend`. Audited as `training.attendance_recorded`.",
    request: {
      params: SessionParams,
      body: jsonBody(
        z
          .object({
            entries: z
              .array(
                z
                  .object({
                    registrationId: z.uuid().openapi({
                      description:
                        "A registration for this session (400 `unknown_registration`) with a seat (400 `not_confirmed`)",
                    }),
                    attended: z.boolean(),
                  })
                  .strict(),
              )
              .min(1)
              .max(1000),
          })
          .strict(),
        {
          entries: [
            { registrationId: IDS.registration, attended: true },
            { registrationId: "2c84b2cc-6947-47b6-aa90-ec05701df0a7", attended: false },
          ],
        },
      ),
    },
    responses: {
      200: jsonResponse(
        z.object({ data: z.array(z.object({ registrationId: z.uuid(), attended: z.boolean().nullable() })) }),
        "Attendance",
        {
          data: [
            { registrationId: IDS.registration, attended: true },
            { registrationId: "2c84b2cc-6947-47b6-aa90-ec05701df0a7", attended: false },
          ],
        },
      ),
      // 409: the session has not begun yet.
      ...problems(400, 401, 403, 404, 409),
    },
  },
);

export const mySessions = defineRoute(
  { kind: "org", permission: "sessions:attend" },
  {
    method: "get",
    path: "/orgs/{orgId}/my-sessions",
    tags,
    operationId: "listMyTrainingSessions",
    summary: "List the sessions I train",
    description:
      "The sessions the signed-in trainer is assigned to (known by their email in the trainer registry), " +
      "with their training, time and place, for their own overview and attendance. Only for a person " +
      "signed in, not an API key (403). Needs `sessions:attend`.",
    request: { params: OrgIdParams },
    responses: {
      200: jsonResponse(
        z.object({
          data: z.array(
            z.object({
              sessionId: z.uuid(),
              trainingId: z.uuid(),
              trainingTitle: z.string(),
              trainingStatus: z.string(),
              title: z.string(),
              startsAt: Timestamp,
              endsAt: Timestamp,
              mode: z.enum(["digital", "on_site"]),
              location: z.string().nullable(),
              videoLink: z.string().nullable(),
            }),
          ),
        }),
        "Sessions",
        {
          data: [
            {
              sessionId: IDS.secondSession,
              trainingId: IDS.training,
              trainingTitle: "BIP/SKAPA Halland och Göteborg Nordost, våren 2027",
              trainingStatus: "planned",
              title: "Utbildning i progressionsmätning",
              startsAt: "2027-03-17T07:30:00.000Z",
              endsAt: "2027-03-17T14:30:00.000Z",
              mode: "on_site",
              location: "Halmstad, Kristian IV:s väg 3, sal Tylösand",
              videoLink: null,
            },
          ],
        },
      ),
      ...problems(401, 403, 404),
    },
  },
);
