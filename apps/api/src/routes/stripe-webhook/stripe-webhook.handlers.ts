import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./stripe-webhook.routes.js";

export const receiveStripeEvent: RouteHandler<typeof routes.receiveStripeEvent, AppEnv> = async (c) =>
  c.json(
    await services.receiveStripeEvent(c.get("deps"), await c.req.text(), c.req.header("stripe-signature")),
    200,
  );
