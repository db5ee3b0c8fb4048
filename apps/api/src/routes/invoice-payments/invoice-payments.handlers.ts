import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./invoice-payments.routes.js";

export const registerPayment: RouteHandler<typeof routes.registerPayment, AppEnv> = async (c) =>
  c.json(
    await services.registerPayment(c.get("org"), c.req.valid("param").invoiceId, c.req.valid("json")),
    201,
  );
