import { readFile } from "node:fs/promises";
import { defineConfig, type Options } from "tsup";

type Plugin = NonNullable<Options["esbuildPlugins"]>[number];

/**
 * pdfkit loads its standard fonts with `createRequire(import.meta.url)('#standard-fonts/…')`, a subpath
 * import of its own package.json that no longer resolves once bundled (import.meta.url is the bundle's).
 * Rewritten as static requires of the same files, esbuild bundles the font metrics with the rest.
 */
const pdfkitStandardFonts: Plugin = {
  name: "pdfkit-standard-fonts",
  setup(build) {
    build.onLoad({ filter: /pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, async (args) => ({
      contents: (await readFile(args.path, "utf8")).replace(
        /require\$1\('#standard-fonts\/(\w+)'\)/g,
        "require('./standard-fonts/$1.cjs')",
      ),
      loader: "js",
    }));
  },
};

// One self-contained bundle per entry. Kept external: packages that load files of their own at run time
// (PGlite's WebAssembly, argon2's native binary, Scalar's browser bundle), which apps/api depends on directly.
export default defineConfig({
  entry: ["src/server.ts", "src/cli.ts"],
  format: ["esm"],
  platform: "node",
  target: "node20",
  sourcemap: true,
  clean: true,
  esbuildPlugins: [pdfkitStandardFonts],
  noExternal: [/^(?!@electric-sql\/pglite|@node-rs\/argon2|@scalar\/api-reference).*/],
  external: ["@electric-sql/pglite", "@node-rs/argon2", "@scalar/api-reference"],
  // CommonJS dependencies inside an ESM bundle still call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
