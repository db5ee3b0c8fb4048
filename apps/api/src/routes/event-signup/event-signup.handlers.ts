import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./event-signup.routes.js";

const wire = (view: services.EventSignupView) => ({
  ...view,
  openedAt: view.openedAt?.toISOString() ?? null,
  closesAt: view.closesAt?.toISOString() ?? null,
});

export const getEventSignup: RouteHandler<typeof routes.getEventSignup, AppEnv> = async (c) =>
  c.json(wire(await services.getEventSignup(c.get("org"), c.req.valid("param").trainingId)), 200);

export const putEventSignup: RouteHandler<typeof routes.putEventSignup, AppEnv> = async (c) => {
  const body = c.req.valid("json");
  const view = await services.putEventSignup(c.get("org"), c.req.valid("param").trainingId, {
    ...body,
    closesAt: body.closesAt ? new Date(body.closesAt) : null,
  });
  return c.json(wire(view), 200);
};
