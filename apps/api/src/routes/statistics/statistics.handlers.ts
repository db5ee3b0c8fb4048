import type { RouteHandler } from "@hono/zod-openapi";
import type { StatisticsView } from "@nns/domain";
import * as services from "@nns/services";
import type { Context } from "hono";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./statistics.routes.js";
import { STATISTICS_MAX_AGE_SECONDS } from "./statistics.routes.js";

function cacheForAnyone(c: Context<AppEnv>): void {
  c.header("Cache-Control", `public, max-age=${STATISTICS_MAX_AGE_SECONDS}`);
}

function csv(c: Context<AppEnv>, view: StatisticsView) {
  cacheForAnyone(c);
  c.header("Content-Disposition", `attachment; filename="${services.statisticsCsvFileName(view)}"`);
  return c.body(services.statisticsViewCsv(view), 200, { "content-type": "text/csv; charset=utf-8" });
}

export const listStatisticsPeriods: RouteHandler<typeof routes.listStatisticsPeriods, AppEnv> = async (c) => {
  const listing = await services.listStatisticsPeriods(c.get("deps"));
  cacheForAnyone(c);
  return c.json(listing, 200);
};

export const getForbundStatistics: RouteHandler<typeof routes.getForbundStatistics, AppEnv> = async (c) => {
  const view = await services.forbundStatisticsView(
    c.get("deps"),
    c.req.valid("param").slug,
    c.req.valid("query").period,
  );
  cacheForAnyone(c);
  return c.json(view, 200);
};

export const getMunicipalityStatistics: RouteHandler<
  typeof routes.getMunicipalityStatistics,
  AppEnv
> = async (c) => {
  const view = await services.municipalityStatisticsView(
    c.get("deps"),
    c.req.valid("param").code,
    c.req.valid("query").period,
  );
  cacheForAnyone(c);
  return c.json(view, 200);
};

export const getMunicipalityStatisticsTrend: RouteHandler<
  typeof routes.getMunicipalityStatisticsTrend,
  AppEnv
> = async (c) => {
  const { kind, ...measure } = c.req.valid("query");
  const trend = await services.municipalityStatisticsTrend(
    c.get("deps"),
    c.req.valid("param").code,
    measure,
    kind,
  );
  cacheForAnyone(c);
  return c.json(trend, 200);
};

export const getStatisticsRanking: RouteHandler<typeof routes.getStatisticsRanking, AppEnv> = async (c) => {
  const { period, ...measure } = c.req.valid("query");
  const ranking = await services.statisticsRanking(c.get("deps"), measure, period);
  cacheForAnyone(c);
  return c.json(ranking, 200);
};

export const getForbundStatisticsCsv: RouteHandler<typeof routes.getForbundStatisticsCsv, AppEnv> = async (
  c,
) =>
  csv(
    c,
    await services.forbundStatisticsView(
      c.get("deps"),
      c.req.valid("param").slug,
      c.req.valid("query").period,
    ),
  );

export const getMunicipalityStatisticsCsv: RouteHandler<
  typeof routes.getMunicipalityStatisticsCsv,
  AppEnv
> = async (c) =>
  csv(
    c,
    await services.municipalityStatisticsView(
      c.get("deps"),
      c.req.valid("param").code,
      c.req.valid("query").period,
    ),
  );
