import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import { serviceContext } from "../../lib/context.js";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./catalog-search-synonyms.routes.js";

export const listSearchSynonyms: RouteHandler<typeof routes.listSearchSynonyms, AppEnv> = async (c) =>
  c.json({ data: await services.listSearchSynonyms(serviceContext(c)) }, 200);

export const createSearchSynonym: RouteHandler<typeof routes.createSearchSynonym, AppEnv> = async (c) =>
  c.json(await services.createSearchSynonym(serviceContext(c), c.req.valid("json")), 201);

export const updateSearchSynonym: RouteHandler<typeof routes.updateSearchSynonym, AppEnv> = async (c) =>
  c.json(
    await services.updateSearchSynonym(
      serviceContext(c),
      c.req.valid("param").synonymId,
      c.req.valid("json"),
    ),
    200,
  );

export const deleteSearchSynonym: RouteHandler<typeof routes.deleteSearchSynonym, AppEnv> = async (c) => {
  await services.deleteSearchSynonym(serviceContext(c), c.req.valid("param").synonymId);
  return c.body(null, 204);
};
