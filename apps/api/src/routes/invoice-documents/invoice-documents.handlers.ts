import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { Context } from "hono";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./invoice-documents.routes.js";

export const listInvoices: RouteHandler<typeof routes.listInvoices, AppEnv> = async (c) => {
  const { cursor, limit, ...filter } = c.req.valid("query");
  return c.json(await services.listInvoices(c.get("org"), filter, { cursor, limit }), 200);
};

export const invoiceAging: RouteHandler<typeof routes.invoiceAging, AppEnv> = async (c) =>
  c.json(await services.invoiceAging(c.get("org")), 200);

function sendFile(c: Context<AppEnv>, file: services.InvoiceFile) {
  c.header("Content-Disposition", `attachment; filename="${file.filename}"`);
  const type = file.contentType === "application/xml" ? "application/xml; charset=utf-8" : file.contentType;
  return c.body(typeof file.body === "string" ? file.body : new Uint8Array(file.body), 200, {
    "content-type": type,
  });
}

export const invoicePdf: RouteHandler<typeof routes.invoicePdf, AppEnv> = async (c) =>
  sendFile(c, await services.invoiceFile(c.get("org"), c.req.valid("param").invoiceId, "pdf"));

export const invoiceUbl: RouteHandler<typeof routes.invoiceUbl, AppEnv> = async (c) =>
  sendFile(c, await services.invoiceFile(c.get("org"), c.req.valid("param").invoiceId, "ubl"));
