// Longer than 400 lines: one suite over every route, with a fixture for each feature's resources on both sides.
/**
 * The security suite, generated from the route registry: every route of /v1 is visited, so a new route
 * cannot ship without it. For each route: no credentials → 401; another organization's path or resource
 * → 404; too small a role or API key scope → 403; a key with exactly the route's scope succeeds wherever the
 * contract offers key security; `Cache-Control: no-store` on every answer that is not declared the same
 * for everyone. A route whose access is not declared, a public or cacheable route not on
 * the lists below, or a path parameter the suite has no fixture for fails the build.
 */

import { randomUUID } from "node:crypto";
import { API_KEY_SCOPES, type Permission, permissionsForRole, type Role } from "@nns/domain";
import {
  addBudgetLine,
  addPrintCost,
  addSection,
  addSubscriber,
  createApiKey,
  createEventSeries,
  createIntervention,
  createIssue,
  createPublication,
  createWebhookEndpoint,
  enterOrganization,
  inviteMember,
  type OrgContext,
  pingWebhookEndpoint,
  recordResults,
  registerParticipant,
  startBackgroundWork,
  submitTrainingRequest,
  systemContext,
} from "@nns/services";
import { RESAM_RESULTS, sampleContent } from "@nns/services/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createV1 } from "../src/app.js";
import { ACCESS_EXTENSION, acceptsApiKeys, type RouteAccess } from "../src/lib/access.js";
import { Client, expectProblem, signIn, withKey } from "./client.js";
import { plannedEvent, setupTestApp, type TestEnv } from "./helpers.js";
import { type KeySuccess, keySuccessCases } from "./key-success-cases.js";
import { insertPublication } from "./newsletter-fixtures.js";
import { billingFixture } from "./security-billing.js";
import { VALID_BODIES } from "./security-bodies.js";
import { expectNoIndividualData, progressionFixture, reportQuery } from "./security-progression.js";

interface RegisteredRoute {
  method: string;
  path: string;
  access: RouteAccess | undefined;
}

const routes: RegisteredRoute[] = createV1()
  .openAPIRegistry.definitions.filter((d) => d.type === "route")
  .map((d) => {
    const route = (d as { route: Record<string, unknown> }).route;
    return {
      method: String(route.method).toUpperCase(),
      path: String(route.path),
      access: route[ACCESS_EXTENSION] as RouteAccess | undefined,
    };
  });

/** Routes anyone may call. Adding a public route means adding it here, on purpose. */
const PUBLIC_ROUTES = new Set([
  "POST /auth/login",
  "POST /auth/password-reset",
  "POST /auth/password-reset/confirm",
  "POST /auth/invitations/lookup",
  "POST /auth/invitations/accept",
  "GET /reference/counties",
  "GET /reference/municipalities",
  "GET /reference/forbund",
  "GET /statistics/periods",
  "GET /statistics/forbund/{slug}",
  "GET /statistics/forbund/{slug}/figures.csv",
  "GET /statistics/forbund/{slug}/report.pdf",
  "GET /statistics/municipalities/{code}",
  "GET /statistics/municipalities/{code}/figures.csv",
  "GET /statistics/municipalities/{code}/trend",
  "GET /statistics/ranking",
  "POST /surveys/lookup",
  "POST /surveys/answer",
  "GET /catalog/interventions",
  "GET /catalog/interventions/{interventionId}",
  "GET /catalog/export",
  "GET /catalog/feed",
  "GET /catalog/vocabularies",
  "GET /newsletters/{slug}",
  "GET /newsletters/{slug}/issues",
  "GET /newsletters/{slug}/issues/{number}",
  "POST /webhooks/stripe",
  "POST /newsletters/{slug}/subscriptions",
  "POST /newsletters/bounces",
  "POST /newsletters/inbound",
  "GET /self-rating/{token}",
  "POST /self-rating/{token}",
]);

/** Public reads whose answer is the same for everyone, so they keep their own caching headers. */
const CACHEABLE_ROUTES = new Set([
  "GET /reference/counties",
  "GET /reference/municipalities",
  "GET /reference/forbund",
  "GET /statistics/periods",
  "GET /statistics/forbund/{slug}",
  "GET /statistics/forbund/{slug}/figures.csv",
  "GET /statistics/forbund/{slug}/report.pdf",
  "GET /statistics/municipalities/{code}",
  "GET /statistics/municipalities/{code}/figures.csv",
  "GET /statistics/municipalities/{code}/trend",
  "GET /statistics/ranking",
  "GET /catalog/interventions",
  "GET /catalog/interventions/{interventionId}",
  "GET /catalog/export",
  "GET /catalog/feed",
  "GET /catalog/vocabularies",
  "GET /newsletters/{slug}",
  "GET /newsletters/{slug}/issues",
  "GET /newsletters/{slug}/issues/{number}",
]);

let env: TestEnv;
const ids: Record<"A" | "B", Record<string, string>> = { A: {}, B: {} };
const keyCache = new Map<string, string>();

async function keyForA(scopes: string[]): Promise<string> {
  const cacheKey = scopes.join(",");
  const cached = keyCache.get(cacheKey);
  if (cached) return cached;
  const org = await enterOrganization(systemContext(env.deps, "security-suite"), env.orgA.id);
  const { secret } = await createApiKey(org, { name: `scopes ${cacheKey}`, scopes, expiresAt: null });
  keyCache.set(cacheKey, secret);
  return secret;
}

beforeAll(async () => {
  env = await setupTestApp();
  // The queue without workers: a ping creates a delivery for the fixtures, and nothing sends it.
  await startBackgroundWork(env.deps, { info: () => undefined }, false);
  const system = systemContext(env.deps, "security-suite");
  const billing = await billingFixture(env);
  const progression = await progressionFixture(env);
  for (const [side, org, member] of [
    ["A", env.orgA, env.users.viewerA],
    ["B", env.orgB, env.users.adminB],
  ] as const) {
    const ctx = await enterOrganization(system, org.id);
    const invitation = await inviteMember(ctx, { email: `suite.${side}@test.se`, role: "viewer" });
    const { apiKey } = await createApiKey(ctx, {
      name: `suite ${side}`,
      scopes: ["org:read"],
      expiresAt: null,
    });
    const training = await trainingFixture(ctx, side);
    const intervention = await createIntervention(ctx, { content: sampleContent() });
    const report = await recordResults(ctx, intervention.id, RESAM_RESULTS);
    const { endpoint } = await createWebhookEndpoint(ctx, {
      url: `https://hooks.example.se/${side}`,
      events: ["registration.created"],
    });
    const delivery = await pingWebhookEndpoint(ctx, endpoint.id);
    const archivedSlug = `suite-${side.toLowerCase()}`;
    await insertPublication(env, {
      ownerId: org.id,
      slug: archivedSlug,
      name: `Nyhetsbrev ${side}`,
      issues: [
        { number: 1, subject: "Nummer ett", status: "sent", sentAt: "2026-10-01T08:00:00Z", sections: [] },
      ],
    });
    const newsletter = await newsletterFixture(ctx, side);
    const subscriber = await addSubscriber(ctx, newsletter.publicationId, {
      email: `prenumerant.${side}@test.se`,
      consentText: "Säkerhetssviten.",
      attestConsent: true,
    });
    ids[side] = {
      orgId: org.id,
      userId: member.id,
      invitationId: invitation.id,
      apiKeyId: apiKey.id,
      ...training,
      // NNS-only routes answer 403 before looking anything up; any id will do.
      trainerId: randomUUID(),
      certificationId: randomUUID(),
      importId: randomUUID(),
      synonymId: randomUUID(),
      interventionId: intervention.id,
      resultId: report.id,
      endpointId: endpoint.id,
      deliveryId: delivery.id,
      slug: archivedSlug,
      number: "1",
      // Price-list items and vocabulary terms (both NNS-only) share the {code} parameter.
      code: "young_adults",
      kind: "target-groups",
      coOwnerId: side === "A" ? env.orgB.id : env.orgA.id,
      buyerOrganizationId: org.id,
      ...newsletter,
      publisherId: side === "A" ? env.orgB.id : env.orgA.id,
      subscriberId: subscriber.id,
      token: `unknown-self-rating-${side}`,
      ...billing[side],
      ...progression[side],
    };
  }
});
afterAll(async () => env?.close());

/** A förbund's own newsletter with an issue that has one section. */
async function newsletterFixture(ctx: OrgContext, side: string) {
  const publication = await createPublication(ctx, {
    slug: `sakerhet-${side.toLowerCase()}`,
    name: `Säkerhetsbrevet ${side}`,
    senderName: `Förbund ${side}`,
    senderEmail: `nyhetsbrev.${side.toLowerCase()}@test.se`,
  });
  const issue = await createIssue(ctx, publication.id, { subject: `Utskick ${side}` });
  const withSection = await addSection(ctx, publication.id, issue.id, { heading: `Avsnitt ${side}` });
  return {
    publicationId: publication.id,
    issueId: issue.id,
    sectionId: withSection.sections[0]?.id as string,
  };
}

/** A förbund's own event with a session, a registered person and a print cost, and a request to NNS. */
async function trainingFixture(ctx: OrgContext, side: string) {
  const request = await submitTrainingRequest(ctx, {
    periodStart: "2027-02-01",
    periodEnd: "2027-04-30",
    expectedParticipants: 20,
    deliveryPreference: "either",
    openToSharing: true,
    contactName: `Kontakt ${side}`,
    contactEmail: `kontakt.${side}@test.se`,
  });
  const { trainingId, sessionId } = await plannedEvent(ctx, `Inspirationsdag ${side}`, 50);
  const participant = await registerParticipant(ctx, trainingId, {
    name: `Deltagare ${side}`,
    email: `deltagare.${side}@test.se`,
    contactConsent: true,
    sessionIds: [sessionId],
  });
  const costs = await addPrintCost(ctx, trainingId, {
    description: "Tryck",
    amountOre: 50_000,
    vatRateBasisPoints: 2500,
  });
  const budget = await addBudgetLine(ctx, trainingId, {
    category: "venue",
    description: "Lokal",
    budgetOre: 100_000,
    vatRateBasisPoints: 2500,
  });
  const series = await createEventSeries(ctx, { name: `Inspirationsdag ${side}` });
  return {
    lineId: budget.lines[0]?.id as string,
    seriesId: series.id,
    cohostId: ctx.organization.id,
    requestId: request.id,
    trainingId,
    sessionId,
    partyId: ctx.organization.id,
    registrationId: participant.registrations[0]?.id as string,
    printCostId: costs.printCosts[0]?.id as string,
  };
}

function fill(
  path: string,
  side: "A" | "B",
  overrides: Record<string, "A" | "B"> = {},
  given: Record<string, string> = {},
): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = given[name] ?? ids[overrides[name] ?? side][name];
    if (!value)
      throw new Error(`The security suite has no fixture for path parameter {${name}} in ${path}; add one.`);
    return value;
  });
}

/** Personal answers, errors included, must never be kept by a browser or a shared cache. */
function noStore<T extends { headers: Headers }>(res: T): T {
  expect(res.headers.get("cache-control")).toBe("no-store");
  return res;
}

/** Raw, not typed: the routes come from the registry at run time, and most bodies are empty on purpose. */
function call(client: Client, route: RegisteredRoute, path: string, given?: KeySuccess) {
  const body =
    given?.body ??
    VALID_BODIES[`${route.method} ${route.path}`] ??
    (route.method === "GET" || route.method === "DELETE" ? undefined : {});
  const query = given?.query ? `?${new URLSearchParams(given.query)}` : "";
  return client.raw(route.method, `/v1${path}${query}`, { body });
}

const ROLE_ORDER: Role[] = ["viewer", "editor", "org_admin"];
const USER_FOR_ROLE: Record<string, "viewerA" | "editorA" | "adminA"> = {
  viewer: "viewerA",
  editor: "editorA",
  org_admin: "adminA",
};

describe("the route registry", () => {
  it("declares access for every route and lists every public one", () => {
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      const id = `${route.method} ${route.path}`;
      expect(route.access, `${id} has no declared access`).toBeDefined();
      expect(
        route.access?.kind === "public",
        `${id}: public routes must be on PUBLIC_ROUTES and vice versa`,
      ).toBe(PUBLIC_ROUTES.has(id));
      expect(
        route.access?.kind === "public" && route.access.cacheable === true,
        `${id}: cacheable routes must be on CACHEABLE_ROUTES and vice versa`,
      ).toBe(CACHEABLE_ROUTES.has(id));
    }
  });
});

describe.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))("%s", (_id, route) => {
  const access = route.access as RouteAccess;

  if (access.kind === "public") {
    it("is public by declaration", () =>
      expect(PUBLIC_ROUTES.has(`${route.method} ${route.path}`)).toBe(true));
    if (access.cacheable) {
      it("keeps its own caching, the same for a signed-in caller as for anyone", async () => {
        const anonymous = await call(new Client(env), route, fill(route.path, "A"));
        const signedIn = await call(await signIn(env, env.users.viewerA.email), route, fill(route.path, "A"));
        expect(anonymous.headers.get("cache-control")).not.toBe("no-store");
        expect(signedIn.headers.get("cache-control")).toBe(anonymous.headers.get("cache-control"));
      });
    } else {
      it("answers no-store: what it says is for this caller only", async () => {
        noStore(await call(new Client(env), route, fill(route.path, "A")));
      });
    }
    return;
  }

  it("answers 401 without credentials", async () => {
    expectProblem(noStore(await call(new Client(env), route, fill(route.path, "A"))), 401, "unauthenticated");
  });

  it("answers 401 for an unknown API key", async () => {
    expectProblem(
      noStore(
        await call(withKey(env, `nns_${"a".repeat(16)}_${"b".repeat(40)}`), route, fill(route.path, "A")),
      ),
      401,
      "api_key_invalid",
    );
  });

  if (access.kind === "actor") {
    it("answers a signed-in person with no-store", async () => {
      const res = noStore(
        await call(await signIn(env, env.users.viewerA.email), route, fill(route.path, "A")),
      );
      expect(res.status).toBeLessThan(500);
    });
  }

  if (access.kind === "actor" && access.sessionOnly) {
    it("refuses API keys (403): it is for signed-in people", async () => {
      expectProblem(
        await call(withKey(env, await keyForA([...API_KEY_SCOPES])), route, fill(route.path, "A")),
        403,
        "forbidden",
      );
    });
  }

  if (access.kind === "nns") {
    it("answers 403 to a förbund administrator and to API keys, with no-store", async () => {
      expectProblem(
        noStore(await call(await signIn(env, env.users.adminA.email), route, fill(route.path, "A"))),
        403,
        "forbidden",
      );
      expectProblem(
        await call(await signIn(env, env.users.nnsViewer.email), route, fill(route.path, "A")),
        403,
        "forbidden",
      );
      expectProblem(
        await call(withKey(env, await keyForA([...API_KEY_SCOPES])), route, fill(route.path, "A")),
        403,
        "forbidden",
      );
    });
  }

  if (access.kind === "org") {
    const permission = access.permission as Permission;

    it("answers 404 for another organization's path, to people and to API keys, with no-store", async () => {
      const outsider = await signIn(env, env.users.adminB.email);
      expectProblem(noStore(await call(outsider, route, fill(route.path, "A"))), 404, "not_found");
      expectProblem(
        noStore(await call(withKey(env, await keyForA([...API_KEY_SCOPES])), route, fill(route.path, "B"))),
        404,
        "not_found",
      );
    });

    const resourceParams = [...route.path.matchAll(/\{(\w+)\}/g)]
      .map((m) => m[1] as string)
      .filter((p) => p !== "orgId");
    // Billing's NNS-only permission is held by no förbund role: the permission check comes before any
    // lookup, so an administrator learns nothing of another organization's resource either way.
    if (resourceParams.length > 0 && !permissionsForRole("org_admin").has(permission)) {
      it(`answers 403 before looking up another organization's resource: no förbund role holds ${permission}`, async () => {
        const admin = await signIn(env, env.users.adminA.email);
        const foreign = Object.fromEntries(resourceParams.map((p) => [p, "B" as const]));
        expectProblem(await call(admin, route, fill(route.path, "A", foreign)), 403, "forbidden");
      });
    } else if (resourceParams.length > 0) {
      it("answers 404 for another organization's resource under one's own organization", async () => {
        const admin = await signIn(env, env.users.adminA.email);
        const foreign = Object.fromEntries(resourceParams.map((p) => [p, "B" as const]));
        expectProblem(await call(admin, route, fill(route.path, "A", foreign)), 404, "not_found");
      });
    }

    const weakerRole = ROLE_ORDER.find((role) => !permissionsForRole(role).has(permission));
    if (weakerRole) {
      it(`answers 403 to a ${weakerRole}, who lacks ${permission}`, async () => {
        const client = await signIn(env, env.users[USER_FOR_ROLE[weakerRole] as "viewerA"].email);
        expectProblem(await call(client, route, fill(route.path, "A")), 403, "forbidden");
      });
    }

    if (acceptsApiKeys(access)) {
      it(`succeeds for an API key with exactly the ${permission} scope`, async () => {
        const prepare = keySuccessCases(
          env,
          ids.A as { trainingId: string; sessionId: string; versionId: string },
        )[`${route.method} ${route.path}`];
        const given = prepare ? await prepare() : {};
        const res = await call(
          withKey(env, await keyForA([permission])),
          route,
          fill(route.path, "A", {}, given.ids),
          given,
        );
        expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(200);
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      });
    } else {
      it("refuses a key holding every scope: the contract offers it to signed-in people only", async () => {
        expectProblem(
          await call(withKey(env, await keyForA([...API_KEY_SCOPES])), route, fill(route.path, "A")),
          403,
          "forbidden",
        );
      });
    }

    it(`answers 403 to an API key without the ${permission} scope`, async () => {
      const scopes = API_KEY_SCOPES.filter((s) => s !== permission);
      expectProblem(
        await call(withKey(env, await keyForA(scopes)), route, fill(route.path, "A")),
        403,
        "forbidden",
      );
    });
  }
});

describe("progression and NNS", () => {
  const progressionRoutes = routes.filter(
    (r) => r.path.includes("/progression") && r.access?.kind !== "public",
  );

  it("covers the progression routes", () => expect(progressionRoutes.length).toBeGreaterThanOrEqual(3));

  it.each(progressionRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))(
    "%s gives an NNS admin no participant's data, in NNS's own organization or a förbund's",
    async (_id, route) => {
      const nnsAdmin = await signIn(env, env.users.nnsAdmin.email);
      const given = { query: reportQuery(ids.A.versionId as string) };
      for (const orgId of [env.nns.id, env.orgA.id]) {
        const res = await call(nnsAdmin, route, fill(route.path, "A", {}, { orgId }), given);
        expectNoIndividualData(route, res, [ids.A, ids.B]);
      }
    },
  );
});
