import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createV1 } from "../src/app.js";
import { buildOpenApiDocument } from "../src/openapi.js";

/** `write` regenerates the committed contract; `check` fails when it is stale. */
const target = fileURLToPath(new URL("../../../packages/api-client/openapi.json", import.meta.url));
const current = `${JSON.stringify(buildOpenApiDocument(createV1()), null, 2)}\n`;
const mode = process.argv[2];

if (mode === "write") {
  writeFileSync(target, current);
  process.stdout.write(`Wrote ${target}\n`);
} else if (mode === "check") {
  let committed = "";
  try {
    committed = readFileSync(target, "utf8");
  } catch {
    // missing counts as stale
  }
  if (committed !== current) {
    process.stderr.write(
      "packages/api-client/openapi.json is stale: run `pnpm --filter @nns/api openapi:write`, then `pnpm --filter @nns/api-client generate`, and commit both.\n",
    );
    process.exit(1);
  }
  process.stdout.write("packages/api-client/openapi.json is current.\n");
} else {
  process.stderr.write("usage: openapi.ts write|check\n");
  process.exit(2);
}
