import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./invoices.routes.js";

export const draftInvoices: RouteHandler<typeof routes.draftInvoices, AppEnv> = async (c) =>
  c.json(await services.draftInvoices(c.get("org"), c.req.valid("param").trainingId), 200);

export const getInvoice: RouteHandler<typeof routes.getInvoice, AppEnv> = async (c) =>
  c.json(await services.getInvoice(c.get("org"), c.req.valid("param").invoiceId), 200);

export const discardDraft: RouteHandler<typeof routes.discardDraft, AppEnv> = async (c) => {
  await services.discardDraft(c.get("org"), c.req.valid("param").invoiceId);
  return c.body(null, 204);
};

export const issueInvoice: RouteHandler<typeof routes.issueInvoice, AppEnv> = async (c) =>
  c.json(await services.issueInvoice(c.get("org"), c.req.valid("param").invoiceId), 200);

export const createCreditNote: RouteHandler<typeof routes.createCreditNote, AppEnv> = async (c) =>
  c.json(
    await services.createCreditNote(c.get("org"), c.req.valid("param").invoiceId, c.req.valid("json")),
    201,
  );
