/**
 * @nns/api-client as an integrator uses it, over real HTTP against the real app: a client made from a base
 * URL and an API key, typed errors, the pagination helper and the idempotency-key helper.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  ApiProblem,
  createApiClient,
  newIdempotencyKey,
  paginate,
  unwrap,
  withIdempotencyKey,
} from "@nns/api-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRAINING_REQUEST } from "./key-success-cases.js";
import { CATALOGUE_WORD, type SdkServer, startSdkServer } from "./sdk-server.js";

let server: SdkServer;
beforeAll(async () => {
  server = await startSdkServer();
});
afterAll(async () => server?.close());

const clientWith = async (scopes: string[]) =>
  createApiClient({ baseUrl: server.baseUrl, apiKey: await server.key(scopes) });

describe("a client made from a base URL and an API key", () => {
  it("is the key's organization's client", async () => {
    const api = await clientWith(["org:read"]);
    const me = await unwrap(api.GET("/auth/me"));
    expect(me).toMatchObject({ kind: "api_key", apiKey: { organizationId: server.env.orgA.id } });
    const org = await unwrap(api.GET("/orgs/{orgId}", { params: { path: { orgId: server.env.orgA.id } } }));
    expect(org.slug).toBe("alfa");
  });
});

describe("typed errors", () => {
  it("throws ApiProblem with status, code, request id and the field errors of a refused body", async () => {
    const api = await clientWith(["trainings:book"]);
    const refused = await unwrap(
      api.POST("/orgs/{orgId}/training-requests", {
        params: { path: { orgId: server.env.orgA.id } },
        body: { ...TRAINING_REQUEST, contactEmail: "inte-en-adress", expectedParticipants: 0 },
      }),
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiProblem);
    const problem = refused as ApiProblem;
    expect(problem).toMatchObject({ status: 400, code: "validation_failed", name: "ApiProblem" });
    expect(problem.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(problem.errorsFor("body.contactEmail")).toHaveLength(1);
    expect(problem.fieldErrors.map((e) => e.field)).toContain("body.expectedParticipants");
  });

  it("throws 403 forbidden for a scope the key lacks, and 401 for a key that does not exist", async () => {
    const reader = await clientWith(["org:read"]);
    await expect(
      unwrap(reader.GET("/orgs/{orgId}/members", { params: { path: { orgId: server.env.orgA.id } } })),
    ).rejects.toMatchObject({ status: 403, code: "forbidden" });
    const stranger = createApiClient({
      baseUrl: server.baseUrl,
      apiKey: `nns_${"a".repeat(16)}_${"b".repeat(40)}`,
    });
    await expect(unwrap(stranger.GET("/auth/me"))).rejects.toMatchObject({
      status: 401,
      code: "api_key_invalid",
    });
  });

  it("still throws ApiProblem when what answers is not the API (a proxy's HTML page)", async () => {
    const proxy = createServer((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" }).end("<h1>Bad Gateway</h1>");
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = proxy.address() as AddressInfo;
      const api = createApiClient({ baseUrl: `http://127.0.0.1:${port}/v1`, apiKey: "nns_x" });
      const error = await unwrap(api.GET("/auth/me")).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiProblem);
      expect(error).toMatchObject({ status: 502, code: "http_502", fieldErrors: [], requestId: null });
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});

describe("paginate", () => {
  it("walks every member page by page, following nextCursor", async () => {
    const api = await clientWith(["members:read"]);
    const orgId = server.env.orgA.id;
    const pages: number[] = [];
    const emails: string[] = [];
    for await (const member of paginate(async (cursor) => {
      const result = await api.GET("/orgs/{orgId}/members", {
        params: { path: { orgId }, query: { cursor, limit: 1 } },
      });
      pages.push(result.data?.data.length ?? -1);
      return result;
    }))
      emails.push(member.email);
    expect(emails.sort()).toEqual(["admin.a@test.se", "editor.a@test.se", "viewer.a@test.se"]);
    expect(pages).toEqual([1, 1, 1]);
  });

  it("walks a public catalogue search the same way", async () => {
    const api = createApiClient({ baseUrl: server.baseUrl });
    const titles: string[] = [];
    for await (const hit of paginate((cursor) =>
      api.GET("/catalog/interventions", { params: { query: { q: CATALOGUE_WORD, limit: 2, cursor } } }),
    ))
      titles.push(hit.title);
    expect(titles.sort()).toEqual([
      `${CATALOGUE_WORD} i Luleå`,
      `${CATALOGUE_WORD} i Visby`,
      `${CATALOGUE_WORD} i Ystad`,
    ]);
  });

  it("throws ApiProblem when a page is refused", async () => {
    const api = await clientWith(["members:read"]);
    const walk = paginate((cursor) =>
      api.GET("/orgs/{orgId}/members", {
        params: { path: { orgId: server.env.orgA.id }, query: { cursor: cursor ?? "påhittad" } },
      }),
    );
    await expect(walk.next()).rejects.toMatchObject({ status: 400, code: "validation_failed" });
  });
});

describe("withIdempotencyKey", () => {
  it("makes a retried training request answer the stored result instead of sending a second", async () => {
    const api = await clientWith(["trainings:book", "trainings:read"]);
    const orgId = server.env.orgA.id;
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const send = () =>
      api.POST(
        "/orgs/{orgId}/training-requests",
        withIdempotencyKey(
          { params: { path: { orgId } }, body: TRAINING_REQUEST, headers: { "x-trace": "1" } },
          key,
        ),
      );
    const first = await send();
    const retry = await send();
    expect(first.response.status).toBe(201);
    expect(retry.response.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.data?.id).toBe(first.data?.id);
    const all = await unwrap(api.GET("/orgs/{orgId}/training-requests", { params: { path: { orgId } } }));
    expect(all.data.filter((r) => r.id === first.data?.id)).toHaveLength(1);
    const other = await unwrap(
      api.POST(
        "/orgs/{orgId}/training-requests",
        withIdempotencyKey({ params: { path: { orgId } }, body: TRAINING_REQUEST }),
      ),
    );
    expect(other.id).not.toBe(first.data?.id);
  });
});
