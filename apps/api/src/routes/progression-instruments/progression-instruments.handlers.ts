import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import { expectedVersion } from "../../lib/etag.js";
import type * as routes from "./progression-instruments.routes.js";

export const listProgressionInstruments: RouteHandler<
  typeof routes.listProgressionInstruments,
  AppEnv
> = async (c) => c.json({ data: await services.listInstruments(c.get("org")) }, 200);

export const createProgressionInstrument: RouteHandler<
  typeof routes.createProgressionInstrument,
  AppEnv
> = async (c) => {
  const org = c.get("org");
  const created = await services.createInstrument(org, c.req.valid("json"));
  c.header("Location", `/v1/orgs/${org.organization.id}/progression/instruments/${created.id}`);
  return c.json(created, 201);
};

export const getProgressionInstrument: RouteHandler<typeof routes.getProgressionInstrument, AppEnv> = async (
  c,
) => c.json(await services.getInstrument(c.get("org"), c.req.valid("param").instrumentId), 200);

export const updateProgressionInstrument: RouteHandler<
  typeof routes.updateProgressionInstrument,
  AppEnv
> = async (c) =>
  c.json(
    await services.updateInstrument(
      c.get("org"),
      c.req.valid("param").instrumentId,
      c.req.valid("json"),
      expectedVersion(c.req.valid("header")["if-match"]),
    ),
    200,
  );

const versionLocation = (orgId: string, version: { instrumentId: string; id: string }) =>
  `/v1/orgs/${orgId}/progression/instruments/${version.instrumentId}/versions/${version.id}`;

export const createProgressionInstrumentVersion: RouteHandler<
  typeof routes.createProgressionInstrumentVersion,
  AppEnv
> = async (c) => {
  const org = c.get("org");
  const created = await services.createInstrumentVersion(
    org,
    c.req.valid("param").instrumentId,
    c.req.valid("json"),
  );
  c.header("Location", versionLocation(org.organization.id, created));
  return c.json(created, 201);
};

/** The body is CSV or JSON by its content type; the route's contract admits only those two. */
export const importProgressionInstrumentVersion: RouteHandler<
  typeof routes.importProgressionInstrumentVersion,
  AppEnv
> = async (c) => {
  const org = c.get("org");
  const isCsv = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() === "text/csv";
  const created = await services.importInstrumentVersion(
    org,
    c.req.valid("param").instrumentId,
    isCsv ? { format: "csv", csv: await c.req.text() } : { format: "json", body: c.req.valid("json") },
    c.req.valid("query").changeNote,
  );
  c.header("Location", versionLocation(org.organization.id, created));
  return c.json(created, 201);
};

export const getProgressionInstrumentVersion: RouteHandler<
  typeof routes.getProgressionInstrumentVersion,
  AppEnv
> = async (c) => {
  const { instrumentId, versionId } = c.req.valid("param");
  return c.json(await services.getInstrumentVersion(c.get("org"), instrumentId, versionId), 200);
};

export const updateProgressionInstrumentVersion: RouteHandler<
  typeof routes.updateProgressionInstrumentVersion,
  AppEnv
> = async (c) => {
  const { instrumentId, versionId } = c.req.valid("param");
  return c.json(
    await services.updateInstrumentVersion(
      c.get("org"),
      instrumentId,
      versionId,
      c.req.valid("json"),
      expectedVersion(c.req.valid("header")["if-match"]),
    ),
    200,
  );
};

export const deleteProgressionInstrumentVersion: RouteHandler<
  typeof routes.deleteProgressionInstrumentVersion,
  AppEnv
> = async (c) => {
  const { instrumentId, versionId } = c.req.valid("param");
  await services.deleteInstrumentVersion(
    c.get("org"),
    instrumentId,
    versionId,
    expectedVersion(c.req.valid("header")["if-match"]),
  );
  return c.body(null, 204);
};

export const publishProgressionInstrumentVersion: RouteHandler<
  typeof routes.publishProgressionInstrumentVersion,
  AppEnv
> = async (c) => {
  const { instrumentId, versionId } = c.req.valid("param");
  return c.json(
    await services.changeInstrumentVersionStatus(
      c.get("org"),
      instrumentId,
      versionId,
      "publish",
      expectedVersion(c.req.valid("header")["if-match"]),
    ),
    200,
  );
};

export const retireProgressionInstrumentVersion: RouteHandler<
  typeof routes.retireProgressionInstrumentVersion,
  AppEnv
> = async (c) => {
  const { instrumentId, versionId } = c.req.valid("param");
  return c.json(
    await services.changeInstrumentVersionStatus(
      c.get("org"),
      instrumentId,
      versionId,
      "retire",
      expectedVersion(c.req.valid("header")["if-match"]),
    ),
    200,
  );
};

export const listProgressionItemMappings: RouteHandler<
  typeof routes.listProgressionItemMappings,
  AppEnv
> = async (c) => {
  const { instrumentId, versionId } = c.req.valid("param");
  return c.json({ data: await services.listItemMappings(c.get("org"), instrumentId, versionId) }, 200);
};

export const saveProgressionItemMapping: RouteHandler<
  typeof routes.saveProgressionItemMapping,
  AppEnv
> = async (c) => {
  const { instrumentId, versionId } = c.req.valid("param");
  return c.json(
    await services.saveItemMapping(c.get("org"), instrumentId, versionId, c.req.valid("json")),
    200,
  );
};

export const getInterventionProgressionInstruments: RouteHandler<
  typeof routes.getInterventionProgressionInstruments,
  AppEnv
> = async (c) =>
  c.json(await services.getInterventionInstruments(c.get("org"), c.req.valid("param").interventionId), 200);

export const setInterventionProgressionInstruments: RouteHandler<
  typeof routes.setInterventionProgressionInstruments,
  AppEnv
> = async (c) =>
  c.json(
    await services.setInterventionInstruments(
      c.get("org"),
      c.req.valid("param").interventionId,
      c.req.valid("json").versionIds,
    ),
    200,
  );
