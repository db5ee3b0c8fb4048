import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./event-cohosts.routes.js";

export const listCohosts: RouteHandler<typeof routes.listCohosts, AppEnv> = async (c) =>
  c.json(await services.listCohosts(c.get("org"), c.req.valid("param").trainingId), 200);

export const inviteCohost: RouteHandler<typeof routes.inviteCohost, AppEnv> = async (c) =>
  c.json(
    await services.inviteCohost(
      c.get("org"),
      c.req.valid("param").trainingId,
      c.req.valid("json").organizationId,
    ),
    201,
  );

export const removeCohost: RouteHandler<typeof routes.removeCohost, AppEnv> = async (c) => {
  const { trainingId, cohostId } = c.req.valid("param");
  return c.json(await services.removeCohost(c.get("org"), trainingId, cohostId), 200);
};

export const listInvitations: RouteHandler<typeof routes.listInvitations, AppEnv> = async (c) =>
  c.json(await services.listCohostInvitations(c.get("org")), 200);

export const acceptInvitation: RouteHandler<typeof routes.acceptInvitation, AppEnv> = async (c) =>
  c.json(await services.acceptCohostInvitation(c.get("org"), c.req.valid("param").trainingId), 200);

export const declineInvitation: RouteHandler<typeof routes.declineInvitation, AppEnv> = async (c) => {
  await services.declineCohostInvitation(c.get("org"), c.req.valid("param").trainingId);
  return c.body(null, 204);
};
