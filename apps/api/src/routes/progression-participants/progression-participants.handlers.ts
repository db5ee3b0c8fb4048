import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import { expectedVersion } from "../../lib/etag.js";
import type * as routes from "./progression-participants.routes.js";

export const listParticipants: RouteHandler<typeof routes.listParticipants, AppEnv> = async (c) =>
  c.json(await services.listProgressionParticipants(c.get("org"), c.req.valid("query")), 200);

export const createParticipant: RouteHandler<typeof routes.createParticipant, AppEnv> = async (c) => {
  const org = c.get("org");
  const created = await services.createProgressionParticipant(org, c.req.valid("json"));
  c.header("Location", `/v1/orgs/${org.organization.id}/progression/participants/${created.id}`);
  return c.json(created, 201);
};

export const getParticipant: RouteHandler<typeof routes.getParticipant, AppEnv> = async (c) =>
  c.json(await services.getProgressionParticipant(c.get("org"), c.req.valid("param").participantId), 200);

export const updateParticipant: RouteHandler<typeof routes.updateParticipant, AppEnv> = async (c) =>
  c.json(
    await services.updateProgressionParticipant(
      c.get("org"),
      c.req.valid("param").participantId,
      c.req.valid("json"),
      expectedVersion(c.req.valid("header")["if-match"]),
    ),
    200,
  );

export const listMeasurements: RouteHandler<typeof routes.listMeasurements, AppEnv> = async (c) =>
  c.json({ data: await services.listMeasurements(c.get("org"), c.req.valid("param").participantId) }, 200);

export const recordMeasurement: RouteHandler<typeof routes.recordMeasurement, AppEnv> = async (c) =>
  c.json(
    await services.recordMeasurement(c.get("org"), c.req.valid("param").participantId, c.req.valid("json")),
    201,
  );

export const deleteMeasurement: RouteHandler<typeof routes.deleteMeasurement, AppEnv> = async (c) => {
  const { participantId, measurementId } = c.req.valid("param");
  await services.deleteMeasurement(c.get("org"), participantId, measurementId);
  return c.body(null, 204);
};

export const getComparison: RouteHandler<typeof routes.getComparison, AppEnv> = async (c) =>
  c.json(
    await services.getComparison(c.get("org"), c.req.valid("param").participantId, c.req.valid("query")),
    200,
  );

export const listDueOccasions: RouteHandler<typeof routes.listDueOccasions, AppEnv> = async (c) =>
  c.json({ data: await services.listDueOccasions(c.get("org"), c.req.valid("query")) }, 200);

export const listAccessLog: RouteHandler<typeof routes.listAccessLog, AppEnv> = async (c) =>
  c.json(await services.listAccessLog(c.get("org"), c.req.valid("query")), 200);
