import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Scalar } from "@scalar/hono-api-reference";
import { Hono } from "hono";
import type { AppEnv } from "./lib/env.js";

/** Scalar's browser bundle is served from our own origin: the reference works offline and leaks no visits. */
const standalonePath = join(
  dirname(createRequire(import.meta.url).resolve("@scalar/api-reference")),
  "browser",
  "standalone.js",
);
let standalone: Promise<Buffer> | undefined;

export const DOCS_PATH = "/docs";

export const docsRouter = new Hono<AppEnv>()
  .get("/docs/scalar.js", async (c) => {
    standalone ??= readFile(standalonePath);
    c.header("Content-Type", "text/javascript; charset=utf-8");
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(new Uint8Array(await standalone));
  })
  .get(
    DOCS_PATH,
    Scalar((c) => ({
      url: "/v1/openapi.json",
      cdn: "/docs/scalar.js",
      pageTitle: "NNS-plattformen API",
      // Scalar's own web fonts come from fonts.scalar.com; the page uses the system's, like the admin.
      withDefaultFonts: false,
      // Set by the CSP's script-src for this path (app.ts): the page's one inline script carries it.
      nonce: c.get("secureHeadersNonce"),
    })),
  );
