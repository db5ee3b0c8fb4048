import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import { expectedVersion } from "../../lib/etag.js";
import type * as routes from "./event-figures.routes.js";

export const getFollowUp: RouteHandler<typeof routes.getFollowUp, AppEnv> = async (c) =>
  c.json(await services.eventFollowUp(c.get("org"), c.req.valid("param").trainingId), 200);

export const putFigures: RouteHandler<typeof routes.putFigures, AppEnv> = async (c) =>
  c.json(
    await services.recordEventFigures(
      c.get("org"),
      c.req.valid("param").trainingId,
      c.req.valid("json"),
      expectedVersion(c.req.valid("header")["if-match"]),
    ),
    200,
  );

export const addPastParticipant: RouteHandler<typeof routes.addPastParticipant, AppEnv> = async (c) =>
  c.json(
    await services.recordPastAttendee(c.get("org"), c.req.valid("param").trainingId, c.req.valid("json")),
    201,
  );

export const listMemberParties: RouteHandler<typeof routes.listMemberParties, AppEnv> = async (c) =>
  c.json(await services.memberPartyChoices(c.get("org")), 200);
