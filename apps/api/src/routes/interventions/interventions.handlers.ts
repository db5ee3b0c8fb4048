import type { RouteHandler } from "@hono/zod-openapi";
import type { InterventionContent, WorkflowAction } from "@nns/domain";
import * as services from "@nns/services";
import { entryPage } from "../../catalog-pages/pages.js";
import type { AppEnv } from "../../lib/env.js";
import { expectedVersion } from "../../lib/etag.js";
import type * as routes from "./interventions.routes.js";

type Input = { parentId?: string | null | undefined; content: InterventionContent };

export const createIntervention: RouteHandler<typeof routes.createIntervention, AppEnv> = async (c) => {
  const org = c.get("org");
  const created = await services.createIntervention(org, c.req.valid("json") as Input);
  c.header("Location", `/v1/orgs/${org.organization.id}/interventions/${created.id}`);
  return c.json(created, 201);
};

export const importInterventions: RouteHandler<typeof routes.importInterventions, AppEnv> = async (c) =>
  c.json(await services.importInterventions(c.get("org"), c.req.valid("json").csv), 201);

export const listInterventions: RouteHandler<typeof routes.listInterventions, AppEnv> = async (c) =>
  c.json(await services.listInterventions(c.get("org"), c.req.valid("query")), 200);

export const getIntervention: RouteHandler<typeof routes.getIntervention, AppEnv> = async (c) => {
  const intervention = await services.getIntervention(c.get("org"), c.req.valid("param").interventionId);
  return c.json(intervention, 200);
};

export const updateIntervention: RouteHandler<typeof routes.updateIntervention, AppEnv> = async (c) => {
  const updated = await services.updateIntervention(
    c.get("org"),
    c.req.valid("param").interventionId,
    c.req.valid("json") as Input,
    expectedVersion(c.req.valid("header")["if-match"]),
  );
  return c.json(updated, 200);
};

/** The five workflow routes share one request shape; only the action differs. */
function workflow<R extends typeof routes.submitIntervention>(
  action: Exclude<WorkflowAction, "edit">,
): RouteHandler<R, AppEnv> {
  const handler: RouteHandler<typeof routes.submitIntervention, AppEnv> = async (c) => {
    const updated = await services.applyWorkflowAction(
      c.get("org"),
      c.req.valid("param").interventionId,
      action,
      c.req.valid("json"),
      expectedVersion(c.req.valid("header")["if-match"]),
    );
    return c.json(updated, 200);
  };
  return handler as unknown as RouteHandler<R, AppEnv>;
}

export const submitIntervention = workflow<typeof routes.submitIntervention>("submit");
export const withdrawIntervention = workflow<typeof routes.withdrawIntervention>("withdraw");
export const publishIntervention = workflow<typeof routes.publishIntervention>("publish");
export const returnIntervention = workflow<typeof routes.returnIntervention>("return");
export const archiveIntervention = workflow<typeof routes.archiveIntervention>("archive");

export const listVersions: RouteHandler<typeof routes.listVersions, AppEnv> = async (c) =>
  c.json(
    { data: await services.listInterventionVersions(c.get("org"), c.req.valid("param").interventionId) },
    200,
  );

export const diffVersions: RouteHandler<typeof routes.diffVersions, AppEnv> = async (c) => {
  return c.json(
    await services.diffInterventionVersions(
      c.get("org"),
      c.req.valid("param").interventionId,
      c.req.valid("query"),
    ),
    200,
  );
};

export const getInterventionProject: RouteHandler<typeof routes.getInterventionProject, AppEnv> = async (c) =>
  c.json(await services.getInterventionProject(c.get("org"), c.req.valid("param").interventionId), 200);

export const listResults: RouteHandler<typeof routes.listResults, AppEnv> = async (c) =>
  c.json({ data: await services.listResults(c.get("org"), c.req.valid("param").interventionId) }, 200);

export const publishResults: RouteHandler<typeof routes.publishResults, AppEnv> = async (c) => {
  const { interventionId, resultId } = c.req.valid("param");
  return c.json(await services.publishResults(c.get("org"), interventionId, resultId), 200);
};

export const recordResults: RouteHandler<typeof routes.recordResults, AppEnv> = async (c) =>
  c.json(
    await services.recordResults(c.get("org"), c.req.valid("param").interventionId, c.req.valid("json")),
    200,
  );

export const listCoOwners: RouteHandler<typeof routes.listCoOwners, AppEnv> = async (c) =>
  c.json({ data: await services.listCoOwners(c.get("org"), c.req.valid("param").interventionId) }, 200);

export const inviteCoOwner: RouteHandler<typeof routes.inviteCoOwner, AppEnv> = async (c) =>
  c.json(
    await services.inviteCoOwner(
      c.get("org"),
      c.req.valid("param").interventionId,
      c.req.valid("json").organizationId,
    ),
    201,
  );

export const removeCoOwner: RouteHandler<typeof routes.removeCoOwner, AppEnv> = async (c) => {
  const { interventionId, coOwnerId } = c.req.valid("param");
  await services.removeCoOwner(c.get("org"), interventionId, coOwnerId);
  return c.body(null, 204);
};

export const acceptCoOwnership: RouteHandler<typeof routes.acceptCoOwnership, AppEnv> = async (c) =>
  c.json(await services.acceptCoOwnership(c.get("org"), c.req.valid("param").interventionId), 200);

export const listCoOwnershipInvitations: RouteHandler<
  typeof routes.listCoOwnershipInvitations,
  AppEnv
> = async (c) => c.json({ data: await services.listCoOwnershipInvitations(c.get("org")) }, 200);

export const previewIntervention: RouteHandler<typeof routes.previewIntervention, AppEnv> = async (c) => {
  const { interventionId } = c.req.valid("param");
  const preview = await services.previewIntervention(c.get("org"), interventionId);
  // The delprojekt the public page would list are the published ones.
  const project = await services.catalogProject(c.get("deps"), interventionId);
  c.header("X-Robots-Tag", "noindex");
  return c.html(await entryPage({ ...preview, project }, preview), 200);
};
