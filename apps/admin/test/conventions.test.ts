/**
 * The admin's structure, checked on its source: a feature (src/features/<name>) builds on components/,
 * lib/ and i18n/ but never on another feature, so each can be changed, moved or removed on its own.
 * Whatever two features share belongs in components/ or lib/. And a feature writes through the API
 * with lib/mutation's useApiMutation only, so the hook, not each page, owns what is refreshed after it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));
const FEATURES = join(SRC, "features");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

/** The feature a path under src/features belongs to, or null for anything outside the features. */
function featureOf(path: string): string | null {
  const rel = relative(FEATURES, path);
  if (rel.startsWith("..") || rel === "") return null;
  return rel.split(sep)[0] ?? null;
}

/**
 * Every import of another feature in one file: static imports, re-exports, side-effect imports and
 * dynamic import(), as TypeScript's own pre-processor finds them (so comments and strings don't count).
 */
function crossFeatureImports(file: string, source: string): string[] {
  const own = featureOf(file);
  if (!own) return [];
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((imported) => imported.fileName)
    .filter((specifier) => {
      if (!specifier.startsWith(".")) return false;
      const target = featureOf(resolve(dirname(file), specifier));
      return target !== null && target !== own;
    });
}

describe("features do not import each other", () => {
  it("finds a feature importing another, however it is written (the check can fail)", () => {
    const file = join(FEATURES, "members", "MembersPage.tsx");
    const source = [
      'import { trainingKeys } from "../trainings/api";',
      'import type { Organization } from "../organizations/api";',
      'export { badges } from "../../features/catalog/badges";',
      'import "../outbox/i18n";',
      'const lazy = () => import("../account/AccountPage");',
      'import { Button } from "../../components/ui";',
      'import { api } from "../../lib/api";',
      'import { roles } from "./roles";',
      'import { useQuery } from "@tanstack/react-query";',
      '// import { nothing } from "../dashboard/DashboardPage";',
    ].join("\n");
    expect(crossFeatureImports(file, source)).toEqual([
      "../trainings/api",
      "../organizations/api",
      "../../features/catalog/badges",
      "../outbox/i18n",
      "../account/AccountPage",
    ]);
  });

  it("holds for every file under src/features", () => {
    const files = sourceFiles(FEATURES);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((file) =>
      crossFeatureImports(file, readFileSync(file, "utf8")).map(
        (specifier) => `${relative(SRC, file)} imports ${specifier}`,
      ),
    );
    expect(offenders).toEqual([]);
  });
});

/**
 * Where a file takes TanStack's useMutation itself: a named import or re-export of it (however renamed),
 * or a namespace import of the package, through which it could be called all the same.
 */
function directMutationImports(file: string, source: string): string[] {
  const parsed = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  return parsed.statements.flatMap((statement) => {
    const declaration =
      ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement) ? statement : null;
    const from = declaration?.moduleSpecifier;
    if (!declaration || !from || !ts.isStringLiteral(from) || from.text !== "@tanstack/react-query")
      return [];
    const bindings = ts.isImportDeclaration(declaration)
      ? declaration.importClause?.namedBindings
      : declaration.exportClause;
    if (!bindings) return ts.isExportDeclaration(declaration) ? ["export *"] : [];
    if (ts.isNamespaceImport(bindings) || ts.isNamespaceExport(bindings))
      return [`* as ${bindings.name.text}`];
    return bindings.elements
      .filter((element) => (element.propertyName ?? element.name).text === "useMutation")
      .map((element) => element.getText(parsed));
  });
}

describe("features write through useApiMutation", () => {
  it("finds useMutation taken from TanStack, however it is written (the check can fail)", () => {
    const file = join(FEATURES, "catalog", "api.ts");
    const imports = (source: string) => directMutationImports(file, source);
    expect(imports('import { useMutation, useQuery } from "@tanstack/react-query";')).toEqual([
      "useMutation",
    ]);
    expect(imports('import { useMutation as write } from "@tanstack/react-query";')).toEqual([
      "useMutation as write",
    ]);
    expect(imports('import * as query from "@tanstack/react-query";')).toEqual(["* as query"]);
    expect(imports('export { useMutation } from "@tanstack/react-query";')).toEqual(["useMutation"]);
    expect(imports('export * from "@tanstack/react-query";')).toEqual(["export *"]);
    expect(
      imports(
        [
          'import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";',
          'import { useApiMutation } from "../../lib/mutation";',
          'import { useMutation } from "./somewhere-else";',
          '// import { useMutation } from "@tanstack/react-query";',
          "const text = 'import { useMutation } from \"@tanstack/react-query\"';",
        ].join("\n"),
      ),
    ).toEqual([]);
  });

  it("holds for every file under src/features", () => {
    const offenders = sourceFiles(FEATURES).flatMap((file) =>
      directMutationImports(file, readFileSync(file, "utf8")).map(
        (name) => `${relative(SRC, file)} imports ${name} from @tanstack/react-query`,
      ),
    );
    expect(offenders).toEqual([]);
  });
});
