import { z } from "@hono/zod-openapi";
import { SURVEY_QUESTIONS, SURVEY_SCALE } from "@nns/domain";
import { defineRoute } from "../../lib/access.js";
import { jsonBody, jsonResponse, OrgIdParams, problems, Timestamp } from "../../lib/schemas.js";
import { TrainingParams } from "../trainings/trainings.routes.js";
import { FOLLOW_UP, FOLLOW_UP_OVERVIEW, SURVEY } from "./surveys.examples.js";

const tags = ["Follow-up"];
const Token = z.string().min(1).max(100).openapi({ description: "The token from the emailed survey link" });

export const lookupSurvey = defineRoute(
  { kind: "public" },
  {
    method: "post",
    path: "/surveys/lookup",
    tags,
    operationId: "lookupSurvey",
    summary: "Show a participant's survey",
    description:
      "Everyone who attended a completed training is emailed a personal survey link; its token is the only " +
      "credential. Answers the training's title, the questions with their stable keys, the scale (1 to 5) " +
      "and whether the link has been used. The token travels in the body, never the URL. An unknown token " +
      "answers 410.",
    request: {
      body: jsonBody(z.object({ token: Token }).strict(), {
        token: "67yomhfp3cjol5yxfvj5pk6bteno5zawb2c7l6venlpu7sxk",
      }),
    },
    responses: {
      200: jsonResponse(
        z
          .object({
            trainingTitle: z.string(),
            questions: z.array(z.object({ key: z.string(), text: z.string() })),
            scale: z.object({ min: z.number().int(), max: z.number().int() }),
            answered: z.boolean(),
          })
          .openapi("Survey", { example: SURVEY }),
        "Survey",
      ),
      ...problems(400, 410),
    },
  },
);

export const answerSurvey = defineRoute(
  { kind: "public" },
  {
    method: "post",
    path: "/surveys/answer",
    tags,
    operationId: "answerSurvey",
    summary: "Answer a survey",
    description:
      "Scores per question key, each a whole number on the scale (1 to 5; an unknown key or a score off " +
      "the scale answers 400), and an optional comment. Questions may be skipped. A link answers once: " +
      "again answers 409; an unknown token 410. Answers are anonymous: no audit entry ties them to the " +
      "person, and figures are shown only for groups of at least the minimum size.",
    request: {
      body: jsonBody(
        z
          .object({
            token: Token,
            scores: z
              .partialRecord(
                z.enum(SURVEY_QUESTIONS.map((q) => q.key)),
                z.number().int().min(SURVEY_SCALE.min).max(SURVEY_SCALE.max),
              )
              .openapi({ additionalProperties: false, description: "A score per question answered" }),
            comment: z.string().trim().max(4000).nullable().optional(),
          })
          .strict(),
        {
          token: "67yomhfp3cjol5yxfvj5pk6bteno5zawb2c7l6venlpu7sxk",
          scores: { overall: 5, content: 4, usefulness: 5, organisation: 3 },
          comment: "Lokalen var för trång.",
        },
      ),
    },
    responses: { 204: { description: "Thank you" }, ...problems(400, 409, 410) },
  },
);

const Figures = z.object({
  registered: z.number().int(),
  attended: z.number().int(),
  attendedWomen: z.number().int(),
  attendedMen: z.number().int(),
  attendedOtherOrNotStated: z.number().int(),
  satisfaction: z.object({
    responses: z.number().int(),
    averages: z.record(z.string(), z.number().nullable()).nullable().openapi({
      description: "Null when fewer people answered than the minimum group size",
    }),
    distribution: z
      .record(z.string(), z.array(z.number().int()).length(5))
      .nullable()
      .openapi({
        description:
          "Per question, how many answered each score from 1 to 5 (index 0 is 1); null when fewer people " +
          "answered than the minimum group size",
      }),
    comments: z.array(z.string()).nullable(),
  }),
});

export const followUp = defineRoute(
  { kind: "org", permission: "trainings:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/trainings/{trainingId}/follow-up",
    tags,
    operationId: "getTrainingFollowUp",
    summary: "Get a training's follow-up",
    description:
      "Registered (with a seat), attended, women and men attending, surveys sent, and satisfaction: average " +
      "score per question and the comments, both null when fewer people answered than the minimum group " +
      "size (5 by default), so no one can be singled out. The running organization sees everyone and a " +
      "breakdown per förbund; a förbund taking part sees its own people. Needs `trainings:read`.",
    request: { params: TrainingParams },
    responses: {
      200: jsonResponse(
        Figures.extend({
          trainingId: z.uuid(),
          surveysSent: z.number().int(),
          byOrganization: z.array(Figures.extend({ organizationId: z.uuid(), organizationName: z.string() })),
        }).openapi("FollowUp", { example: FOLLOW_UP }),
        "Follow-up",
      ),
      ...problems(401, 403, 404),
    },
  },
);

export const followUpOverview = defineRoute(
  { kind: "org", permission: "trainings:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/training-follow-up",
    tags,
    operationId: "listTrainingFollowUps",
    summary: "List follow-up figures of completed trainings",
    description:
      "The follow-up figures of every completed training or event day the organization ran (covering " +
      "everyone) or took part in (covering its own people), newest first: the förbund's view of its " +
      "trainings over time. Satisfaction is null below the minimum group size. Needs `trainings:read`.",
    request: { params: OrgIdParams },
    responses: {
      200: jsonResponse(
        z.object({
          data: z.array(
            z.object({
              trainingId: z.uuid(),
              title: z.string(),
              kind: z.enum(["bip_skapa", "event"]),
              completedAt: Timestamp.nullable(),
              figures: Figures,
            }),
          ),
        }),
        "Follow-up per training",
        FOLLOW_UP_OVERVIEW,
      ),
      ...problems(401, 403, 404),
    },
  },
);
