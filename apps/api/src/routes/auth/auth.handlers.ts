import type { RouteHandler } from "@hono/zod-openapi";
import { effectivePermissions } from "@nns/domain";
import type { MembershipSummary } from "@nns/services";
import * as services from "@nns/services";
import type { Context } from "hono";
import { clientInfo } from "../../lib/authenticate.js";
import { serviceContext } from "../../lib/context.js";
import { writeDeviceCookie } from "../../lib/device-cookie.js";
import type { AppEnv } from "../../lib/env.js";
import { clearSessionCookie, writeSessionCookie } from "../../lib/session-cookie.js";
import type * as routes from "./auth.routes.js";

export function membershipJson(m: MembershipSummary, nnsAdmin: boolean) {
  return {
    organization: {
      id: m.organizationId,
      name: m.organizationName,
      slug: m.organizationSlug,
      kind: m.organizationKind,
    },
    role: m.role,
    permissions: [...effectivePermissions(m.role, nnsAdmin, m.organizationKind)],
  };
}

function signedInJson(signedIn: services.SignedIn) {
  const nnsAdmin = services.nnsAdminMembership(signedIn) !== undefined;
  return { user: signedIn.user, memberships: signedIn.memberships.map((m) => membershipJson(m, nnsAdmin)) };
}

/**
 * A session presented before signing in is never promoted: it is ended, so the old token is worthless.
 * The browser is remembered as one this person signs in from.
 */
async function startSession(c: Context<AppEnv>, signedIn: services.SignedIn) {
  const previous = c.get("actor");
  if (previous?.type === "user" && previous.sessionId)
    await services.deleteSession(c.get("deps"), previous.sessionId);
  writeSessionCookie(c, signedIn.token);
  writeDeviceCookie(c, signedIn.deviceToken);
  return c.json(signedInJson(signedIn), 200);
}

export const login: RouteHandler<typeof routes.login, AppEnv> = async (c) => {
  const { email, password } = c.req.valid("json");
  return startSession(c, await services.login(c.get("deps"), { email, password, client: clientInfo(c) }));
};

export const logout: RouteHandler<typeof routes.logout, AppEnv> = async (c) => {
  const actor = c.get("actor");
  if (actor?.type === "user" && actor.sessionId) await services.deleteSession(c.get("deps"), actor.sessionId);
  clearSessionCookie(c);
  return c.body(null, 204);
};

export const me: RouteHandler<typeof routes.me, AppEnv> = async (c) => {
  const actor = c.get("actor");
  if (actor?.type === "api_key") {
    return c.json(
      {
        kind: "api_key" as const,
        apiKey: {
          id: actor.apiKeyId,
          name: actor.name,
          organizationId: actor.organizationId,
          scopes: actor.scopes,
        },
      },
      200,
    );
  }
  if (actor?.type !== "user") throw new Error("me reached without a user or key actor");
  return c.json(
    {
      kind: "user" as const,
      user: await services.getUserView(c.get("deps"), actor.userId),
      memberships: actor.memberships.map((m) => membershipJson(m, services.isNnsAdmin(actor))),
      nnsAdmin: services.isNnsAdmin(actor),
    },
    200,
  );
};

export const requestPasswordReset: RouteHandler<typeof routes.requestPasswordReset, AppEnv> = async (c) => {
  await services.requestPasswordReset(c.get("deps"), c.req.valid("json"));
  return c.body(null, 202);
};

export const confirmPasswordReset: RouteHandler<typeof routes.confirmPasswordReset, AppEnv> = async (c) => {
  const { deviceToken } = await services.confirmPasswordReset(c.get("deps"), {
    ...c.req.valid("json"),
    client: clientInfo(c),
  });
  writeDeviceCookie(c, deviceToken);
  return c.body(null, 204);
};

export const lookupInvitation: RouteHandler<typeof routes.lookupInvitation, AppEnv> = async (c) => {
  return c.json(await services.previewInvitation(c.get("deps"), c.req.valid("json").token), 200);
};

export const acceptInvitation: RouteHandler<typeof routes.acceptInvitation, AppEnv> = async (c) => {
  const body = c.req.valid("json");
  const signedIn = await services.acceptInvitation(c.get("deps"), {
    ...body,
    client: clientInfo(c),
    requestId: c.get("requestId"),
  });
  return startSession(c, signedIn);
};

export const changePassword: RouteHandler<typeof routes.changePassword, AppEnv> = async (c) => {
  await services.changePassword(serviceContext(c), c.req.valid("json"));
  return c.body(null, 204);
};

export const listSessions: RouteHandler<typeof routes.listSessions, AppEnv> = async (c) => {
  return c.json({ data: await services.listMySessions(serviceContext(c)) }, 200);
};

export const signOutOthers: RouteHandler<typeof routes.signOutOthers, AppEnv> = async (c) => {
  await services.signOutOtherSessions(serviceContext(c));
  return c.body(null, 204);
};
