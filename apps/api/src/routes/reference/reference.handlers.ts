import type { RouteHandler } from "@hono/zod-openapi";
import { COUNTIES, MUNICIPALITIES } from "@nns/db/reference";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./reference.routes.js";

export const listCounties: RouteHandler<typeof routes.listCounties, AppEnv> = async (c) => {
  c.header("Cache-Control", "public, max-age=86400");
  return c.json({ data: [...COUNTIES] }, 200);
};

export const listMunicipalities: RouteHandler<typeof routes.listMunicipalities, AppEnv> = async (c) => {
  const { countyCode } = c.req.valid("query");
  c.header("Cache-Control", "public, max-age=86400");
  return c.json({ data: MUNICIPALITIES.filter((m) => !countyCode || m.countyCode === countyCode) }, 200);
};

export const listForbund: RouteHandler<typeof routes.listForbund, AppEnv> = async (c) => {
  c.header("Cache-Control", "public, max-age=300");
  return c.json({ data: await services.forbundDirectory(c.get("deps")) }, 200);
};
