import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import { expectedVersion } from "../../lib/etag.js";
import type * as routes from "./billing-settings.routes.js";

export const getSellerSettings: RouteHandler<typeof routes.getSellerSettings, AppEnv> = async (c) =>
  c.json(await services.getSellerSettings(c.get("org")), 200);

export const putSellerSettings: RouteHandler<typeof routes.putSellerSettings, AppEnv> = async (c) =>
  c.json(
    await services.putSellerSettings(
      c.get("org"),
      c.req.valid("json"),
      expectedVersion(c.req.valid("header")["if-match"]),
    ),
    200,
  );

export const getInvoicingDetails: RouteHandler<typeof routes.getInvoicingDetails, AppEnv> = async (c) =>
  c.json(await services.getInvoicingDetails(c.get("org")), 200);

export const putInvoicingDetails: RouteHandler<typeof routes.putInvoicingDetails, AppEnv> = async (c) =>
  c.json(
    await services.putInvoicingDetails(
      c.get("org"),
      c.req.valid("json"),
      expectedVersion(c.req.valid("header")["if-match"]),
    ),
    200,
  );

export const putTrainingReference: RouteHandler<typeof routes.putTrainingReference, AppEnv> = async (c) =>
  c.json(
    await services.putTrainingReference(
      c.get("org"),
      c.req.valid("param").trainingId,
      c.req.valid("json").reference,
    ),
    200,
  );
