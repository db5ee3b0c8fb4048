import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./newsletters-public.routes.js";

export const getPublicNewsletter: RouteHandler<typeof routes.getPublicNewsletter, AppEnv> = async (c) =>
  c.json(await services.getPublicPublication(c.get("deps"), c.req.valid("param").slug), 200);

export const listPublicNewsletterIssues: RouteHandler<
  typeof routes.listPublicNewsletterIssues,
  AppEnv
> = async (c) =>
  c.json(
    await services.listPublicIssues(c.get("deps"), c.req.valid("param").slug, c.req.valid("query")),
    200,
  );

export const getPublicNewsletterIssue: RouteHandler<typeof routes.getPublicNewsletterIssue, AppEnv> = async (
  c,
) => {
  const { slug, number } = c.req.valid("param");
  return c.json(await services.getPublicIssue(c.get("deps"), slug, number), 200);
};
