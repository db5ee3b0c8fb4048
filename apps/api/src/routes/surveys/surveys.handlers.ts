import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./surveys.routes.js";

export const lookupSurvey: RouteHandler<typeof routes.lookupSurvey, AppEnv> = async (c) =>
  c.json(await services.getSurvey(c.get("deps"), c.req.valid("json").token), 200);

export const answerSurvey: RouteHandler<typeof routes.answerSurvey, AppEnv> = async (c) => {
  const { token, scores, comment } = c.req.valid("json");
  await services.answerSurvey(c.get("deps"), token, { scores, comment: comment ?? null });
  return c.body(null, 204);
};

export const followUp: RouteHandler<typeof routes.followUp, AppEnv> = async (c) =>
  c.json(await services.followUp(c.get("org"), c.req.valid("param").trainingId), 200);

export const followUpOverview: RouteHandler<typeof routes.followUpOverview, AppEnv> = async (c) =>
  c.json({ data: await services.followUpOverview(c.get("org")) }, 200);
