import type { Schemas } from "@nns/api-client";
import type { InterventionContent } from "@nns/domain";
import { sampleContent } from "@nns/services/testing";
import { expect } from "vitest";
import { type Client, expectData } from "./client.js";

export const INTERVENTIONS = "/orgs/{orgId}/interventions";
export const INTERVENTION = "/orgs/{orgId}/interventions/{interventionId}";
export const inOrg = (orgId: string) => ({ params: { path: { orgId } } });
export const intervention = (orgId: string, interventionId: string) => ({
  params: { path: { orgId, interventionId } },
});

/** A new draft of `sampleContent` with `overrides`, created by `client` in its förbund. */
export async function createIntervention(
  client: Client,
  orgId: string,
  overrides: Partial<InterventionContent> = {},
  parentId?: string,
): Promise<Schemas["Intervention"]> {
  return expectData(
    await client.POST(INTERVENTIONS, {
      ...inOrg(orgId),
      body: { content: sampleContent(overrides), parentId },
    }),
    201,
  );
}

const ACTIONS = {
  submit: "/orgs/{orgId}/interventions/{interventionId}/submit",
  withdraw: "/orgs/{orgId}/interventions/{interventionId}/withdraw",
  publish: "/orgs/{orgId}/interventions/{interventionId}/publish",
  return: "/orgs/{orgId}/interventions/{interventionId}/return",
  archive: "/orgs/{orgId}/interventions/{interventionId}/archive",
} as const;

/** A step of the editorial workflow on an intervention, as `orgId` sees it. */
export function act(
  client: Client,
  orgId: string,
  interventionId: string,
  action: keyof typeof ACTIONS,
  body: Schemas["WorkflowAction"] = {},
) {
  return client.POST(ACTIONS[action], { ...intervention(orgId, interventionId), body });
}

/** Replaces the working copy's content, with If-Match when `etag` is given. */
export function putContent(
  client: Client,
  orgId: string,
  interventionId: string,
  content: InterventionContent,
  etag?: string,
) {
  const { params } = intervention(orgId, interventionId);
  return client.PUT(INTERVENTION, {
    params: { ...params, header: etag ? { "if-match": etag } : undefined },
    body: { content },
  });
}

/** Created by `client`, submitted, and published by NNS's admin `nns`; returns its id. */
export async function publishNew(
  client: Client,
  nns: Client,
  orgId: string,
  overrides: Partial<InterventionContent>,
): Promise<string> {
  const { id } = await createIntervention(client, orgId, overrides);
  expectData(await act(client, orgId, id, "submit"));
  expect(expectData(await act(nns, orgId, id, "publish")).state).toBe("published");
  return id;
}
