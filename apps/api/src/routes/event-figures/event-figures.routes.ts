import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import { example, HALLAND, IDS } from "../../lib/examples.js";
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
import { TrainingParams } from "../trainings/trainings.routes.js";

const tags = ["Event follow-up"];
const Count = z.number().int().min(0).max(100_000);
const MemberPartyKind = z.enum(["fk", "af", "region", "kommun"]);
const Hidden = (description: string) =>
  z
    .number()
    .int()
    .nullable()
    .openapi({ description: `${description}; null when hidden (minimum group size)` });

const FIGURES = {
  registered: 132,
  attended: 118,
  attendedWomen: 97,
  attendedMen: 19,
  attendedOther: 2,
  surveyResponses: 74,
  satisfaction: 4.4,
};

const FOLLOW_UP = example({
  trainingId: IDS.event,
  source: "recorded",
  ...FIGURES,
  recorded: {
    ...FIGURES,
    note: "Efterenkät i Forms, 74 svar",
    version: 1,
    updatedAt: "2027-04-02T10:21:44.000Z",
  },
  byMemberParty: [
    {
      memberPartyId: "3c1f0f8e-8f5e-4d6c-9d0b-6a1f2b3c4d5e",
      name: "Försäkringskassan",
      kind: "fk",
      organizationName: HALLAND.name,
      registered: 31,
      attended: 28,
      attendedWomen: 24,
      attendedMen: null,
    },
    {
      memberPartyId: null,
      name: null,
      kind: null,
      organizationName: null,
      registered: 0,
      attended: 0,
      attendedWomen: 0,
      attendedMen: 0,
    },
  ],
});

const FollowUpSchema = z
  .object({
    trainingId: z.uuid(),
    source: z.enum(["recorded", "registrations"]).openapi({
      description:
        "`recorded`: the host's counts of the day; `registrations`: counted from the people registered here",
    }),
    registered: Count,
    attended: Count,
    attendedWomen: Count,
    attendedMen: Count,
    attendedOther: Count.openapi({ description: "Other gender or not stated" }),
    surveyResponses: Count.nullable(),
    satisfaction: z
      .number()
      .nullable()
      .openapi({ description: "The survey's average, 1–5, one decimal (rounded to one when recorded)" }),
    recorded: z
      .object({
        registered: Count,
        attended: Count,
        attendedWomen: Count,
        attendedMen: Count,
        attendedOther: Count,
        surveyResponses: Count.nullable(),
        satisfaction: z.number().nullable(),
        note: z.string().nullable(),
        version: z.number().int().openapi({ description: "Send as `If-Match` to replace the figures" }),
        updatedAt: Timestamp,
      })
      .nullable(),
    byMemberParty: z.array(
      z.object({
        memberPartyId: z.uuid().nullable().openapi({ description: "Null: people tied to no member party" }),
        name: z.string().nullable(),
        kind: MemberPartyKind.nullable(),
        organizationName: z.string().nullable().openapi({ description: "The host whose member party it is" }),
        registered: Hidden("Registered"),
        attended: Hidden("Attended"),
        attendedWomen: Hidden("Women attending"),
        attendedMen: Hidden("Men attending"),
      }),
    ),
  })
  .openapi("EventFollowUp", { example: FOLLOW_UP });

export const getFollowUp = defineRoute(
  { kind: "org", permission: "trainings:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/trainings/{trainingId}/event-follow-up",
    tags,
    operationId: "getEventFollowUp",
    summary: "Get an event's follow-up",
    description:
      "Seed 000's follow-up of an event for its host and co-hosts: registered, attended, women, men and " +
      "others attending, and the survey's satisfaction; the host's recorded counts when entered, otherwise " +
      "counted from the people registered. Also the registered people by the hosts' member parties " +
      "(FK, AF, region, kommun) and gender, each count hidden below the minimum group size, with a second " +
      "one hidden when one alone would be. A BIP/SKAPA training answers 409. Needs `trainings:read`.",
    request: { params: TrainingParams },
    responses: { 200: jsonResponse(FollowUpSchema, "Follow-up"), ...problems(401, 403, 404, 409) },
  },
);

export const putFigures = defineRoute(
  { kind: "org", permission: "trainings:manage" },
  {
    method: "put",
    path: "/orgs/{orgId}/trainings/{trainingId}/event-figures",
    tags,
    operationId: "putEventFigures",
    summary: "Record an event's figures afterwards",
    description:
      "The host records the counts of a day already held, for when names were not kept here: registered, " +
      "attended, women, men and others attending, and the survey's responses and average (1–5). Also after " +
      "the event is completed, not for a cancelled one or before its last session has ended (409). Women, " +
      "men and others may not exceed attended (400 `gender_exceeds_attended`), nor responses attended (400 " +
      "`responses_exceed_attended`). Replaces earlier figures; send their `version` as `If-Match` (412 on a " +
      "change since). Needs `trainings:manage`. Audited as `training.figures_recorded`.",
    request: {
      params: TrainingParams,
      headers: IfMatchHeader,
      body: jsonBody(
        z
          .object({
            registered: Count,
            attended: Count,
            attendedWomen: Count.default(0),
            attendedMen: Count.default(0),
            attendedOther: Count.default(0),
            surveyResponses: Count.nullable()
              .default(null)
              .openapi({
                description:
                  "Required with `satisfaction` (400 `required_with_satisfaction`); at most attended (400 " +
                  "`responses_exceed_attended`)",
              }),
            satisfaction: z.number().min(1).max(5).nullable().default(null),
            note: z.string().max(2000).nullable().optional(),
          })
          .strict(),
        { ...FIGURES, note: "Efterenkät i Forms, 74 svar" },
      ),
    },
    responses: { 200: jsonResponse(FollowUpSchema, "Recorded"), ...problems(400, 401, 403, 404, 409, 412) },
  },
);

const PastParticipantSchema = z
  .object({ participantId: z.uuid(), sessionIds: z.array(z.uuid()), attended: z.boolean() })
  .openapi("PastEventParticipant", {
    example: { participantId: IDS.participant, sessionIds: [IDS.session], attended: true },
  });

export const addPastParticipant = defineRoute(
  { kind: "org", permission: "trainings:register" },
  {
    method: "post",
    path: "/orgs/{orgId}/trainings/{trainingId}/past-participants",
    tags,
    operationId: "createPastEventParticipant",
    summary: "Record a participant of a day already held",
    description:
      "A host or co-host records one of its own people as registered for sessions of its event that have " +
      "already ended, with whether they attended: the list kept on paper, entered afterwards. No email is " +
      "sent and no seat is decided. A session still to come is refused (400 `session_not_over`: register " +
      "the person the usual way), as is another förbund's member party (400 `unknown_member_party`) and a " +
      "person already recorded for the sessions (409). Needs `trainings:register`. Audited as " +
      "`training.attendee_recorded`.",
    request: {
      params: TrainingParams,
      body: jsonBody(
        z
          .object({
            name: nonBlank(2).max(200),
            email: Email,
            employer: z.string().max(200).nullable().optional(),
            jobTitle: z.string().max(200).nullable().optional(),
            gender: z.enum(["woman", "man", "other"]).nullable().optional(),
            memberPartyId: z.uuid().nullable().optional().openapi({
              description:
                "One of the förbund's own member parties (GET /member-parties; 400 `unknown_member_party`)",
            }),
            sessionIds: z.array(z.uuid()).min(1).max(20).openapi({
              description:
                "Sessions of this event (400 `unknown_session`) that have already ended (400 `session_not_over`)",
            }),
            attended: z.boolean(),
          })
          .strict(),
        {
          name: "Sara Ek",
          email: "sara.ek@forsakringskassan.se",
          gender: "woman",
          memberPartyId: "3c1f0f8e-8f5e-4d6c-9d0b-6a1f2b3c4d5e",
          sessionIds: [IDS.session],
          attended: true,
        },
      ),
    },
    responses: { 201: jsonResponse(PastParticipantSchema, "Recorded"), ...problems(400, 401, 403, 404, 409) },
  },
);

const MemberPartySchema = z.object({ id: z.uuid(), kind: MemberPartyKind, name: z.string() });

export const listMemberParties = defineRoute(
  { kind: "org", permission: "trainings:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/member-parties",
    tags,
    operationId: "listMemberParties",
    summary: "List the förbund's member parties",
    description:
      "The förbund's huvudmän (FK, AF, region, kommuner) with their ids, to tie a participant to one of " +
      "them for follow-up by member party. Needs `trainings:read`.",
    request: { params: OrgIdParams },
    responses: {
      200: jsonResponse(z.array(MemberPartySchema), "Member parties", [
        { id: "3c1f0f8e-8f5e-4d6c-9d0b-6a1f2b3c4d5e", kind: "fk", name: "Försäkringskassan" },
        { id: "9a4e7d1c-2b3f-4e5a-8c6d-7e8f9a0b1c2d", kind: "kommun", name: "Eksjö kommun" },
      ]),
      ...problems(401, 403),
    },
  },
);
