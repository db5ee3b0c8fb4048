import { defineConfig } from "tsup";

// One self-contained bundle per entry. Kept external: packages that load files of their own at run time
// (PGlite's WebAssembly, argon2's native binary, Scalar's browser bundle), which apps/api depends on directly.
export default defineConfig({
  entry: ["src/server.ts", "src/cli.ts"],
  format: ["esm"],
  platform: "node",
  target: "node20",
  sourcemap: true,
  clean: true,
  noExternal: [/^(?!@electric-sql\/pglite|@node-rs\/argon2|@scalar\/api-reference).*/],
  external: ["@electric-sql/pglite", "@node-rs/argon2", "@scalar/api-reference"],
  // CommonJS dependencies inside an ESM bundle still call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
