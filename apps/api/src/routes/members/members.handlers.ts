import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import { expectedVersion } from "../../lib/etag.js";
import type * as routes from "./members.routes.js";

export const listMembers: RouteHandler<typeof routes.listMembers, AppEnv> = async (c) => {
  return c.json(await services.listMembers(c.get("org"), c.req.valid("query")), 200);
};

export const getMember: RouteHandler<typeof routes.getMember, AppEnv> = async (c) => {
  const member = await services.getMember(c.get("org"), c.req.valid("param").userId);
  return c.json(member, 200);
};

export const changeRole: RouteHandler<typeof routes.changeRole, AppEnv> = async (c) => {
  const version = expectedVersion(c.req.valid("header")["if-match"]);
  const member = await services.changeMemberRole(
    c.get("org"),
    c.req.valid("param").userId,
    c.req.valid("json").role,
    version,
  );
  return c.json(member, 200);
};

export const removeMember: RouteHandler<typeof routes.removeMember, AppEnv> = async (c) => {
  await services.removeMember(c.get("org"), c.req.valid("param").userId);
  return c.body(null, 204);
};
