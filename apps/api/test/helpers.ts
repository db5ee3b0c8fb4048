import { createTestDatabase, type TestDatabase } from "@nns/db/testing";
import { luhnCheckDigit, type Role } from "@nns/domain";
import {
  addSession,
  createDeps,
  createNnsOrganization,
  createOrganization,
  createTraining,
  type DeliveryPolicy,
  type Deps,
  enterOrganization,
  grantRole,
  type MemberPartyInput,
  moveTraining,
  type OrganizationView,
  type OrgContext,
  type ServiceConfig,
  startBackgroundWork,
  systemContext,
} from "@nns/services";
import { finsamMemberParties } from "@nns/services/testing";
import pino from "pino";
import { afterAll, beforeAll } from "vitest";
import { createApp } from "../src/app.js";
import { createMetrics, type Metrics } from "../src/observability/metrics.js";
import { type Client, PASSWORD, PUBLIC_URL, signIn } from "./client.js";

export interface TestUser {
  id: string;
  email: string;
}

export interface TestEnv {
  app: ReturnType<typeof createApp>;
  deps: Deps;
  t: TestDatabase;
  nns: OrganizationView;
  orgA: OrganizationView;
  orgB: OrganizationView;
  users: Record<"nnsAdmin" | "nnsViewer" | "adminA" | "editorA" | "viewerA" | "adminB", TestUser>;
  /** With `metrics`: the app's Prometheus metrics. */
  metrics: Metrics | null;
  close: () => Promise<void>;
}

export interface TestOptions {
  session?: Partial<ServiceConfig["session"]>;
  loginThrottle?: Partial<ServiceConfig["loginThrottle"]>;
  trustProxy?: boolean;
  smtpUrl?: string | null;
  /** Retry timing for email delivery; with `smtpUrl` the queue and its workers run in the test. */
  delivery?: Partial<DeliveryPolicy>;
  /** Outgoing webhooks: allowed targets and delivery timing. */
  webhooks?: ServiceConfig["webhooks"];
  /** Collection through Stripe, e.g. the fake Stripe's options and a webhook secret. */
  stripe?: ServiceConfig["stripe"];
  /** Newsletters: the bounce secret, sign-up limits, the soft-bounce policy. */
  newsletters?: ServiceConfig["newsletters"];
  /** Prometheus metrics, as METRICS_ENABLED gives (the database instrumented). */
  metrics?: boolean;
  /** A span per request, as OTEL_ENABLED gives; the test registers the SDK (startTracing). */
  tracing?: boolean;
}

/**
 * A fresh database (PGlite, or a new PostgreSQL database when DATABASE_URL is set), the real app, and two
 * förbund beside NNS with a person in every role. Created through the same services the CLI uses.
 */
export async function setupTestApp(options: TestOptions = {}): Promise<TestEnv> {
  const t = await createTestDatabase({ instrument: Boolean(options.metrics || options.tracing) });
  const deps: Deps = createDeps(
    t.db,
    {
      publicUrl: PUBLIC_URL,
      session: { idleTimeoutMs: 60 * 60_000, absoluteTimeoutMs: 12 * 3_600_000, ...options.session },
      loginThrottle: {
        maxPerPair: 5,
        maxPerAccount: 20,
        maxPerIp: 50,
        windowMs: 15 * 60_000,
        ...options.loginThrottle,
      },
      minGroupSize: 5,
      ...(options.webhooks && { webhooks: options.webhooks }),
      ...(options.stripe && { stripe: options.stripe }),
      ...(options.newsletters && { newsletters: options.newsletters }),
    },
    { smtpUrl: options.smtpUrl ?? null, from: "NNS test <test@nns.localhost>", delivery: options.delivery },
    { pollingIntervalSeconds: 0.5 },
  );
  if (options.smtpUrl) await startBackgroundWork(deps, { info: () => undefined });
  const ctx = systemContext(deps, "test-setup");
  const nns = await createNnsOrganization(ctx, {
    name: "NNS",
    slug: "nns",
    organizationNumber: "2220000018",
    countyCode: null,
  });
  const orgA = await createOrganization(ctx, {
    name: "Samordningsförbundet Alfa",
    slug: "alfa",
    organizationNumber: "2220001016",
    countyCode: "13",
    memberParties: [
      { kind: "fk" },
      { kind: "af" },
      { kind: "region", countyCode: "13" },
      { kind: "kommun", municipalityCode: "1380" },
    ],
  });
  const orgB = await createOrganization(ctx, {
    name: "Samordningsförbundet Beta",
    slug: "beta",
    organizationNumber: "2220001024",
    countyCode: "22",
    memberParties: finsamMemberParties("22", ["2281"]),
  });
  const grant = async (slug: string, email: string, role: Role): Promise<TestUser> => {
    const { userId } = await grantRole(ctx, {
      organizationSlug: slug,
      email,
      name: email.split("@")[0] as string,
      password: PASSWORD,
      role,
    });
    return { id: userId, email };
  };
  const users = {
    nnsAdmin: await grant("nns", "nns.admin@test.se", "nns_admin"),
    nnsViewer: await grant("nns", "nns.viewer@test.se", "viewer"),
    adminA: await grant("alfa", "admin.a@test.se", "org_admin"),
    editorA: await grant("alfa", "editor.a@test.se", "editor"),
    viewerA: await grant("alfa", "viewer.a@test.se", "viewer"),
    adminB: await grant("beta", "admin.b@test.se", "org_admin"),
  };
  const metrics = options.metrics ? createMetrics(deps, { queueDepthCacheMs: 0 }) : null;
  const app = createApp(deps, {
    metrics,
    tracing: options.tracing ?? false,
    cookieSecure: true,
    trustProxy: options.trustProxy ?? true,
    publicUrl: PUBLIC_URL,
    logger: pino({ level: "silent" }),
  });
  return {
    app,
    deps,
    t,
    nns,
    orgA,
    orgB,
    users,
    metrics,
    close: async () => {
      metrics?.close();
      await deps.jobs.stop();
      deps.mailer.close();
      await t.destroy();
    },
  };
}

/**
 * The file's app and database, built before its first test and closed after its last: the fields of
 * the returned object are filled in `beforeAll`, so read them inside tests, not at the top level.
 */
export function useTestApp(options: TestOptions = {}): TestEnv {
  const env = {} as TestEnv;
  beforeAll(async () => {
    Object.assign(env, await setupTestApp(options));
  });
  afterAll(async () => env.close?.());
  return env;
}

/** A person in each role of a förbund's own. */
export type TenantRole = "admin" | "editor" | "viewer";

export interface Tenant {
  org: OrganizationView;
  admin: TestUser;
  editor: TestUser;
  viewer: TestUser;
  /** The förbund as operations enter it, to arrange state through the services. */
  ctx: OrgContext;
  /** That person's session, signed in at first use and the same one after. */
  signIn(role: TenantRole): Promise<Client>;
  /** Another person in the förbund; `local` makes the address (`local.tenant-N@test.se`) unique. */
  addPerson(role: Role, local: string): Promise<TestUser>;
}

export interface TenantOptions {
  countyCode?: string;
  memberParties?: MemberPartyInput[];
}

let tenantSerial = 0;

/**
 * A new förbund of the test's own, with an org_admin, an editor and a viewer, so that a test changes
 * nothing another test looks at and can run alone. Unique within the file's database: slug `tenant-N`,
 * name "Samordningsförbundet Tenant N", organisationsnummer 969000-NNNC.
 */
export async function freshTenant(env: TestEnv, options: TenantOptions = {}): Promise<Tenant> {
  tenantSerial += 1;
  const slug = `tenant-${tenantSerial}`;
  const nine = `969${String(tenantSerial).padStart(6, "0")}`;
  const system = systemContext(env.deps, "test-tenant");
  const org = await createOrganization(system, {
    name: `Samordningsförbundet Tenant ${tenantSerial}`,
    slug,
    organizationNumber: `${nine}${luhnCheckDigit(nine)}`,
    countyCode: options.countyCode ?? "13",
    // Valid under Finsam in whichever län the test chose; Halmstad in Halland by default.
    memberParties:
      options.memberParties ??
      finsamMemberParties(options.countyCode ?? "13", options.countyCode ? undefined : ["1380"]),
  });
  const addPerson = async (role: Role, local: string): Promise<TestUser> => {
    const email = `${local}.${slug}@test.se`;
    const { userId } = await grantRole(system, {
      organizationSlug: slug,
      email,
      name: `${local} ${slug}`,
      password: PASSWORD,
      role,
    });
    return { id: userId, email };
  };
  const users: Record<TenantRole, TestUser> = {
    admin: await addPerson("org_admin", "admin"),
    editor: await addPerson("editor", "editor"),
    viewer: await addPerson("viewer", "viewer"),
  };
  const sessions = new Map<TenantRole, Promise<Client>>();
  return {
    org,
    ...users,
    ctx: await enterOrganization(system, org.id),
    signIn: (role) => {
      let session = sessions.get(role);
      if (!session) {
        session = signIn(env, users[role].email);
        sessions.set(role, session);
      }
      return session;
    },
    addPerson,
  };
}

/** A förbund's own event day in two weeks, with one session, open for registration. */
export async function plannedEvent(
  ctx: OrgContext,
  title: string,
  capacity: number,
): Promise<{ trainingId: string; sessionId: string }> {
  const event = await createTraining(ctx, { kind: "event", title });
  const start = new Date(Date.now() + 14 * 86_400_000);
  const withSession = await addSession(ctx, event.id, {
    title: "Inspirationsdag",
    startsAt: start,
    endsAt: new Date(start.getTime() + 6 * 3_600_000),
    mode: "on_site",
    location: "Stadshuset",
    capacity,
  });
  await moveTraining(ctx, event.id, "plan", null);
  return { trainingId: event.id, sessionId: withSession.sessions[0]?.id as string };
}

/** A person's role in an organization as the database has it, or null when not a member. */
export async function roleIn(env: TestEnv, orgId: string, userId: string): Promise<string | null> {
  const rows = await env.t.db.ownerSql(
    "select role from memberships where organization_id = $1 and user_id = $2",
    [orgId, userId],
  );
  return rows[0] ? String(rows[0].role) : null;
}

/** The latest email to an address, read through the outbox table as operations would. */
export async function lastEmailTo(env: TestEnv, address: string): Promise<{ subject: string; text: string }> {
  const rows = await env.t.db.ownerSql(
    "select subject, text_body from emails where to_address = $1 order by created_at desc limit 1",
    [address],
  );
  const row = rows[0];
  if (!row) throw new Error(`no email to ${address}`);
  return { subject: String(row.subject), text: String(row.text_body) };
}

export function tokenFromEmail(text: string): string {
  const match = /#token=([a-z2-7]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no token link in: ${text}`);
  return match[1];
}

const STOCKHOLM_DAY = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" });

/**
 * A calendar day in Sweden, `offset` days from today, as the server dates invoices and payments: near
 * midnight the UTC date is already or still another day.
 */
export function stockholmDay(offset = 0): string {
  return STOCKHOLM_DAY.format(new Date(Date.now() + offset * 86_400_000));
}
