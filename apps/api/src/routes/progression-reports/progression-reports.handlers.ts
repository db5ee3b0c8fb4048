import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./progression-reports.routes.js";

export const getProgressionReport: RouteHandler<typeof routes.getProgressionReport, AppEnv> = async (c) =>
  c.json(await services.progressionReport(c.get("org"), c.req.valid("query")), 200);

export const exportProgressionReport: RouteHandler<typeof routes.exportProgressionReport, AppEnv> = async (
  c,
) =>
  c.body(await services.progressionReportCsv(c.get("org"), c.req.valid("query")), 200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": 'attachment; filename="progressionsrapport.csv"',
  });

export const getProgressionReportOptions: RouteHandler<
  typeof routes.getProgressionReportOptions,
  AppEnv
> = async (c) => c.json(await services.progressionReportOptions(c.get("org")), 200);
