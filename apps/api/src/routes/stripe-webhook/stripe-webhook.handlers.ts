import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./stripe-webhook.routes.js";

// The bytes as received: decoding them as text first could change what the signature covers (a BOM, say).
export const receiveStripeEvent: RouteHandler<typeof routes.receiveStripeEvent, AppEnv> = async (c) =>
  c.json(
    await services.receiveStripeEvent(
      c.get("deps"),
      Buffer.from(await c.req.arrayBuffer()),
      c.req.header("stripe-signature"),
    ),
    200,
  );
