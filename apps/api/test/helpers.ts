import { createTestDatabase, type TestDatabase } from "@nns/db/testing";
import type { Role } from "@nns/domain";
import {
  addSession,
  createDeps,
  createNnsOrganization,
  createOrganization,
  createTraining,
  type DeliveryPolicy,
  type Deps,
  grantRole,
  moveTraining,
  type OrganizationView,
  type OrgContext,
  type ServiceConfig,
  startBackgroundWork,
  systemContext,
} from "@nns/services";
import pino from "pino";
import { createApp } from "../src/app.js";

export const PUBLIC_URL = "http://localhost:3000";
export const PASSWORD = "Testlösenord-för-NNS";

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
  close: () => Promise<void>;
}

export interface TestOptions {
  session?: Partial<ServiceConfig["session"]>;
  loginThrottle?: Partial<ServiceConfig["loginThrottle"]>;
  trustProxy?: boolean;
  smtpUrl?: string | null;
  /** Retry timing for email delivery; with `smtpUrl` the queue and its workers run in the test. */
  delivery?: Partial<DeliveryPolicy>;
}

/**
 * A fresh database (PGlite, or a new PostgreSQL database when DATABASE_URL is set), the real app, and two
 * förbund beside NNS with a person in every role. Created through the same services the CLI uses.
 */
export async function setupTestApp(options: TestOptions = {}): Promise<TestEnv> {
  const t = await createTestDatabase();
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
    memberParties: [{ kind: "kommun", municipalityCode: "2281" }],
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
  const app = createApp(deps, {
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
    close: async () => {
      await deps.jobs.stop();
      deps.mailer.close();
      await t.destroy();
    },
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

export interface TestResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON a route answers; each assertion names the fields it expects
  body: any;
}

/**
 * A caller of the real app: keeps the session and device cookies like a browser and sends our Origin on
 * unsafe methods.
 */
export class Client {
  cookie: string | null = null;
  device: string | null = null;
  bearer: string | null = null;
  ip = "192.0.2.10";

  constructor(private readonly env: TestEnv) {}

  async request(
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string>; rawBody?: string; origin?: string | null } = {},
  ): Promise<TestResponse> {
    const headers: Record<string, string> = { "x-forwarded-for": this.ip, ...init.headers };
    const cookies = [this.cookie, this.device].filter(Boolean);
    if (cookies.length > 0) headers.cookie = cookies.join("; ");
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    const unsafe = !["GET", "HEAD"].includes(method);
    if (unsafe && init.origin !== null) headers.origin = init.origin ?? PUBLIC_URL;
    let body: string | undefined;
    if (init.rawBody !== undefined) body = init.rawBody;
    else if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers["content-type"] ??= "application/json";
    }
    const response = await this.env.app.request(`${PUBLIC_URL}${path}`, { method, headers, body });
    for (const setCookie of response.headers.getSetCookie()) {
      const value = setCookie.split(";")[0] as string;
      const cleared = value.endsWith("=") || /Max-Age=0/i.test(setCookie);
      if (value.startsWith("__Host-nns_session=")) this.cookie = cleared ? null : value;
      if (value.startsWith("__Host-nns_device=")) this.device = cleared ? null : value;
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }

  get = (path: string, headers?: Record<string, string>) => this.request("GET", path, { headers });
  post = (path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request("POST", path, { body, headers });
  patch = (path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request("PATCH", path, { body, headers });
  delete = (path: string, headers?: Record<string, string>) => this.request("DELETE", path, { headers });
}

export async function signIn(env: TestEnv, email: string, password = PASSWORD): Promise<Client> {
  const client = new Client(env);
  const res = await client.post("/v1/auth/login", { email, password });
  if (res.status !== 200)
    throw new Error(`sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return client;
}

export function withKey(env: TestEnv, secret: string): Client {
  const client = new Client(env);
  client.bearer = secret;
  return client;
}

/** Asserts the RFC 9457 shape every error must have, and returns the body. */
export function expectProblem(res: TestResponse, status: number, code: string) {
  if (res.status !== status || res.body?.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
  const contentType = res.headers.get("content-type") ?? "";
  if (!contentType.startsWith("application/problem+json")) throw new Error(`content-type was ${contentType}`);
  for (const key of ["type", "title", "status", "detail", "code", "instance", "requestId"]) {
    if (!(key in res.body)) throw new Error(`problem lacks ${key}: ${JSON.stringify(res.body)}`);
  }
  if (res.body.requestId !== res.headers.get("x-request-id"))
    throw new Error("problem requestId differs from X-Request-Id");
  if (JSON.stringify(res.body).includes("    at ")) throw new Error("problem leaks a stack trace");
  return res.body;
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
