import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./training-requests.routes.js";

export const listTrainingRequests: RouteHandler<typeof routes.listTrainingRequests, AppEnv> = async (c) =>
  c.json({ data: await services.listTrainingRequests(c.get("org"), c.req.valid("query")) }, 200);

export const submitTrainingRequest: RouteHandler<typeof routes.submitTrainingRequest, AppEnv> = async (c) =>
  c.json(await services.submitTrainingRequest(c.get("org"), c.req.valid("json")), 201);

export const getTrainingRequest: RouteHandler<typeof routes.getTrainingRequest, AppEnv> = async (c) =>
  c.json(await services.getTrainingRequest(c.get("org"), c.req.valid("param").requestId), 200);

export const withdrawTrainingRequest: RouteHandler<typeof routes.withdrawTrainingRequest, AppEnv> = async (
  c,
) =>
  c.json(
    await services.closeTrainingRequest(c.get("org"), c.req.valid("param").requestId, "withdrawn", null),
    200,
  );

export const declineTrainingRequest: RouteHandler<typeof routes.declineTrainingRequest, AppEnv> = async (c) =>
  c.json(
    await services.closeTrainingRequest(
      c.get("org"),
      c.req.valid("param").requestId,
      "declined",
      c.req.valid("json").note,
    ),
    200,
  );
