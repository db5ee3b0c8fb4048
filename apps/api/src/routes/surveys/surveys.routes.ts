import { z } from "@hono/zod-openapi";
import { SURVEY_QUESTIONS, SURVEY_SCALE } from "@nns/domain";
import { defineRoute } from "../../lib/access.js";
import { jsonBody, jsonResponse, OrgIdParams, problems, Timestamp } from "../../lib/schemas.js";
import { TrainingParams } from "../trainings/trainings.routes.js";

const tags = ["Follow-up"];
const Token = z.string().min(1).max(100).openapi({ description: "The token from the emailed survey link" });

export const lookupSurvey = defineRoute(
  { kind: "public" },
  {
    method: "post",
    path: "/surveys/lookup",
    tags,
    summary: "Show the post-event survey a personal link is for (the token travels in the body)",
    request: { body: jsonBody(z.object({ token: Token }).strict()) },
    responses: {
      200: jsonResponse(
        z
          .object({
            trainingTitle: z.string(),
            questions: z.array(z.object({ key: z.string(), text: z.string() })),
            scale: z.object({ min: z.number().int(), max: z.number().int() }),
            answered: z.boolean(),
          })
          .openapi("Survey"),
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
    summary: "Answer the survey once: scores on the scale per question, and an optional comment",
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
    comments: z.array(z.string()).nullable(),
  }),
});

export const followUp = defineRoute(
  { kind: "org", permission: "trainings:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/trainings/{trainingId}/follow-up",
    tags,
    summary: "Registered, attended, women and men attending, and satisfaction; per förbund for the owner",
    request: { params: TrainingParams },
    responses: {
      200: jsonResponse(
        Figures.extend({
          trainingId: z.uuid(),
          surveysSent: z.number().int(),
          byOrganization: z.array(Figures.extend({ organizationId: z.uuid(), organizationName: z.string() })),
        }).openapi("FollowUp"),
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
    summary:
      "Follow-up figures of every completed training or event the organization ran (everyone) or took part in (its own people), newest first",
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
      ),
      ...problems(401, 403, 404),
    },
  },
);
