import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./newsletter-sending.routes.js";

type Route =
  | typeof routes.sendIssue
  | typeof routes.pauseIssue
  | typeof routes.resumeIssue
  | typeof routes.cancelIssue;

function transition(
  move: (
    ctx: services.OrgContext,
    publicationId: string,
    issueId: string,
  ) => Promise<services.SendingProgress>,
): RouteHandler<Route, AppEnv> {
  return async (c) => {
    const { publicationId, issueId } = c.req.valid("param");
    return c.json(await move(c.get("org"), publicationId, issueId), 200);
  };
}

export const sendIssue = transition(services.startSending);
export const pauseIssue = transition(services.pauseSending);
export const resumeIssue = transition(services.resumeSending);
export const cancelIssue = transition(services.cancelSending);

export const issueProgress: RouteHandler<typeof routes.issueProgress, AppEnv> = async (c) => {
  const { publicationId, issueId } = c.req.valid("param");
  return c.json(await services.sendingProgress(c.get("org"), publicationId, issueId), 200);
};

export const testSendIssue: RouteHandler<typeof routes.testSendIssue, AppEnv> = async (c) => {
  const { publicationId, issueId } = c.req.valid("param");
  return c.json(await services.sendTestIssue(c.get("org"), publicationId, issueId), 202);
};
