/**
 * The real app listening on 127.0.0.1, for the SDK tests: an integrator's code talks HTTP to it with the
 * global fetch, as it would to production. Beside it, organization A's own event (a session, a print
 * cost) and three published catalogue entries with a word in common.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApiKey, enterOrganization, systemContext } from "@nns/services";
import { publishNew } from "./catalog-fixtures.js";
import { signIn } from "./client.js";
import { plannedEvent, setupTestApp, type TestEnv } from "./helpers.js";

export const CATALOGUE_WORD = "Kanotprojekt";

export interface SdkServer {
  env: TestEnv;
  /** The API root an integrator configures, including `/v1`. */
  baseUrl: string;
  trainingId: string;
  /** A key of organization A holding `scopes`. */
  key: (scopes: string[]) => Promise<string>;
  close: () => Promise<void>;
}

export async function startSdkServer(): Promise<SdkServer> {
  const env = await setupTestApp();
  const server = serve({ fetch: env.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  const system = systemContext(env.deps, "sdk-test");
  const orgA = await enterOrganization(system, env.orgA.id);
  const { trainingId } = await plannedEvent(orgA, "Inspirationsdag för integratörer", 40);
  const [adminA, nns] = [
    await signIn(env, env.users.adminA.email),
    await signIn(env, env.users.nnsAdmin.email),
  ];
  for (const place of ["Visby", "Luleå", "Ystad"])
    await publishNew(adminA, nns, env.orgA.id, { title: `${CATALOGUE_WORD} i ${place}` });
  return {
    env,
    baseUrl: `http://127.0.0.1:${port}/v1`,
    trainingId,
    key: async (scopes) =>
      (await createApiKey(orgA, { name: `sdk ${scopes.join(" ")}`, scopes, expiresAt: null })).secret,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await env.close();
    },
  };
}
