import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./webhooks.routes.js";

export const listWebhookEventTypes: RouteHandler<typeof routes.listWebhookEventTypes, AppEnv> = async (c) =>
  c.json({ data: services.listWebhookEventTypes() }, 200);

export const createWebhookEndpoint: RouteHandler<typeof routes.createWebhookEndpoint, AppEnv> = async (c) =>
  c.json(await services.createWebhookEndpoint(c.get("org"), c.req.valid("json")), 201);

export const listWebhookEndpoints: RouteHandler<typeof routes.listWebhookEndpoints, AppEnv> = async (c) =>
  c.json(await services.listWebhookEndpoints(c.get("org"), c.req.valid("query")), 200);

export const getWebhookEndpoint: RouteHandler<typeof routes.getWebhookEndpoint, AppEnv> = async (c) =>
  c.json(await services.getWebhookEndpoint(c.get("org"), c.req.valid("param").endpointId), 200);

export const updateWebhookEndpoint: RouteHandler<typeof routes.updateWebhookEndpoint, AppEnv> = async (c) =>
  c.json(
    await services.updateWebhookEndpoint(c.get("org"), c.req.valid("param").endpointId, c.req.valid("json")),
    200,
  );

export const deleteWebhookEndpoint: RouteHandler<typeof routes.deleteWebhookEndpoint, AppEnv> = async (c) => {
  await services.deleteWebhookEndpoint(c.get("org"), c.req.valid("param").endpointId);
  return c.body(null, 204);
};

export const rotateWebhookSecret: RouteHandler<typeof routes.rotateWebhookSecret, AppEnv> = async (c) =>
  c.json(await services.rotateWebhookSecret(c.get("org"), c.req.valid("param").endpointId), 200);

export const listWebhookDeliveries: RouteHandler<typeof routes.listWebhookDeliveries, AppEnv> = async (c) =>
  c.json(
    await services.listWebhookDeliveries(c.get("org"), c.req.valid("param").endpointId, c.req.valid("query")),
    200,
  );

export const resendWebhookDelivery: RouteHandler<typeof routes.resendWebhookDelivery, AppEnv> = async (c) => {
  const { endpointId, deliveryId } = c.req.valid("param");
  return c.json(await services.resendWebhookDelivery(c.get("org"), endpointId, deliveryId), 202);
};

export const pingWebhookEndpoint: RouteHandler<typeof routes.pingWebhookEndpoint, AppEnv> = async (c) =>
  c.json(await services.pingWebhookEndpoint(c.get("org"), c.req.valid("param").endpointId), 202);
