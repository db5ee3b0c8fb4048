import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import { STATISTICS_MAX_AGE_SECONDS } from "../statistics/statistics.routes.js";
import type * as routes from "./statistics-reports.routes.js";

/** RFC 5987's attr-char: encodeURIComponent leaves `'()*!` alone, which `filename*` must not carry raw. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export const getForbundBoardReport: RouteHandler<typeof routes.getForbundBoardReport, AppEnv> = async (c) => {
  const file = await services.forbundBoardReport(
    c.get("deps"),
    c.req.valid("param").slug,
    c.req.valid("query").period,
  );
  c.header("Cache-Control", `public, max-age=${STATISTICS_MAX_AGE_SECONDS}`);
  c.header(
    "Content-Disposition",
    `inline; filename="${file.asciiFileName}"; filename*=UTF-8''${rfc5987(file.fileName)}`,
  );
  return c.body(new Uint8Array(file.body), 200, { "content-type": "application/pdf" });
};
