import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./invitations.routes.js";

export const inviteMember: RouteHandler<typeof routes.inviteMember, AppEnv> = async (c) =>
  c.json(await services.inviteMember(c.get("org"), c.req.valid("json")), 201);

export const listInvitations: RouteHandler<typeof routes.listInvitations, AppEnv> = async (c) => {
  const { status, ...page } = c.req.valid("query");
  return c.json(
    await services.listInvitations(c.get("org"), { ...page, pendingOnly: status === "pending" }),
    200,
  );
};

export const revokeInvitation: RouteHandler<typeof routes.revokeInvitation, AppEnv> = async (c) => {
  return c.json(await services.revokeInvitation(c.get("org"), c.req.valid("param").invitationId), 200);
};
