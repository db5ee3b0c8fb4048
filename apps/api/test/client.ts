import { type ApiClient, createApiClient, isProblem, type Problem } from "@nns/api-client";
import { expect } from "vitest";
import type { TestEnv } from "./helpers.js";

export const PUBLIC_URL = "http://localhost:3000";
export const PASSWORD = "Testlösenord-för-NNS";

/** What a deliberately malformed request gets back: the body as JSON when it parses, else the text. */
export interface RawResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/** The result of a typed call: openapi-fetch's `{ data, error, response }`. */
export interface TypedResult<Data, Error> {
  data?: Data;
  error?: Error;
  response: Response;
}

interface RawInit {
  /** Serialized as JSON, with that content type unless `headers` names another. */
  body?: unknown;
  /** Sent as it is: for bodies that are not JSON, or not well-formed. */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Our Origin is sent on unsafe methods unless another is given here, or null for none. */
  origin?: string | null;
}

const UNSAFE = (method: string) => !["GET", "HEAD"].includes(method.toUpperCase());

/**
 * A caller of the real app, in process, through the generated API client: keeps the session and device
 * cookies like a browser and sends our Origin on unsafe methods.
 *
 *   const res = await admin.GET("/orgs/{orgId}/members", { params: { path: { orgId } } });
 *   expectData(res).data; expectProblem(res, 404, "not_found");
 */
export class Client {
  cookie: string | null = null;
  device: string | null = null;
  bearer: string | null = null;
  ip = "192.0.2.10";

  private readonly api: ApiClient;

  constructor(private readonly env: TestEnv) {
    this.api = createApiClient({
      baseUrl: `${PUBLIC_URL}/v1`,
      fetch: async (request) =>
        this.send(
          request.url,
          request.method,
          new Headers(request.headers),
          UNSAFE(request.method) ? (await request.text()) || undefined : undefined,
        ),
    });
  }

  get GET() {
    return this.api.GET;
  }
  get POST() {
    return this.api.POST;
  }
  get PUT() {
    return this.api.PUT;
  }
  get PATCH() {
    return this.api.PATCH;
  }
  get DELETE() {
    return this.api.DELETE;
  }

  /**
   * Outside the contract, for tests that send what the typed client would not let them: malformed or
   * mistyped bodies, other content types, a missing Origin, paths the API does not have. `path` is from
   * the root, `/v1` included.
   */
  async raw(method: string, path: string, init: RawInit = {}): Promise<RawResponse> {
    const headers = new Headers(init.headers);
    let body: string | undefined;
    if (init.rawBody !== undefined) body = init.rawBody;
    else if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
    }
    const origin = init.origin === undefined ? PUBLIC_URL : init.origin;
    const response = await this.send(`${PUBLIC_URL}${path}`, method, headers, body, origin);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }

  private async send(
    url: string,
    method: string,
    headers: Headers,
    body: string | undefined,
    origin: string | null = PUBLIC_URL,
  ): Promise<Response> {
    if (!headers.has("x-forwarded-for")) headers.set("x-forwarded-for", this.ip);
    const cookies = [this.cookie, this.device].filter(Boolean);
    if (cookies.length > 0) headers.set("cookie", cookies.join("; "));
    if (this.bearer) headers.set("authorization", `Bearer ${this.bearer}`);
    if (UNSAFE(method) && origin !== null && !headers.has("origin")) headers.set("origin", origin);
    const response = await this.env.app.request(url, { method, headers, body });
    for (const setCookie of response.headers.getSetCookie()) {
      const value = setCookie.split(";")[0] as string;
      const cleared = value.endsWith("=") || /Max-Age=0/i.test(setCookie);
      if (value.startsWith("__Host-nns_session=")) this.cookie = cleared ? null : value;
      if (value.startsWith("__Host-nns_device=")) this.device = cleared ? null : value;
    }
    return response;
  }
}

export async function signIn(env: TestEnv, email: string, password = PASSWORD): Promise<Client> {
  const client = new Client(env);
  const res = await client.POST("/auth/login", { body: { email, password } });
  if (res.response.status !== 200)
    throw new Error(`sign-in of ${email} failed: ${res.response.status} ${JSON.stringify(res.error)}`);
  return client;
}

export function withKey(env: TestEnv, secret: string): Client {
  const client = new Client(env);
  client.bearer = secret;
  return client;
}

/** Every page of a listing, following nextCursor; asserts each page is 200 and at most `limit` long. */
export async function walk<T>(
  limit: number,
  page: (
    cursor: string | undefined,
  ) => Promise<TypedResult<{ data: T[]; nextCursor: string | null }, unknown>>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let n = 0; n < 100; n++) {
    const body = expectData(await page(cursor));
    expect(body.data.length).toBeLessThanOrEqual(limit);
    items.push(...body.data);
    if (!body.nextCursor) return items;
    cursor = body.nextCursor;
  }
  throw new Error("more than 100 pages");
}

/** Asserts a typed call answered `status` (200 unless given), and returns its body. */
export function expectData<Data, Error>(res: TypedResult<Data, Error>, status = 200): Data {
  expect(res.response.status, JSON.stringify(res.error ?? null)).toBe(status);
  return res.data as Data;
}

/** Asserts the RFC 9457 shape every error must have, and returns the body. */
export function expectProblem(
  res: TypedResult<unknown, unknown> | RawResponse,
  status: number,
  code: string,
): Problem {
  const [actualStatus, headers, body] =
    "response" in res
      ? [res.response.status, res.response.headers, res.error ?? res.data]
      : [res.status, res.headers, res.body];
  if (actualStatus !== status || !isProblem(body) || body.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${actualStatus} ${JSON.stringify(body)}`);
  }
  const contentType = headers.get("content-type") ?? "";
  if (!contentType.startsWith("application/problem+json")) throw new Error(`content-type was ${contentType}`);
  for (const key of ["type", "title", "status", "detail", "code", "instance", "requestId"]) {
    if (!(key in body)) throw new Error(`problem lacks ${key}: ${JSON.stringify(body)}`);
  }
  if (body.requestId !== headers.get("x-request-id"))
    throw new Error("problem requestId differs from X-Request-Id");
  if (JSON.stringify(body).includes("    at ")) throw new Error("problem leaks a stack trace");
  return body;
}
