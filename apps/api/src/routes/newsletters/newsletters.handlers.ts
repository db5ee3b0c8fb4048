import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import { expectedVersion } from "../../lib/etag.js";
import type * as routes from "./newsletters.routes.js";

export const listNewsletters: RouteHandler<typeof routes.listNewsletters, AppEnv> = async (c) =>
  c.json({ data: await services.listPublications(c.get("org")) }, 200);

export const createNewsletter: RouteHandler<typeof routes.createNewsletter, AppEnv> = async (c) => {
  const org = c.get("org");
  const created = await services.createPublication(org, c.req.valid("json"));
  c.header("Location", `/v1/orgs/${org.organization.id}/newsletters/${created.id}`);
  return c.json(created, 201);
};

export const getNewsletter: RouteHandler<typeof routes.getNewsletter, AppEnv> = async (c) =>
  c.json(await services.getPublication(c.get("org"), c.req.valid("param").publicationId), 200);

export const updateNewsletter: RouteHandler<typeof routes.updateNewsletter, AppEnv> = async (c) =>
  c.json(
    await services.updatePublication(
      c.get("org"),
      c.req.valid("param").publicationId,
      c.req.valid("json"),
      expectedVersion(c.req.valid("header")["if-match"]),
    ),
    200,
  );

export const archiveNewsletter: RouteHandler<typeof routes.archiveNewsletter, AppEnv> = async (c) =>
  c.json(
    await services.archivePublication(
      c.get("org"),
      c.req.valid("param").publicationId,
      expectedVersion(c.req.valid("header")["if-match"]),
    ),
    200,
  );

export const listNewsletterPublishers: RouteHandler<typeof routes.listNewsletterPublishers, AppEnv> = async (
  c,
) => c.json({ data: await services.listPublishers(c.get("org"), c.req.valid("param").publicationId) }, 200);

export const inviteNewsletterPublisher: RouteHandler<
  typeof routes.inviteNewsletterPublisher,
  AppEnv
> = async (c) =>
  c.json(
    await services.invitePublisher(
      c.get("org"),
      c.req.valid("param").publicationId,
      c.req.valid("json").organizationId,
    ),
    201,
  );

export const removeNewsletterPublisher: RouteHandler<
  typeof routes.removeNewsletterPublisher,
  AppEnv
> = async (c) => {
  const { publicationId, publisherId } = c.req.valid("param");
  await services.removePublisher(c.get("org"), publicationId, publisherId);
  return c.body(null, 204);
};

export const acceptNewsletterPublishing: RouteHandler<
  typeof routes.acceptNewsletterPublishing,
  AppEnv
> = async (c) =>
  c.json(await services.acceptPublishing(c.get("org"), c.req.valid("param").publicationId), 200);

export const setNewsletterContact: RouteHandler<typeof routes.setNewsletterContact, AppEnv> = async (c) =>
  c.json(
    await services.setPublisherContact(
      c.get("org"),
      c.req.valid("param").publicationId,
      c.req.valid("json").contact,
    ),
    200,
  );

export const listNewsletterInvitations: RouteHandler<
  typeof routes.listNewsletterInvitations,
  AppEnv
> = async (c) => c.json({ data: await services.listPublishingInvitations(c.get("org")) }, 200);
