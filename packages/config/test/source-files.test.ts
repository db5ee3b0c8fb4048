import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Repository-wide conventions that no single package owns (docs/contributing.md). A source file longer
 * than MAX_LINES is a sign it holds more than its name says; one that must stay long says why in its
 * first lines, after the marker.
 */
const ROOT = join(import.meta.dirname, "../../..");
const MAX_LINES = 400;
const MARKER = "Longer than 400 lines:";
const SOURCE_DIRS = ["apps", "packages"];
const SKIPPED_DIRS = new Set(["node_modules", "dist", "migrations", "test-artifacts", ".turbo"]);
/** Written by tools, never by hand. */
const GENERATED = new Set(["packages/api-client/src/schema.ts"]);

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) yield* sourceFiles(join(dir, entry.name));
    } else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
      yield join(dir, entry.name);
    }
  }
}

function oversized(text: string): "ok" | "explained" | "too long" {
  const lines = text.split("\n");
  if (lines.length <= MAX_LINES) return "ok";
  const header = lines.slice(0, 12).join("\n");
  const reason = header.split(MARKER)[1]?.split("\n")[0]?.trim() ?? "";
  return reason.length >= 20 ? "explained" : "too long";
}

describe("source files", () => {
  it(`stay under ${MAX_LINES} lines, or say why in their header`, () => {
    const tooLong = SOURCE_DIRS.flatMap((dir) => [...sourceFiles(join(ROOT, dir))])
      .map((file) => relative(ROOT, file))
      .filter((file) => !GENERATED.has(file))
      .filter((file) => oversized(readFileSync(join(ROOT, file), "utf8")) === "too long");
    expect(tooLong, `add "${MARKER} <reason>" to the header, or split the file`).toEqual([]);
  });

  it("accepts a long file only with a stated reason (the check can fail)", () => {
    const body = "x\n".repeat(MAX_LINES + 1);
    expect(oversized(body)).toBe("too long");
    expect(oversized(`// ${MARKER}\n${body}`)).toBe("too long");
    expect(oversized(`// ${MARKER} one table per vocabulary, read together\n${body}`)).toBe("explained");
    expect(oversized("short\n")).toBe("ok");
  });
});
