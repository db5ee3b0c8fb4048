import type { RouteHandler } from "@hono/zod-openapi";
import { AppError } from "@nns/domain";
import * as services from "@nns/services";
import { clientInfo } from "../../lib/authenticate.js";
import type { AppEnv } from "../../lib/env.js";
import { zodFieldErrors } from "../../lib/problem.js";
import type * as routes from "./newsletter-subscribers.routes.js";
import { BounceEventsSchema } from "./newsletter-subscribers.schemas.js";

export const SUBSCRIPTION_ACCEPTED = "Om adressen kan anmälas får den ett mejl med en länk för att bekräfta.";

export const listSubscribers: RouteHandler<typeof routes.listSubscribers, AppEnv> = async (c) =>
  c.json(
    await services.listSubscribers(c.get("org"), c.req.valid("param").publicationId, c.req.valid("query")),
    200,
  );

export const addSubscriber: RouteHandler<typeof routes.addSubscriber, AppEnv> = async (c) =>
  c.json(
    await services.addSubscriber(c.get("org"), c.req.valid("param").publicationId, c.req.valid("json")),
    201,
  );

export const importSubscribers: RouteHandler<typeof routes.importSubscribers, AppEnv> = async (c) => {
  const { csv, ...options } = c.req.valid("json");
  return c.json(
    await services.importSubscribers(c.get("org"), c.req.valid("param").publicationId, csv, options),
    200,
  );
};

export const exportSubscribers: RouteHandler<typeof routes.exportSubscribers, AppEnv> = async (c) =>
  c.body(await services.exportSubscribers(c.get("org"), c.req.valid("param").publicationId), 200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": 'attachment; filename="prenumeranter.csv"',
  });

export const getSubscriber: RouteHandler<typeof routes.getSubscriber, AppEnv> = async (c) => {
  const { publicationId, subscriberId } = c.req.valid("param");
  return c.json(await services.getSubscriber(c.get("org"), publicationId, subscriberId), 200);
};

export const eraseSubscriber: RouteHandler<typeof routes.eraseSubscriber, AppEnv> = async (c) => {
  const { publicationId, subscriberId } = c.req.valid("param");
  await services.eraseSubscriber(c.get("org"), publicationId, subscriberId);
  return c.body(null, 204);
};

export const unsubscribeSubscriber: RouteHandler<typeof routes.unsubscribeSubscriber, AppEnv> = async (c) => {
  const { publicationId, subscriberId } = c.req.valid("param");
  return c.json(await services.unsubscribeSubscriber(c.get("org"), publicationId, subscriberId), 200);
};

export const subscribe: RouteHandler<typeof routes.subscribe, AppEnv> = async (c) => {
  const body = c.req.valid("json");
  await services.signUp(c.get("deps"), {
    slug: c.req.valid("param").slug,
    email: body.email,
    name: body.name,
    consent: body.consent,
    source: "api",
    clientIp: clientInfo(c).ip,
  });
  return c.json({ message: SUBSCRIPTION_ACCEPTED }, 202);
};

// The bytes as received: the signature covers them, so the JSON is read only after it is checked.
export const receiveBounces: RouteHandler<typeof routes.receiveBounces, AppEnv> = async (c) => {
  const raw = Buffer.from(await c.req.arrayBuffer());
  const result = await services.receiveBounceWebhook(
    c.get("deps"),
    raw,
    c.req.header("webhook-timestamp"),
    c.req.header("webhook-signature"),
    () => {
      let json: unknown;
      try {
        json = JSON.parse(raw.toString("utf8"));
      } catch {
        throw new AppError("malformed_json", "The request body is not valid JSON.");
      }
      const parsed = BounceEventsSchema.safeParse(json);
      if (!parsed.success)
        throw new AppError("validation_failed", "The events are not valid.", {
          errors: zodFieldErrors("json", parsed.error),
        });
      return parsed.data.events;
    },
  );
  return c.json(result, 200);
};

export const receiveInbound: RouteHandler<typeof routes.receiveInbound, AppEnv> = async (c) =>
  c.json(
    await services.receiveInboundMail(
      c.get("deps"),
      Buffer.from(await c.req.arrayBuffer()),
      c.req.header("webhook-timestamp"),
      c.req.header("webhook-signature"),
    ),
    200,
  );
