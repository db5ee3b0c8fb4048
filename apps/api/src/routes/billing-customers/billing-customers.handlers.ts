import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./billing-customers.routes.js";

export const getBillingCustomer: RouteHandler<typeof routes.getBillingCustomer, AppEnv> = async (c) =>
  c.json(await services.getBillingCustomer(c.get("org"), c.req.valid("param").buyerOrganizationId), 200);

export const putBillingCustomer: RouteHandler<typeof routes.putBillingCustomer, AppEnv> = async (c) =>
  c.json(
    await services.putBillingCustomer(
      c.get("org"),
      c.req.valid("param").buyerOrganizationId,
      c.req.valid("json"),
    ),
    200,
  );
