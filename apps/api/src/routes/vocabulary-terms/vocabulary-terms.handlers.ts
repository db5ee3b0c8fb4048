import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import { serviceContext } from "../../lib/context.js";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./vocabulary-terms.routes.js";

export const createVocabularyTerm: RouteHandler<typeof routes.createVocabularyTerm, AppEnv> = async (c) =>
  c.json(
    await services.addVocabularyTerm(serviceContext(c), c.req.valid("param").kind, c.req.valid("json")),
    201,
  );

export const updateVocabularyTerm: RouteHandler<typeof routes.updateVocabularyTerm, AppEnv> = async (c) => {
  const { kind, code } = c.req.valid("param");
  return c.json(await services.updateVocabularyTerm(serviceContext(c), kind, code, c.req.valid("json")), 200);
};
