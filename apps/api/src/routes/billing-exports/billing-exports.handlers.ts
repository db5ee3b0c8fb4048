import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { Context } from "hono";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./billing-exports.routes.js";

export const exportInvoicesCsv: RouteHandler<typeof routes.exportInvoicesCsv, AppEnv> = async (c) => {
  const file = await services.exportInvoicesCsv(c.get("org"), c.req.valid("query"));
  c.header("Content-Disposition", `attachment; filename="${file.filename}"`);
  return c.body(String(file.body), 200, { "content-type": "text/csv; charset=utf-8" });
};

function sendBytes(c: Context<AppEnv>, file: services.ExportFile) {
  c.header("Content-Disposition", `attachment; filename="${file.filename}"`);
  const body = typeof file.body === "string" ? file.body : new Uint8Array(file.body);
  return c.body(body, 200, { "content-type": "application/octet-stream" });
}

export const exportBookkeepingSie: RouteHandler<typeof routes.exportBookkeepingSie, AppEnv> = async (c) =>
  sendBytes(c, await services.exportBookkeepingSie(c.get("org"), c.req.valid("query")));

export const getBillingAccounts: RouteHandler<typeof routes.getBillingAccounts, AppEnv> = async (c) =>
  c.json(await services.getBillingAccounts(c.get("org")), 200);

export const putBillingAccounts: RouteHandler<typeof routes.putBillingAccounts, AppEnv> = async (c) =>
  c.json(await services.putBillingAccounts(c.get("org"), c.req.valid("json")), 200);
