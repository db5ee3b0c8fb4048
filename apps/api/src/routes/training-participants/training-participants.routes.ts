import { z } from "@hono/zod-openapi";
import { GENDERS } from "@nns/domain";
import { defineRoute } from "../../lib/access.js";
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
  .openapi("TrainingParticipant");

export const listParticipants = defineRoute(
  { kind: "org", permission: "trainings:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/trainings/{trainingId}/participants",
    tags,
    summary: "The förbund's own participants (the owner sees everyone), with their sessions and places",
    request: { params: TrainingParams },
    responses: {
      200: jsonResponse(z.object({ data: z.array(ParticipantSchema) }), "Participants"),
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
    summary:
      "Register a person for sessions. Each session gives a seat if one is free within its capacity and the förbund's allocation, otherwise a place on the waiting list",
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
    summary: "Cancel a place; the next person on the waiting list moves up and is told by email",
    request: {
      params: TrainingParams.extend({
        registrationId: z.uuid().openapi({ param: { name: "registrationId", in: "path" } }),
      }),
    },
    responses: { 200: jsonResponse(ParticipantSchema, "Cancelled"), ...problems(401, 403, 404, 409) },
  },
);

export const sessionRoster = defineRoute(
  { kind: "org", permission: "sessions:attend" },
  {
    method: "get",
    path: "/orgs/{orgId}/trainings/{trainingId}/sessions/{sessionId}/roster",
    tags,
    summary: "The people with a seat, for the assigned trainer or the owner to take attendance",
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
    summary: "Take attendance for a session (the assigned trainer, or the owner)",
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
      ),
    },
    responses: {
      200: jsonResponse(
        z.object({ data: z.array(z.object({ registrationId: z.uuid(), attended: z.boolean().nullable() })) }),
        "Attendance",
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
    summary: "The sessions the signed-in trainer is assigned to",
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
      ),
      ...problems(401, 403, 404),
    },
  },
);
