import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import { serviceContext } from "../../lib/context.js";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./catalog-editorial.routes.js";

export const getSelfPublishing: RouteHandler<typeof routes.getSelfPublishing, AppEnv> = async (c) =>
  c.json(await services.getSelfPublishing(c.get("org")), 200);

export const setSelfPublishing: RouteHandler<typeof routes.setSelfPublishing, AppEnv> = async (c) =>
  c.json(await services.setSelfPublishing(c.get("org"), c.req.valid("json").selfPublishing), 200);

export const editorialQueue: RouteHandler<typeof routes.editorialQueue, AppEnv> = async (c) =>
  c.json(await services.listEditorialQueue(serviceContext(c), c.req.valid("query")), 200);

export const resultQueue: RouteHandler<typeof routes.resultQueue, AppEnv> = async (c) =>
  c.json(await services.listResultsQueue(serviceContext(c), c.req.valid("query")), 200);

export const getSubmission: RouteHandler<typeof routes.getSubmission, AppEnv> = async (c) =>
  c.json(await services.getSubmission(c.get("org"), c.req.valid("param").interventionId), 200);

export const saveTargetGroup: RouteHandler<typeof routes.saveTargetGroup, AppEnv> = async (c) =>
  c.json(
    await services.saveTargetGroup(serviceContext(c), {
      code: c.req.valid("param").code,
      ...c.req.valid("json"),
    }),
    200,
  );
