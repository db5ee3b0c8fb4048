import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import { expectedVersion } from "../../lib/etag.js";
import type * as routes from "./newsletter-issues.routes.js";

export const listNewsletterIssues: RouteHandler<typeof routes.listNewsletterIssues, AppEnv> = async (c) =>
  c.json({ data: await services.listIssues(c.get("org"), c.req.valid("param").publicationId) }, 200);

export const createNewsletterIssue: RouteHandler<typeof routes.createNewsletterIssue, AppEnv> = async (c) => {
  const org = c.get("org");
  const { publicationId } = c.req.valid("param");
  const created = await services.createIssue(org, publicationId, c.req.valid("json"));
  c.header("Location", `/v1/orgs/${org.organization.id}/newsletters/${publicationId}/issues/${created.id}`);
  return c.json(created, 201);
};

export const getNewsletterIssue: RouteHandler<typeof routes.getNewsletterIssue, AppEnv> = async (c) => {
  const { publicationId, issueId } = c.req.valid("param");
  return c.json(await services.getIssue(c.get("org"), publicationId, issueId), 200);
};

export const updateNewsletterIssue: RouteHandler<typeof routes.updateNewsletterIssue, AppEnv> = async (c) => {
  const { publicationId, issueId } = c.req.valid("param");
  const version = expectedVersion(c.req.valid("header")["if-match"]);
  return c.json(
    await services.updateIssue(c.get("org"), publicationId, issueId, c.req.valid("json"), version),
    200,
  );
};

export const addNewsletterSection: RouteHandler<typeof routes.addNewsletterSection, AppEnv> = async (c) => {
  const { publicationId, issueId } = c.req.valid("param");
  return c.json(await services.addSection(c.get("org"), publicationId, issueId, c.req.valid("json")), 201);
};

export const updateNewsletterSection: RouteHandler<typeof routes.updateNewsletterSection, AppEnv> = async (
  c,
) => {
  const { publicationId, issueId, sectionId } = c.req.valid("param");
  const version = expectedVersion(c.req.valid("header")["if-match"]);
  return c.json(
    await services.updateSection(
      c.get("org"),
      publicationId,
      issueId,
      sectionId,
      c.req.valid("json"),
      version,
    ),
    200,
  );
};

export const deleteNewsletterSection: RouteHandler<typeof routes.deleteNewsletterSection, AppEnv> = async (
  c,
) => {
  const { publicationId, issueId, sectionId } = c.req.valid("param");
  await services.deleteSection(c.get("org"), publicationId, issueId, sectionId);
  return c.body(null, 204);
};

export const approveNewsletterSection: RouteHandler<typeof routes.approveNewsletterSection, AppEnv> = async (
  c,
) => {
  const { publicationId, issueId, sectionId } = c.req.valid("param");
  const version = expectedVersion(c.req.valid("header")["if-match"]);
  return c.json(await services.approveSection(c.get("org"), publicationId, issueId, sectionId, version), 200);
};

export const orderNewsletterSections: RouteHandler<typeof routes.orderNewsletterSections, AppEnv> = async (
  c,
) => {
  const { publicationId, issueId } = c.req.valid("param");
  const version = expectedVersion(c.req.valid("header")["if-match"]);
  return c.json(
    await services.orderSections(
      c.get("org"),
      publicationId,
      issueId,
      c.req.valid("json").sectionIds,
      version,
    ),
    200,
  );
};

export const markNewsletterIssueReady: RouteHandler<typeof routes.markNewsletterIssueReady, AppEnv> = async (
  c,
) => {
  const { publicationId, issueId } = c.req.valid("param");
  const version = expectedVersion(c.req.valid("header")["if-match"]);
  return c.json(await services.markIssueReady(c.get("org"), publicationId, issueId, version), 200);
};

export const scheduleNewsletterIssue: RouteHandler<typeof routes.scheduleNewsletterIssue, AppEnv> = async (
  c,
) => {
  const { publicationId, issueId } = c.req.valid("param");
  const version = expectedVersion(c.req.valid("header")["if-match"]);
  const at = new Date(c.req.valid("json").scheduledAt);
  return c.json(await services.scheduleIssue(c.get("org"), publicationId, issueId, at, version), 200);
};

export const returnNewsletterIssueToDraft: RouteHandler<
  typeof routes.returnNewsletterIssueToDraft,
  AppEnv
> = async (c) => {
  const { publicationId, issueId } = c.req.valid("param");
  const version = expectedVersion(c.req.valid("header")["if-match"]);
  return c.json(await services.returnIssueToDraft(c.get("org"), publicationId, issueId, version), 200);
};

export const previewNewsletterIssue: RouteHandler<typeof routes.previewNewsletterIssue, AppEnv> = async (
  c,
) => {
  const { publicationId, issueId } = c.req.valid("param");
  return c.json(await services.previewIssue(c.get("org"), publicationId, issueId), 200);
};
