import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./training-participants.routes.js";

export const listParticipants: RouteHandler<typeof routes.listParticipants, AppEnv> = async (c) =>
  c.json({ data: await services.listParticipants(c.get("org"), c.req.valid("param").trainingId) }, 200);

export const registerParticipant: RouteHandler<typeof routes.registerParticipant, AppEnv> = async (c) =>
  c.json(
    await services.registerParticipant(c.get("org"), c.req.valid("param").trainingId, c.req.valid("json")),
    201,
  );

export const cancelRegistration: RouteHandler<typeof routes.cancelRegistration, AppEnv> = async (c) => {
  const { trainingId, registrationId } = c.req.valid("param");
  return c.json(await services.cancelRegistration(c.get("org"), trainingId, registrationId), 200);
};

export const sessionRoster: RouteHandler<typeof routes.sessionRoster, AppEnv> = async (c) => {
  const { trainingId, sessionId } = c.req.valid("param");
  return c.json({ data: await services.sessionRoster(c.get("org"), trainingId, sessionId) }, 200);
};

export const recordAttendance: RouteHandler<typeof routes.recordAttendance, AppEnv> = async (c) => {
  const { trainingId, sessionId } = c.req.valid("param");
  return c.json(
    {
      data: await services.recordAttendance(c.get("org"), trainingId, sessionId, c.req.valid("json").entries),
    },
    200,
  );
};

export const mySessions: RouteHandler<typeof routes.mySessions, AppEnv> = async (c) =>
  c.json({ data: await services.mySessions(c.get("org")) }, 200);
