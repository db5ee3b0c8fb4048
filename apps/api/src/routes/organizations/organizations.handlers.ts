import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import { serviceContext } from "../../lib/context.js";
import type { AppEnv } from "../../lib/env.js";
import { expectedVersion } from "../../lib/etag.js";
import type * as routes from "./organizations.routes.js";

export const listOrganizations: RouteHandler<typeof routes.listOrganizations, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid("query");
  return c.json(await services.listOrganizations(serviceContext(c), { cursor, limit }), 200);
};

export const createOrganization: RouteHandler<typeof routes.createOrganization, AppEnv> = async (c) => {
  const created = await services.createOrganization(serviceContext(c), c.req.valid("json"));
  c.header("Location", `/v1/orgs/${created.id}`);
  return c.json(created, 201);
};

export const getOrganization: RouteHandler<typeof routes.getOrganization, AppEnv> = async (c) => {
  const organization = await services.getOrganization(c.get("org"));
  return c.json(organization, 200);
};

export const updateOrganization: RouteHandler<typeof routes.updateOrganization, AppEnv> = async (c) => {
  const version = expectedVersion(c.req.valid("header")["if-match"]);
  const updated = await services.updateOrganization(c.get("org"), c.req.valid("json"), version);
  return c.json(updated, 200);
};

export const getMyAccess: RouteHandler<typeof routes.getMyAccess, AppEnv> = async (c) => {
  const org = c.get("org");
  return c.json(
    { organization: org.organization, access: org.access, permissions: [...org.permissions].sort() },
    200,
  );
};
