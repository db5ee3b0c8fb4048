import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = new URL("..", import.meta.url).pathname;

/**
 * The README's TypeScript examples, in order, as one integrator's program: imports gathered into one (they
 * all come from this package), the rest inside one async function, with the two values an example only
 * names (a training's id and a request body) declared first.
 */
function readmeProgram(readme: string): string {
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
  const imported = new Set<string>();
  const statements: string[] = [];
  for (const block of blocks)
    for (const line of block.split("\n")) {
      const names = /^import \{ (.+) \} from "@nns\/api-client";$/.exec(line)?.[1];
      if (names) for (const name of names.split(", ")) imported.add(name);
      else statements.push(`  ${line}`);
    }
  return [
    `import { ${[...imported].join(", ")} } from "../src/index.js";`,
    `import type { paths } from "../src/index.js";`,
    `type Body = paths["/orgs/{orgId}/training-requests"]["post"]["requestBody"]["content"]["application/json"];`,
    "export async function readme(trainingId: string, body: Body) {",
    ...statements,
    "}",
  ].join("\n");
}

describe("the README", () => {
  it("has TypeScript examples that compile against the package", async () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    expect(readme.match(/```ts\n/g)?.length).toBeGreaterThan(5);
    const dir = mkdtempSync(join(root, ".readme-"));
    try {
      writeFileSync(join(dir, "readme.ts"), readmeProgram(readme));
      writeFileSync(
        join(dir, "tsconfig.json"),
        JSON.stringify({
          extends: "../tsconfig.json",
          compilerOptions: { noUnusedLocals: false },
          include: ["readme.ts"],
        }),
      );
      const result = await promisify(execFile)(join(root, "node_modules", ".bin", "tsc"), ["-p", dir]).catch(
        (error: { stdout: string }) => ({ stdout: error.stdout }),
      );
      expect(result.stdout).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
