import type { RouteHandler } from "@hono/zod-openapi";
import { AppError } from "@nns/domain";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./statistics-imports.routes.js";
import { STATISTICS_UPLOAD_TYPES } from "./statistics-imports.routes.js";

export const uploadStatisticsImport: RouteHandler<typeof routes.uploadStatisticsImport, AppEnv> = async (
  c,
) => {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!(STATISTICS_UPLOAD_TYPES as readonly string[]).includes(type))
    throw new AppError(
      "unsupported_media_type",
      `Send the file as ${STATISTICS_UPLOAD_TYPES.join(", ")}, not ${type || "without a Content-Type"}.`,
    );
  const org = c.get("org");
  const created = await services.uploadStatisticsImport(org, {
    fileName: c.req.valid("query").fileName,
    bytes: new Uint8Array(await c.req.arrayBuffer()),
  });
  c.header("Location", `/v1/orgs/${org.organization.id}/statistics-imports/${created.id}`);
  return c.json(created, 202);
};

export const listStatisticsImports: RouteHandler<typeof routes.listStatisticsImports, AppEnv> = async (c) =>
  c.json(await services.listStatisticsImports(c.get("org"), c.req.valid("query")), 200);

export const getStatisticsImport: RouteHandler<typeof routes.getStatisticsImport, AppEnv> = async (c) =>
  c.json(await services.getStatisticsImport(c.get("org"), c.req.valid("param").importId), 200);
