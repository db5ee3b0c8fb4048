import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import { expectedVersion } from "../../lib/etag.js";
import type * as routes from "./event-series.routes.js";

export const listSeries: RouteHandler<typeof routes.listSeries, AppEnv> = async (c) =>
  c.json(await services.listEventSeries(c.get("org")), 200);

export const createSeries: RouteHandler<typeof routes.createSeries, AppEnv> = async (c) =>
  c.json(await services.createEventSeries(c.get("org"), c.req.valid("json")), 201);

export const getSeries: RouteHandler<typeof routes.getSeries, AppEnv> = async (c) =>
  c.json(await services.getEventSeries(c.get("org"), c.req.valid("param").seriesId), 200);

export const updateSeries: RouteHandler<typeof routes.updateSeries, AppEnv> = async (c) => {
  const body = c.req.valid("json");
  const input = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
  return c.json(
    await services.updateEventSeries(
      c.get("org"),
      c.req.valid("param").seriesId,
      input,
      expectedVersion(c.req.valid("header")["if-match"]),
    ),
    200,
  );
};

export const putTrainingSeries: RouteHandler<typeof routes.putTrainingSeries, AppEnv> = async (c) => {
  const series = await services.setEventSeries(
    c.get("org"),
    c.req.valid("param").trainingId,
    c.req.valid("json").seriesId,
  );
  return series ? c.json(series, 200) : c.body(null, 204);
};
