import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./progression-privacy.routes.js";

export const createSelfRatingLink: RouteHandler<typeof routes.createSelfRatingLink, AppEnv> = async (c) =>
  c.json(
    await services.createSelfRatingLink(
      c.get("org"),
      c.req.valid("param").participantId,
      c.req.valid("json"),
    ),
    201,
  );

export const exportParticipant: RouteHandler<typeof routes.exportParticipant, AppEnv> = async (c) => {
  const data = await services.exportParticipant(c.get("org"), c.req.valid("param").participantId);
  if (c.req.valid("query").format === "json") return c.json(data, 200);
  c.header("Content-Disposition", `attachment; filename="deltagare-${data.participant.code}.csv"`);
  return c.body(services.participantExportCsv(data), 200, { "content-type": "text/csv; charset=utf-8" });
};

export const eraseParticipant: RouteHandler<typeof routes.eraseParticipant, AppEnv> = async (c) => {
  await services.eraseParticipant(c.get("org"), c.req.valid("param").participantId);
  return c.body(null, 204);
};

export const getProgressionSettings: RouteHandler<typeof routes.getProgressionSettings, AppEnv> = async (c) =>
  c.json(await services.getProgressionSettings(c.get("org")), 200);

export const putProgressionSettings: RouteHandler<typeof routes.putProgressionSettings, AppEnv> = async (c) =>
  c.json(await services.putProgressionSettings(c.get("org"), c.req.valid("json")), 200);

export const getSelfRating: RouteHandler<typeof routes.getSelfRating, AppEnv> = async (c) =>
  c.json(await services.selfRatingForm(c.get("deps"), c.req.valid("param").token), 200);

export const submitSelfRating: RouteHandler<typeof routes.submitSelfRating, AppEnv> = async (c) =>
  c.json(
    await services.submitSelfRating(c.get("deps"), c.req.valid("param").token, c.req.valid("json").answers),
    200,
  );
