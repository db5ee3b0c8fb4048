import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import { nnsContext } from "../../lib/context.js";
import type { AppEnv } from "../../lib/env.js";
import { expectedVersion } from "../../lib/etag.js";
import type * as routes from "./trainers.routes.js";

export const listTrainers: RouteHandler<typeof routes.listTrainers, AppEnv> = async (c) =>
  c.json({ data: await services.listTrainers(await nnsContext(c)) }, 200);

export const createTrainer: RouteHandler<typeof routes.createTrainer, AppEnv> = async (c) => {
  const trainer = await services.createTrainer(await nnsContext(c), c.req.valid("json"));
  return c.json(trainer, 201);
};

export const getTrainer: RouteHandler<typeof routes.getTrainer, AppEnv> = async (c) => {
  const trainer = await services.getTrainer(await nnsContext(c), c.req.valid("param").trainerId);
  return c.json(trainer, 200);
};

export const updateTrainer: RouteHandler<typeof routes.updateTrainer, AppEnv> = async (c) => {
  const trainer = await services.updateTrainer(
    await nnsContext(c),
    c.req.valid("param").trainerId,
    c.req.valid("json"),
    expectedVersion(c.req.valid("header")["if-match"]),
  );
  return c.json(trainer, 200);
};

export const addCertification: RouteHandler<typeof routes.addCertification, AppEnv> = async (c) =>
  c.json(
    await services.addCertification(await nnsContext(c), c.req.valid("param").trainerId, c.req.valid("json")),
    201,
  );

export const revokeCertification: RouteHandler<typeof routes.revokeCertification, AppEnv> = async (c) => {
  const { trainerId, certificationId } = c.req.valid("param");
  return c.json(await services.revokeCertification(await nnsContext(c), trainerId, certificationId), 200);
};

export const expiringCertifications: RouteHandler<typeof routes.expiringCertifications, AppEnv> = async (c) =>
  c.json({ data: await services.expiringCertifications(await nnsContext(c)) }, 200);

export const listPriceItems: RouteHandler<typeof routes.listPriceItems, AppEnv> = async (c) =>
  c.json({ data: await services.listPriceItems(await nnsContext(c)) }, 200);

export const putPriceItem: RouteHandler<typeof routes.putPriceItem, AppEnv> = async (c) => {
  const item = await services.upsertPriceItem(
    await nnsContext(c),
    { ...c.req.valid("json"), code: c.req.valid("param").code },
    expectedVersion(c.req.valid("header")["if-match"]),
  );
  return c.json(item, 200);
};

export const getTemplate: RouteHandler<typeof routes.getTemplate, AppEnv> = async (c) => {
  const template = await services.getTemplate(await nnsContext(c));
  return c.json(template, 200);
};

export const putTemplate: RouteHandler<typeof routes.putTemplate, AppEnv> = async (c) => {
  const template = await services.updateTemplate(
    await nnsContext(c),
    c.req.valid("json"),
    expectedVersion(c.req.valid("header")["if-match"]),
  );
  return c.json(template, 200);
};

export const pairingSuggestions: RouteHandler<typeof routes.pairingSuggestions, AppEnv> = async (c) =>
  c.json({ data: await services.pairingSuggestions(await nnsContext(c)) }, 200);
