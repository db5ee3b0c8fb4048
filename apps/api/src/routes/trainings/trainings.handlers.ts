import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import { expectedVersion } from "../../lib/etag.js";
import type * as routes from "./trainings.routes.js";

function sessionInput<T extends { startsAt?: string; endsAt?: string }>(body: T) {
  return {
    ...body,
    startsAt: body.startsAt ? new Date(body.startsAt) : undefined,
    endsAt: body.endsAt ? new Date(body.endsAt) : undefined,
  };
}

export const listTrainings: RouteHandler<typeof routes.listTrainings, AppEnv> = async (c) =>
  c.json({ data: await services.listTrainings(c.get("org"), c.req.valid("query")) }, 200);

export const createTraining: RouteHandler<typeof routes.createTraining, AppEnv> = async (c) => {
  const org = c.get("org");
  const training = await services.createTraining(org, c.req.valid("json"));
  c.header("Location", `/v1/orgs/${org.organization.id}/trainings/${training.id}`);
  return c.json(training, 201);
};

export const getTraining: RouteHandler<typeof routes.getTraining, AppEnv> = async (c) => {
  const training = await services.getTraining(c.get("org"), c.req.valid("param").trainingId);
  return c.json(training, 200);
};

export const updateTraining: RouteHandler<typeof routes.updateTraining, AppEnv> = async (c) => {
  const training = await services.updateTraining(
    c.get("org"),
    c.req.valid("param").trainingId,
    c.req.valid("json"),
    expectedVersion(c.req.valid("header")["if-match"]),
  );
  return c.json(training, 200);
};

export const moveTraining: RouteHandler<typeof routes.moveTraining, AppEnv> = async (c) => {
  const { action, reason } = c.req.valid("json");
  return c.json(
    await services.moveTraining(c.get("org"), c.req.valid("param").trainingId, action, reason ?? null),
    200,
  );
};

export const setParty: RouteHandler<typeof routes.setParty, AppEnv> = async (c) => {
  const { trainingId, partyId } = c.req.valid("param");
  return c.json(await services.setParty(c.get("org"), trainingId, partyId, c.req.valid("json")), 200);
};

export const removeParty: RouteHandler<typeof routes.removeParty, AppEnv> = async (c) => {
  const { trainingId, partyId } = c.req.valid("param");
  return c.json(await services.removeParty(c.get("org"), trainingId, partyId), 200);
};

export const addSession: RouteHandler<typeof routes.addSession, AppEnv> = async (c) => {
  const body = c.req.valid("json");
  return c.json(
    await services.addSession(c.get("org"), c.req.valid("param").trainingId, {
      ...sessionInput(body),
      startsAt: new Date(body.startsAt),
    }),
    201,
  );
};

export const updateSession: RouteHandler<typeof routes.updateSession, AppEnv> = async (c) => {
  const { trainingId, sessionId } = c.req.valid("param");
  const body = sessionInput(c.req.valid("json"));
  const input = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
  return c.json(
    await services.updateSession(
      c.get("org"),
      trainingId,
      sessionId,
      input,
      expectedVersion(c.req.valid("header")["if-match"]),
    ),
    200,
  );
};

export const removeSession: RouteHandler<typeof routes.removeSession, AppEnv> = async (c) => {
  const { trainingId, sessionId } = c.req.valid("param");
  return c.json(await services.removeSession(c.get("org"), trainingId, sessionId), 200);
};

export const trainingCalendar: RouteHandler<typeof routes.trainingCalendar, AppEnv> = async (c) => {
  const ics = await services.trainingCalendar(c.get("org"), c.req.valid("param").trainingId);
  c.header("Content-Type", "text/calendar; charset=utf-8");
  c.header("Content-Disposition", 'attachment; filename="utbildning.ics"');
  return c.body(ics, 200);
};

export const seats: RouteHandler<typeof routes.seats, AppEnv> = async (c) =>
  c.json({ data: await services.seatsOverview(c.get("org"), c.req.valid("param").trainingId) }, 200);
