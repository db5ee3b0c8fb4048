import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import { atomFeed } from "./atom.js";
import type * as routes from "./catalog.routes.js";
import { toCatalogQuery } from "./catalog-query.js";

export const searchCatalog: RouteHandler<typeof routes.searchCatalog, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid("query");
  return c.json(await services.searchCatalog(c.get("deps"), toCatalogQuery(filters), { cursor, limit }), 200);
};

export const getCatalogEntry: RouteHandler<typeof routes.getCatalogEntry, AppEnv> = async (c) =>
  c.json(await services.getCatalogEntry(c.get("deps"), c.req.valid("param").interventionId), 200);

export const exportCatalog: RouteHandler<typeof routes.exportCatalog, AppEnv> = async (c) => {
  const { format, ...filters } = c.req.valid("query");
  const entries = await services.exportCatalog(c.get("deps"), toCatalogQuery(filters));
  if (format === "json") return c.json({ data: entries }, 200);
  c.header("Content-Disposition", 'attachment; filename="insatskatalog.csv"');
  return c.body(services.catalogCsv(entries), 200, { "content-type": "text/csv; charset=utf-8" });
};

export const catalogFeed: RouteHandler<typeof routes.catalogFeed, AppEnv> = async (c) => {
  const entries = await services.recentCatalogEntries(c.get("deps"));
  return c.body(atomFeed(entries, c.get("options").publicUrl), 200, {
    "content-type": "application/atom+xml; charset=utf-8",
  });
};

export const catalogVocabularies: RouteHandler<typeof routes.catalogVocabularies, AppEnv> = async (c) =>
  c.json(
    await services.catalogVocabularies(c.get("deps"), {
      includeRetired: c.req.valid("query").includeRetired === "true",
    }),
    200,
  );
