import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createApiClient, isProblem } from "../src/index.js";

const root = new URL("..", import.meta.url).pathname;

describe("the generated client", () => {
  // Generating from the whole contract, examples included, takes seconds on a busy machine.
  it("is what openapi-typescript makes of the committed contract (run `pnpm --filter @nns/api-client generate` if not)", () => {
    const out = join(mkdtempSync(join(tmpdir(), "api-client-")), "schema.ts");
    execFileSync(join(root, "node_modules", ".bin", "openapi-typescript"), ["openapi.json", "-o", out], {
      cwd: root,
      stdio: "ignore",
    });
    expect(readFileSync(join(root, "src", "schema.ts"), "utf8")).toBe(readFileSync(out, "utf8"));
  }, 60_000);

  it("builds typed requests against the base URL and passes problems through", async () => {
    const seen: Request[] = [];
    const api = createApiClient({
      baseUrl: "https://nns.example/v1",
      fetch: async (request: Request) => {
        seen.push(request);
        return new Response(
          JSON.stringify({
            type: "urn:problem:nns:forbidden",
            title: "t",
            status: 403,
            detail: "d",
            code: "forbidden",
            instance: "/x",
            requestId: "r",
          }),
          {
            status: 403,
            headers: { "content-type": "application/problem+json" },
          },
        );
      },
    });
    const { error } = await api.GET("/orgs/{orgId}/members", {
      params: { path: { orgId: "3b0c" }, query: { limit: 10 } },
    });
    expect(seen[0]?.url).toBe("https://nns.example/v1/orgs/3b0c/members?limit=10");
    expect(isProblem(error)).toBe(true);
  });
});
